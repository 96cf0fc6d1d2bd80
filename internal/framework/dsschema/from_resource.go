package dsschema

import (
	"fmt"
	"maps"
	"slices"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// A data source that shows what a resource reads from the API is derived from the
// resource schema, so its attributes can never drift from the resource's names, types and
// nesting. Everything in the result is Computed: validators, plan modifiers and defaults
// describe configuration and are dropped.
//
// Descriptions: where the resource's description only says what the value is, the data
// source shares it. Where it also says how to set the value (a default, a value filled in
// when left out, a forced replacement), the data source has its own description, given
// in dataSourceDescriptions (dotted attribute path to text); a test holds every data
// source description to that.

// dataSourceDescriptions are a data source's own descriptions, by dotted attribute path.
type DataSourceDescriptions map[string]string

// dataSourceAttributesFromResource converts the top-level resource attributes for which
// keep returns true. A resource attribute kind the converter does not know, or a
// description for an attribute that is not converted, is an error naming its path, never a
// silently missing attribute or a description that no longer applies.
func DataSourceAttributesFromResource(attrs map[string]rschema.Attribute, keep func(name string) bool, own DataSourceDescriptions) (map[string]dschema.Attribute, error) {
	c := DataSourceConverter{own: own, Used: map[string]bool{}}
	out := make(map[string]dschema.Attribute, len(attrs))
	for name, a := range attrs {
		if !keep(name) {
			continue
		}
		converted, err := c.Attribute(name, a)
		if err != nil {
			return nil, err
		}
		out[name] = converted
	}
	for _, p := range slices.Sorted(maps.Keys(own)) {
		if !c.Used[p] {
			return nil, fmt.Errorf("attribute %s: the data source describes it, but it is not in the data source", p)
		}
	}
	return out, nil
}

type DataSourceConverter struct {
	own  DataSourceDescriptions
	Used map[string]bool
}

// description is the data source's own description of attrPath if it has one, else the
// resource's.
func (c DataSourceConverter) description(attrPath, resource string) string {
	if d, ok := c.own[attrPath]; ok {
		c.Used[attrPath] = true
		return d
	}
	return resource
}

// nested converts every attribute of a nested object.
func (c DataSourceConverter) nested(parent string, attrs map[string]rschema.Attribute) (map[string]dschema.Attribute, error) {
	out := make(map[string]dschema.Attribute, len(attrs))
	for name, a := range attrs {
		converted, err := c.Attribute(parent+"."+name, a)
		if err != nil {
			return nil, err
		}
		out[name] = converted
	}
	return out, nil
}

// attribute converts one attribute (and its children) to its Computed data source
// counterpart.
func (c DataSourceConverter) Attribute(attrPath string, a rschema.Attribute) (dschema.Attribute, error) {
	md := c.description(attrPath, a.GetMarkdownDescription())
	plain := a.GetDescription()
	if _, own := c.own[attrPath]; own {
		plain = ""
	}
	switch a := a.(type) {
	case rschema.StringAttribute:
		return dschema.StringAttribute{
			Computed: true, CustomType: a.CustomType, Sensitive: a.Sensitive,
			Description: plain, MarkdownDescription: md, DeprecationMessage: a.DeprecationMessage,
		}, nil
	case rschema.Int64Attribute:
		return dschema.Int64Attribute{
			Computed: true, CustomType: a.CustomType, Sensitive: a.Sensitive,
			Description: plain, MarkdownDescription: md, DeprecationMessage: a.DeprecationMessage,
		}, nil
	case rschema.Float64Attribute:
		return dschema.Float64Attribute{
			Computed: true, CustomType: a.CustomType, Sensitive: a.Sensitive,
			Description: plain, MarkdownDescription: md, DeprecationMessage: a.DeprecationMessage,
		}, nil
	case rschema.BoolAttribute:
		return dschema.BoolAttribute{
			Computed: true, CustomType: a.CustomType, Sensitive: a.Sensitive,
			Description: plain, MarkdownDescription: md, DeprecationMessage: a.DeprecationMessage,
		}, nil
	case rschema.ListAttribute:
		return dschema.ListAttribute{
			Computed: true, ElementType: a.ElementType, CustomType: a.CustomType, Sensitive: a.Sensitive,
			Description: plain, MarkdownDescription: md, DeprecationMessage: a.DeprecationMessage,
		}, nil
	case rschema.SingleNestedAttribute:
		children, err := c.nested(attrPath, a.Attributes)
		if err != nil {
			return nil, err
		}
		return dschema.SingleNestedAttribute{
			Computed: true, Attributes: children, CustomType: a.CustomType, Sensitive: a.Sensitive,
			Description: plain, MarkdownDescription: md, DeprecationMessage: a.DeprecationMessage,
		}, nil
	case rschema.ListNestedAttribute:
		children, err := c.nested(attrPath, a.NestedObject.Attributes)
		if err != nil {
			return nil, err
		}
		return dschema.ListNestedAttribute{
			Computed:     true,
			NestedObject: dschema.NestedAttributeObject{Attributes: children, CustomType: a.NestedObject.CustomType},
			CustomType:   a.CustomType, Sensitive: a.Sensitive,
			Description: plain, MarkdownDescription: md, DeprecationMessage: a.DeprecationMessage,
		}, nil
	}
	return nil, fmt.Errorf("attribute %s: resource attribute type %T has no data source conversion", attrPath, a)
}
