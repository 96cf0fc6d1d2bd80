package task

import (
	"encoding/json"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// TestMigrationTaskPutWireMandatoryKeys holds the PUT body's wire types to the seed
// document's own tables: for every object type of the body, the JSON of a zero-valued
// value has exactly the children the table marks "Mandatory: Yes" (so they are always
// sent, and nothing optional is sent unset), less those today's update body leaves
// optional (the limits table's rows that require them under "seed" only, which the seed
// model therefore always sends); and every child the table lists is a field of the type.
// Every table of the seed is either a wire type here or named as not sent.
func TestMigrationTaskPutWireMandatoryKeys(t *testing.T) {
	t.Parallel()
	tables := testcheck.ParseSeedTables(t, testcheck.SeedDocument())
	wireTypes := map[string]any{
		"Request":               client.UpdateTaskBody{},
		"PostSourceServerBody":  client.PutSourceServer{},
		"ServerDisk":            client.PutServerDisk{},
		"PhysicalVolume":        client.PutPhysicalVolume{},
		"BtrfsFileSystem":       client.PutBtrfsFileSystem{},
		"BtrfsSubvolumn":        client.PutBtrfsSubvolumn{},
		"TargetServer":          client.PutTargetServer{},
		"TargetDisk":            client.PutTargetDisk{},
		"TargetPhysicalVolumes": client.PutTargetPhysicalVolume{},
		"NetWork":               client.PutNetwork{},
		"VolumeGroups":          client.PutVolumeGroup{},
		"LogicalVolumes":        client.PutLogicalVolume{},
		"CloneServer":           client.PutCloneServer{},
	}
	// The path parameter, and SubTask: sub_tasks is read-only, never sent.
	notSent := []string{"Path", "SubTask"}
	// Keys of the seed's request table that report status: read-only, never sent.
	readOnly := []string{"id", "state", "estimate_complete_time", "connected", "create_date", "start_date",
		"finish_date", "migrate_speed", "error_json", "total_time", "float_ip", "remain_seconds",
		"target_snapshot_id", "sub_tasks"}

	for table := range tables {
		if _, ok := wireTypes[table]; !ok && !slices.Contains(notSent, table) {
			t.Errorf("seed table %s has no wire type and is not listed as never sent", table)
		}
	}
	for table, zero := range wireTypes {
		t.Run(table, func(t *testing.T) {
			t.Parallel()
			fields := tables[table]
			if len(fields) == 0 {
				t.Fatalf("the seed has no table %s", table)
			}
			tags := testJSONFieldNames(reflect.TypeOf(zero))
			mandatory := []string{}
			for _, f := range fields {
				if f.Mandatory {
					mandatory = append(mandatory, f.Name)
				}
				neverSent := table == "Request" && slices.Contains(readOnly, f.Name)
				if !neverSent && !slices.Contains(tags, f.Name) {
					t.Errorf("the seed's %s.%s is no field of %T", table, f.Name, zero)
				}
			}
			optionalToday := testOptionalToday(table)
			for _, m := range optionalToday {
				if !slices.Contains(mandatory, m) {
					t.Errorf("the limits table relaxes %s.%s, which the seed does not mark mandatory", table, m)
				}
			}
			mandatory = slices.DeleteFunc(mandatory, func(m string) bool { return slices.Contains(optionalToday, m) })
			sort.Strings(mandatory)
			encoded, err := json.Marshal(zero)
			if err != nil {
				t.Fatal(err)
			}
			var sent map[string]json.RawMessage
			if err := json.Unmarshal(encoded, &sent); err != nil {
				t.Fatal(err)
			}
			got := testSortedKeys(sent)
			if diff := cmp.Diff(mandatory, got); diff != "" {
				t.Errorf("keys of a zero %T (-seed's mandatory +sent): %s\n%s", zero, encoded, diff)
			}
		})
	}
}

// migrationTaskPutObjectPaths are where the limits table speaks of the seed's objects
// that today's update body relaxes.
var migrationTaskPutObjectPaths = map[string]string{
	"NetWork":         "target_server.networks[]",
	"LogicalVolumes":  "target_server.volume_groups[].logical_volumes[]",
	"BtrfsFileSystem": "target_server.btrfs_file_systems[]",
	"BtrfsSubvolumn":  "target_server.btrfs_file_systems[].subvolumn[]",
}

// testOptionalToday are the members of the seed's table that the limits table leaves
// optional under "current" while the seed requires them (or refuses the object whole);
// not the members only today's body has.
func testOptionalToday(table string) []string {
	prefix, ok := migrationTaskPutObjectPaths[table]
	if !ok {
		return nil
	}
	var out []string
	for _, row := range migrationTaskLimits {
		member, found := strings.CutPrefix(row.path, prefix+".")
		if !found || strings.Contains(member, ".") || !row.current.set || row.current.required {
			continue
		}
		if row.seed.required || (!row.seed.set && !row.todayMember) {
			out = append(out, member)
		}
	}
	return out
}

// testJSONFieldNames are the JSON names of t's fields.
func testJSONFieldNames(t reflect.Type) []string {
	var names []string
	for _, f := range testWireFields(t) {
		if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" && name != "-" {
			names = append(names, name)
		}
	}
	return names
}

// TestMigrationTaskUpdateBodyFor: the seed's body goes as built; today's drops the
// seed-only keys, renames enterprise_project_id, sends target_server.btrfs_list as objects
// (btrfs_file_systems when planned, else the names) and adds its own keys that changed.
func TestMigrationTaskUpdateBodyFor(t *testing.T) {
	t.Parallel()
	plan := testMigrationTaskFullModel()
	plan.ImageDiskID, plan.TargetDiskIDs = types.StringValue("img-1"), types.StringValue("d1 d2")
	plan.SnapshotIDs, plan.CutoveredSnapshotIDs = types.StringValue("s1;s2"), types.StringValue("c1")
	before := testMigrationTaskNullModel()
	expand := func(t *testing.T, m migrationTaskResourceModel) client.UpdateTaskBody {
		t.Helper()
		body, diags := expandMigrationTaskBody(t.Context(), m)
		if diags.HasError() {
			t.Fatal(diags)
		}
		return body
	}
	seedKeys := func() []string {
		var keys []string
		for _, f := range migrationTaskPutFields() {
			keys = append(keys, f.Key)
		}
		return keys
	}

	t.Run("seed", func(t *testing.T) {
		t.Parallel()
		got := testBodyMap(t, migrationTaskUpdateBodyFor(conns.APIModelSeed, expand(t, plan), plan, before))
		if diff := cmp.Diff(testBodyMap(t, expand(t, plan)), got); diff != "" {
			t.Errorf("seed body (-built +sent):\n%s", diff)
		}
		if diff := cmp.Diff([]any{"s297", "s298"}, testJSONPath(t, got, "target_server", "btrfs_list")); diff != "" {
			t.Errorf("btrfs_list (-want +got):\n%s", diff)
		}
	})
	t.Run("current", func(t *testing.T) {
		t.Parallel()
		got := testBodyMap(t, migrationTaskUpdateBodyFor(conns.APIModelCurrent, expand(t, plan), plan, before))
		want := map[string]bool{"enterprise_project": true, "image_disk_id": true, "target_disk_ids": true,
			"snapshot_ids": true, "cutovered_snapshot_ids": true}
		for _, key := range seedKeys() {
			want[key] = key != "enterprise_project_id"
		}
		for _, a := range migrationTaskSeedOnlyAttributes {
			want[a.name] = false
		}
		for key, sent := range want {
			if _, ok := got[key]; ok != sent {
				t.Errorf("current body has %s: %v, want %v", key, ok, sent)
			}
		}
		if got["enterprise_project"] != "0" || got["image_disk_id"] != "img-1" || got["cutovered_snapshot_ids"] != "c1" {
			t.Errorf("current body values: %v", got)
		}
		systems := plannedTargetBtrfsFileSystems(plan)
		if len(systems) != 2 {
			t.Fatalf("planned btrfs_file_systems: %d, want 2", len(systems))
		}
		wantList := testNumbersAsGo(testDecodeJSON(t, []byte(testcheck.MustJSON(systems))))
		if diff := cmp.Diff(wantList, testJSONPath(t, got, "target_server", "btrfs_list")); diff != "" {
			t.Errorf("btrfs_list (-btrfs_file_systems +sent):\n%s", diff)
		}
	})
	t.Run("current without btrfs_file_systems sends the names as objects", func(t *testing.T) {
		t.Parallel()
		names := plan
		names.TargetServer = testWithoutBtrfsFileSystems(t, plan.TargetServer)
		got := testBodyMap(t, migrationTaskUpdateBodyFor(conns.APIModelCurrent, expand(t, names), names, before))
		want := []any{map[string]any{"name": "s297"}, map[string]any{"name": "s298"}}
		if diff := cmp.Diff(want, testJSONPath(t, got, "target_server", "btrfs_list")); diff != "" {
			t.Errorf("btrfs_list (-want +got):\n%s", diff)
		}
	})
	t.Run("current keys unchanged from before are not sent", func(t *testing.T) {
		t.Parallel()
		got := migrationTaskUpdateBodyFor(conns.APIModelCurrent, client.UpdateTaskBody{}, plan, plan).Keys()
		if len(got) != 0 {
			t.Errorf("keys = %v, want none", got)
		}
	})
	t.Run("every updatable flag of today's body", func(t *testing.T) {
		t.Parallel()
		changes := map[string]any{}
		for _, key := range migrationTaskCurrentUpdatableFlags() {
			changes[key] = true
		}
		got := testBodyMap(t, withCurrentFlagChanges(client.UpdateTaskBody{}, changes))
		want := map[string]any{}
		for _, key := range migrationTaskCurrentUpdatableFlags() {
			want[key] = true
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("flags (-want +got):\n%s", diff)
		}
	})
}
