package task

import (
	"context"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/values"
)

// migrationTaskSchemaAttributes is the resource schema's attributes, built once.
var migrationTaskSchemaAttributes = sync.OnceValue(func() map[string]schema.Attribute {
	return migrationTaskAttributes(context.Background())
})

// migrationTaskElementKeys are the attributes that identify an element of a nested list,
// in order of preference: a NIC by its MAC (else its name), a disk, volume, volume group
// or logical volume by its name, a Btrfs file system or subvolume by its UUID, a volume
// by its index. Values SMS assigns to an element (a target disk's id, a volume's id)
// follow this identity, never the element's position in the list.
var migrationTaskElementKeys = []string{"mac", "name", "uuid", "index"}

// priorFill plans, for an update, the children of a nested object that the configuration
// leaves to SMS: each keeps its value in state (null included), taken from the element
// with the same identity in a list, since the update cannot change it. Unknown remain
// only a child of a new list element, and the children SMS changes by itself
// (volatileChildren) while a migration runs or an action is planned.
type priorFill struct {
	moving bool
}

// object plans a nested object (a, its schema) from its config, the plan so far and its
// prior state; prior nil means there is no prior counterpart (a new list element).
func (f priorFill) object(ctx context.Context, topKey string, attrs map[string]schema.Attribute, config, plan, prior attr.Value) attr.Value {
	p, ok := plan.(basetypes.ObjectValue)
	if !ok || p.IsNull() {
		return plan
	}
	planAttrs := map[string]attr.Value{}
	if !p.IsUnknown() {
		planAttrs = p.Attributes()
	}
	configAttrs := map[string]attr.Value{}
	if c, ok := config.(basetypes.ObjectValue); ok && !c.IsNull() && !c.IsUnknown() {
		configAttrs = c.Attributes()
	}
	var priorAttrs map[string]attr.Value
	if pr, ok := prior.(basetypes.ObjectValue); ok && !pr.IsNull() && !pr.IsUnknown() {
		priorAttrs = pr.Attributes()
	}
	attrTypes := p.AttributeTypes(ctx)
	out := make(map[string]attr.Value, len(attrTypes))
	for name, typ := range attrTypes {
		planned, ok := planAttrs[name]
		if !ok {
			planned = unknownOfType(ctx, typ)
		}
		cfg := configAttrs[name]
		if cfg == nil {
			cfg = nullOfType(ctx, typ)
		}
		var priorChild attr.Value
		if priorAttrs != nil {
			priorChild = priorAttrs[name]
		}
		out[name] = f.child(ctx, topKey, name, attrs[name], cfg, planned, priorChild, priorAttrs != nil)
	}
	obj, diags := types.ObjectValue(attrTypes, out)
	if diags.HasError() {
		return plan
	}
	return obj
}

// child plans one child; hasPrior says whether the parent has a prior counterpart.
func (f priorFill) child(ctx context.Context, topKey, name string, a schema.Attribute, config, plan, prior attr.Value, hasPrior bool) attr.Value {
	if a == nil {
		return plan
	}
	if !a.IsComputed() {
		if plan.IsUnknown() {
			return config // only the configuration sets it
		}
		return plan
	}
	if schemaHasDefault(a) && !plan.IsUnknown() {
		return plan
	}
	switch a := a.(type) {
	case schema.SingleNestedAttribute:
		if !config.IsNull() || !plan.IsUnknown() {
			return f.object(ctx, topKey, a.Attributes, config, plan, prior)
		}
	case schema.ListNestedAttribute:
		if !config.IsNull() {
			return f.list(ctx, topKey, a.NestedObject.Attributes, config, plan, prior)
		}
	}
	if !config.IsNull() || !plan.IsUnknown() && isNestedList(a) {
		// Configured, or a whole list the plan already took from state.
		return plan
	}
	if !hasPrior || prior == nil || (f.moving && isVolatileChild(topKey, name)) {
		return unknownOfType(ctx, plan.Type(ctx))
	}
	return prior
}

// list plans a list of nested objects element by element, matching each planned element
// to the prior element with the same identity.
func (f priorFill) list(ctx context.Context, topKey string, attrs map[string]schema.Attribute, config, plan, prior attr.Value) attr.Value {
	p, ok := plan.(basetypes.ListValue)
	if !ok || p.IsNull() || p.IsUnknown() {
		return plan
	}
	var configElems []attr.Value
	if c, ok := config.(basetypes.ListValue); ok && !c.IsNull() && !c.IsUnknown() && len(c.Elements()) == len(p.Elements()) {
		configElems = c.Elements()
	}
	var priorElems []attr.Value
	if pr, ok := prior.(basetypes.ListValue); ok && !pr.IsNull() && !pr.IsUnknown() {
		priorElems = pr.Elements()
	}
	elemType := p.ElementType(ctx)
	out := make([]attr.Value, len(p.Elements()))
	for i, e := range p.Elements() {
		cfg := nullOfType(ctx, elemType)
		if configElems != nil {
			cfg = configElems[i]
		}
		out[i] = f.object(ctx, topKey, attrs, cfg, e, matchElement(cfg, priorElems))
	}
	l, diags := types.ListValue(elemType, out)
	if diags.HasError() {
		return plan
	}
	return l
}

// matchElement returns the one prior element whose identity (migrationTaskElementKeys)
// equals the configured element's, or nil.
func matchElement(config attr.Value, priorElems []attr.Value) attr.Value {
	c, ok := config.(basetypes.ObjectValue)
	if !ok || c.IsNull() || c.IsUnknown() {
		return nil
	}
	cfg := c.Attributes()
	for _, key := range migrationTaskElementKeys {
		want, ok := cfg[key]
		if !ok || want.IsNull() || want.IsUnknown() {
			continue
		}
		var match attr.Value
		for _, pe := range priorElems {
			po, ok := pe.(basetypes.ObjectValue)
			if !ok || po.IsNull() || po.IsUnknown() {
				continue
			}
			if v := po.Attributes()[key]; v != nil && v.Equal(want) {
				if match != nil {
					return nil // two elements share the identity: no guess
				}
				match = pe
			}
		}
		return match
	}
	return nil
}

func isNestedList(a schema.Attribute) bool {
	_, ok := a.(schema.ListNestedAttribute)
	return ok
}

func isVolatileChild(topKey, name string) bool {
	for _, v := range volatileChildren[topKey] {
		if v == name {
			return true
		}
	}
	return false
}

func schemaHasDefault(a schema.Attribute) bool {
	switch a := a.(type) {
	case schema.StringAttribute:
		return a.Default != nil
	case schema.Int64Attribute:
		return a.Default != nil
	case schema.BoolAttribute:
		return a.Default != nil
	case schema.Float64Attribute:
		return a.Default != nil
	case schema.ListAttribute:
		return a.Default != nil
	case schema.ListNestedAttribute:
		return a.Default != nil
	case schema.SingleNestedAttribute:
		return a.Default != nil
	}
	return false
}

func unknownOfType(ctx context.Context, t attr.Type) attr.Value {
	v, err := t.ValueFromTerraform(ctx, tftypes.NewValue(t.TerraformType(ctx), tftypes.UnknownValue))
	if err != nil {
		return nil
	}
	return v
}

func nullOfType(ctx context.Context, t attr.Type) attr.Value {
	v, err := t.ValueFromTerraform(ctx, tftypes.NewValue(t.TerraformType(ctx), nil))
	if err != nil {
		return nil
	}
	return v
}

// overlayPlanned returns fresh (read from the API after an update) with every value the
// plan knew put back: Terraform holds an apply to its plan, and a value SMS reports
// differently shows on the next refresh instead of failing the apply.
func overlayPlanned(ctx context.Context, plan, fresh attr.Value) attr.Value {
	if plan == nil || fresh == nil || !values.SameValueType(ctx, plan, fresh) {
		return fresh
	}
	if plan.IsUnknown() {
		return fresh
	}
	if plan.IsNull() || fresh.IsNull() || fresh.IsUnknown() {
		return values.NullUnknowns(plan)
	}
	switch p := plan.(type) {
	case basetypes.ObjectValue:
		f, ok := fresh.(basetypes.ObjectValue)
		if !ok {
			return fresh
		}
		freshAttrs := f.Attributes()
		return values.RebuildObject(ctx, p, func(name string, v attr.Value) attr.Value {
			return overlayPlanned(ctx, v, freshAttrs[name])
		})
	case basetypes.ListValue:
		f, ok := fresh.(basetypes.ListValue)
		if !ok || len(f.Elements()) != len(p.Elements()) {
			return values.NullUnknowns(plan)
		}
		freshElems := f.Elements()
		return values.RebuildList(ctx, p, func(i int, v attr.Value) attr.Value {
			return overlayPlanned(ctx, v, freshElems[i])
		})
	}
	return plan
}
