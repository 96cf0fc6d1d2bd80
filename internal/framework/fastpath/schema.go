package fastpath

import (
	"context"
	"fmt"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// nesting is how an attribute holds nested attributes, if it does.
type nesting int

const (
	nestingNone nesting = iota
	NestingSingle
	NestingList
	nestingSet
)

// walkedSchema is a resource schema laid out once for the fast path's walks: each
// attribute with its flags, type and children in a fixed order, so a walk goes down a
// value and its schema together instead of looking each attribute up by path from the
// root, which is what makes the framework's own passes cost the size of the schema for
// every value.
type WalkedSchema struct {
	schema   schema.Schema
	Attrs    []*WalkedAttribute
	objType  tftypes.Object
	rootType attr.Type
}

// walkedAttribute is one attribute of a walkedSchema.
type WalkedAttribute struct {
	Name                         string
	declared                     schema.Attribute
	attrType                     attr.Type
	TfType                       tftypes.Type
	required, optional, Computed bool
	deprecation                  string
	hasDefault                   bool
	hasValidators, hasModifiers  bool
	isFloat64                    bool
	Nesting                      nesting
	Children                     []*WalkedAttribute // nested attributes, by name
	objectValidators             []validator.Object // of the nested object
	objectModifiers              []planmodifier.Object
	// typeValidator is the attribute type's own check of a value (a set's, for repeated
	// elements), which the framework makes wherever it reads the attribute by path.
	typeValidator xattr.TypeWithValidate //nolint:staticcheck // see above
}

// checkType makes the type's own check of v, at the places the framework reads a value by
// its path.
func (a *WalkedAttribute) checkType(ctx context.Context, v tftypes.Value, p path.Path, diags *diag.Diagnostics) bool {
	if a.typeValidator == nil {
		return true
	}
	d := a.typeValidator.Validate(ctx, v, p)
	diags.Append(d...)
	return !d.HasError()
}

// newWalkedSchema lays s out, or says which part of it the walks do not handle; the
// resource's schema test requires that there is none.
func NewWalkedSchema(ctx context.Context, s schema.Schema) (*WalkedSchema, error) {
	if len(s.Blocks) > 0 {
		return nil, fmt.Errorf("blocks are not walked")
	}
	if s.DeprecationMessage != "" {
		return nil, fmt.Errorf("a deprecated schema is not walked")
	}
	objType, ok := s.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		return nil, fmt.Errorf("the schema's type is not an object")
	}
	attrs, err := walkedAttributes(ctx, s.Attributes)
	if err != nil {
		return nil, err
	}
	return &WalkedSchema{schema: s, Attrs: attrs, objType: objType, rootType: s.Type()}, nil
}

func walkedAttributes(ctx context.Context, declared map[string]schema.Attribute) ([]*WalkedAttribute, error) {
	names := make([]string, 0, len(declared))
	for name := range declared {
		names = append(names, name)
	}
	sort.Strings(names)
	out := make([]*WalkedAttribute, 0, len(names))
	for _, name := range names {
		a, err := newWalkedAttribute(ctx, name, declared[name])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out = append(out, a)
	}
	return out, nil
}

func newWalkedAttribute(ctx context.Context, name string, a schema.Attribute) (*WalkedAttribute, error) {
	if a.IsWriteOnly() {
		return nil, fmt.Errorf("write-only attributes are not walked")
	}
	w := &WalkedAttribute{
		Name:        name,
		declared:    a,
		attrType:    a.GetType(),
		required:    a.IsRequired(),
		optional:    a.IsOptional(),
		Computed:    a.IsComputed(),
		deprecation: a.GetDeprecationMessage(),
	}
	w.TfType = w.attrType.TerraformType(ctx)
	w.typeValidator, _ = w.attrType.(xattr.TypeWithValidate) //nolint:staticcheck // the framework still calls it: so must its stand-in
	if _, ok := w.attrType.ValueType(ctx).(xattr.ValidateableAttribute); ok {
		return nil, fmt.Errorf("values that validate themselves are not walked")
	}
	if _, isFloat64 := a.(schema.Float64Attribute); hasSemanticEquality(ctx, w.attrType, a) && !isFloat64 {
		return nil, fmt.Errorf("values with semantic equality other than a float64's are not kept by a refresh")
	}
	var object *schema.NestedAttributeObject
	switch a := a.(type) {
	case schema.StringAttribute:
		w.hasDefault, w.hasValidators, w.hasModifiers = a.Default != nil, len(a.Validators) > 0, len(a.PlanModifiers) > 0
	case schema.BoolAttribute:
		w.hasDefault, w.hasValidators, w.hasModifiers = a.Default != nil, len(a.Validators) > 0, len(a.PlanModifiers) > 0
	case schema.Int64Attribute:
		w.hasDefault, w.hasValidators, w.hasModifiers = a.Default != nil, len(a.Validators) > 0, len(a.PlanModifiers) > 0
	case schema.Float64Attribute:
		w.hasDefault, w.hasValidators, w.hasModifiers = a.Default != nil, len(a.Validators) > 0, len(a.PlanModifiers) > 0
		w.isFloat64 = true
	case schema.ListAttribute:
		w.hasDefault, w.hasValidators, w.hasModifiers = a.Default != nil, len(a.Validators) > 0, len(a.PlanModifiers) > 0
	case schema.SingleNestedAttribute:
		w.hasDefault, w.hasValidators, w.hasModifiers = a.Default != nil, len(a.Validators) > 0, len(a.PlanModifiers) > 0
		w.Nesting = NestingSingle
		children, err := walkedAttributes(ctx, a.Attributes)
		if err != nil {
			return nil, err
		}
		w.Children = children
	case schema.ListNestedAttribute:
		w.hasDefault, w.hasValidators, w.hasModifiers = a.Default != nil, len(a.Validators) > 0, len(a.PlanModifiers) > 0
		w.Nesting = NestingList
		object = &a.NestedObject
	case schema.SetNestedAttribute:
		w.hasDefault, w.hasValidators, w.hasModifiers = a.Default != nil, len(a.Validators) > 0, len(a.PlanModifiers) > 0
		w.Nesting = nestingSet
		object = &a.NestedObject
	default:
		return nil, fmt.Errorf("attributes of type %T are not walked", a)
	}
	if object != nil {
		children, err := walkedAttributes(ctx, object.Attributes)
		if err != nil {
			return nil, err
		}
		w.Children = children
		w.objectValidators = object.Validators
		w.objectModifiers = object.PlanModifiers
	}
	return w, nil
}

// hasSemanticEquality says whether values of t (or of any type inside it) compare by
// meaning: after a refresh the framework keeps a prior value that means the same as the
// refreshed one, which keepEqualFloats does for float64 attributes only.
// Nested attributes are checked attribute by attribute, so only a list of primitives
// has its elements checked here.
func hasSemanticEquality(ctx context.Context, t attr.Type, a schema.Attribute) bool {
	switch t.ValueType(ctx).(type) {
	case basetypes.StringValuableWithSemanticEquals, basetypes.BoolValuableWithSemanticEquals,
		basetypes.Int64ValuableWithSemanticEquals, basetypes.Float64ValuableWithSemanticEquals,
		basetypes.ListValuableWithSemanticEquals, basetypes.SetValuableWithSemanticEquals,
		basetypes.ObjectValuableWithSemanticEquals, basetypes.MapValuableWithSemanticEquals,
		basetypes.NumberValuableWithSemanticEquals, basetypes.Int32ValuableWithSemanticEquals,
		basetypes.Float32ValuableWithSemanticEquals, basetypes.DynamicValuableWithSemanticEquals:
		return true
	}
	if list, ok := a.(schema.ListAttribute); ok {
		return hasSemanticEquality(ctx, list.ElementType, nil)
	}
	return false
}

// objectAttributes are the attributes of object value v, or nil when v is null or
// unknown.
func ObjectAttributes(v tftypes.Value) map[string]tftypes.Value {
	if v.Type() == nil || v.IsNull() || !v.IsKnown() {
		return nil
	}
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		return nil
	}
	return attrs
}

// elements are the elements of list or set value v, or nil when v is null or unknown.
func Elements(v tftypes.Value) []tftypes.Value {
	if v.Type() == nil || v.IsNull() || !v.IsKnown() {
		return nil
	}
	var elems []tftypes.Value
	if err := v.As(&elems); err != nil {
		return nil
	}
	return elems
}

// childOf is attribute name of object v as the framework's nested passes read it: null
// when v is null, unknown when v is unknown.
func childOf(v tftypes.Value, attrs map[string]tftypes.Value, name string, t tftypes.Type) tftypes.Value {
	if attrs != nil {
		if c, ok := attrs[name]; ok {
			return c
		}
	}
	if v.Type() != nil && !v.IsNull() && !v.IsKnown() {
		return tftypes.NewValue(t, tftypes.UnknownValue)
	}
	return tftypes.NewValue(t, nil)
}

// elementAt is element i of list or set v as the framework's nested passes read it:
// null when v is null or shorter, unknown when v is unknown.
func elementAt(v tftypes.Value, elems []tftypes.Value, i int, t tftypes.Type) tftypes.Value {
	if i < len(elems) {
		return elems[i]
	}
	if v.Type() != nil && !v.IsNull() && !v.IsKnown() {
		return tftypes.NewValue(t, tftypes.UnknownValue)
	}
	return tftypes.NewValue(t, nil)
}

// elementType is the element type of a list or set attribute.
func (a *WalkedAttribute) ElementType() tftypes.Type {
	switch t := a.TfType.(type) {
	case tftypes.List:
		return t.ElementType
	case tftypes.Set:
		return t.ElementType
	}
	return a.TfType
}

// value is v as the framework value of a's type.
func (a *WalkedAttribute) value(ctx context.Context, v tftypes.Value) (attr.Value, error) {
	return a.attrType.ValueFromTerraform(ctx, v)
}

// nestedObjectValue is v, a's nested object (its value or one element's), as a framework
// value.
func (a *WalkedAttribute) nestedObjectValue(ctx context.Context, v tftypes.Value) (attr.Value, error) {
	if t, ok := a.attrType.(attr.TypeWithElementType); ok && a.Nesting != NestingSingle {
		return t.ElementType().ValueFromTerraform(ctx, v)
	}
	return a.value(ctx, v)
}
