package project

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/dsschema"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/values"
)

func ptr[T any](v T) *T { return &v }

// A project as the API shows it goes to the model and back to the same body, isdefault
// aside: it is never sent (UpdateDefaultMigproject sets it).
func TestMigrationProject_flattenExpand(t *testing.T) {
	t.Parallel()
	shown := &client.MigProjectAnswer{ID: ptr("mp-1"), MigProject: client.MigProject{
		Name: "wave-1", Description: ptr(""), IsDefault: ptr(true), Region: "ap-southeast-3", Type: "MIGRATE_FILE",
		SpeedLimit: ptr(int64(0)), EnterpriseProject: ptr("default"), StartTargetServer: ptr(true), UsePublicIP: ptr(false),
		ExistServer: ptr(false), Syncing: ptr(true), StartNetworkCheck: ptr(false),
	}}
	m := flattenMigrationProject(shown)
	if m.ID.ValueString() != "mp-1" || !m.IsDefault.ValueBool() || m.Description.IsNull() || m.SpeedLimit.ValueInt64() != 0 {
		t.Errorf("flattened %+v", m)
	}
	want := shown.MigProject
	want.IsDefault = nil
	if diff := cmp.Diff(want, expandMigrationProject(m)); diff != "" {
		t.Errorf("expand(flatten(p)) (-want +got):\n%s", diff)
	}
	// What the API leaves out is null, and a null is not sent.
	bare := flattenMigrationProject(&client.MigProjectAnswer{ID: ptr("mp-2"), MigProject: client.MigProject{Name: "w", Region: "r", Type: "MIGRATE_BLOCK"}})
	if !bare.SpeedLimit.IsNull() || !bare.Syncing.IsNull() || bare.IsDefault.ValueBool() {
		t.Errorf("a bare project flattens to %+v", bare)
	}
	if diff := cmp.Diff(client.MigProject{Name: "w", Region: "r", Type: "MIGRATE_BLOCK"}, expandMigrationProject(bare)); diff != "" {
		t.Errorf("a bare project expands to (-want +got):\n%s", diff)
	}
}

// An update sends the fields that changed, a false or a zero included, and nothing else.
func TestMigrationProjectChanges(t *testing.T) {
	t.Parallel()
	prior := client.MigProject{Name: "wave-1", Region: "r", Type: "MIGRATE_FILE", SpeedLimit: ptr(int64(100)), Syncing: ptr(true), Description: ptr("d")}
	for _, tc := range []struct {
		name    string
		planned client.MigProject
		want    client.MigProject
		changed bool
	}{
		{"nothing", prior, client.MigProject{}, false},
		{"to zero and false", client.MigProject{Name: "wave-1", Region: "r", Type: "MIGRATE_FILE", SpeedLimit: ptr(int64(0)), Syncing: ptr(false), Description: ptr("d")},
			client.MigProject{SpeedLimit: ptr(int64(0)), Syncing: ptr(false)}, true},
		{"name and type", client.MigProject{Name: "wave-2", Region: "r", Type: "MIGRATE_BLOCK", SpeedLimit: ptr(int64(100)), Syncing: ptr(true), Description: ptr("d")},
			client.MigProject{Name: "wave-2", Type: "MIGRATE_BLOCK"}, true},
		{"left unset: not sent", client.MigProject{Name: "wave-1", Region: "r", Type: "MIGRATE_FILE"}, client.MigProject{}, false},
		{"newly set", client.MigProject{Name: "wave-1", Region: "r", Type: "MIGRATE_FILE", UsePublicIP: ptr(false)},
			client.MigProject{UsePublicIP: ptr(false)}, true},
	} {
		got, changed := migrationProjectChanges(tc.planned, prior)
		if changed != tc.changed {
			t.Errorf("%s: changed = %v, want %v", tc.name, changed, tc.changed)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
}

// The model, the resource schema and the data sources' items agree: a flattened project
// converts to the list item's object type, and every attribute has a description.
func TestMigrationProject_schemaAndModelAgree(t *testing.T) {
	t.Parallel()
	resp := &resource.SchemaResponse{}
	(&migrationProjectResource{}).Schema(context.Background(), resource.SchemaRequest{}, resp)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	for name, a := range resp.Schema.Attributes {
		if a.GetMarkdownDescription() == "" {
			t.Errorf("%s has no description", name)
		}
		if _, ok := migrationProjectMeanings[name]; !ok {
			t.Errorf("%s has no meaning for the data sources", name)
		}
	}
	itemTypes := dsschema.AttrTypesOf(migrationProjectReadAttributes())
	m := flattenMigrationProject(&client.MigProjectAnswer{ID: ptr("mp-1"), MigProject: client.MigProject{Name: "w", Region: "r", Type: "MIGRATE_FILE"}})
	if _, diags := values.ObjectFromModel(itemTypes, m); diags.HasError() {
		t.Errorf("the model does not fit the data source's item: %v", diags)
	}
}
