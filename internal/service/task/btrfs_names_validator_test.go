package task_test

import (
	"encoding/json"
	"testing"

	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// target_server.btrfs_list set with btrfs_file_systems must be their names in order:
// anything else is refused before a request, naming both; either alone is fine.
func TestMigrationTaskBtrfsNamesValidator(t *testing.T) {
	v := newTaskConfigValidator(t, migrationTaskSchema(t))
	system := func(name string) map[string]any {
		return map[string]any{
			"name": name, "label": "", "uuid": "u-" + name, "device": "/dev/vdb", "size": json.Number("1"), "nodesize": json.Number("1"),
			"sectorsize": json.Number("1"), "data_profile": "single", "system_profile": "DUP", "metadata_profile": "DUP",
			"global_reserve1": "1MiB", "g_vol_used_size": json.Number("1"), "default_subvolid": "5", "default_subvol_name": "top",
			"default_subvol_mountpath": "/mnt", "subvolumn": []any{},
		}
	}
	task := func(target map[string]any) map[string]any {
		return map[string]any{"name": "t", "type": "MIGRATE_FILE", "os_type": "LINUX", "source_server": map[string]any{"id": "s"}, "target_server": target}
	}
	cases := []struct {
		name    string
		target  map[string]any
		wantErr string
	}{
		{"names in order", map[string]any{"btrfs_list": []any{"a", "b"}, "btrfs_file_systems": []any{system("a"), system("b")}}, ""},
		{"objects alone", map[string]any{"btrfs_file_systems": []any{system("a")}}, ""},
		{"names alone", map[string]any{"btrfs_list": []any{"x"}}, ""},
		{"other names", map[string]any{"btrfs_list": []any{"a", "x"}, "btrfs_file_systems": []any{system("a")}},
			`(?s)target_server.btrfs_list does not match target_server.btrfs_file_systems.*reports their names, \["a"\]; target_server.btrfs_list is \["a" "x"\].*Leave target_server.btrfs_list\s+out`},
		{"other order", map[string]any{"btrfs_list": []any{"b", "a"}, "btrfs_file_systems": []any{system("a"), system("b")}},
			`target_server.btrfs_list does not match`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := v.validate(task(tc.target))
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.wantErr != "" && err == nil:
				t.Fatal("accepted")
			case tc.wantErr != "" && !testcheck.ErrorPattern(tc.wantErr).MatchString(err.Error()):
				t.Fatalf("error %q does not match %s", err, tc.wantErr)
			}
		})
	}
}
