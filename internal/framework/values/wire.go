package values

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// A resource whose attributes are named as the API names its JSON keys needs no model
// struct and no expand or flatten function per nested type: a value goes to the API as
// the JSON its attributes spell, decoded into the client's typed wire struct (which
// keeps its own rules for what is mandatory), and comes back from the client's wire
// struct by the JSON names of its fields, walked alongside the attribute's type.

// AppendJSON appends v as JSON: an object's null and unknown attributes are left out, a
// null or unknown value anywhere else is null (which decodes to the zero value of a
// wire field that is not a pointer). A list or set is an array, even when empty.
func AppendJSON(dst []byte, v attr.Value) ([]byte, error) {
	if v == nil || v.IsNull() || v.IsUnknown() {
		return append(dst, "null"...), nil
	}
	switch v := v.(type) {
	case basetypes.ObjectValue:
		return AppendJSONObject(dst, v.Attributes())
	case basetypes.ListValue:
		return appendJSONArray(dst, v.Elements())
	case basetypes.SetValue:
		return appendJSONArray(dst, v.Elements())
	case basetypes.StringValue:
		return appendJSONString(dst, v.ValueString()), nil
	case basetypes.Int64Value:
		return strconv.AppendInt(dst, v.ValueInt64(), 10), nil
	case basetypes.BoolValue:
		return strconv.AppendBool(dst, v.ValueBool()), nil
	case basetypes.Float64Value:
		f := v.ValueFloat64()
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return dst, fmt.Errorf("%v has no JSON form", f)
		}
		return strconv.AppendFloat(dst, f, 'g', -1, 64), nil
	}
	return dst, fmt.Errorf("no JSON conversion for a value of type %T", v)
}

// AppendJSONObject appends attrs as a JSON object, leaving out null and unknown values.
func AppendJSONObject(dst []byte, attrs map[string]attr.Value) ([]byte, error) {
	dst = append(dst, '{')
	first := true
	for name, a := range attrs {
		if a == nil || a.IsNull() || a.IsUnknown() {
			continue
		}
		if !first {
			dst = append(dst, ',')
		}
		first = false
		dst = appendJSONString(dst, name)
		dst = append(dst, ':')
		var err error
		if dst, err = AppendJSON(dst, a); err != nil {
			return dst, fmt.Errorf("%s: %w", name, err)
		}
	}
	return append(dst, '}'), nil
}

func appendJSONArray(dst []byte, elems []attr.Value) ([]byte, error) {
	dst = append(dst, '[')
	for i, e := range elems {
		if i > 0 {
			dst = append(dst, ',')
		}
		var err error
		if dst, err = AppendJSON(dst, e); err != nil {
			return dst, fmt.Errorf("[%d]: %w", i, err)
		}
	}
	return append(dst, ']'), nil
}

// appendJSONString appends s as a JSON string (Terraform strings are valid UTF-8).
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		dst = append(dst, s[start:i]...)
		switch c {
		case '"', '\\':
			dst = append(dst, '\\', c)
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		default:
			dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		start = i + 1
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// ToWire decodes the JSON of v (see AppendJSON) into out, a pointer to a wire value.
// Keys the wire type has no field for are ignored.
func ToWire(v attr.Value, out any) error {
	data, err := AppendJSON(make([]byte, 0, 256), v)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, out)
}

// AttributesToWire decodes the JSON object of attrs (see AppendJSONObject) into out.
func AttributesToWire(attrs map[string]attr.Value, out any) error {
	data, err := AppendJSONObject(make([]byte, 0, 256), attrs)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, out)
}

// WireReader converts a wire value (a struct, a pointer or a slice of them, as a client
// decodes an API answer) to the value of one attribute type, matching object attributes
// to struct fields by the fields' JSON names. A nil pointer or nil slice is null; a
// non-nil empty slice is an empty list. Built once per type pair, by NewWireReader.
type WireReader struct {
	root      *wireNode
	unmatched []string
	unused    []string
}

type wireNode struct {
	t         attr.Type
	kind      wireKind
	attrTypes map[string]attr.Type // object
	fields    []wireField          // object: the attributes the struct has a field for
	nulls     map[string]attr.Value
	elem      *wireNode // list, set
}

type wireField struct {
	name  string
	index []int
	node  *wireNode
}

type wireKind int

const (
	wireObject wireKind = iota
	wireList
	wireSet
	wireString
	wireInt64
	wireFloat64
	wireBool
)

// NewWireReader matches the attribute type t against the wire type w. An attribute the
// wire type has no field for reads as null, and a field no attribute names is ignored:
// Unmatched and Unused list them by dotted path, for a caller to hold to its declared
// exceptions. A type that cannot convert (a string attribute for an integer field) is
// an error.
func NewWireReader(t attr.Type, w reflect.Type) (*WireReader, error) {
	r := &WireReader{}
	root, err := r.build(t, w, "")
	if err != nil {
		return nil, err
	}
	r.root = root
	return r, nil
}

// Unmatched are the attributes (dotted paths) the wire type has no field for.
func (r *WireReader) Unmatched() []string { return r.unmatched }

// Unused are the wire fields (dotted paths of JSON names) no attribute reads.
func (r *WireReader) Unused() []string { return r.unused }

func join(at, name string) string {
	if at == "" {
		return name
	}
	return at + "." + name
}

func (r *WireReader) build(t attr.Type, w reflect.Type, at string) (*wireNode, error) {
	for w.Kind() == reflect.Pointer {
		w = w.Elem()
	}
	n := &wireNode{t: t}
	mismatch := func() (*wireNode, error) {
		return nil, fmt.Errorf("%s: no conversion from wire type %s to %s", at, w, t)
	}
	switch t := t.(type) {
	case basetypes.ObjectType:
		if w.Kind() != reflect.Struct {
			return mismatch()
		}
		n.kind, n.attrTypes, n.nulls = wireObject, t.AttrTypes, map[string]attr.Value{}
		byJSON := map[string]reflect.StructField{}
		for _, f := range reflect.VisibleFields(w) {
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if f.IsExported() && name != "" && name != "-" {
				byJSON[name] = f
			}
		}
		for _, name := range slices.Sorted(maps.Keys(t.AttrTypes)) {
			f, ok := byJSON[name]
			if !ok {
				r.unmatched = append(r.unmatched, join(at, name))
				n.nulls[name] = NullOfType(t.AttrTypes[name])
				continue
			}
			delete(byJSON, name)
			child, err := r.build(t.AttrTypes[name], f.Type, join(at, name))
			if err != nil {
				return nil, err
			}
			n.fields = append(n.fields, wireField{name: name, index: f.Index, node: child})
		}
		for _, name := range slices.Sorted(maps.Keys(byJSON)) {
			r.unused = append(r.unused, join(at, name))
		}
	case basetypes.ListType, basetypes.SetType:
		if w.Kind() != reflect.Slice {
			return mismatch()
		}
		n.kind = wireList
		elemType := t.(attr.TypeWithElementType).ElementType() //nolint:forcetypeassert // both cases have one
		if _, isSet := t.(basetypes.SetType); isSet {
			n.kind = wireSet
		}
		elem, err := r.build(elemType, w.Elem(), at)
		if err != nil {
			return nil, err
		}
		n.elem = elem
	case basetypes.StringType:
		if w.Kind() != reflect.String {
			return mismatch()
		}
		n.kind = wireString
	case basetypes.Int64Type:
		switch w.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		default:
			return mismatch()
		}
		n.kind = wireInt64
	case basetypes.Float64Type:
		if w.Kind() != reflect.Float64 && w.Kind() != reflect.Float32 {
			return mismatch()
		}
		n.kind = wireFloat64
	case basetypes.BoolType:
		if w.Kind() != reflect.Bool {
			return mismatch()
		}
		n.kind = wireBool
	default:
		return mismatch()
	}
	return n, nil
}

// Read converts wire, a value of the wire type the reader was built for (or a pointer
// to one), to a value of the attribute type.
func (r *WireReader) Read(wire any) (attr.Value, error) {
	return r.root.read(reflect.ValueOf(wire))
}

// read converts v; an error names where, as it unwinds (paths cost nothing until then).
func (n *wireNode) read(v reflect.Value) (attr.Value, error) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return NullOfType(n.t), nil
		}
		v = v.Elem()
	}
	if !v.IsValid() {
		return NullOfType(n.t), nil
	}
	switch n.kind {
	case wireObject:
		attrs := make(map[string]attr.Value, len(n.attrTypes))
		for name, null := range n.nulls {
			attrs[name] = null
		}
		for _, f := range n.fields {
			value, err := f.node.read(v.FieldByIndex(f.index))
			if err != nil {
				return nil, fmt.Errorf(".%s%w", f.name, err)
			}
			attrs[f.name] = value
		}
		obj, diags := types.ObjectValue(n.attrTypes, attrs)
		if diags.HasError() {
			return nil, fmt.Errorf(": %v", diags)
		}
		return obj, nil
	case wireList, wireSet:
		if v.IsNil() {
			return NullOfType(n.t), nil
		}
		elems := make([]attr.Value, v.Len())
		for i := range elems {
			elem, err := n.elem.read(v.Index(i))
			if err != nil {
				return nil, fmt.Errorf("[%d]%w", i, err)
			}
			elems[i] = elem
		}
		var out attr.Value
		var diags diag.Diagnostics
		if n.kind == wireSet {
			out, diags = types.SetValue(n.elem.t, elems)
		} else {
			out, diags = types.ListValue(n.elem.t, elems)
		}
		if diags.HasError() {
			return nil, fmt.Errorf(": %v", diags)
		}
		return out, nil
	case wireString:
		if !utf8.ValidString(v.String()) {
			return nil, errors.New(": not valid UTF-8")
		}
		return types.StringValue(v.String()), nil
	case wireInt64:
		return types.Int64Value(v.Int()), nil
	case wireFloat64:
		return types.Float64Value(v.Float()), nil
	case wireBool:
		return types.BoolValue(v.Bool()), nil
	}
	return nil, errors.New(": unknown conversion")
}

// NullOfType is the null value of t.
func NullOfType(t attr.Type) attr.Value {
	switch t := t.(type) {
	case basetypes.ObjectType:
		return types.ObjectNull(t.AttrTypes)
	case basetypes.ListType:
		return types.ListNull(t.ElemType)
	case basetypes.SetType:
		return types.SetNull(t.ElemType)
	case basetypes.StringType:
		return types.StringNull()
	case basetypes.Int64Type:
		return types.Int64Null()
	case basetypes.Float64Type:
		return types.Float64Null()
	case basetypes.BoolType:
		return types.BoolNull()
	}
	return NullOf(context.Background(), t.ValueType(context.Background()))
}
