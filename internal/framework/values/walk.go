package values

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Generic attr.Value helpers for the PUT diff (fillUnknownFromState) and for flatten
// (keepPriorWhereNull, nullUnknowns). They recurse into basetypes.ObjectValue (per
// attribute) and basetypes.ListValue (per element); every other value, custom types
// included, is treated as a leaf. None of them panics: a nil value or a pair of values
// of different types falls back to returning the first argument unchanged.

// fillUnknownFromState returns plan with each unknown value replaced by the state's
// value at the same place. The framework marks Computed children unknown whenever a
// plan differs from state; for the PUT diff those are "whatever the server has", i.e.
// the state. Objects are filled per attribute; lists element by element only when both
// lists are known and have the same length, since a list of another length has no
// positional match in state.
func FillUnknownFromState(plan, state attr.Value) attr.Value {
	ctx := context.Background()
	if !SameValueType(ctx, plan, state) {
		return plan
	}
	if plan.IsUnknown() {
		return state
	}
	if plan.IsNull() || state.IsNull() || state.IsUnknown() {
		return plan
	}
	switch p := plan.(type) {
	case basetypes.ObjectValue:
		s, ok := state.(basetypes.ObjectValue)
		if !ok {
			return plan
		}
		stateAttrs := s.Attributes()
		return RebuildObject(ctx, p, func(name string, v attr.Value) attr.Value {
			if sv, found := stateAttrs[name]; found {
				return FillUnknownFromState(v, sv)
			}
			return v
		})
	case basetypes.ListValue:
		s, ok := state.(basetypes.ListValue)
		if !ok || len(p.Elements()) != len(s.Elements()) {
			return plan
		}
		stateElems := s.Elements()
		return RebuildList(ctx, p, func(i int, v attr.Value) attr.Value {
			return FillUnknownFromState(v, stateElems[i])
		})
	}
	return plan
}

// keepPriorWhereNull returns fresh (a value built from an API response) with each null
// replaced by prior's value at the same place: a null there means the API did not
// return the field, and only such fields may keep what the plan or state had. Objects
// merge per attribute; lists element by element when both are known with the same
// length; otherwise a known fresh value wins whole.
func KeepPriorWhereNull(fresh, prior attr.Value) attr.Value {
	ctx := context.Background()
	if !SameValueType(ctx, fresh, prior) {
		return fresh
	}
	if prior.IsNull() || prior.IsUnknown() {
		return fresh
	}
	if fresh.IsNull() {
		return prior
	}
	if fresh.IsUnknown() {
		return fresh
	}
	switch f := fresh.(type) {
	case basetypes.ObjectValue:
		p, ok := prior.(basetypes.ObjectValue)
		if !ok {
			return fresh
		}
		priorAttrs := p.Attributes()
		return RebuildObject(ctx, f, func(name string, v attr.Value) attr.Value {
			if pv, found := priorAttrs[name]; found {
				return KeepPriorWhereNull(v, pv)
			}
			return v
		})
	case basetypes.ListValue:
		p, ok := prior.(basetypes.ListValue)
		if !ok || len(f.Elements()) != len(p.Elements()) {
			return fresh
		}
		priorElems := p.Elements()
		return RebuildList(ctx, f, func(i int, v attr.Value) attr.Value {
			return KeepPriorWhereNull(v, priorElems[i])
		})
	}
	return fresh
}

// nullUnknowns returns v with every unknown value, at any depth, replaced by a null of
// the same type. State must be wholly known after apply; a value the API did not return
// and the plan left unknown has no better answer than null.
func NullUnknowns(v attr.Value) attr.Value {
	if v == nil {
		return nil
	}
	ctx := context.Background()
	if v.IsUnknown() {
		return NullOf(ctx, v)
	}
	if v.IsNull() {
		return v
	}
	switch typed := v.(type) {
	case basetypes.ObjectValue:
		return RebuildObject(ctx, typed, func(_ string, a attr.Value) attr.Value { return NullUnknowns(a) })
	case basetypes.ListValue:
		return RebuildList(ctx, typed, func(_ int, e attr.Value) attr.Value { return NullUnknowns(e) })
	}
	return v
}

// sameValueType reports whether a and b are both non-nil and of the same attr.Type,
// so that one may stand in for the other in state.
func SameValueType(ctx context.Context, a, b attr.Value) bool {
	if a == nil || b == nil {
		return false
	}
	ta, tb := a.Type(ctx), b.Type(ctx)
	return ta != nil && tb != nil && ta.Equal(tb)
}

// rebuildObject returns a known object with each attribute mapped through f. If the
// result does not type-check (f changed a type), o is returned unchanged.
func RebuildObject(ctx context.Context, o basetypes.ObjectValue, f func(name string, v attr.Value) attr.Value) attr.Value {
	attrs := make(map[string]attr.Value, len(o.Attributes()))
	for name, v := range o.Attributes() {
		attrs[name] = f(name, v)
	}
	rebuilt, diags := types.ObjectValue(o.AttributeTypes(ctx), attrs)
	if diags.HasError() {
		return o
	}
	return rebuilt
}

// rebuildList returns a known list with each element mapped through f. If the result
// does not type-check, l is returned unchanged.
func RebuildList(ctx context.Context, l basetypes.ListValue, f func(i int, v attr.Value) attr.Value) attr.Value {
	elems := make([]attr.Value, len(l.Elements()))
	for i, v := range l.Elements() {
		elems[i] = f(i, v)
	}
	rebuilt, diags := types.ListValue(l.ElementType(ctx), elems)
	if diags.HasError() {
		return l
	}
	return rebuilt
}

// nullOf returns the null value of v's type, keeping object attribute types and list
// element types. Other types go through their own ValueFromTerraform so custom types
// stay custom. If that fails, v is returned unchanged.
func NullOf(ctx context.Context, v attr.Value) attr.Value {
	switch typed := v.(type) {
	case basetypes.ObjectValue:
		return types.ObjectNull(typed.AttributeTypes(ctx))
	case basetypes.ListValue:
		return types.ListNull(typed.ElementType(ctx))
	}
	t := v.Type(ctx)
	if t == nil {
		return v
	}
	null, err := t.ValueFromTerraform(ctx, tftypes.NewValue(t.TerraformType(ctx), nil))
	if err != nil || null == nil {
		return v
	}
	return null
}

// The pointer helpers map a framework value to a wire field: null and unknown both
// become nil, which the client's omitempty tags leave out of the body.

func StringPointer(v types.String) *string {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	s := v.ValueString()
	return &s
}

func Int64Pointer(v types.Int64) *int64 {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	i := v.ValueInt64()
	return &i
}

func Float64Pointer(v types.Float64) *float64 {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	f := v.ValueFloat64()
	return &f
}

func BoolPointer(v types.Bool) *bool {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	b := v.ValueBool()
	return &b
}
