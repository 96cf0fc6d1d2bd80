package values

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TypedConverter turns protocol values of one framework type into framework values, as
// that type's ValueFromTerraform does, at a fraction of the cost. The framework's object,
// list, set and map types check, at every depth, the incoming value's type against their
// own Terraform type, which they rebuild from scratch for each check: for a value of a
// nested schema that is the whole subtree's type again at every level, and it was most of
// what reading a plan or a state into framework values cost. The converter checks the
// value's type once, against the type it built once, and then walks the value without
// rebuilding anything; every other type (primitives, custom types) still converts through
// its own ValueFromTerraform.
type TypedConverter struct {
	typ    attr.Type
	tfType tftypes.Type
}

// NewTypedConverter builds t's Terraform type once.
func NewTypedConverter(ctx context.Context, t attr.Type) *TypedConverter {
	return &TypedConverter{typ: t, tfType: t.TerraformType(ctx)}
}

// FromTerraform is in as a value of the converter's type; in must be of that type, as
// the type's own ValueFromTerraform requires.
func (c *TypedConverter) FromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	if in.Type() != nil && !in.Type().Equal(c.tfType) {
		return nil, fmt.Errorf("expected %s, got %s", c.tfType, in.Type())
	}
	return fromTerraform(ctx, c.typ, in)
}

// fromTerraform converts in, whose type the caller has checked, to a value of t.
func fromTerraform(ctx context.Context, t attr.Type, in tftypes.Value) (attr.Value, error) {
	switch t := t.(type) {
	case basetypes.ObjectType:
		switch {
		case in.Type() == nil || in.IsNull():
			return basetypes.NewObjectNull(t.AttrTypes), nil
		case !in.IsKnown():
			return basetypes.NewObjectUnknown(t.AttrTypes), nil
		}
		var held map[string]tftypes.Value
		if err := in.As(&held); err != nil {
			return nil, err
		}
		attrs := make(map[string]attr.Value, len(held))
		for name, v := range held {
			at, ok := t.AttrTypes[name]
			if !ok {
				return nil, fmt.Errorf("unexpected attribute %q", name)
			}
			a, err := fromTerraform(ctx, at, v)
			if err != nil {
				return nil, err
			}
			attrs[name] = a
		}
		obj, diags := basetypes.NewObjectValue(t.AttrTypes, attrs)
		if diags.HasError() {
			return nil, fmt.Errorf("%v", diags)
		}
		return obj, nil
	case basetypes.ListType:
		return collectionFromTerraform(ctx, t.ElemType, in, basetypes.NewListNull, basetypes.NewListUnknown, basetypes.NewListValue)
	case basetypes.SetType:
		return collectionFromTerraform(ctx, t.ElemType, in, basetypes.NewSetNull, basetypes.NewSetUnknown, basetypes.NewSetValue)
	}
	return t.ValueFromTerraform(ctx, in)
}

// collectionFromTerraform converts a list or a set of elemType with the constructors of
// its framework value.
func collectionFromTerraform[V attr.Value](ctx context.Context, elemType attr.Type, in tftypes.Value,
	null, unknown func(attr.Type) V, known func(attr.Type, []attr.Value) (V, diag.Diagnostics),
) (attr.Value, error) {
	switch {
	case in.Type() == nil || in.IsNull():
		return null(elemType), nil
	case !in.IsKnown():
		return unknown(elemType), nil
	}
	var held []tftypes.Value
	if err := in.As(&held); err != nil {
		return nil, err
	}
	elems := make([]attr.Value, 0, len(held))
	for _, v := range held {
		e, err := fromTerraform(ctx, elemType, v)
		if err != nil {
			return nil, err
		}
		elems = append(elems, e)
	}
	value, diags := known(elemType, elems)
	if diags.HasError() {
		return nil, fmt.Errorf("%v", diags)
	}
	return value, nil
}

// ToTerraform is v, a value of the converter's type, as a protocol value, as v's own
// ToTerraformValue makes it, without rebuilding the Terraform type of each object, list
// and set it holds (the framework's do, at every depth, for every value).
func (c *TypedConverter) ToTerraform(ctx context.Context, v attr.Value) (tftypes.Value, error) {
	return toTerraform(ctx, c.tfType, v)
}

// toTerraform converts v to a protocol value of t, the Terraform type of v's type.
func toTerraform(ctx context.Context, t tftypes.Type, v attr.Value) (tftypes.Value, error) {
	switch v := v.(type) {
	case basetypes.ObjectValue:
		ot, ok := t.(tftypes.Object)
		if !ok {
			break
		}
		switch {
		case v.IsNull():
			return tftypes.NewValue(t, nil), nil
		case v.IsUnknown():
			return tftypes.NewValue(t, tftypes.UnknownValue), nil
		}
		held := v.Attributes()
		vals := make(map[string]tftypes.Value, len(held))
		for name, a := range held {
			at, ok := ot.AttributeTypes[name]
			if !ok {
				return tftypes.Value{}, fmt.Errorf("unexpected attribute %q", name)
			}
			tv, err := toTerraform(ctx, at, a)
			if err != nil {
				return tftypes.Value{}, err
			}
			vals[name] = tv
		}
		return newValue(t, vals)
	case basetypes.ListValue:
		lt, ok := t.(tftypes.List)
		if !ok {
			break
		}
		return collectionToTerraform(ctx, t, lt.ElementType, v.IsNull(), v.IsUnknown(), v.Elements())
	case basetypes.SetValue:
		st, ok := t.(tftypes.Set)
		if !ok {
			break
		}
		return collectionToTerraform(ctx, t, st.ElementType, v.IsNull(), v.IsUnknown(), v.Elements())
	}
	return v.ToTerraformValue(ctx)
}

func collectionToTerraform(ctx context.Context, t, elemType tftypes.Type, null, unknown bool, elems []attr.Value) (tftypes.Value, error) {
	switch {
	case null:
		return tftypes.NewValue(t, nil), nil
	case unknown:
		return tftypes.NewValue(t, tftypes.UnknownValue), nil
	}
	vals := make([]tftypes.Value, 0, len(elems))
	for _, e := range elems {
		tv, err := toTerraform(ctx, elemType, e)
		if err != nil {
			return tftypes.Value{}, err
		}
		vals = append(vals, tv)
	}
	return newValue(t, vals)
}

// newValue is tftypes.NewValue with its check's error returned rather than a panic.
func newValue(t tftypes.Type, v any) (tftypes.Value, error) {
	if err := tftypes.ValidateValue(t, v); err != nil {
		return tftypes.Value{}, err
	}
	return tftypes.NewValue(t, v), nil
}
