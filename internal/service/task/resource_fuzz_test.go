package task

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

// FuzzDecodeAndFlattenMigrationTask feeds arbitrary ShowTask bodies to the decoder and
// flatten. Properties: it never panics; it reports an error exactly when the body is
// not a JSON object that decodes into client.Task; on success every value is known and
// returned fields (id, name, source_server.id) are taken from the body.
func FuzzDecodeAndFlattenMigrationTask(f *testing.F) {
	seed, err := os.ReadFile("testdata/seed_put_example.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	for _, body := range []string{
		``, `null`, `{}`, `[]`, `"x"`, `0`, `{"id":"t1","name":"n"}`,
		`{"source_server":[]}`, `{"target_server":"x"}`, `{"sub_tasks":{}}`, `{"sub_tasks":[null,{}]}`,
		`{"speed_limit":"7"}`, `{"priority":1.5}`, `{"create_date":9223372036854775808}`,
		`{"create_date":-9223372036854775808}`, `{"migrate_speed":1e308}`, `{"migrate_speed":1e999}`,
		`{"name":null,"source_server":null,"target_server":{"disks":null,"btrfs_list":[null,"a"]}}`,
		`{"target_server":{"disks":[{"physical_volumes":[{"free_size":true}]}]}}`,
		`{"target_server":{"disks":[{"physical_volumes":[[[[[[]]]]]]}]}}`,
		`{"source_server":{"disks":[{"physical_volumes":[{},{}]}],"volume_groups":[],"btrfs_list":[{"subvolumn":[{}]}]}}`,
		`{"name":"` + strings.Repeat("\\u00e9", 64) + `","NAME":"case"}`,
		`{"name":` + strings.Repeat("[", 64) + strings.Repeat("]", 64) + `}`,
		`{"name":"x"} trailing`, "\xff\xfe{}", `{"name":"\ud800"}`,
	} {
		f.Add([]byte(body))
	}

	// A prior with unknowns at several depths, as a create-time plan has.
	prior := testMigrationTaskFullModel()
	prior.State = types.StringUnknown()
	prior.CloneServer = types.ObjectUnknown(migrationTaskAttrTypesAt("clone_server"))
	prior.SubTasks = types.ListUnknown(types.ObjectType{AttrTypes: migrationTaskAttrTypesAt("sub_tasks")})
	if obj, ok := prior.TargetServer.Attributes()["disks"].(types.List); ok {
		attrs := prior.TargetServer.Attributes()
		attrs["disks"] = types.ListUnknown(obj.ElementType(context.Background()))
		attrs["ip"] = types.StringUnknown()
		prior.TargetServer = types.ObjectValueMust(migrationTaskAttrTypesAt("target_server"), attrs)
	}

	f.Fuzz(func(t *testing.T, body []byte) {
		got, diags := decodeAndFlattenMigrationTask(context.Background(), body, prior)

		var task client.Task
		trimmed := bytes.TrimSpace(body) // as the client's decodeObject
		wantError := len(trimmed) == 0 || trimmed[0] != '{' || json.Unmarshal(trimmed, &task) != nil
		if diags.HasError() != wantError {
			t.Fatalf("error = %v, want error %v, for body %q", diags, wantError, body)
		}
		if wantError {
			if e := diags.Errors()[0]; e.Summary() != "Unexpected migration task response" || e.Detail() == "" {
				t.Fatalf("unexpected error diagnostic %q: %q", e.Summary(), e.Detail())
			}
			return
		}
		testAssertAllKnown(t, got)
		checks := []struct {
			name string
			api  *string
			got  attr.Value
		}{
			{"id", task.ID, got.ID},
			{"name", task.Name, got.Name},
		}
		if task.SourceServer != nil {
			checks = append(checks, struct {
				name string
				api  *string
				got  attr.Value
			}{"source_server.id", task.SourceServer.ID, got.SourceServer.Attributes()["id"]})
		}
		for _, c := range checks {
			if c.api != nil && !c.got.Equal(types.StringValue(*c.api)) {
				t.Fatalf("%s = %v, want the API's %q", c.name, c.got, *c.api)
			}
		}
	})
}
