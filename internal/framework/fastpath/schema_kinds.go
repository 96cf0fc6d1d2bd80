package fastpath

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/defaults"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// This file calls an attribute's own validators, plan modifiers and default, one case per
// attribute type the schema uses, with the requests the framework would build for them.

// validationRequest is what every validator request of one attribute shares.
type validationRequest struct {
	config       tfsdk.Config
	path         path.Path
	capabilities validator.ValidateSchemaClientCapabilities
}

func wrongValueType(p path.Path, v attr.Value) diag.Diagnostic {
	return diag.NewAttributeErrorDiagnostic(p, "Unexpected value type",
		fmt.Sprintf("The value at %s has type %T, which its schema attribute does not take. This is a bug in the provider.", p, v))
}

// runValidators runs a's validators on its configuration value v.
func (a *WalkedAttribute) runValidators(ctx context.Context, r validationRequest, v attr.Value, diags *diag.Diagnostics) {
	p, pe := r.path, r.path.Expression()
	switch d := a.declared.(type) {
	case schema.StringAttribute:
		cv, ok := convert1(ctx, basetypes.StringValuable.ToStringValue, v)
		if !ok {
			diags.Append(wrongValueType(p, v))
			return
		}
		req := validator.StringRequest{Config: r.config, ConfigValue: cv, Path: p, PathExpression: pe, ClientCapabilities: r.capabilities}
		for _, x := range d.Validators {
			resp := &validator.StringResponse{}
			x.ValidateString(ctx, req, resp)
			diags.Append(resp.Diagnostics...)
		}
	case schema.BoolAttribute:
		cv, ok := convert1(ctx, basetypes.BoolValuable.ToBoolValue, v)
		if !ok {
			diags.Append(wrongValueType(p, v))
			return
		}
		req := validator.BoolRequest{Config: r.config, ConfigValue: cv, Path: p, PathExpression: pe, ClientCapabilities: r.capabilities}
		for _, x := range d.Validators {
			resp := &validator.BoolResponse{}
			x.ValidateBool(ctx, req, resp)
			diags.Append(resp.Diagnostics...)
		}
	case schema.Int64Attribute:
		cv, ok := convert1(ctx, basetypes.Int64Valuable.ToInt64Value, v)
		if !ok {
			diags.Append(wrongValueType(p, v))
			return
		}
		req := validator.Int64Request{Config: r.config, ConfigValue: cv, Path: p, PathExpression: pe, ClientCapabilities: r.capabilities}
		for _, x := range d.Validators {
			resp := &validator.Int64Response{}
			x.ValidateInt64(ctx, req, resp)
			diags.Append(resp.Diagnostics...)
		}
	case schema.Float64Attribute:
		cv, ok := convert1(ctx, basetypes.Float64Valuable.ToFloat64Value, v)
		if !ok {
			diags.Append(wrongValueType(p, v))
			return
		}
		req := validator.Float64Request{Config: r.config, ConfigValue: cv, Path: p, PathExpression: pe, ClientCapabilities: r.capabilities}
		for _, x := range d.Validators {
			resp := &validator.Float64Response{}
			x.ValidateFloat64(ctx, req, resp)
			diags.Append(resp.Diagnostics...)
		}
	case schema.ListAttribute, schema.ListNestedAttribute:
		cv, ok := convert1(ctx, basetypes.ListValuable.ToListValue, v)
		if !ok {
			diags.Append(wrongValueType(p, v))
			return
		}
		req := validator.ListRequest{Config: r.config, ConfigValue: cv, Path: p, PathExpression: pe, ClientCapabilities: r.capabilities}
		for _, x := range listValidators(d) {
			resp := &validator.ListResponse{}
			x.ValidateList(ctx, req, resp)
			diags.Append(resp.Diagnostics...)
		}
	case schema.SetNestedAttribute:
		cv, ok := convert1(ctx, basetypes.SetValuable.ToSetValue, v)
		if !ok {
			diags.Append(wrongValueType(p, v))
			return
		}
		req := validator.SetRequest{Config: r.config, ConfigValue: cv, Path: p, PathExpression: pe, ClientCapabilities: r.capabilities}
		for _, x := range d.Validators {
			resp := &validator.SetResponse{}
			x.ValidateSet(ctx, req, resp)
			diags.Append(resp.Diagnostics...)
		}
	case schema.SingleNestedAttribute:
		runObjectValidators(ctx, r, d.Validators, v, diags)
	}
}

// runObjectValidators runs validators of an object value v (a single nested attribute's,
// or a nested object's).
func runObjectValidators(ctx context.Context, r validationRequest, validators []validator.Object, v attr.Value, diags *diag.Diagnostics) {
	cv, ok := convert1(ctx, basetypes.ObjectValuable.ToObjectValue, v)
	if !ok {
		diags.Append(wrongValueType(r.path, v))
		return
	}
	req := validator.ObjectRequest{Config: r.config, ConfigValue: cv, Path: r.path, PathExpression: r.path.Expression(), ClientCapabilities: r.capabilities}
	for _, x := range validators {
		resp := &validator.ObjectResponse{}
		x.ValidateObject(ctx, req, resp)
		diags.Append(resp.Diagnostics...)
	}
}

func listValidators(a schema.Attribute) []validator.List {
	switch a := a.(type) {
	case schema.ListAttribute:
		return a.Validators
	case schema.ListNestedAttribute:
		return a.Validators
	}
	return nil
}

// planModification is what every plan modifier request of one attribute shares.
type planModification struct {
	config tfsdk.Config
	plan   tfsdk.Plan
	state  tfsdk.State
	// private is the provider's private state; modifiers read and write it in place.
	private frameworkPrivate
	path    path.Path
}

// modifierResult is the outcome of one attribute's plan modifiers.
type modifierResult struct {
	plan            attr.Value
	requiresReplace bool
}

// runPlanModifiers runs a's plan modifiers in order, each on the plan value the one
// before left, as the framework does.
func (a *WalkedAttribute) runPlanModifiers(ctx context.Context, m planModification, config, plan, state attr.Value, diags *diag.Diagnostics) modifierResult {
	out := modifierResult{plan: plan}
	p, pe := m.path, m.path.Expression()
	switch d := a.declared.(type) {
	case schema.StringAttribute:
		cv, pv, sv, ok := convert3(ctx, basetypes.StringValuable.ToStringValue, config, plan, state)
		if !ok {
			diags.Append(wrongValueType(p, plan))
			return out
		}
		req := planmodifier.StringRequest{Config: m.config, ConfigValue: cv, Plan: m.plan, PlanValue: pv, State: m.state, StateValue: sv, Path: p, PathExpression: pe, Private: m.private.in.Private}
		for _, x := range d.PlanModifiers {
			resp := &planmodifier.StringResponse{PlanValue: req.PlanValue, Private: m.private.in.Private}
			x.PlanModifyString(ctx, req, resp)
			req.PlanValue = resp.PlanValue
			out.requiresReplace = out.requiresReplace || resp.RequiresReplace
			if diags.Append(resp.Diagnostics...); resp.Diagnostics.HasError() {
				return out
			}
			out.plan = resp.PlanValue
		}
	case schema.BoolAttribute:
		cv, pv, sv, ok := convert3(ctx, basetypes.BoolValuable.ToBoolValue, config, plan, state)
		if !ok {
			diags.Append(wrongValueType(p, plan))
			return out
		}
		req := planmodifier.BoolRequest{Config: m.config, ConfigValue: cv, Plan: m.plan, PlanValue: pv, State: m.state, StateValue: sv, Path: p, PathExpression: pe, Private: m.private.in.Private}
		for _, x := range d.PlanModifiers {
			resp := &planmodifier.BoolResponse{PlanValue: req.PlanValue, Private: m.private.in.Private}
			x.PlanModifyBool(ctx, req, resp)
			req.PlanValue = resp.PlanValue
			out.requiresReplace = out.requiresReplace || resp.RequiresReplace
			if diags.Append(resp.Diagnostics...); resp.Diagnostics.HasError() {
				return out
			}
			out.plan = resp.PlanValue
		}
	case schema.Int64Attribute:
		cv, pv, sv, ok := convert3(ctx, basetypes.Int64Valuable.ToInt64Value, config, plan, state)
		if !ok {
			diags.Append(wrongValueType(p, plan))
			return out
		}
		req := planmodifier.Int64Request{Config: m.config, ConfigValue: cv, Plan: m.plan, PlanValue: pv, State: m.state, StateValue: sv, Path: p, PathExpression: pe, Private: m.private.in.Private}
		for _, x := range d.PlanModifiers {
			resp := &planmodifier.Int64Response{PlanValue: req.PlanValue, Private: m.private.in.Private}
			x.PlanModifyInt64(ctx, req, resp)
			req.PlanValue = resp.PlanValue
			out.requiresReplace = out.requiresReplace || resp.RequiresReplace
			if diags.Append(resp.Diagnostics...); resp.Diagnostics.HasError() {
				return out
			}
			out.plan = resp.PlanValue
		}
	case schema.Float64Attribute:
		cv, pv, sv, ok := convert3(ctx, basetypes.Float64Valuable.ToFloat64Value, config, plan, state)
		if !ok {
			diags.Append(wrongValueType(p, plan))
			return out
		}
		req := planmodifier.Float64Request{Config: m.config, ConfigValue: cv, Plan: m.plan, PlanValue: pv, State: m.state, StateValue: sv, Path: p, PathExpression: pe, Private: m.private.in.Private}
		for _, x := range d.PlanModifiers {
			resp := &planmodifier.Float64Response{PlanValue: req.PlanValue, Private: m.private.in.Private}
			x.PlanModifyFloat64(ctx, req, resp)
			req.PlanValue = resp.PlanValue
			out.requiresReplace = out.requiresReplace || resp.RequiresReplace
			if diags.Append(resp.Diagnostics...); resp.Diagnostics.HasError() {
				return out
			}
			out.plan = resp.PlanValue
		}
	case schema.ListAttribute, schema.ListNestedAttribute:
		cv, pv, sv, ok := convert3(ctx, basetypes.ListValuable.ToListValue, config, plan, state)
		if !ok {
			diags.Append(wrongValueType(p, plan))
			return out
		}
		req := planmodifier.ListRequest{Config: m.config, ConfigValue: cv, Plan: m.plan, PlanValue: pv, State: m.state, StateValue: sv, Path: p, PathExpression: pe, Private: m.private.in.Private}
		for _, x := range listPlanModifiers(d) {
			resp := &planmodifier.ListResponse{PlanValue: req.PlanValue, Private: m.private.in.Private}
			x.PlanModifyList(ctx, req, resp)
			req.PlanValue = resp.PlanValue
			out.requiresReplace = out.requiresReplace || resp.RequiresReplace
			if diags.Append(resp.Diagnostics...); resp.Diagnostics.HasError() {
				return out
			}
			out.plan = resp.PlanValue
		}
	case schema.SetNestedAttribute:
		cv, pv, sv, ok := convert3(ctx, basetypes.SetValuable.ToSetValue, config, plan, state)
		if !ok {
			diags.Append(wrongValueType(p, plan))
			return out
		}
		req := planmodifier.SetRequest{Config: m.config, ConfigValue: cv, Plan: m.plan, PlanValue: pv, State: m.state, StateValue: sv, Path: p, PathExpression: pe, Private: m.private.in.Private}
		for _, x := range d.PlanModifiers {
			resp := &planmodifier.SetResponse{PlanValue: req.PlanValue, Private: m.private.in.Private}
			x.PlanModifySet(ctx, req, resp)
			req.PlanValue = resp.PlanValue
			out.requiresReplace = out.requiresReplace || resp.RequiresReplace
			if diags.Append(resp.Diagnostics...); resp.Diagnostics.HasError() {
				return out
			}
			out.plan = resp.PlanValue
		}
	case schema.SingleNestedAttribute:
		return runObjectPlanModifiers(ctx, m, d.PlanModifiers, config, plan, state, diags)
	}
	return out
}

// runObjectPlanModifiers runs modifiers of an object value (a single nested attribute's,
// or a nested object's).
func runObjectPlanModifiers(ctx context.Context, m planModification, modifiers []planmodifier.Object, config, plan, state attr.Value, diags *diag.Diagnostics) modifierResult {
	out := modifierResult{plan: plan}
	cv, pv, sv, ok := convert3(ctx, basetypes.ObjectValuable.ToObjectValue, config, plan, state)
	if !ok {
		diags.Append(wrongValueType(m.path, plan))
		return out
	}
	req := planmodifier.ObjectRequest{Config: m.config, ConfigValue: cv, Plan: m.plan, PlanValue: pv, State: m.state, StateValue: sv, Path: m.path, PathExpression: m.path.Expression(), Private: m.private.in.Private}
	for _, x := range modifiers {
		resp := &planmodifier.ObjectResponse{PlanValue: req.PlanValue, Private: m.private.in.Private}
		x.PlanModifyObject(ctx, req, resp)
		req.PlanValue = resp.PlanValue
		out.requiresReplace = out.requiresReplace || resp.RequiresReplace
		if diags.Append(resp.Diagnostics...); resp.Diagnostics.HasError() {
			return out
		}
		out.plan = resp.PlanValue
	}
	return out
}

func listPlanModifiers(a schema.Attribute) []planmodifier.List {
	switch a := a.(type) {
	case schema.ListAttribute:
		return a.PlanModifiers
	case schema.ListNestedAttribute:
		return a.PlanModifiers
	}
	return nil
}

// defaultValue is a's default as a Terraform value, when a has one.
func (a *WalkedAttribute) defaultValue(ctx context.Context, p path.Path, diags *diag.Diagnostics) (tftypes.Value, bool) {
	var v attr.Value
	switch d := a.declared.(type) {
	case schema.StringAttribute:
		resp := defaults.StringResponse{}
		d.Default.DefaultString(ctx, defaults.StringRequest{Path: p}, &resp)
		diags.Append(resp.Diagnostics...)
		v = resp.PlanValue
	case schema.BoolAttribute:
		resp := defaults.BoolResponse{}
		d.Default.DefaultBool(ctx, defaults.BoolRequest{Path: p}, &resp)
		diags.Append(resp.Diagnostics...)
		v = resp.PlanValue
	case schema.Int64Attribute:
		resp := defaults.Int64Response{}
		d.Default.DefaultInt64(ctx, defaults.Int64Request{Path: p}, &resp)
		diags.Append(resp.Diagnostics...)
		v = resp.PlanValue
	case schema.Float64Attribute:
		resp := defaults.Float64Response{}
		d.Default.DefaultFloat64(ctx, defaults.Float64Request{Path: p}, &resp)
		diags.Append(resp.Diagnostics...)
		v = resp.PlanValue
	case schema.ListAttribute:
		resp := defaults.ListResponse{}
		d.Default.DefaultList(ctx, defaults.ListRequest{Path: p}, &resp)
		diags.Append(resp.Diagnostics...)
		v = resp.PlanValue
	case schema.ListNestedAttribute:
		resp := defaults.ListResponse{}
		d.Default.DefaultList(ctx, defaults.ListRequest{Path: p}, &resp)
		diags.Append(resp.Diagnostics...)
		v = resp.PlanValue
	case schema.SetNestedAttribute:
		resp := defaults.SetResponse{}
		d.Default.DefaultSet(ctx, defaults.SetRequest{Path: p}, &resp)
		diags.Append(resp.Diagnostics...)
		v = resp.PlanValue
	case schema.SingleNestedAttribute:
		resp := defaults.ObjectResponse{}
		d.Default.DefaultObject(ctx, defaults.ObjectRequest{Path: p}, &resp)
		diags.Append(resp.Diagnostics...)
		v = resp.PlanValue
	default:
		return tftypes.Value{}, false
	}
	if diags.HasError() {
		return tftypes.Value{}, false
	}
	tv, err := v.ToTerraformValue(ctx)
	if err != nil {
		diags.AddAttributeError(p, "Invalid default value", err.Error())
		return tftypes.Value{}, false
	}
	return tv, true
}

// convert3 is config, plan and state as the base value V of their kind, through the
// Valuable interface I and its method to; false when one of them is not of the kind.
func convert3[I any, V any](ctx context.Context, to func(I, context.Context) (V, diag.Diagnostics), config, plan, state attr.Value) (V, V, V, bool) {
	c, ok1 := convert1(ctx, to, config)
	p, ok2 := convert1(ctx, to, plan)
	s, ok3 := convert1(ctx, to, state)
	return c, p, s, ok1 && ok2 && ok3
}

// convert1 is v as the base value V of its kind, through the Valuable interface I.
func convert1[I any, V any](ctx context.Context, to func(I, context.Context) (V, diag.Diagnostics), v attr.Value) (V, bool) {
	x, ok := v.(I)
	if !ok {
		var zero V
		return zero, false
	}
	out, d := to(x, ctx)
	return out, !d.HasError()
}
