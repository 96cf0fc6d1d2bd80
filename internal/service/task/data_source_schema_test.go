package task

import (
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/dsschema"
	"github.com/sms-migration/terraform-provider-sms/internal/service/template"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/float64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestConvertDataSourceAttributeFromResource(t *testing.T) {
	t.Parallel()
	child := map[string]rschema.Attribute{
		"inner": rschema.StringAttribute{
			MarkdownDescription: "Inner.", Required: true,
			Validators: []validator.String{stringvalidator.LengthAtMost(3)},
		},
	}
	wantChild := map[string]dschema.Attribute{
		"inner": dschema.StringAttribute{MarkdownDescription: "Inner.", Computed: true},
	}
	cases := []struct {
		name string
		in   rschema.Attribute
		want dschema.Attribute
	}{
		{
			name: "string: required, validated, plan-modified, sensitive",
			in: rschema.StringAttribute{
				MarkdownDescription: "A string.", Description: "plain", Required: true, Sensitive: true,
				Validators:    []validator.String{stringvalidator.LengthAtMost(5)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			want: dschema.StringAttribute{MarkdownDescription: "A string.", Description: "plain", Computed: true, Sensitive: true},
		},
		{
			name: "int64 with a default",
			in: rschema.Int64Attribute{
				MarkdownDescription: "A number.", Optional: true, Computed: true, Default: int64default.StaticInt64(1),
				Validators: []validator.Int64{int64validator.OneOf(0, 1)},
			},
			want: dschema.Int64Attribute{MarkdownDescription: "A number.", Computed: true},
		},
		{
			name: "float64, deprecated",
			in: rschema.Float64Attribute{
				MarkdownDescription: "A float.", Optional: true, DeprecationMessage: "gone soon",
				PlanModifiers: []planmodifier.Float64{float64planmodifier.RequiresReplace()},
			},
			want: dschema.Float64Attribute{MarkdownDescription: "A float.", Computed: true, DeprecationMessage: "gone soon"},
		},
		{
			name: "bool with a default",
			in:   rschema.BoolAttribute{MarkdownDescription: "A flag.", Optional: true, Computed: true, Default: booldefault.StaticBool(true)},
			want: dschema.BoolAttribute{MarkdownDescription: "A flag.", Computed: true},
		},
		{
			name: "list of strings",
			in: rschema.ListAttribute{
				MarkdownDescription: "Strings.", ElementType: types.StringType, Optional: true,
				Validators:    []validator.List{listvalidator.SizeAtMost(2)},
				PlanModifiers: []planmodifier.List{listplanmodifier.UseStateForUnknown()},
			},
			want: dschema.ListAttribute{MarkdownDescription: "Strings.", ElementType: types.StringType, Computed: true},
		},
		{
			name: "single nested, children converted",
			in: rschema.SingleNestedAttribute{
				MarkdownDescription: "An object.", Required: true, Attributes: child,
				PlanModifiers: []planmodifier.Object{objectplanmodifier.RequiresReplace()},
			},
			want: dschema.SingleNestedAttribute{MarkdownDescription: "An object.", Computed: true, Attributes: wantChild},
		},
		{
			name: "list nested, children converted",
			in: rschema.ListNestedAttribute{
				MarkdownDescription: "Objects.", Optional: true,
				NestedObject: rschema.NestedAttributeObject{Attributes: child},
				Validators:   []validator.List{listvalidator.SizeAtMost(9)},
			},
			want: dschema.ListNestedAttribute{
				MarkdownDescription: "Objects.", Computed: true,
				NestedObject: dschema.NestedAttributeObject{Attributes: wantChild},
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := (dsschema.DataSourceConverter{Used: map[string]bool{}}).Attribute("a", tc.in)
			if err != nil {
				t.Fatal(err)
			}
			// Validators and plan modifiers hold funcs cmp cannot compare; the data source
			// types have no such fields, so comparing them whole proves they were dropped.
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("converted attribute (-want +got):\n%s", diff)
			}
		})
	}
}

func TestConvertDataSourceAttributesFromResource_unsupportedKind(t *testing.T) {
	t.Parallel()
	in := map[string]rschema.Attribute{
		"outer": rschema.ListNestedAttribute{
			NestedObject: rschema.NestedAttributeObject{Attributes: map[string]rschema.Attribute{
				"labels": rschema.MapAttribute{ElementType: types.StringType, Optional: true},
			}},
			Optional: true,
		},
	}
	_, err := dsschema.DataSourceAttributesFromResource(in, func(string) bool { return true }, nil)
	want := "attribute outer.labels: resource attribute type schema.MapAttribute has no data source conversion"
	if err == nil || err.Error() != want {
		t.Fatalf("error = %v, want %q", err, want)
	}
}

func TestConvertDataSourceAttributesFromResource_keep(t *testing.T) {
	t.Parallel()
	in := map[string]rschema.Attribute{
		"a": rschema.StringAttribute{Optional: true},
		"b": rschema.StringAttribute{Optional: true},
		// Not converted at all when left out, so an unsupported kind there is no error.
		"c": rschema.MapAttribute{ElementType: types.StringType, Optional: true},
	}
	got, err := dsschema.DataSourceAttributesFromResource(in, func(name string) bool { return name == "b" }, nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]dschema.Attribute{"b": dschema.StringAttribute{Computed: true}}, got); diff != "" {
		t.Errorf("kept attributes (-want +got):\n%s", diff)
	}
}

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
	for name := range migrationTaskConfigOnlyAttributes {
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

func TestConvertDataSourceAttributesFromResource_ownDescriptions(t *testing.T) {
	t.Parallel()
	in := map[string]rschema.Attribute{
		"plain": rschema.StringAttribute{MarkdownDescription: "A value. Defaults to `x`.", Description: "A value. Defaults to x.", Optional: true},
		"outer": rschema.SingleNestedAttribute{
			MarkdownDescription: "An object.",
			Optional:            true,
			Attributes: map[string]rschema.Attribute{
				"inner": rschema.StringAttribute{MarkdownDescription: "Inner. Filled in when you leave it out.", Optional: true},
			},
		},
	}
	got, err := dsschema.DataSourceAttributesFromResource(in, func(string) bool { return true },
		dsschema.DataSourceDescriptions{"plain": "A value.", "outer.inner": "Inner."})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]dschema.Attribute{
		"plain": dschema.StringAttribute{MarkdownDescription: "A value.", Computed: true},
		"outer": dschema.SingleNestedAttribute{
			MarkdownDescription: "An object.", Computed: true,
			Attributes: map[string]dschema.Attribute{"inner": dschema.StringAttribute{MarkdownDescription: "Inner.", Computed: true}},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("converted attributes (-want +got):\n%s", diff)
	}

	_, err = dsschema.DataSourceAttributesFromResource(in, func(name string) bool { return name == "plain" },
		dsschema.DataSourceDescriptions{"plain": "A value.", "outer.gone": "Gone."})
	wantErr := "attribute outer.gone: the data source describes it, but it is not in the data source"
	if err == nil || err.Error() != wantErr {
		t.Fatalf("error = %v, want %q", err, wantErr)
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
