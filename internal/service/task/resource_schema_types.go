package task

import (
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// withNestedTypesBuiltOnce gives every nested attribute (and nested object) the type
// the framework would build for it as its CustomType. Left unset, the framework rebuilds
// a nested attribute's whole type, every child included, each time it looks up a path
// through it, and it looks up a path for each value of every plan, state and
// configuration it decodes: on a target server of many disks and volumes that was most
// of the time of a plan. The types are the framework's own (types.ObjectType,
// types.ListType, types.SetType), so values, state and the protocol schema are
// unchanged.
func withNestedTypesBuiltOnce(attrs map[string]schema.Attribute) map[string]schema.Attribute {
	for name, a := range attrs {
		switch a := a.(type) {
		case schema.SingleNestedAttribute:
			if a.CustomType != nil {
				continue // e.g. timeouts: a type of its own already
			}
			a.Attributes = withNestedTypesBuiltOnce(a.Attributes)
			a.CustomType, _ = a.GetType().(basetypes.ObjectTypable)
			attrs[name] = a
		case schema.ListNestedAttribute:
			if a.CustomType != nil {
				continue
			}
			a.NestedObject = nestedObjectTypeBuiltOnce(a.NestedObject)
			a.CustomType, _ = a.GetType().(basetypes.ListTypable)
			attrs[name] = a
		case schema.SetNestedAttribute:
			if a.CustomType != nil {
				continue
			}
			a.NestedObject = nestedObjectTypeBuiltOnce(a.NestedObject)
			a.CustomType, _ = a.GetType().(basetypes.SetTypable)
			attrs[name] = a
		}
	}
	return attrs
}

func nestedObjectTypeBuiltOnce(o schema.NestedAttributeObject) schema.NestedAttributeObject {
	if o.CustomType != nil {
		return o
	}
	o.Attributes = withNestedTypesBuiltOnce(o.Attributes)
	o.CustomType = o.Type()
	return o
}
