package fastpath

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The three passes below are those the framework makes over a planned value before the
// resource's ModifyPlan, with the same outcome: defaults, computed values marked unknown,
// attribute plan modifiers. Each goes down the plan, the configuration and the prior
// state together, once.

// applyDefaults sets every attribute that has a default and is null in config to that
// default, children before their parents.
func (s *WalkedSchema) applyDefaults(ctx context.Context, plan, config tftypes.Value) (tftypes.Value, diag.Diagnostics) {
	var diags diag.Diagnostics
	out, _ := defaultsInObject(ctx, s.Attrs, plan, config, path.Empty(), &diags)
	return out, diags
}

func defaultsInObject(ctx context.Context, attrs []*WalkedAttribute, obj, config tftypes.Value, p path.Path, diags *diag.Diagnostics) (tftypes.Value, bool) {
	planned := ObjectAttributes(obj)
	if planned == nil {
		return obj, false
	}
	configured := ObjectAttributes(config)
	changed := false
	for _, a := range attrs {
		c := valueForValidation(configured, a.Name, a.TfType)
		if !a.checkType(ctx, c, p.AtName(a.Name), diags) {
			continue
		}
		v, ch := a.applyDefaults(ctx, planned[a.Name], c, p.AtName(a.Name), diags)
		if ch {
			planned[a.Name] = v
			changed = true
		}
	}
	if !changed {
		return obj, false
	}
	return tftypes.NewValue(obj.Type(), planned), true
}

func (a *WalkedAttribute) applyDefaults(ctx context.Context, v, config tftypes.Value, p path.Path, diags *diag.Diagnostics) (tftypes.Value, bool) {
	changed := false
	if v.IsKnown() && !v.IsNull() {
		switch a.Nesting {
		case NestingSingle:
			v, changed = defaultsInObject(ctx, a.Children, v, config, p, diags)
		case NestingList, nestingSet:
			elems, configElems := Elements(v), Elements(config)
			elemType := a.ElementType()
			for i, elem := range elems {
				elemConfig := tftypes.NewValue(elemType, nil) // what the configuration lacks reads as null
				var elemPath path.Path
				if a.Nesting == NestingList {
					if i < len(configElems) {
						elemConfig = configElems[i]
					}
					elemPath = p.AtListIndex(i)
				} else {
					elemConfig = matchingElement(configElems, elem, elemType)
					elemPath = a.setElementPath(ctx, p, elem, diags)
				}
				if ne, ch := defaultsInObject(ctx, a.Children, elem, elemConfig, elemPath, diags); ch {
					elems[i] = ne
					changed = true
				}
			}
			if changed {
				v = tftypes.NewValue(v.Type(), elems)
			}
		}
	}
	if a.hasDefault && config.IsNull() {
		if d, ok := a.defaultValue(ctx, p, diags); ok {
			return d, true
		}
	}
	return v, changed
}

// matchingElement is the element of a set equal to elem, as a path step into a set finds
// it, or null.
func matchingElement(set []tftypes.Value, elem tftypes.Value, t tftypes.Type) tftypes.Value {
	for _, e := range set {
		if e.Equal(elem) {
			return e
		}
	}
	return tftypes.NewValue(t, nil)
}

func (a *WalkedAttribute) setElementPath(ctx context.Context, p path.Path, elem tftypes.Value, diags *diag.Diagnostics) path.Path {
	key, err := a.nestedObjectValue(ctx, elem)
	if err != nil {
		diags.AddAttributeError(p, "Plan Read Error", err.Error())
		return p
	}
	return p.AtSetValue(key)
}

// markComputedUnknown makes unknown every computed attribute without a default whose
// configuration is null, so the provider may set it. Where the configuration has no
// value at an attribute's place (an element it lacks, a child of an unknown object) the
// framework reads the last value it reached instead, and so does this pass: reached says
// whether config is the value at the attribute's own place.
func (s *WalkedSchema) markComputedUnknown(plan, config tftypes.Value) tftypes.Value {
	out, _ := unknownInObject(s.Attrs, plan, config, true)
	return out
}

func unknownInObject(attrs []*WalkedAttribute, obj, config tftypes.Value, reached bool) (tftypes.Value, bool) {
	planned := ObjectAttributes(obj)
	if planned == nil {
		return obj, false
	}
	var configured map[string]tftypes.Value
	if reached {
		configured = ObjectAttributes(config)
	}
	changed := false
	for _, a := range attrs {
		c, ok := configured[a.Name]
		if !ok {
			c = config
		}
		if v, ch := a.markComputedUnknown(planned[a.Name], c, ok); ch {
			planned[a.Name] = v
			changed = true
		}
	}
	if !changed {
		return obj, false
	}
	return tftypes.NewValue(obj.Type(), planned), true
}

func (a *WalkedAttribute) markComputedUnknown(v, config tftypes.Value, reached bool) (tftypes.Value, bool) {
	if a.Computed && !a.hasDefault && config.IsNull() {
		// Whatever the children would have become, the whole value is unknown.
		return tftypes.NewValue(v.Type(), tftypes.UnknownValue), true
	}
	if !v.IsKnown() || v.IsNull() {
		return v, false
	}
	changed := false
	switch a.Nesting {
	case NestingSingle:
		v, changed = unknownInObject(a.Children, v, config, reached)
	case NestingList, nestingSet:
		var configElems []tftypes.Value
		if reached {
			configElems = Elements(config)
		}
		elems := Elements(v)
		for i, elem := range elems {
			elemConfig, elemReached := config, false
			if a.Nesting == NestingList && i < len(configElems) {
				elemConfig, elemReached = configElems[i], true
			} else if a.Nesting == nestingSet {
				for _, ce := range configElems {
					if ce.Equal(elem) {
						elemConfig, elemReached = ce, true
						break
					}
				}
			}
			if ne, ch := unknownInObject(a.Children, elem, elemConfig, elemReached); ch {
				elems[i] = ne
				changed = true
			}
		}
		if changed {
			v = tftypes.NewValue(v.Type(), elems)
		}
	}
	return v, changed
}

// runAttributePlanModifiers runs every attribute's plan modifiers, parents before their
// children, each child seeing its parent's modified plan; it stops at the first
// attribute whose modifiers fail, as the framework does.
func (s *WalkedSchema) runAttributePlanModifiers(ctx context.Context, m planModification) (tftypes.Value, path.Paths, diag.Diagnostics) {
	var diags diag.Diagnostics
	var replace path.Paths
	planned := ObjectAttributes(m.plan.Raw)
	if planned == nil {
		return m.plan.Raw, nil, nil
	}
	configured, prior := ObjectAttributes(m.config.Raw), ObjectAttributes(m.state.Raw)
	for _, a := range s.Attrs {
		am := m
		am.path = path.Root(a.Name)
		c, p, st := valueForValidation(configured, a.Name, a.TfType), planned[a.Name], valueForValidation(prior, a.Name, a.TfType)
		for _, v := range []tftypes.Value{c, p, st} {
			if !a.checkType(ctx, v, am.path, &diags) {
				return m.plan.Raw, nil, diags
			}
		}
		planned[a.Name] = a.modifyPlan(ctx, am, c, p, st, converted{}, &replace, &diags)
		if diags.HasError() {
			return m.plan.Raw, nil, diags
		}
	}
	return tftypes.NewValue(m.plan.Raw.Type(), planned), replace, diags
}

// converted holds an attribute's config, plan and state values already converted to
// framework values, where a parent's conversion gave them (nil where not): a modifier of
// a list of many objects converts the whole list, and its objects' attributes need not be
// converted again for their own modifiers.
type converted struct {
	config, plan, state attr.Value
}

// elements are the converted elements of each of c's lists or sets (nil where unknown).
func (c converted) elements(ctx context.Context) (config, plan, state []attr.Value) {
	return elementValues(ctx, c.config), elementValues(ctx, c.plan), elementValues(ctx, c.state)
}

// element is the i-th element of each list, where there is one.
func elementOf(config, plan, state []attr.Value, i int) converted {
	at := func(values []attr.Value) attr.Value {
		if i < len(values) {
			return values[i]
		}
		return nil
	}
	return converted{config: at(config), plan: at(plan), state: at(state)}
}

func (a *WalkedAttribute) modifyPlan(ctx context.Context, m planModification, config, plan, state tftypes.Value, known converted, replace *path.Paths, diags *diag.Diagnostics) tftypes.Value {
	if a.hasModifiers {
		if err := known.fill(ctx, a.value, config, plan, state); err != nil {
			diags.AddAttributeError(m.path, "Plan Read Error", err.Error())
			return plan
		}
		res := a.runPlanModifiers(ctx, m, known.config, known.plan, known.state, diags)
		if res.requiresReplace {
			replace.Append(m.path)
		}
		if diags.HasError() {
			return plan
		}
		// Most modifiers leave the value as it was; comparing is much cheaper than
		// converting a list of many objects back.
		if !res.plan.Equal(known.plan) {
			var err error
			if plan, err = res.plan.ToTerraformValue(ctx); err != nil {
				diags.AddAttributeError(m.path, "Plan Modification Error", err.Error())
				return plan
			}
			known.plan = res.plan
		}
	}
	if !plan.IsKnown() || plan.IsNull() {
		return plan
	}
	switch a.Nesting {
	case NestingSingle:
		return a.modifyObject(ctx, m, nil, config, plan, state, known, replace, diags)
	case NestingList, nestingSet:
		elemType := a.ElementType()
		configElems, priorElems, elems := Elements(config), Elements(state), Elements(plan)
		configKnown, planKnown, stateKnown := known.elements(ctx)
		for i, elem := range elems {
			em := m
			if a.Nesting == NestingList {
				em.path = m.path.AtListIndex(i)
			} else {
				em.path = a.setElementPath(ctx, m.path, elem, diags)
			}
			elems[i] = a.modifyObject(ctx, em, a.objectModifiers,
				elementAt(config, configElems, i, elemType), elem, elementAt(state, priorElems, i, elemType),
				elementOf(configKnown, planKnown, stateKnown, i), replace, diags)
		}
		return tftypes.NewValue(plan.Type(), elems)
	}
	return plan
}

// modifyObject runs a nested object's own modifiers, then its attributes'.
func (a *WalkedAttribute) modifyObject(ctx context.Context, m planModification, modifiers []planmodifier.Object, config, plan, state tftypes.Value, known converted, replace *path.Paths, diags *diag.Diagnostics) tftypes.Value {
	if len(modifiers) > 0 {
		if err := known.fill(ctx, a.nestedObjectValue, config, plan, state); err != nil {
			diags.AddAttributeError(m.path, "Plan Read Error", err.Error())
			return plan
		}
		res := runObjectPlanModifiers(ctx, m, modifiers, known.config, known.plan, known.state, diags)
		if res.requiresReplace {
			replace.Append(m.path)
		}
		if diags.HasError() {
			return plan
		}
		var err error
		if plan, err = res.plan.ToTerraformValue(ctx); err != nil {
			diags.AddAttributeError(m.path, "Plan Modification Error", err.Error())
			return plan
		}
		known.plan = res.plan
	}
	planned := ObjectAttributes(plan)
	if planned == nil {
		return plan
	}
	configured, prior := ObjectAttributes(config), ObjectAttributes(state)
	configKnown, planKnown, stateKnown := attributeValues(ctx, known.config), attributeValues(ctx, known.plan), attributeValues(ctx, known.state)
	for _, c := range a.Children {
		cm := m
		cm.path = m.path.AtName(c.Name)
		childKnown := converted{config: configKnown[c.Name], plan: planKnown[c.Name], state: stateKnown[c.Name]}
		planned[c.Name] = c.modifyPlan(ctx, cm,
			childOf(config, configured, c.Name, c.TfType), planned[c.Name], childOf(state, prior, c.Name, c.TfType),
			childKnown, replace, diags)
	}
	return tftypes.NewValue(plan.Type(), planned)
}

// fill converts with convert each of config, plan and state not converted yet.
func (c *converted) fill(ctx context.Context, convert func(context.Context, tftypes.Value) (attr.Value, error), config, plan, state tftypes.Value) error {
	for _, f := range []struct {
		known *attr.Value
		raw   tftypes.Value
	}{{&c.config, config}, {&c.plan, plan}, {&c.state, state}} {
		if *f.known != nil {
			continue
		}
		value, err := convert(ctx, f.raw)
		if err != nil {
			return err
		}
		*f.known = value
	}
	return nil
}

// elementValues are the elements of a known list or set value, else nil.
func elementValues(ctx context.Context, v attr.Value) []attr.Value {
	switch v := v.(type) {
	case basetypes.ListValuable:
		if l, d := v.ToListValue(ctx); !d.HasError() && !l.IsNull() && !l.IsUnknown() {
			return l.Elements()
		}
	case basetypes.SetValuable:
		if s, d := v.ToSetValue(ctx); !d.HasError() && !s.IsNull() && !s.IsUnknown() {
			return s.Elements()
		}
	}
	return nil
}

// attributeValues are the attributes of a known object value, else nil.
func attributeValues(ctx context.Context, v attr.Value) map[string]attr.Value {
	if o, ok := v.(basetypes.ObjectValuable); ok {
		if obj, d := o.ToObjectValue(ctx); !d.HasError() && !obj.IsNull() && !obj.IsUnknown() {
			return obj.Attributes()
		}
	}
	return nil
}
