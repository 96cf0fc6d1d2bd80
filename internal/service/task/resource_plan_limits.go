package task

import (
	"fmt"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

// checkModelLimits refuses, at plan time, configured values that the endpoint's model
// does not take though the other model would (the schema's validators hold the looser
// bound of the two): every row of migrationTaskLimits, under the provider's api_model,
// on the configuration's values (unknown ones are checked when they are known). A
// CreateTask row is checked only when the task is created. Before the provider is
// configured the model is not known, and nothing is checked.
func (r *migrationTaskResource) checkModelLimits(p *migrationTaskPlanning, diags *diag.Diagnostics) {
	model := r.defaults.APIModel
	if !slices.Contains(conns.APIModels, model) {
		return
	}
	for _, row := range migrationTaskLimits {
		if row.createOnly && p.prior != nil {
			continue
		}
		limit := row.limit(model)
		if !limit.set && !row.todayMember {
			continue // a key or object the model lacks: checkChangesForAPIModel refuses it
		}
		steps := strings.Split(row.path, ".")
		first, _ := limitStep(steps[0])
		configuredAt(path.Root(first), p.config[first], steps, func(at path.Path, v attr.Value) {
			addModelLimitError(diags, at, row, model, v)
		})
	}
}

// addModelLimitError refuses v at at when it breaks row's limit under model, naming both
// models' limits.
func addModelLimitError(diags *diag.Diagnostics, at path.Path, row migrationTaskLimitRow, model string, v attr.Value) {
	if !row.limit(model).set {
		addTodayMemberError(diags, at, row, model, v)
		return
	}
	msg := limitViolation(row.limit(model), v)
	if msg == "" {
		return
	}
	got := ""
	if !v.IsNull() {
		got = ", got " + shown(v)
	}
	diags.AddAttributeError(at, "Value not accepted under api_model \""+model+"\"",
		fmt.Sprintf("Attribute %s %s under api_model %q (%s under %q)%s.%s",
			at, msg, model, row.limit(otherAPIModel(model)).describe(), otherAPIModel(model), got, modelHint(model)))
}

// addTodayMemberError refuses a value set at at, a member only today's update body has,
// under model (the seed's), in the words of the other refusals of today's keys
// (checkChangesForAPIModel).
func addTodayMemberError(diags *diag.Diagnostics, at path.Path, row migrationTaskLimitRow, model string, v attr.Value) {
	if v.IsNull() {
		return
	}
	other := otherAPIModel(model)
	diags.AddAttributeError(at, "Attribute needs api_model \""+other+"\"",
		fmt.Sprintf("Attribute %s is a member of today's SMS update body only: it is not accepted under api_model %q (%s under %q), got %s. "+
			"The 2024 task API has no such key, so the service would ignore it. Remove it, or set api_model = %q in the provider "+
			"(or %s) if the endpoint speaks today's task API.",
			at, model, row.limit(other).describe(), other, shown(v), other, conns.EnvList(conns.EnvAPIModel)))
}

// configuredAt calls f for each configured value at the rest of steps below v (at v
// itself when steps has one step): every item of a list step ("disks[]").
func configuredAt(at path.Path, v attr.Value, steps []string, f func(path.Path, attr.Value)) {
	if v == nil || v.IsUnknown() {
		return
	}
	if len(steps) == 1 {
		f(at, v)
		return
	}
	if v.IsNull() {
		return
	}
	var objects []attr.Value
	var paths []path.Path
	if _, items := limitStep(steps[0]); items != limitNoItems {
		list, ok := v.(types.List)
		if !ok {
			return
		}
		for i, e := range list.Elements() {
			if items == limitFirstItem && i > 0 {
				break
			}
			objects, paths = append(objects, e), append(paths, at.AtListIndex(i))
		}
	} else {
		objects, paths = []attr.Value{v}, []path.Path{at}
	}
	next, _ := limitStep(steps[1])
	for i, o := range objects {
		obj, ok := o.(types.Object)
		if !ok || obj.IsNull() || obj.IsUnknown() {
			continue
		}
		configuredAt(paths[i].AtName(next), obj.Attributes()[next], steps[1:], f)
	}
}

// limitStepItems is which items of a list a step of a row's path goes through.
type limitStepItems int

const (
	limitNoItems   limitStepItems = iota // no list: "target_server"
	limitEveryItem                       // "disks[]"
	limitFirstItem                       // "networks[0]": a rule of the first item only
)

// limitStep splits a step of a row's path into the attribute's name and its items.
func limitStep(step string) (string, limitStepItems) {
	if name, ok := strings.CutSuffix(step, "[]"); ok {
		return name, limitEveryItem
	}
	if name, ok := strings.CutSuffix(step, "[0]"); ok {
		return name, limitFirstItem
	}
	return step, limitNoItems
}

// limitViolation says how v breaks l ("must be 1 to 64 characters"), or "" if it does not.
func limitViolation(l migrationTaskModelLimit, v attr.Value) string {
	if v.IsNull() {
		if l.required {
			return "is required"
		}
		return ""
	}
	switch v := v.(type) {
	case types.String:
		s := v.ValueString()
		if l.kind != limitChars {
			return ""
		}
		if n := utf8.RuneCountInString(s); n < l.minLen || n > l.maxLen {
			return fmt.Sprintf("must be %s", charsRange(l))
		}
		if len(l.values) > 0 && !slices.Contains(l.values, s) {
			return "must be one of " + quotedList(l.values)
		}
		if l.rule != nil && !l.rule.pattern.MatchString(s) {
			return l.rule.message
		}
	case types.Int64:
		if l.kind == limitInts && (v.ValueInt64() < l.min || v.ValueInt64() > l.max) {
			return fmt.Sprintf("must be %d to %d", l.min, l.max)
		}
	case types.Float64:
		if l.kind == limitNums && (v.ValueFloat64() < l.fmin || v.ValueFloat64() > l.fmax) {
			return "must be " + l.describe()
		}
	case types.List:
		if l.kind == limitItems && len(v.Elements()) > l.maxItems {
			return fmt.Sprintf("must have at most %d items", l.maxItems)
		}
	}
	return ""
}

func charsRange(l migrationTaskModelLimit) string {
	if l.minLen > 0 {
		return fmt.Sprintf("%d to %d characters", l.minLen, l.maxLen)
	}
	return fmt.Sprintf("at most %d characters", l.maxLen)
}

func quotedList(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = strconv.Quote(v)
	}
	return strings.Join(q, ", ")
}

// shown is v as a diagnostic quotes it: a string's length with the string when long, a
// list's length, a number as written.
func shown(v attr.Value) string {
	switch v := v.(type) {
	case types.String:
		s := v.ValueString()
		if n := utf8.RuneCountInString(s); n > 40 {
			return fmt.Sprintf("%d characters", n)
		}
		return strconv.Quote(s)
	case types.List:
		return fmt.Sprintf("%d items", len(v.Elements()))
	case types.Float64:
		if f := v.ValueFloat64(); !math.IsInf(f, 0) {
			return big.NewFloat(f).Text('g', -1)
		}
	case types.Int64:
		return strconv.FormatInt(v.ValueInt64(), 10)
	}
	return v.String()
}

func otherAPIModel(model string) string {
	if model == conns.APIModelSeed {
		return conns.APIModelCurrent
	}
	return conns.APIModelSeed
}

func modelHint(model string) string {
	return fmt.Sprintf(" The provider's api_model (or %s) says which task API the endpoint speaks; it is %q.",
		conns.EnvList(conns.EnvAPIModel), model)
}
