package values

import (
	"context"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// converterTestType nests every kind the converter walks (objects, lists and sets of
// objects, of primitives) and a map, which it leaves to the framework.
var converterTestType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"s": types.StringType, "n": types.Int64Type, "f": types.Float64Type, "b": types.BoolType,
	"tags":   types.MapType{ElemType: types.StringType},
	"names":  types.SetType{ElemType: types.StringType},
	"single": types.ObjectType{AttrTypes: map[string]attr.Type{"y": types.Int64Type}},
	"disks": types.ListType{ElemType: types.ObjectType{AttrTypes: map[string]attr.Type{
		"name":    types.StringType,
		"volumes": types.ListType{ElemType: types.ObjectType{AttrTypes: map[string]attr.Type{"size": types.Int64Type}}},
		"ids":     types.ListType{ElemType: types.StringType},
	}}},
	"groups": types.SetType{ElemType: types.ObjectType{AttrTypes: map[string]attr.Type{"id": types.StringType}}},
}}

// TestTypedConverterMatchesValueFromTerraform converts a full value of a nested type, and
// that value with each of its parts in turn made null and made unknown, both ways: into
// framework values as ValueFromTerraform does, and back as ToTerraformValue does.
func TestTypedConverterMatchesValueFromTerraform(t *testing.T) {
	ctx := context.Background()
	tfType := converterTestType.TerraformType(ctx)
	full := fullValue(tfType, 2)
	variants := map[string]tftypes.Value{"full": full, "null": tftypes.NewValue(tfType, nil), "unknown": tftypes.NewValue(tfType, tftypes.UnknownValue)}
	err := tftypes.Walk(full, func(p *tftypes.AttributePath, _ tftypes.Value) (bool, error) {
		if len(p.Steps()) == 0 {
			return true, nil
		}
		for name, replacement := range map[string]any{"null": nil, "unknown": tftypes.UnknownValue} {
			v, err := tftypes.Transform(full, func(q *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
				if q.Equal(p) {
					return tftypes.NewValue(v.Type(), replacement), nil
				}
				return v, nil
			})
			if err != nil {
				return false, err
			}
			variants[fmt.Sprintf("%s %s", p, name)] = v
		}
		return true, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(variants) < 60 {
		t.Fatalf("only %d variants: the generator lost parts", len(variants))
	}
	c := NewTypedConverter(ctx, converterTestType)
	for name, v := range variants {
		want, err := converterTestType.ValueFromTerraform(ctx, v)
		if err != nil {
			t.Fatalf("%s: the framework: %v", name, err)
		}
		got, err := c.FromTerraform(ctx, v)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !got.Equal(want) || got.String() != want.String() {
			t.Errorf("%s: got %s, want %s", name, got, want)
		}
		back, err := c.ToTerraform(ctx, want)
		if err != nil {
			t.Fatalf("%s: back: %v", name, err)
		}
		wantBack, err := want.ToTerraformValue(ctx)
		if err != nil {
			t.Fatalf("%s: the framework, back: %v", name, err)
		}
		if !back.Equal(wantBack) || !back.Equal(v) {
			t.Errorf("%s: back as %s, want %s", name, back, wantBack)
		}
	}
}

func TestTypedConverterRefusesAnotherType(t *testing.T) {
	ctx := context.Background()
	c := NewTypedConverter(ctx, converterTestType)
	other := tftypes.NewValue(tftypes.Object{AttributeTypes: map[string]tftypes.Type{"s": tftypes.String}}, map[string]tftypes.Value{"s": tftypes.NewValue(tftypes.String, "x")})
	_, err := c.FromTerraform(ctx, other)
	if err == nil || !strings.Contains(err.Error(), "expected tftypes.Object[") {
		t.Fatalf("got %v, want an error naming the expected type", err)
	}
}

// fullValue is a known value of t with every part set, lists and sets of n elements.
func fullValue(t tftypes.Type, n int) tftypes.Value {
	switch {
	case t.Is(tftypes.Object{}):
		ot := t.(tftypes.Object) //nolint:forcetypeassert // Is said so
		attrs := map[string]tftypes.Value{}
		for name, at := range ot.AttributeTypes {
			attrs[name] = fullValue(at, n)
		}
		return tftypes.NewValue(t, attrs)
	case t.Is(tftypes.List{}):
		elems := make([]tftypes.Value, n)
		for i := range elems {
			elems[i] = fullValue(t.(tftypes.List).ElementType, n) //nolint:forcetypeassert // Is said so
		}
		return tftypes.NewValue(t, elems)
	case t.Is(tftypes.Set{}):
		et := t.(tftypes.Set).ElementType //nolint:forcetypeassert // Is said so
		var elems []tftypes.Value
		for i := range n {
			e := fullValue(et, n)
			if et.Is(tftypes.String) {
				e = tftypes.NewValue(tftypes.String, fmt.Sprintf("e%d", i))
			} else if et.Is(tftypes.Object{}) {
				e = tftypes.NewValue(et, map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.String, fmt.Sprintf("g%d", i))})
			}
			elems = append(elems, e)
		}
		return tftypes.NewValue(t, elems)
	case t.Is(tftypes.Map{}):
		return tftypes.NewValue(t, map[string]tftypes.Value{"k": fullValue(t.(tftypes.Map).ElementType, n)}) //nolint:forcetypeassert // Is said so
	case t.Is(tftypes.Number):
		return tftypes.NewValue(t, big.NewFloat(7))
	case t.Is(tftypes.Bool):
		return tftypes.NewValue(t, true)
	}
	return tftypes.NewValue(t, "v")
}
