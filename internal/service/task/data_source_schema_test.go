package task

import (
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/dsschema"
	"github.com/sms-migration/terraform-provider-sms/internal/service/template"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// TestConvertMigrationTaskDataSourceSchema checks the real conversion: every attribute
// the resource reads from ShowTask is in the data source, at every depth with the same
// type and description, all Computed (id, the argument, Required); the configuration-only
// ones are not.
func TestConvertMigrationTaskDataSourceSchema(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	var rs resource.SchemaResponse
	(&migrationTaskResource{}).Schema(ctx, resource.SchemaRequest{}, &rs)
	var ds datasource.SchemaResponse
	NewMigrationTaskDataSource().Schema(ctx, datasource.SchemaRequest{}, &ds)
	if ds.Diagnostics.HasError() {
		t.Fatalf("schema diagnostics: %v", ds.Diagnostics)
	}

	wantNames := []string{
		"clone_server", "connected", "create_date", "enterprise_project_id", "error_json",
		"estimate_complete_time", "finish_date", "float_ip", "id", "migrate_speed", "migration_ip",
		"name", "need_migration_test", "os_type", "priority", "project_id", "project_name", "region_id", "region_name",
		"remain_seconds", "source_server", "speed_limit", "start_date", "start_target_server", "state",
		"sub_tasks", "target_server", "target_snapshot_id", "total_time", "type", "vm_template_id",
	}
	var gotNames []string
	for name := range ds.Schema.Attributes {
		gotNames = append(gotNames, name)
	}
	sort.Strings(gotNames)
	if diff := cmp.Diff(wantNames, gotNames); diff != "" {
		t.Errorf("data source attributes (-want +got):\n%s", diff)
	}
	configOnly := append(migrationTaskKeys(migrationTaskCreateOnlyFields()), migrationTaskKeys(migrationTaskLifecycleFields())...)
	for _, name := range append(configOnly, "timeouts") {
		if _, found := ds.Schema.Attributes[name]; found {
			t.Errorf("configuration-only attribute %q is in the data source", name)
		}
	}

	for _, name := range wantNames {
		ra, found := rs.Schema.Attributes[name]
		if !found {
			t.Errorf("%s: not in the resource schema", name)
			continue
		}
		testCompareConvertedAttribute(t, name, ra, ds.Schema.Attributes[name], name == "id", migrationTaskDataSourceDescriptions)
	}
}

// testCompareConvertedAttribute walks a resource attribute and its data source
// counterpart together.
func testCompareConvertedAttribute(t *testing.T, at string, ra rschema.Attribute, da dschema.Attribute, isArgument bool, own dsschema.DataSourceDescriptions) {
	t.Helper()
	if !ra.GetType().Equal(da.GetType()) {
		t.Errorf("%s: type %s, want the resource's %s", at, da.GetType(), ra.GetType())
	}
	switch {
	case isArgument:
		if !da.IsRequired() || da.IsComputed() {
			t.Errorf("%s: want Required and not Computed", at)
		}
	case !da.IsComputed() || da.IsOptional() || da.IsRequired():
		t.Errorf("%s: want Computed only (computed=%t optional=%t required=%t)", at, da.IsComputed(), da.IsOptional(), da.IsRequired())
	}
	want, isOwn := own[at]
	if !isOwn {
		want = ra.GetMarkdownDescription()
	}
	if !isArgument && da.GetMarkdownDescription() != want {
		t.Errorf("%s: description %q, want %q (own description: %t)", at, da.GetMarkdownDescription(), want, isOwn)
	}
	if strings.TrimSpace(da.GetMarkdownDescription()) == "" {
		t.Errorf("%s: no MarkdownDescription", at)
	}
	var rChildren map[string]rschema.Attribute
	var dChildren map[string]dschema.Attribute
	switch r := ra.(type) {
	case rschema.SingleNestedAttribute:
		rChildren = r.Attributes
		if d, ok := da.(dschema.SingleNestedAttribute); ok {
			dChildren = d.Attributes
		}
	case rschema.ListNestedAttribute:
		rChildren = r.NestedObject.Attributes
		if d, ok := da.(dschema.ListNestedAttribute); ok {
			dChildren = d.NestedObject.Attributes
		}
	}
	if rChildren == nil {
		return
	}
	if dChildren == nil {
		t.Errorf("%s: data source attribute is a %T, want a nested attribute like the resource's %T", at, da, ra)
		return
	}
	if len(dChildren) != len(rChildren) {
		t.Errorf("%s: %d children, want the resource's %d", at, len(dChildren), len(rChildren))
	}
	for name, rc := range rChildren {
		dc, found := dChildren[name]
		if !found {
			t.Errorf("%s.%s: missing from the data source", at, name)
			continue
		}
		testCompareConvertedAttribute(t, at+"."+name, rc, dc, false, own)
	}
}

// dataSourceSettingPhrases are phrases that tell how to set a value. A data source only
// reports values, so none of its descriptions may hold one: where a resource description
// does, the data source needs a description of its own.
var dataSourceSettingPhrases = []string{
	"when unset", "when you leave it out", "Defaults to", "forces a new task", "Set only when the task is created",
	"is required", "is sent when you set it", "The API requires it", "Taken from the provider",
}

func TestDataSourceDescriptionsSayNothingAboutSetting(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	for _, ds := range []datasource.DataSource{NewMigrationTaskDataSource(), template.NewServerTemplatesDataSource()} {
		var resp datasource.SchemaResponse
		ds.Schema(ctx, datasource.SchemaRequest{}, &resp)
		if resp.Diagnostics.HasError() {
			t.Fatalf("schema diagnostics: %v", resp.Diagnostics)
		}
		var walk func(at string, a dschema.Attribute)
		walk = func(at string, a dschema.Attribute) {
			if !a.IsComputed() {
				return // an argument: it is set
			}
			for _, p := range dataSourceSettingPhrases {
				if strings.Contains(a.GetMarkdownDescription(), p) {
					t.Errorf("%s: description %q says how to set it (%q)", at, a.GetMarkdownDescription(), p)
				}
			}
			switch a := a.(type) {
			case dschema.SingleNestedAttribute:
				for name, c := range a.Attributes {
					walk(at+"."+name, c)
				}
			case dschema.ListNestedAttribute:
				for name, c := range a.NestedObject.Attributes {
					walk(at+"."+name, c)
				}
			}
		}
		for name, a := range resp.Schema.Attributes {
			walk(name, a)
		}
	}
}
