package emulator

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"time"
)

// Faults describes what goes wrong for requests matching a path prefix. Rates are
// probabilities in [0, 1] drawn once per request in the order drop, 429, 500, 503, so
// their sum should not exceed 1. Faults that answer (429/500/503) or drop the connection
// happen before the request is applied; LoseReplyAfterApply applies the request and then
// closes the connection, so the client never sees the reply.
type Faults struct {
	Rate429             float64
	Rate500             float64
	Rate503             float64
	Latency             time.Duration // added before anything else
	DropRate            float64       // close the connection without a reply, before applying
	LoseReplyAfterApply int           // the next N matching requests apply, then lose their reply
	Methods             []string      // empty = every method
}

// Validate reports rates outside [0, 1] or summing above 1, and negative counts or latency.
func (f Faults) Validate() error {
	var errs []error
	for _, rate := range []struct {
		name  string
		value float64
	}{{"rate429", f.Rate429}, {"rate500", f.Rate500}, {"rate503", f.Rate503}, {"drop rate", f.DropRate}} {
		if rate.value < 0 || rate.value > 1 {
			errs = append(errs, fmt.Errorf("%s must be between 0 and 1, got %v", rate.name, rate.value))
		}
	}
	if sum := f.Rate429 + f.Rate500 + f.Rate503 + f.DropRate; sum > 1 {
		errs = append(errs, fmt.Errorf("the rates add up to %v, more than 1", sum))
	}
	if f.Latency < 0 {
		errs = append(errs, fmt.Errorf("latency must not be negative, got %v", f.Latency))
	}
	if f.LoseReplyAfterApply < 0 {
		errs = append(errs, fmt.Errorf("lose-reply count must not be negative, got %d", f.LoseReplyAfterApply))
	}
	return errors.Join(errs...)
}

type faultRule struct {
	prefix   string
	faults   Faults
	loseLeft int
}

type faultTable struct {
	mu    sync.Mutex
	rules map[string]*faultRule
	rng   *rand.Rand
}

// faultPlan is what happens to one request.
type faultPlan struct {
	rule    *faultRule
	latency time.Duration
	drop    bool
	status  int // 429, 500, 503 or 0
}

func (t *faultTable) init(seed uint64) {
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	t.rng = rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	t.rules = map[string]*faultRule{}
}

// SetFaults sets the faults for requests whose path starts with pathPrefix ("" = all),
// replacing any set before for that prefix. When several prefixes match, the longest wins.
func (e *Emulator) SetFaults(pathPrefix string, f Faults) {
	t := &e.faults
	t.mu.Lock()
	defer t.mu.Unlock()
	f.Methods = slices.Clone(f.Methods)
	t.rules[pathPrefix] = &faultRule{prefix: pathPrefix, faults: f, loseLeft: f.LoseReplyAfterApply}
}

// ClearFaults removes every fault.
func (e *Emulator) ClearFaults() {
	t := &e.faults
	t.mu.Lock()
	defer t.mu.Unlock()
	t.rules = map[string]*faultRule{}
}

func (t *faultTable) plan(method, path string) faultPlan {
	t.mu.Lock()
	defer t.mu.Unlock()
	var rule *faultRule
	for _, r := range t.rules {
		if !strings.HasPrefix(path, r.prefix) || (len(r.faults.Methods) > 0 && !containsFold(r.faults.Methods, method)) {
			continue
		}
		if rule == nil || len(r.prefix) > len(rule.prefix) {
			rule = r
		}
	}
	if rule == nil {
		return faultPlan{}
	}
	p := faultPlan{rule: rule, latency: rule.faults.Latency}
	f := rule.faults
	switch x := t.rng.Float64(); {
	case x < f.DropRate:
		p.drop = true
	case x < f.DropRate+f.Rate429:
		p.status = 429
	case x < f.DropRate+f.Rate429+f.Rate500:
		p.status = 500
	case x < f.DropRate+f.Rate429+f.Rate500+f.Rate503:
		p.status = 503
	}
	return p
}

// takeLoseReply consumes one lost reply of the plan's rule, if any is left.
func (t *faultTable) takeLoseReply(p faultPlan) bool {
	if p.rule == nil {
		return false
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if p.rule.loseLeft <= 0 {
		return false
	}
	p.rule.loseLeft--
	return true
}

func containsFold(list []string, s string) bool {
	return slices.ContainsFunc(list, func(v string) bool { return strings.EqualFold(v, s) })
}
