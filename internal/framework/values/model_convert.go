package values

import (
	"fmt"
	"reflect"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The framework's ObjectValueFrom / ListValueFrom / Object.As convert model structs by
// reflection, re-reading and regexp-checking every struct tag on every call; on a body of
// thousands of disks and volumes that cost more than everything else the provider does.
// A model here holds framework values only, so converting it is a field copy: these
// helpers do it with the field layout of each model type worked out once. (Nested
// objects need no model: see wire.go.)

// modelField is one tfsdk-tagged field of a model struct.
type modelField struct {
	index int
	name  string
}

var modelFieldsByType sync.Map // reflect.Type → []modelField

func modelFields(t reflect.Type) []modelField {
	if cached, ok := modelFieldsByType.Load(t); ok {
		return cached.([]modelField) //nolint:forcetypeassert // only this function stores, and only []modelField
	}
	fields := make([]modelField, 0, t.NumField())
	for i := range t.NumField() {
		if name := t.Field(i).Tag.Get("tfsdk"); name != "" && name != "-" {
			fields = append(fields, modelField{index: i, name: name})
		}
	}
	modelFieldsByType.Store(t, fields)
	return fields
}

// ObjectFromModel builds the object value of a model struct.
func ObjectFromModel(attrTypes map[string]attr.Type, model any) (types.Object, diag.Diagnostics) {
	v := reflect.ValueOf(model)
	fields := modelFields(v.Type())
	attrs := make(map[string]attr.Value, len(fields))
	for _, f := range fields {
		value, ok := v.Field(f.index).Interface().(attr.Value)
		if !ok {
			var diags diag.Diagnostics
			diags.AddError("Internal error building a value from its model",
				fmt.Sprintf("%s.%s is not a framework value; please report this bug.", v.Type().Name(), f.name))
			return types.ObjectNull(attrTypes), diags
		}
		attrs[f.name] = value
	}
	return types.ObjectValue(attrTypes, attrs)
}

// modelFromAttributes reads an object's attribute values into its model struct.
func ModelFromAttributes[M any](attrs map[string]attr.Value) (M, diag.Diagnostics) {
	var m M
	var diags diag.Diagnostics
	v := reflect.ValueOf(&m).Elem()
	for _, f := range modelFields(v.Type()) {
		value, ok := attrs[f.name]
		field := v.Field(f.index)
		if !ok || value == nil || !reflect.TypeOf(value).AssignableTo(field.Type()) {
			diags.AddError("Internal error reading a value into its model",
				fmt.Sprintf("%s: attribute %q is missing or has the type %T; please report this bug.", v.Type().Name(), f.name, value))
			continue
		}
		field.Set(reflect.ValueOf(value))
	}
	return m, diags
}
