package dsschema

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
)

// Builders of the read-only attributes the data sources show.

func ComputedString(d string) dschema.Attribute {
	return dschema.StringAttribute{MarkdownDescription: d, Computed: true}
}

func ComputedInt64(d string) dschema.Attribute {
	return dschema.Int64Attribute{MarkdownDescription: d, Computed: true}
}

func ComputedBool(d string) dschema.Attribute {
	return dschema.BoolAttribute{MarkdownDescription: d, Computed: true}
}

func ComputedList(d string, elem map[string]dschema.Attribute) dschema.Attribute {
	return dschema.ListNestedAttribute{MarkdownDescription: d, Computed: true,
		NestedObject: dschema.NestedAttributeObject{Attributes: elem}}
}

func ComputedObject(d string, attrs map[string]dschema.Attribute) dschema.Attribute {
	return dschema.SingleNestedAttribute{MarkdownDescription: d, Computed: true, Attributes: attrs}
}

// attrTypesOf is the object type of a set of attributes, taken from the schema so the
// two cannot disagree.
func AttrTypesOf(attrs map[string]dschema.Attribute) map[string]attr.Type {
	out := make(map[string]attr.Type, len(attrs))
	for name, a := range attrs {
		out[name] = a.GetType()
	}
	return out
}
