package task

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

// The types of the limits table (resource_limits_table.go) and what the schema takes from
// it: the looser bound of the two models as validators, and both models' limits in the
// description.

// migrationTaskLimitKind is what a limit bounds.
type migrationTaskLimitKind int

const (
	limitPresence migrationTaskLimitKind = iota // only whether the attribute is required
	limitChars                                  // a string's length in characters, its values, its alphabet
	limitInts                                   // an integer's range
	limitNums                                   // a number's range
	limitItems                                  // a list's length
)

// migrationTaskModelLimit is one attribute's limit under one model. The zero value: the
// model has no such attribute (a key of today's update body only, refused under "seed").
type migrationTaskModelLimit struct {
	set            bool
	kind           migrationTaskLimitKind
	minLen, maxLen int
	values         []string
	rule           *migrationTaskCharRule
	min, max       int64
	fmin, fmax     float64 // fmax +Inf: no maximum
	maxItems       int
	required       bool
}

func chars(minLen, maxLen int) migrationTaskModelLimit {
	return migrationTaskModelLimit{set: true, kind: limitChars, minLen: minLen, maxLen: maxLen}
}

func ints(minValue, maxValue int64) migrationTaskModelLimit { //nolint:unparam // the table spells out documented min..max ranges
	return migrationTaskModelLimit{set: true, kind: limitInts, min: minValue, max: maxValue}
}

func nums(minValue, maxValue float64) migrationTaskModelLimit {
	return migrationTaskModelLimit{set: true, kind: limitNums, fmin: minValue, fmax: maxValue}
}

func items(maxItems int) migrationTaskModelLimit {
	return migrationTaskModelLimit{set: true, kind: limitItems, maxItems: maxItems}
}

func required() migrationTaskModelLimit { return migrationTaskModelLimit{set: true, required: true} }

func optional() migrationTaskModelLimit { return migrationTaskModelLimit{set: true} }

func (l migrationTaskModelLimit) oneOf(values ...string) migrationTaskModelLimit {
	l.values = values
	return l
}

func (l migrationTaskModelLimit) matching(r *migrationTaskCharRule) migrationTaskModelLimit {
	l.rule = r
	return l
}

func (l migrationTaskModelLimit) req() migrationTaskModelLimit {
	l.required = true
	return l
}

// migrationTaskCharRule is a character rule: its pattern, how the description and a
// diagnostic word it, two strings at its edge (one allowed, one not) for the generated
// tests, and the rule it narrows (whose every match it matches too), if any.
type migrationTaskCharRule struct {
	pattern         *regexp.Regexp
	describe        string
	message         string
	edgeIn, edgeOut string
	narrows         *migrationTaskCharRule
}

// migrationTaskLimitRow is one row of the table: an attribute path ("[]" is every item of
// a list: "target_server.disks[].physical_volumes"; "[0]" its first item only, for a rule
// of the first item, whose schema validators and description are every item's), its
// limit under each model, whether it is CreateTask's (checked only when the task is
// created), and the constraints document's row (plus a note where the pages and the SDK
// disagree).
type migrationTaskLimitRow struct {
	path          string
	createOnly    bool
	todayMember   bool // a member only today's body has, refused under "seed" by checkModelLimits
	seed, current migrationTaskModelLimit
	doc, note     string
	// was is the declaration's own wording of the limit (in a builder the source server
	// shares), which the table's sentence replaces in the description.
	was string
}

// Limit is the row's limit under model.
func (r migrationTaskLimitRow) limit(model string) migrationTaskModelLimit {
	if model == conns.APIModelSeed {
		return r.seed
	}
	return r.current
}

// kind is what the row bounds beyond presence.
func (r migrationTaskLimitRow) kind() migrationTaskLimitKind { return max(r.seed.kind, r.current.kind) }

// loosest is the bound that accepts whatever either model accepts: what the schema's
// validators enforce before the model is known.
func (r migrationTaskLimitRow) loosest() migrationTaskModelLimit {
	a, b := r.seed, r.current
	switch {
	case !a.set:
		return b
	case !b.set:
		return a
	}
	out := migrationTaskModelLimit{set: true, kind: r.kind(), required: a.required && b.required,
		minLen: min(a.minLen, b.minLen), maxLen: max(a.maxLen, b.maxLen),
		min: min(a.min, b.min), max: max(a.max, b.max), fmin: min(a.fmin, b.fmin), fmax: max(a.fmax, b.fmax),
		maxItems: max(a.maxItems, b.maxItems)}
	if len(a.values) > 0 && len(b.values) > 0 {
		out.values = slices.Compact(slices.Sorted(slices.Values(slices.Concat(a.values, b.values))))
	}
	switch {
	case a.rule == nil || b.rule == nil:
	case a.rule == b.rule || b.rule.narrows == a.rule:
		out.rule = a.rule
	case a.rule.narrows == b.rule:
		out.rule = b.rule
	default:
		panic("migrationTaskLimits " + r.path + ": neither character rule contains the other")
	}
	return out
}

// stringValidators, int64Validators, float64Validators and listValidators are l's checks.
func (l migrationTaskModelLimit) stringValidators() []validator.String {
	// A name may hold Chinese characters, so its length is counted in characters; the
	// other strings (IDs, states) are counted as the rest of the schema counts them.
	var out []validator.String
	switch {
	case l.rule != nil:
		out = append(out, stringvalidator.UTF8LengthBetween(l.minLen, l.maxLen))
	case l.minLen > 0:
		out = append(out, stringvalidator.LengthBetween(l.minLen, l.maxLen))
	default:
		out = append(out, stringvalidator.LengthAtMost(l.maxLen))
	}
	if len(l.values) > 0 {
		out = append(out, stringvalidator.OneOf(l.values...))
	}
	if l.rule != nil {
		out = append(out, stringvalidator.RegexMatches(l.rule.pattern, l.rule.message))
	}
	return out
}

func (l migrationTaskModelLimit) int64Validators() []validator.Int64 {
	if l.max == math.MaxInt64 { // a Long with no bound above, checked as the schema's other Longs are
		return []validator.Int64{int64validator.AtLeast(l.min)}
	}
	return []validator.Int64{int64validator.Between(l.min, l.max)}
}

func (l migrationTaskModelLimit) float64Validators() []validator.Float64 {
	if math.IsInf(l.fmax, 1) {
		return []validator.Float64{float64validator.AtLeast(l.fmin)}
	}
	return []validator.Float64{float64validator.Between(l.fmin, l.fmax)}
}

func (l migrationTaskModelLimit) listValidators() []validator.List {
	return []validator.List{listvalidator.SizeAtMost(l.maxItems)}
}

// describe words l for a description and a diagnostic: "1 to 64 characters", "0 to 1000",
// "at most 50 items", "one of `A`, `B`".
func (l migrationTaskModelLimit) describe() string {
	if !l.set {
		return "not accepted (a key of today's update body only)"
	}
	var parts []string
	switch l.kind {
	case limitChars:
		switch {
		case len(l.values) > 0:
			shown := make([]string, len(l.values))
			for i, v := range l.values {
				shown[i] = "`" + v + "`"
				if v == "" {
					shown[i] = "`\"\"` (empty)"
				}
			}
			parts = append(parts, "one of "+strings.Join(shown, ", "))
		case l.minLen > 0:
			parts = append(parts, fmt.Sprintf("%d to %d characters", l.minLen, l.maxLen))
		default:
			parts = append(parts, fmt.Sprintf("at most %d characters", l.maxLen))
		}
		if l.rule != nil {
			parts = append(parts, l.rule.describe)
		}
	case limitInts:
		parts = append(parts, fmt.Sprintf("%d to %d", l.min, l.max))
	case limitNums:
		if math.IsInf(l.fmax, 1) {
			parts = append(parts, "at least "+strconv.FormatFloat(l.fmin, 'f', -1, 64))
		} else {
			parts = append(parts, strconv.FormatFloat(l.fmin, 'f', -1, 64)+" to "+strconv.FormatFloat(l.fmax, 'f', -1, 64))
		}
	case limitItems:
		parts = append(parts, fmt.Sprintf("at most %d items", l.maxItems))
	}
	if l.required {
		parts = append(parts, "required")
	} else if l.kind == limitPresence {
		parts = append(parts, "optional")
	}
	return strings.Join(parts, "; ")
}

// limitSentence states the row's limit under each model, for the attribute's description.
func (r migrationTaskLimitRow) limitSentence() string {
	s := fmt.Sprintf("Under `api_model = \"current\"`: %s. Under `\"seed\"`: %s.", r.current.describe(), r.seed.describe())
	if r.createOnly {
		s += " Checked when the task is created (CreateTask's limit)."
	}
	if r.todayMember {
		s += " Refused at plan time under `\"seed\"`, whose update body has no such key."
	}
	if r.note != "" {
		s += " " + r.note
	}
	return s
}

// withModelLimits applies the limits table to the schema's attributes: at each row's
// path, the looser bound of the two models as validators (replacing the declaration's),
// an attribute that either model leaves optional made optional (and, where SMS reports
// it, computed, so an unset value is read back), and the row's sentence appended to the
// description. ModifyPlan enforces the configured model's own limit (checkModelLimits).
func withModelLimits(attrs map[string]schema.Attribute) map[string]schema.Attribute {
	for _, row := range migrationTaskLimits {
		applyLimitRow(attrs, strings.Split(row.path, "."), row)
	}
	return attrs
}

func applyLimitRow(attrs map[string]schema.Attribute, steps []string, row migrationTaskLimitRow) {
	name, _ := limitStep(steps[0])
	a, ok := attrs[name]
	if !ok {
		panic("migrationTaskLimits " + row.path + ": no attribute " + name)
	}
	if len(steps) > 1 {
		switch a := a.(type) {
		case schema.SingleNestedAttribute:
			applyLimitRow(a.Attributes, steps[1:], row)
		case schema.ListNestedAttribute:
			applyLimitRow(a.NestedObject.Attributes, steps[1:], row)
		default:
			panic("migrationTaskLimits " + row.path + ": " + name + " has no attributes")
		}
		return
	}
	attrs[name] = limitedAttribute(a, row)
}

// limitedAttribute is a with row applied (see withModelLimits).
func limitedAttribute(a schema.Attribute, row migrationTaskLimitRow) schema.Attribute {
	loose := row.loosest()
	// A row says whether the attribute is required when either model requires it or it
	// bounds nothing else; the schema's Required stands otherwise.
	governsPresence := row.seed.required || row.current.required || row.kind() == limitPresence
	relax := governsPresence && a.IsRequired() && !loose.required
	// Top-level attributes keep a value SMS reports as it is; nested ones keep it unless
	// the configuration sets one (the stable children's rule), except in objects SMS
	// never reports, where an unset member stays null.
	topLevel, reported := !strings.Contains(row.path, "."), !strings.HasPrefix(row.path, "target_server.btrfs_file_systems")
	bounded := row.kind() != limitPresence
	switch a := a.(type) {
	case schema.StringAttribute:
		a.MarkdownDescription = withSentence(a.MarkdownDescription, row)
		if bounded {
			a.Validators = loose.stringValidators()
		}
		if relax {
			a.Required, a.Optional, a.Computed = false, true, reported
			if topLevel {
				a.PlanModifiers = []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
			} else if reported {
				a.PlanModifiers = []planmodifier.String{stringplanmodifier.UseNonNullStateForUnknown()}
			}
		}
		return a
	case schema.Int64Attribute:
		a.MarkdownDescription = withSentence(a.MarkdownDescription, row)
		if bounded {
			a.Validators = loose.int64Validators()
		}
		if relax {
			a.Required, a.Optional, a.Computed = false, true, reported
			if reported {
				a.PlanModifiers = []planmodifier.Int64{int64planmodifier.UseNonNullStateForUnknown()}
			}
		}
		return a
	case schema.Float64Attribute:
		a.MarkdownDescription = withSentence(a.MarkdownDescription, row)
		if bounded {
			a.Validators = loose.float64Validators()
		}
		return a
	case schema.ListNestedAttribute:
		a.MarkdownDescription = withSentence(a.MarkdownDescription, row)
		if bounded {
			a.Validators = loose.listValidators()
		}
		if relax {
			a.Required, a.Optional, a.Computed = false, true, reported
			if reported {
				a.PlanModifiers = []planmodifier.List{listplanmodifier.UseNonNullStateForUnknown()}
			}
		}
		return a
	}
	panic(fmt.Sprintf("migrationTaskLimits %s: no limits for a %T", row.path, a))
}

func withSentence(description string, row migrationTaskLimitRow) string {
	if row.was != "" {
		if !strings.Contains(description, row.was) {
			panic("migrationTaskLimits " + row.path + ": the description has no " + strconv.Quote(row.was))
		}
		description = strings.TrimSpace(strings.Replace(description, row.was, "", 1))
		// "The startup mode: `MANUAL`, ..." loses its list: the sentence ends there.
		if d, listed := strings.CutSuffix(description, ":"); listed {
			description = d + "."
		}
	}
	return strings.TrimSpace(description + " " + row.limitSentence())
}
