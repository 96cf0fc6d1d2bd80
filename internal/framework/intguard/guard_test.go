package intguard

import (
	"context"
	"math/big"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// inner records whether a validation reached the server behind the guard.
type inner struct {
	tfprotov6.ProviderServer
	reached int
}

func (s *inner) ValidateResourceConfig(context.Context, *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	s.reached++
	return &tfprotov6.ValidateResourceConfigResponse{}, nil
}

var testSchema = rschema.Schema{Attributes: map[string]rschema.Attribute{
	"count": rschema.Int64Attribute{Optional: true},
	"ratio": rschema.Float64Attribute{Optional: true},
	"disks": rschema.ListNestedAttribute{Optional: true, NestedObject: rschema.NestedAttributeObject{Attributes: map[string]rschema.Attribute{
		"size": rschema.Int64Attribute{Optional: true, Validators: []validator.Int64{int64validator.AtLeast(0)}},
	}}},
	"tags": rschema.SetNestedAttribute{Optional: true, NestedObject: rschema.NestedAttributeObject{Attributes: map[string]rschema.Attribute{
		"weight": rschema.Int64Attribute{Optional: true, Validators: []validator.Int64{int64validator.Between(1, 9)}},
	}}},
}}

func number(t *testing.T, s string) tftypes.Value {
	t.Helper()
	n, _, err := big.ParseFloat(s, 10, 512, big.ToNearestEven)
	if err != nil {
		t.Fatal(err)
	}
	return tftypes.NewValue(tftypes.Number, n)
}

func TestGuard(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	typ := testSchema.Type().TerraformType(ctx).(tftypes.Object)                    //nolint:forcetypeassert // a schema's type is an object
	disk := typ.AttributeTypes["disks"].(tftypes.List).ElementType.(tftypes.Object) //nolint:forcetypeassert // as declared above
	tag := typ.AttributeTypes["tags"].(tftypes.Set).ElementType.(tftypes.Object)    //nolint:forcetypeassert // as declared above
	config := func(count, ratio, size, weight tftypes.Value) tftypes.Value {
		return tftypes.NewValue(typ, map[string]tftypes.Value{
			"count": count, "ratio": ratio,
			"disks": tftypes.NewValue(typ.AttributeTypes["disks"], []tftypes.Value{
				tftypes.NewValue(disk, map[string]tftypes.Value{"size": number(t, "1")}),
				tftypes.NewValue(disk, map[string]tftypes.Value{"size": size}),
			}),
			"tags": tftypes.NewValue(typ.AttributeTypes["tags"], []tftypes.Value{tftypes.NewValue(tag, map[string]tftypes.Value{"weight": weight})}),
		})
	}
	ok := number(t, "9223372036854775807")
	path := func(steps ...any) *tftypes.AttributePath {
		p := tftypes.NewAttributePath()
		for _, s := range steps {
			switch s := s.(type) {
			case string:
				p = p.WithAttributeName(s)
			case int:
				p = p.WithElementKeyInt(s)
			}
		}
		return p
	}
	for name, c := range map[string]struct {
		config tftypes.Value
		want   []*tfprotov6.Diagnostic
	}{
		"in range": {config: config(ok, number(t, "1e300"), number(t, "0"), number(t, "-9223372036854775808"))},
		"unknown and null": {config: config(tftypes.NewValue(tftypes.Number, tftypes.UnknownValue), tftypes.NewValue(tftypes.Number, nil),
			tftypes.NewValue(tftypes.Number, tftypes.UnknownValue), tftypes.NewValue(tftypes.Number, nil))},
		"one past the top, top level": {config: config(number(t, "9223372036854775808"), number(t, "1"), ok, ok), want: []*tfprotov6.Diagnostic{{
			Severity: tfprotov6.DiagnosticSeverityError, Summary: "Invalid Attribute Value", Attribute: path("count"),
			Detail: "Attribute count value must be a whole number from -9223372036854775808 to 9223372036854775807 (a 64-bit integer), got: 9223372036854775808",
		}}},
		"one past the bottom, nested in a list": {config: config(ok, number(t, "1"), number(t, "-9223372036854775809"), ok), want: []*tfprotov6.Diagnostic{{
			Severity: tfprotov6.DiagnosticSeverityError, Summary: "Invalid Attribute Value", Attribute: path("disks", 1, "size"),
			Detail: "Attribute disks[1].size value must be at least 0, and a whole number no larger than 9223372036854775807 (a 64-bit integer), got: -9223372036854775809",
		}}},
		"a fraction, nested in a set": {config: config(ok, number(t, "1"), ok, number(t, "1.5")), want: []*tfprotov6.Diagnostic{{
			Severity: tfprotov6.DiagnosticSeverityError, Summary: "Invalid Attribute Value", Attribute: path("tags"),
			Detail: "Attribute tags[...].weight value must be between 1 and 9, and a whole number no larger than 9223372036854775807 (a 64-bit integer), got: 1.5",
		}}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			behind := &inner{}
			g := New(behind, map[string]Schema{"test_thing": ForResource(testSchema)}, nil)
			dv, err := tfprotov6.NewDynamicValue(typ, c.config)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := g.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: "test_thing", Config: &dv})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.want, resp.Diagnostics); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
			if wantReached := len(c.want) == 0; (behind.reached == 1) != wantReached {
				t.Errorf("inner server reached %d times, want it reached: %v", behind.reached, wantReached)
			}
		})
	}
}
