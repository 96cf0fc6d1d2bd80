package dsschema

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
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
			got, err := (DataSourceConverter{Used: map[string]bool{}}).Attribute("a", tc.in)
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
	_, err := DataSourceAttributesFromResource(in, func(string) bool { return true }, nil)
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
	got, err := DataSourceAttributesFromResource(in, func(name string) bool { return name == "b" }, nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]dschema.Attribute{"b": dschema.StringAttribute{Computed: true}}, got); diff != "" {
		t.Errorf("kept attributes (-want +got):\n%s", diff)
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
	got, err := DataSourceAttributesFromResource(in, func(string) bool { return true },
		DataSourceDescriptions{"plain": "A value.", "outer.inner": "Inner."})
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

	_, err = DataSourceAttributesFromResource(in, func(name string) bool { return name == "plain" },
		DataSourceDescriptions{"plain": "A value.", "outer.gone": "Gone."})
	wantErr := "attribute outer.gone: the data source describes it, but it is not in the data source"
	if err == nil || err.Error() != wantErr {
		t.Fatalf("error = %v, want %q", err, wantErr)
	}
}
