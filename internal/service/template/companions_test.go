package template

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/dsschema"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/validators"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/values"
	"github.com/sms-migration/terraform-provider-sms/internal/service/sourceserver"
	"github.com/sms-migration/terraform-provider-sms/internal/service/task"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

func TestValueFromJSON(t *testing.T) {
	t.Parallel()
	partType := types.ObjectType{AttrTypes: map[string]attr.Type{"name": types.StringType}}
	typ := types.ObjectType{AttrTypes: map[string]attr.Type{
		"name": types.StringType, "size": types.Int64Type, "rate": types.Float64Type, "ok": types.BoolType,
		"parts": types.ListType{ElemType: partType},
		"tags":  types.ListType{ElemType: types.StringType},
	}}
	generic, err := values.WireToGeneric(map[string]any{"name": "vda", "size": int64(42949672960), "rate": 1.5, "parts": []any{map[string]any{"name": "vda1", "extra": 1}},
		"tags": []string{}, "unknown_key": "dropped"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := values.ValueFromJSON(typ, generic, "disk")
	if err != nil {
		t.Fatal(err)
	}
	want := types.ObjectValueMust(typ.AttrTypes, map[string]attr.Value{
		"name": types.StringValue("vda"), "size": types.Int64Value(42949672960), "rate": types.Float64Value(1.5), "ok": types.BoolNull(),
		"parts": types.ListValueMust(partType, []attr.Value{
			types.ObjectValueMust(map[string]attr.Type{"name": types.StringType}, map[string]attr.Value{"name": types.StringValue("vda1")}),
		}),
		"tags": types.ListValueMust(types.StringType, []attr.Value{}),
	})
	if !got.Equal(want) {
		t.Errorf("got %s\nwant %s", got, want)
	}
	for _, bad := range []struct {
		value any
		msg   string
	}{
		{map[string]any{"size": "big"}, "disk.size: want an integer"},
		{map[string]any{"parts": map[string]any{}}, "disk.parts: want a JSON array"},
		{map[string]any{"parts": []any{map[string]any{"name": 3}}}, "disk.parts[0].name: want a string"},
	} {
		generic, _ := values.WireToGeneric(bad.value)
		if _, err := values.ValueFromJSON(typ, generic, "disk"); err == nil || !strings.Contains(err.Error(), bad.msg) {
			t.Errorf("%v: err = %v, want %q", bad.value, err, bad.msg)
		}
	}
}

func TestCompanionValidators(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	str := func(v validator.String, s string) string {
		resp := &validator.StringResponse{}
		v.ValidateString(ctx, validator.StringRequest{Path: path.Root("x"), ConfigValue: types.StringValue(s)}, resp)
		if resp.Diagnostics.HasError() {
			return resp.Diagnostics.Errors()[0].Detail()
		}
		return ""
	}
	for _, tc := range []struct {
		v    validator.String
		in   string
		want string
	}{
		{validators.IPAddressValidator{Family: 4}, "10.0.0.1", ""},
		{validators.IPAddressValidator{Family: 4}, "::1", "must be an IPv4 address"},
		{validators.IPAddressValidator{Family: 4}, "10.0.0.1/24", "must be an IPv4 address"},
		{validators.IPAddressValidator{Family: 4, Prefix: true}, "10.0.0.0/24", ""},
		{validators.IPAddressValidator{Family: 4, Prefix: true}, "10.0.0.0", "must be an IPv4 CIDR block"},
		{validators.IPAddressValidator{Family: 6}, "2001:db8::1", ""},
		{validators.IPAddressValidator{Family: 6}, "::ffff:10.0.0.1", "must be an IPv6 address"},
	} {
		if got := str(tc.v, tc.in); (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
			t.Errorf("%+v(%q) = %q, want %q", tc.v, tc.in, got, tc.want)
		}
	}
	for n, valid := range map[int64]bool{1: true, 300: true, 301: false, 350: true, 1000: true, 1050: false, 1500: true, 2000: true} {
		resp := &validator.Int64Response{}
		bandwidthStepValidator{}.ValidateInt64(ctx, validator.Int64Request{Path: path.Root("b"), ConfigValue: types.Int64Value(n)}, resp)
		if resp.Diagnostics.HasError() == valid {
			t.Errorf("bandwidth %d: valid = %v, want %v", n, !resp.Diagnostics.HasError(), valid)
		}
	}
}

func TestServerTemplateExpandFlattenRoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	answer := &client.TemplateAnswer{ID: testcheck.Ptr("tpl-1"), IsTemplateText: testcheck.Ptr("true"), Template: client.Template{
		Name: "web", Region: testcheck.Ptr("ap-southeast-3"), ProjectID: testcheck.Ptr("p1"), Flavor: testcheck.Ptr("s6.large.2"),
		VPC:            &client.TemplateVPC{ID: testcheck.Ptr("autoCreate"), Name: testcheck.Ptr("autoCreate")},
		Nics:           []client.TemplateNic{{ID: "subnet-1", Name: "s1", CIDR: "192.168.0.0/24", IP: testcheck.Ptr("192.168.0.9")}},
		SecurityGroups: []client.TemplateSecurityGroup{{ID: "sg-1", Name: "default"}},
		PublicIP:       &client.TemplatePublicIP{Type: "5_bgp", BandwidthSize: 350},
		Disk:           []client.TemplateDisk{{Index: 0, Name: "system", DiskType: "SSD", Size: 40, DeviceUse: testcheck.Ptr("OS")}},
		TargetPassword: testcheck.Ptr("must-not-be-read"),
	}}
	var m serverTemplateModel
	if diags := flattenServerTemplate(ctx, answer, &m); diags.HasError() {
		t.Fatal(diags)
	}
	if !m.TargetPasswordWO.IsNull() {
		t.Errorf("the password was read back: %s", m.TargetPasswordWO)
	}
	sent, diags := expandServerTemplate(ctx, m, types.StringValue("new-password"))
	if diags.HasError() {
		t.Fatal(diags)
	}
	want := answer.Template
	want.IsTemplate = testcheck.Ptr(true)
	want.TargetPassword = testcheck.Ptr("new-password")
	if diff := cmp.Diff(&want, sent); diff != "" {
		t.Errorf("expand(flatten(answer)) (-want +got):\n%s", diff)
	}
}

func TestCompanionSchemas(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var rs resource.SchemaResponse
	NewServerTemplateResource().Schema(ctx, resource.SchemaRequest{}, &rs)
	if diags := rs.Schema.ValidateImplementation(ctx); diags.HasError() {
		t.Errorf("sms_server_template: %v", diags)
	}
	for name, ds := range map[string]datasource.DataSource{
		"sms_source_server": sourceserver.NewSourceServerDataSource(), "sms_source_servers": sourceserver.NewSourceServersDataSource(),
		"sms_server_templates": NewServerTemplatesDataSource(),
	} {
		var resp datasource.SchemaResponse
		ds.Schema(ctx, datasource.SchemaRequest{}, &resp)
		if diags := resp.Schema.ValidateImplementation(ctx); diags.HasError() {
			t.Errorf("%s: %v", name, diags)
		}
		if strings.TrimSpace(resp.Schema.MarkdownDescription) == "" {
			t.Errorf("%s has no description", name)
		}
	}
}

// TestInitTargetServerFitsTargetServer: every attribute of init_target_server exists in
// the task's target_server with the same type, so the one can be assigned to the other.
func TestInitTargetServerFitsTargetServer(t *testing.T) {
	t.Parallel()
	target := map[string]attr.Type{}
	for name, a := range task.MigrationTaskTargetServerAttributes() {
		target[name] = a.GetType()
	}
	var check func(where string, from, to map[string]attr.Type)
	check = func(where string, from, to map[string]attr.Type) {
		for name, ft := range from {
			tt, ok := to[name]
			if !ok {
				t.Errorf("%s.%s is not in target_server", where, name)
				continue
			}
			fl, fIsList := ft.(types.ListType)
			tl, tIsList := tt.(types.ListType)
			fo, fIsObj := fl.ElemType.(types.ObjectType)
			to2, tIsObj := tl.ElemType.(types.ObjectType)
			switch {
			case fIsList && tIsList && fIsObj && tIsObj:
				check(where+"."+name+"[]", fo.AttrTypes, to2.AttrTypes)
			case !ft.Equal(tt):
				t.Errorf("%s.%s is %s, target_server's is %s", where, name, ft, tt)
			}
		}
	}
	check("init_target_server", dsschema.AttrTypesOf(sourceserver.InitTargetServerAttributes()), target)
}
