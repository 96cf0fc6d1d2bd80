package values

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// The source-server and template data sources name their attributes exactly as the API
// names its JSON keys, so a wire value converts to a Terraform value by walking the
// attribute's type alongside the JSON: one converter instead of a model struct and a
// flatten function per nested type. Keys the schema does not know are dropped; a key
// the API leaves out, or sends as null, is null.

// wireToGeneric turns a client wire value into generic JSON (numbers kept exact).
func WireToGeneric(v any) (any, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var out any
	if err := dec.Decode(&out); err != nil {
		return nil, err
	}
	return out, nil
}

// valueFromJSON converts generic JSON to a value of type t; where names the value in an
// error.
func ValueFromJSON(t attr.Type, v any, where string) (attr.Value, error) {
	switch t := t.(type) {
	case basetypes.ObjectType:
		if v == nil {
			return types.ObjectNull(t.AttrTypes), nil
		}
		m, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s: want a JSON object, got %T", where, v)
		}
		values := make(map[string]attr.Value, len(t.AttrTypes))
		for name, at := range t.AttrTypes {
			value, err := ValueFromJSON(at, m[name], where+"."+name)
			if err != nil {
				return nil, err
			}
			values[name] = value
		}
		obj, diags := types.ObjectValue(t.AttrTypes, values)
		if diags.HasError() {
			return nil, fmt.Errorf("%s: %v", where, diags)
		}
		return obj, nil
	case basetypes.ListType:
		if v == nil {
			return types.ListNull(t.ElemType), nil
		}
		items, ok := v.([]any)
		if !ok {
			return nil, fmt.Errorf("%s: want a JSON array, got %T", where, v)
		}
		elems := make([]attr.Value, len(items))
		for i, item := range items {
			elem, err := ValueFromJSON(t.ElemType, item, fmt.Sprintf("%s[%d]", where, i))
			if err != nil {
				return nil, err
			}
			elems[i] = elem
		}
		list, diags := types.ListValue(t.ElemType, elems)
		if diags.HasError() {
			return nil, fmt.Errorf("%s: %v", where, diags)
		}
		return list, nil
	case basetypes.StringType:
		if v == nil {
			return types.StringNull(), nil
		}
		s, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("%s: want a string, got %T", where, v)
		}
		return types.StringValue(s), nil
	case basetypes.BoolType:
		if v == nil {
			return types.BoolNull(), nil
		}
		b, ok := v.(bool)
		if !ok {
			return nil, fmt.Errorf("%s: want a boolean, got %T", where, v)
		}
		return types.BoolValue(b), nil
	case basetypes.Int64Type:
		if v == nil {
			return types.Int64Null(), nil
		}
		n, ok := v.(json.Number)
		if !ok {
			return nil, fmt.Errorf("%s: want an integer, got %T", where, v)
		}
		i, err := n.Int64()
		if err != nil {
			return nil, fmt.Errorf("%s: want an integer, got %s", where, n)
		}
		return types.Int64Value(i), nil
	case basetypes.Float64Type:
		if v == nil {
			return types.Float64Null(), nil
		}
		n, ok := v.(json.Number)
		if !ok {
			return nil, fmt.Errorf("%s: want a number, got %T", where, v)
		}
		f, _, err := big.ParseFloat(string(n), 10, 64, big.ToNearestEven)
		if err != nil {
			return nil, fmt.Errorf("%s: want a number, got %s", where, n)
		}
		x, _ := f.Float64()
		return types.Float64Value(x), nil
	}
	return nil, fmt.Errorf("%s: no JSON conversion for type %s", where, t)
}

// objectFromWire converts a wire struct to an object of the given attribute types.
func ObjectFromWire(attrTypes map[string]attr.Type, wire any, where string) (types.Object, error) {
	generic, err := WireToGeneric(wire)
	if err != nil {
		return types.ObjectNull(attrTypes), err
	}
	v, err := ValueFromJSON(types.ObjectType{AttrTypes: attrTypes}, generic, where)
	if err != nil {
		return types.ObjectNull(attrTypes), err
	}
	obj, ok := v.(types.Object)
	if !ok {
		return types.ObjectNull(attrTypes), fmt.Errorf("%s: converted to %T, not an object", where, v)
	}
	return obj, nil
}
