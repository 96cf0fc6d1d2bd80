package fastpath

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// validate checks config against the schema as the framework's schema validation does
// (read-only and required attributes, every attribute's validators, nested objects,
// deprecations), going down the configuration once.
func (s *WalkedSchema) validate(ctx context.Context, config tfsdk.Config, capabilities validator.ValidateSchemaClientCapabilities) diag.Diagnostics {
	var diags diag.Diagnostics
	r := validationRequest{config: config, capabilities: capabilities}
	attrs := ObjectAttributes(config.Raw)
	for _, a := range s.Attrs {
		r.path = path.Root(a.Name)
		a.validate(ctx, r, valueForValidation(attrs, a.Name, a.TfType), nil, &diags)
	}
	return diags
}

// valueForValidation is attribute name of an object whose attributes are attrs (nil for a
// null or unknown object), as the framework's validation reads it: null when the object
// has no value to step into.
func valueForValidation(attrs map[string]tftypes.Value, name string, t tftypes.Type) tftypes.Value {
	if v, ok := attrs[name]; ok {
		return v
	}
	return tftypes.NewValue(t, nil)
}

// validate checks v, a's configuration value; known is v already converted to a
// framework value by a parent's validation, or nil.
func (a *WalkedAttribute) validate(ctx context.Context, r validationRequest, v tftypes.Value, known attr.Value, diags *diag.Diagnostics) {
	if !a.checkType(ctx, v, r.path, diags) {
		return
	}
	null, unknown := v.IsNull(), !v.IsKnown()
	if a.Computed && !a.optional && !null {
		diags.AddAttributeError(r.path, "Invalid Configuration for Read-Only Attribute",
			"Cannot set value for this attribute as the provider has marked it as read-only. Remove the configuration line setting the value.\n\n"+
				"Refer to the provider documentation or contact the provider developers for additional information about configurable and read-only attributes that are supported.")
	}
	if a.required && null {
		diags.AddAttributeError(r.path, "Missing Configuration for Required Attribute",
			fmt.Sprintf("Must set a configuration value for the %s attribute as the provider has marked it as required.\n\n", r.path.String())+
				"Refer to the provider documentation or contact the provider developers for additional information about configurable attributes that are required.")
	}
	if a.hasValidators {
		if known == nil {
			var err error
			if known, err = a.value(ctx, v); err != nil {
				diags.AddAttributeError(r.path, "Configuration Read Error", err.Error())
				return
			}
		}
		a.runValidators(ctx, r, known, diags)
	}
	switch a.Nesting {
	case NestingSingle:
		if !null && !unknown {
			a.validateObject(ctx, r, v, known, diags)
		}
	case NestingList, nestingSet:
		knownElems := elementValues(ctx, known)
		for i, elem := range Elements(v) {
			var elemKnown attr.Value
			if i < len(knownElems) {
				elemKnown = knownElems[i]
			}
			er := r
			if a.Nesting == NestingList {
				er.path = r.path.AtListIndex(i)
			} else {
				if elemKnown == nil {
					var err error
					if elemKnown, err = a.nestedObjectValue(ctx, elem); err != nil {
						diags.AddAttributeError(r.path, "Configuration Read Error", err.Error())
						return
					}
				}
				er.path = r.path.AtSetValue(elemKnown)
			}
			a.validateObject(ctx, er, elem, elemKnown, diags)
		}
	}
	if a.deprecation != "" && !null && !unknown {
		diags.AddAttributeWarning(r.path, "Attribute Deprecated", a.deprecation)
	}
}

// validateObject validates one nested object of a (its value, or one element's); known
// is as for validate.
func (a *WalkedAttribute) validateObject(ctx context.Context, r validationRequest, v tftypes.Value, known attr.Value, diags *diag.Diagnostics) {
	if len(a.objectValidators) > 0 {
		if known == nil {
			var err error
			if known, err = a.nestedObjectValue(ctx, v); err != nil {
				diags.AddAttributeError(r.path, "Configuration Read Error", err.Error())
				return
			}
		}
		runObjectValidators(ctx, r, a.objectValidators, known, diags)
	}
	attrs, knownAttrs := ObjectAttributes(v), attributeValues(ctx, known)
	for _, c := range a.Children {
		cr := r
		cr.path = r.path.AtName(c.Name)
		c.validate(ctx, cr, valueForValidation(attrs, c.Name, c.TfType), knownAttrs[c.Name], diags)
	}
}
