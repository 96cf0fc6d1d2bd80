package provider

import (
	"fmt"
	"slices"
	"strings"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// A data source that shows what a resource reads from the API is derived from the
// resource schema, so its attributes can never drift from the resource's names, types,
// nesting and documentation. Everything in the result is Computed: validators, plan
// modifiers and defaults describe configuration and are dropped.

// dataSourceAttributesFromResource converts the top-level resource attributes for which
// keep returns true. A resource attribute kind the converter does not know is an error
// naming its path, never a silently missing attribute.
func dataSourceAttributesFromResource(attrs map[string]rschema.Attribute, keep func(name string) bool) (map[string]dschema.Attribute, error) {
	out := make(map[string]dschema.Attribute, len(attrs))
	for name, a := range attrs {
		if !keep(name) {
			continue
		}
		converted, err := dataSourceAttributeFromResource(name, a)
		if err != nil {
			return nil, err
		}
		out[name] = converted
	}
	return out, nil
}

// dataSourceNestedAttributesFromResource converts every attribute of a nested object.
func dataSourceNestedAttributesFromResource(parent string, attrs map[string]rschema.Attribute) (map[string]dschema.Attribute, error) {
	out := make(map[string]dschema.Attribute, len(attrs))
	for name, a := range attrs {
		converted, err := dataSourceAttributeFromResource(parent+"."+name, a)
		if err != nil {
			return nil, err
		}
		out[name] = converted
	}
	return out, nil
}

// dataSourceAttributeFromResource converts one attribute (and its children) to its
// Computed data source counterpart; attrPath is used only in the error.
func dataSourceAttributeFromResource(attrPath string, a rschema.Attribute) (dschema.Attribute, error) {
	switch a := a.(type) {
	case rschema.StringAttribute:
		return dschema.StringAttribute{
			Computed: true, CustomType: a.CustomType, Sensitive: a.Sensitive,
			Description: readOnlyDescription(a.Description), MarkdownDescription: readOnlyDescription(a.MarkdownDescription), DeprecationMessage: a.DeprecationMessage,
		}, nil
	case rschema.Int64Attribute:
		return dschema.Int64Attribute{
			Computed: true, CustomType: a.CustomType, Sensitive: a.Sensitive,
			Description: readOnlyDescription(a.Description), MarkdownDescription: readOnlyDescription(a.MarkdownDescription), DeprecationMessage: a.DeprecationMessage,
		}, nil
	case rschema.Float64Attribute:
		return dschema.Float64Attribute{
			Computed: true, CustomType: a.CustomType, Sensitive: a.Sensitive,
			Description: readOnlyDescription(a.Description), MarkdownDescription: readOnlyDescription(a.MarkdownDescription), DeprecationMessage: a.DeprecationMessage,
		}, nil
	case rschema.BoolAttribute:
		return dschema.BoolAttribute{
			Computed: true, CustomType: a.CustomType, Sensitive: a.Sensitive,
			Description: readOnlyDescription(a.Description), MarkdownDescription: readOnlyDescription(a.MarkdownDescription), DeprecationMessage: a.DeprecationMessage,
		}, nil
	case rschema.ListAttribute:
		return dschema.ListAttribute{
			Computed: true, ElementType: a.ElementType, CustomType: a.CustomType, Sensitive: a.Sensitive,
			Description: readOnlyDescription(a.Description), MarkdownDescription: readOnlyDescription(a.MarkdownDescription), DeprecationMessage: a.DeprecationMessage,
		}, nil
	case rschema.SingleNestedAttribute:
		children, err := dataSourceNestedAttributesFromResource(attrPath, a.Attributes)
		if err != nil {
			return nil, err
		}
		return dschema.SingleNestedAttribute{
			Computed: true, Attributes: children, CustomType: a.CustomType, Sensitive: a.Sensitive,
			Description: readOnlyDescription(a.Description), MarkdownDescription: readOnlyDescription(a.MarkdownDescription), DeprecationMessage: a.DeprecationMessage,
		}, nil
	case rschema.ListNestedAttribute:
		children, err := dataSourceNestedAttributesFromResource(attrPath, a.NestedObject.Attributes)
		if err != nil {
			return nil, err
		}
		return dschema.ListNestedAttribute{
			Computed:     true,
			NestedObject: dschema.NestedAttributeObject{Attributes: children, CustomType: a.NestedObject.CustomType},
			CustomType:   a.CustomType, Sensitive: a.Sensitive,
			Description: readOnlyDescription(a.Description), MarkdownDescription: readOnlyDescription(a.MarkdownDescription), DeprecationMessage: a.DeprecationMessage,
		}, nil
	}
	return nil, fmt.Errorf("attribute %s: resource attribute type %T has no data source conversion", attrPath, a)
}

// configurationGuidance are phrases of the resource's descriptions that tell how to set a
// value; a data source only reports values, so sentences holding them are left out.
var configurationGuidance = []string{
	"when unset", "when you leave it out", "Defaults to", "forces a new task", "Set only when the task is created",
	"is required", "is sent when you set it", "The API requires it whenever this object is sent",
}

// readOnlyDescription is a resource attribute's description without its sentences about
// configuring the attribute. A description that would be left empty is kept whole.
func readOnlyDescription(desc string) string {
	var kept []string
	for _, sentence := range descriptionSentences(desc) {
		if !slices.ContainsFunc(configurationGuidance, func(p string) bool { return strings.Contains(sentence, p) }) {
			kept = append(kept, sentence)
		}
	}
	if len(kept) == 0 {
		return desc
	}
	return strings.Join(kept, " ")
}

// descriptionSentences splits at ". " except after an abbreviation such as "e.g.".
func descriptionSentences(desc string) []string {
	var out []string
	start := 0
	for i := 0; i+1 < len(desc); i++ {
		if desc[i] != '.' || desc[i+1] != ' ' {
			continue
		}
		if before := desc[start : i+1]; strings.HasSuffix(before, "e.g.") || strings.HasSuffix(before, "i.e.") {
			continue
		}
		out = append(out, desc[start:i+1])
		start = i + 2
	}
	if start < len(desc) {
		out = append(out, desc[start:])
	}
	return out
}
