package task

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

// Exports of the limits table (migrationTaskLimits) for the generated tests.

// LimitCase is one configured value of one row of the table under one model: exactly at
// a bound (accepted) or one past it (refused with a diagnostic on the leaf).
type LimitCase struct {
	Model string
	Row   string // the row's path, e.g. target_server.volume_groups[].logical_volumes[].inode_size
	// Steps lead from the configuration to the leaf: attribute names, and 0 for the
	// first item of a list.
	Steps []any
	// Value is the leaf's value as a JSON tree: a string, a json.Number, nil (unset), or
	// Items for a list of that many copies of the configuration's first item.
	Value   any
	Refused bool
	// ModelOnly: the value is within the schema's (looser) bound, so only the model's own
	// check at plan time refuses it, saying which model.
	ModelOnly  bool
	CreateOnly bool
}

// maxGeneratedItems is the longest list the generated cases plan.
const maxGeneratedItems = 1024

// Items is a list value of N items.
type Items struct{ N int }

func (c LimitCase) String() string {
	verdict := "accepted"
	if c.Refused {
		verdict = "refused"
	}
	v := fmt.Sprint(c.Value)
	switch x := c.Value.(type) {
	case string:
		v = strconv.Quote(x)
		if n := utf8.RuneCountInString(x); n > 20 {
			v = fmt.Sprintf("%d characters", n)
		}
	case nil:
		v = "unset"
	case Items:
		v = fmt.Sprintf("%d items", x.N)
	}
	return fmt.Sprintf("%s: %s = %s %s", c.Model, c.Row, v, verdict)
}

// LimitRowSteps are the steps from the configuration to a row's leaf: attribute names,
// and 0 for the first item of a list ("[]" and "[0]" alike).
func LimitRowSteps(rowPath string) []any {
	var steps []any
	for _, s := range strings.Split(rowPath, ".") {
		name, items := limitStep(s)
		steps = append(steps, name)
		if items != limitNoItems {
			steps = append(steps, 0)
		}
	}
	return steps
}

// MigrationTaskLimitRowPaths are the table's row paths.
func MigrationTaskLimitRowPaths() []string {
	out := make([]string, 0, len(migrationTaskLimits))
	for _, r := range migrationTaskLimits {
		out = append(out, r.path)
	}
	return out
}

// MigrationTaskLimitCases are, for every row and each model that has the attribute,
// every bound exactly and one past it, each allowed value and one that is not, each side
// of a character rule's edge, and, where the models differ on it, the attribute unset.
func MigrationTaskLimitCases() []LimitCase {
	var out []LimitCase
	for _, row := range migrationTaskLimits {
		loose := row.loosest()
		steps := LimitRowSteps(row.path)
		for _, model := range conns.APIModels {
			l := row.limit(model)
			add := func(v any, refused bool, past func(migrationTaskModelLimit) bool) {
				c := LimitCase{Model: model, Row: row.path, Steps: steps, Value: v, Refused: refused, CreateOnly: row.createOnly}
				c.ModelOnly = refused && !past(loose)
				out = append(out, c)
			}
			num := func(n int64) json.Number { return json.Number(strconv.FormatInt(n, 10)) }
			if !l.set {
				if row.todayMember {
					// A member only today's body has: any value the other model takes,
					// refused at plan time.
					other := row.limit(otherAPIModel(model))
					var v any = strings.Repeat("a", other.maxLen)
					if other.kind == limitInts {
						v = num(other.min)
					}
					add(v, true, func(migrationTaskModelLimit) bool { return false })
				}
				continue
			}
			switch l.kind {
			case limitChars:
				if len(l.values) > 0 {
					for _, v := range l.values {
						add(v, false, nil)
					}
					add("NOT_"+l.values[0], true, func(b migrationTaskModelLimit) bool {
						return len(b.values) > 0
					})
					break
				}
				add(strings.Repeat("a", l.maxLen), false, nil)
				add(strings.Repeat("a", l.maxLen+1), true, func(b migrationTaskModelLimit) bool { return l.maxLen+1 > b.maxLen })
				if l.minLen > 0 {
					add(strings.Repeat("a", l.minLen), false, nil)
					add(strings.Repeat("a", l.minLen-1), true, func(b migrationTaskModelLimit) bool { return l.minLen-1 < b.minLen })
				}
				if l.rule != nil {
					add(l.rule.edgeIn, false, nil)
					add(l.rule.edgeOut, true, func(b migrationTaskModelLimit) bool {
						return b.rule != nil && !b.rule.pattern.MatchString(l.rule.edgeOut)
					})
				}
			case limitInts:
				add(num(l.min), false, nil)
				add(num(l.max), false, nil)
				if l.min > math.MinInt64 {
					add(num(l.min-1), true, func(b migrationTaskModelLimit) bool { return l.min-1 < b.min })
				}
				if l.max < math.MaxInt64 {
					add(num(l.max+1), true, func(b migrationTaskModelLimit) bool { return l.max+1 > b.max })
				}
			case limitNums:
				f := func(x float64) json.Number { return json.Number(strconv.FormatFloat(x, 'f', -1, 64)) }
				add(f(l.fmin), false, nil)
				add(f(l.fmin-1), true, func(b migrationTaskModelLimit) bool { return l.fmin-1 < b.fmin })
				if !math.IsInf(l.fmax, 1) {
					add(f(l.fmax), false, nil)
					add(f(l.fmax+1), true, func(b migrationTaskModelLimit) bool { return l.fmax+1 > b.fmax })
				}
			case limitItems:
				if l.maxItems == loose.maxItems && l.maxItems > maxGeneratedItems {
					// The schema's own bound (the seed's 65535): its validator refuses one
					// more before any plan, tested at exactly and one past where the
					// validators are (resource_validators_test.go); planning 65535 disks
					// twice per case would take minutes.
					break
				}
				add(Items{l.maxItems}, false, nil)
				add(Items{l.maxItems + 1}, true, func(b migrationTaskModelLimit) bool { return l.maxItems+1 > b.maxItems })
			}
			if row.seed.required != row.current.required || row.kind() == limitPresence {
				add(nil, l.required, func(b migrationTaskModelLimit) bool { return b.required })
			}
		}
	}
	return out
}

// LimitBound is one model's limit of a row, as plain data.
type LimitBound struct {
	Set            bool
	MinLen, MaxLen int
	Values         []string
	Pattern        *regexp.Regexp
	Min, Max       int64
	FMin, FMax     float64
	MaxItems       int
	Required       bool
}

// LimitRow is a row of the table, as plain data.
type LimitRow struct {
	Path          string
	CreateOnly    bool
	TodayMember   bool // a member only today's body has, refused under "seed"
	Seed, Current LimitBound
	Sentence      string // what the attribute's description says of it
}

// MigrationTaskLimitRows are the table's rows.
func MigrationTaskLimitRows() []LimitRow {
	export := func(l migrationTaskModelLimit) LimitBound {
		out := LimitBound{Set: l.set, MinLen: l.minLen, MaxLen: l.maxLen, Values: l.values, Min: l.min, Max: l.max,
			FMin: l.fmin, FMax: l.fmax, MaxItems: l.maxItems, Required: l.required}
		if l.rule != nil {
			out.Pattern = l.rule.pattern
		}
		return out
	}
	out := make([]LimitRow, 0, len(migrationTaskLimits))
	for _, r := range migrationTaskLimits {
		out = append(out, LimitRow{Path: r.path, CreateOnly: r.createOnly, TodayMember: r.todayMember, Seed: export(r.seed), Current: export(r.current),
			Sentence: r.limitSentence()})
	}
	return out
}
