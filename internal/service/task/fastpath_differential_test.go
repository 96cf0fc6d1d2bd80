package task_test

import (
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/fastpath"
	smstask "github.com/sms-migration/terraform-provider-sms/internal/service/task"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// TestFastPathMatchesFramework holds the fast path to the framework's own server for
// sms_migration_task, under either API model: for generated configurations (each
// attribute of the seed's example task, at every depth, made null, unknown, changed, or
// set to a value its validators refuse) both must validate with the same diagnostics and
// plan the create and the update to the same planned state, replacement paths, private
// state and diagnostics, with and without the client capabilities Terraform may announce;
// and both must refresh to the same state and private state, an import's guesses and a
// missing task included.
func TestFastPathMatchesFramework(t *testing.T) {
	for _, apiModel := range []string{conns.APIModelSeed, conns.APIModelCurrent} {
		t.Run(apiModel, func(t *testing.T) {
			t.Parallel()
			fastPathMatchesFramework(t, apiModel)
		})
	}
}

func fastPathMatchesFramework(t *testing.T, apiModel string) {
	body, model := smstask.SeedExampleTask(t)
	servers := newTaskServersFor(t, body, apiModel)
	state := stateValueOf(t, model)
	config := configValueOf(t, state)
	walked := protocolTestSchema(t)
	null := tftypes.NewValue(state.Type(), nil)

	variants := configVariants(t, config)
	if len(variants) < 300 {
		t.Fatalf("only %d configuration variants: the generator lost attributes", len(variants))
	}
	for _, v := range variants {
		compareValidate(t, servers, v.name, v.config, false)
		if v.bad {
			continue // validation refuses it before any plan
		}
		compareReplacementlessPlan(t, servers, v.name+" (update)", planRequest(t, state, v.config, proposedNew(walked.Attrs, state, v.config), nil), false)
		compareReplacementlessPlan(t, servers, v.name+" (create)", planRequest(t, null, v.config, proposedNew(walked.Attrs, null, v.config), nil), false)
	}

	imported := testcheck.PrivateBytes(t, map[string]string{
		smstask.PrivateKeyImported: `["use_public_ip","syncing","need_migration_test"]`, smstask.PrivateKeyImportedWindows: "true",
	})
	flipped := withTopLevel(t, config, "use_public_ip", tftypes.NewValue(tftypes.Bool, true))
	flipped = withTopLevel(t, flipped, "auto_start", tftypes.NewValue(tftypes.Bool, false))
	compareReplacementlessPlan(t, servers, "import guesses adopted", planRequest(t, state, flipped, proposedNew(walked.Attrs, state, flipped), imported), true)
	compareReplacementlessPlan(t, servers, "destroy", planRequest(t, state, null, null, imported), true)
	compareReplacementlessPlan(t, servers, "unchanged", planRequest(t, state, config, state, nil), true)
	withIdentity := planRequest(t, state, config, state, nil)
	withIdentity.PriorIdentity = protocolIdentity(t, stateID(t, state))
	compareReplacementlessPlan(t, servers, "unchanged, with its identity", withIdentity, true)
	destroyWithIdentity := planRequest(t, state, null, null, nil)
	destroyWithIdentity.PriorIdentity = withIdentity.PriorIdentity
	compareReplacementlessPlan(t, servers, "destroy, with its identity", destroyWithIdentity, false)

	deepBody, deepModel := smstask.DeepTaskBody(t, 6, 3)
	deepServers := newTaskServersFor(t, deepBody, apiModel)
	deepState := stateValueOf(t, deepModel)
	deepCreate := deepTaskConfig(t, taskTerraformType(t), 6, 3)
	compareValidate(t, deepServers, "deep create", deepCreate, true)
	compareReplacementlessPlan(t, deepServers, "deep create", planRequest(t, null, deepCreate, proposedNew(walked.Attrs, null, deepCreate), nil), true)
	compareReplacementlessPlan(t, deepServers, "deep unchanged", planRequest(t, deepState, configValueOf(t, deepState), deepState, nil), true)

	// A refresh keeps a prior float64 written more exactly than the API returns it.
	var task map[string]any
	if err := json.Unmarshal(body, &task); err != nil {
		t.Fatal(err)
	}
	task["migrate_speed"] = 12.3
	speedBody, err := json.Marshal(task)
	if err != nil {
		t.Fatal(err)
	}
	exact, _, err := big.ParseFloat("12.3", 10, 512, big.ToNearestEven)
	if err != nil {
		t.Fatal(err)
	}
	compareRead(t, newTaskServersFor(t, speedBody, apiModel), "refresh keeps an equal float64", &tfprotov6.ReadResourceRequest{
		TypeName:     "sms_migration_task",
		CurrentState: dynamicValueOf(t, withTopLevel(t, state, "migrate_speed", tftypes.NewValue(tftypes.Number, exact))),
	})

	pending := testcheck.PrivateBytes(t, map[string]string{smstask.PrivateKeyPendingAction: `{"prior":"start"}`, ".framework_key": "1"})
	justImported := testcheck.PrivateBytes(t, map[string]string{".import_before_read": "true"})
	for name, read := range map[string]*tfprotov6.ReadResourceRequest{
		"refresh":                    {TypeName: "sms_migration_task", CurrentState: dynamicValueOf(t, state)},
		"refresh with its identity":  {TypeName: "sms_migration_task", CurrentState: dynamicValueOf(t, state), CurrentIdentity: protocolIdentity(t, stateID(t, state))},
		"refresh, identity differs":  {TypeName: "sms_migration_task", CurrentState: dynamicValueOf(t, state), CurrentIdentity: protocolIdentity(t, "another-task")},
		"read after identity import": {TypeName: "sms_migration_task", CurrentState: dynamicValueOf(t, state), CurrentIdentity: protocolIdentity(t, "another-task"), Private: justImported},
		"refresh after import":       {TypeName: "sms_migration_task", CurrentState: dynamicValueOf(t, state), Private: imported},
		"refresh pending":            {TypeName: "sms_migration_task", CurrentState: dynamicValueOf(t, state), Private: pending},
		"refresh gone task":          {TypeName: "sms_migration_task", CurrentState: dynamicValueOf(t, withTopLevel(t, state, "id", tftypes.NewValue(tftypes.String, goneTaskID)))},
		"refresh deep":               {TypeName: "sms_migration_task", CurrentState: dynamicValueOf(t, deepState)},
	} {
		s := servers
		if name == "refresh deep" {
			s = deepServers
		}
		compareRead(t, s, name, read)
	}
}

// TestFastPathDiffersWhereTheFrameworkDoes makes sure the comparison above can
// fail: a plan answered by the framework for a configuration with a changed name must
// differ from the fast path's plan of the original configuration.
func TestFastPathDiffersWhereTheFrameworkDoes(t *testing.T) {
	body, model := smstask.SeedExampleTask(t)
	servers := newTaskServers(t, body)
	state := stateValueOf(t, model)
	config := configValueOf(t, state)
	walked := protocolTestSchema(t)
	renamed := withTopLevel(t, config, "name", tftypes.NewValue(tftypes.String, "renamed"))
	ours, err := servers.provider.PlanResourceChange(t.Context(), planRequest(t, state, config, state, nil))
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := servers.framework.PlanResourceChange(t.Context(), planRequest(t, state, renamed, proposedNew(walked.Attrs, state, renamed), nil))
	if err != nil {
		t.Fatal(err)
	}
	if diff := planDiff(t, ours, theirs); diff == "" {
		t.Fatal("a plan of another configuration compares equal: the comparison cannot fail")
	}
}

// goneTaskID is a task id the bench API answers 404 for.
const goneTaskID = "gone-task"

func protocolTestSchema(t testing.TB) *fastpath.WalkedSchema {
	t.Helper()
	walked, err := fastpath.NewWalkedSchema(t.Context(), fixtureSchema())
	if err != nil {
		t.Fatal(err)
	}
	return walked
}

type configVariant struct {
	name   string
	config tftypes.Value
	bad    bool // a value the attribute's validators refuse
}

// configVariants are config with one attribute changed, for every attribute config
// reaches (every element of its lists): made null, given another value, and for strings
// and numbers given an empty or negative one.
func configVariants(t *testing.T, config tftypes.Value) []configVariant {
	t.Helper()
	s := fixtureSchema()
	var out []configVariant
	err := tftypes.Walk(config, func(p *tftypes.AttributePath, v tftypes.Value) (bool, error) {
		if len(p.Steps()) == 0 {
			return true, nil
		}
		a, err := s.AttributeAtTerraformPath(t.Context(), p)
		if err != nil {
			return true, nil //nolint:nilerr // an element, not an attribute: go on into it
		}
		if !a.IsOptional() && !a.IsRequired() {
			return false, nil
		}
		replace := func(name string, nv tftypes.Value, bad bool) {
			c, err := tftypes.Transform(config, func(q *tftypes.AttributePath, old tftypes.Value) (tftypes.Value, error) {
				if q.Equal(p) {
					return nv, nil
				}
				return old, nil
			})
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			out = append(out, configVariant{name: p.String() + " " + name, config: c, bad: bad})
		}
		replace("null", tftypes.NewValue(v.Type(), nil), false)
		if !isLeaf(v.Type()) || len(p.Steps()) == 1 || lastLeafOfObject(config, p) {
			// Unknown at every nesting level: every object and list, and one leaf of each
			// object (every leaf of each would double the test's time and find nothing new).
			replace("unknown", tftypes.NewValue(v.Type(), tftypes.UnknownValue), false)
		}
		switch {
		case v.Type().Is(tftypes.String):
			var s string
			if !v.IsNull() {
				_ = v.As(&s)
			}
			replace("changed", tftypes.NewValue(tftypes.String, s+"-changed"), false)
			replace("empty", tftypes.NewValue(tftypes.String, ""), true)
		case v.Type().Is(tftypes.Number):
			n := new(big.Float)
			if !v.IsNull() {
				_ = v.As(&n)
			}
			replace("changed", tftypes.NewValue(tftypes.Number, new(big.Float).Add(n, big.NewFloat(1))), false)
			replace("negative", tftypes.NewValue(tftypes.Number, big.NewFloat(-7)), true)
		case v.Type().Is(tftypes.Bool):
			var b bool
			if !v.IsNull() {
				_ = v.As(&b)
			}
			replace("changed", tftypes.NewValue(tftypes.Bool, !b), false)
		case v.Type().Is(tftypes.List{}), v.Type().Is(tftypes.Set{}):
			elems := fastpath.Elements(v)
			if len(elems) > 0 {
				replace("shorter", tftypes.NewValue(v.Type(), elems[:len(elems)-1]), false)
				replace("longer", tftypes.NewValue(v.Type(), append(slices.Clone(elems), elems[0])), false)
			}
		}
		return true, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// proposedNew is the proposed new state Terraform sends with a plan: the configuration,
// with each computed attribute it leaves null taken from prior (nested objects matched
// by position).
func proposedNew(attrs []*fastpath.WalkedAttribute, prior, config tftypes.Value) tftypes.Value {
	if config.IsNull() || !config.IsKnown() {
		return config
	}
	configured, held := fastpath.ObjectAttributes(config), fastpath.ObjectAttributes(prior)
	out := make(map[string]tftypes.Value, len(attrs))
	for _, a := range attrs {
		c := configured[a.Name]
		p, ok := held[a.Name]
		if !ok {
			p = tftypes.NewValue(a.TfType, nil)
		}
		switch {
		case a.Computed && c.IsNull():
			out[a.Name] = p
		case a.Nesting == fastpath.NestingSingle:
			out[a.Name] = proposedNew(a.Children, p, c)
		case a.Nesting == fastpath.NestingList && c.IsKnown() && !c.IsNull():
			ce, pe := fastpath.Elements(c), fastpath.Elements(p)
			elems := make([]tftypes.Value, len(ce))
			for i := range ce {
				prev := tftypes.NewValue(a.ElementType(), nil)
				if i < len(pe) {
					prev = pe[i]
				}
				elems[i] = proposedNew(a.Children, prev, ce[i])
			}
			out[a.Name] = tftypes.NewValue(c.Type(), elems)
		default:
			out[a.Name] = c
		}
	}
	return tftypes.NewValue(config.Type(), out)
}

func withTopLevel(t testing.TB, v tftypes.Value, name string, nv tftypes.Value) tftypes.Value {
	t.Helper()
	return withAttribute(t, v, name, nv)
}

func planRequest(t testing.TB, prior, config, proposed tftypes.Value, private []byte) *tfprotov6.PlanResourceChangeRequest {
	t.Helper()
	return &tfprotov6.PlanResourceChangeRequest{
		TypeName:         "sms_migration_task",
		PriorState:       dynamicValueOf(t, prior),
		Config:           dynamicValueOf(t, config),
		ProposedNewState: dynamicValueOf(t, proposed),
		PriorPrivate:     private,
	}
}

// compareValidate validates config on both servers, as Terraform 1.11 asks and (with
// capabilities) announcing write-only attributes too, and requires the same diagnostics.
func compareValidate(t *testing.T, s taskServers, name string, config tftypes.Value, withCapabilities bool) {
	t.Helper()
	capabilities := []*tfprotov6.ValidateResourceConfigClientCapabilities{nil}
	if withCapabilities {
		capabilities = append(capabilities, &tfprotov6.ValidateResourceConfigClientCapabilities{WriteOnlyAttributesAllowed: true})
	}
	for _, caps := range capabilities {
		req := &tfprotov6.ValidateResourceConfigRequest{TypeName: "sms_migration_task", Config: dynamicValueOf(t, config), ClientCapabilities: caps}
		ours, err1 := s.provider.ValidateResourceConfig(t.Context(), req)
		theirs, err2 := s.framework.ValidateResourceConfig(t.Context(), req)
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v / %v", name, err1, err2)
		}
		if diff := cmp.Diff(diagnosticLines(theirs.Diagnostics), diagnosticLines(ours.Diagnostics)); diff != "" {
			t.Errorf("validate %s (capabilities %+v): diagnostics differ from the framework's (-framework +ours):\n%s", name, caps, diff)
		}
	}
}

// compareReplacementlessPlan plans req on both servers, as Terraform 1.11 asks and (with
// capabilities) announcing that deferrals are allowed too, and requires the same answers.
func compareReplacementlessPlan(t *testing.T, s taskServers, name string, req *tfprotov6.PlanResourceChangeRequest, withCapabilities bool) {
	t.Helper()
	capabilities := []*tfprotov6.PlanResourceChangeClientCapabilities{nil}
	if withCapabilities {
		capabilities = append(capabilities, &tfprotov6.PlanResourceChangeClientCapabilities{DeferralAllowed: true})
	}
	for _, caps := range capabilities {
		r := *req
		r.ClientCapabilities = caps
		ours, err1 := s.provider.PlanResourceChange(t.Context(), &r)
		theirs, err2 := s.framework.PlanResourceChange(t.Context(), &r)
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v / %v", name, err1, err2)
		}
		if diff := planDiff(t, theirs, ours); diff != "" {
			t.Errorf("plan %s (capabilities %+v) differs from the framework's (-framework +ours):\n%s", name, caps, diff)
		}
	}
}

func planDiff(t *testing.T, theirs, ours *tfprotov6.PlanResourceChangeResponse) string {
	t.Helper()
	var b strings.Builder
	if hasErrors(theirs.Diagnostics) != hasErrors(ours.Diagnostics) || !hasErrors(theirs.Diagnostics) {
		b.WriteString(stateDiff(t, theirs.PlannedState, ours.PlannedState))
		b.WriteString(cmp.Diff(pathStrings(theirs.RequiresReplace), pathStrings(ours.RequiresReplace)))
		b.WriteString(cmp.Diff(string(theirs.PlannedPrivate), string(ours.PlannedPrivate)))
	}
	b.WriteString(cmp.Diff(diagnosticLines(theirs.Diagnostics), diagnosticLines(ours.Diagnostics)))
	b.WriteString(cmp.Diff(theirs.Deferred, ours.Deferred))
	b.WriteString(cmp.Diff(identityText(t, theirs.PlannedIdentity), identityText(t, ours.PlannedIdentity)))
	return b.String()
}

func compareRead(t *testing.T, s taskServers, name string, req *tfprotov6.ReadResourceRequest) {
	t.Helper()
	for _, caps := range []*tfprotov6.ReadResourceClientCapabilities{nil, {DeferralAllowed: true}} {
		r := *req
		r.ClientCapabilities = caps
		ours, err1 := s.provider.ReadResource(t.Context(), &r)
		theirs, err2 := s.framework.ReadResource(t.Context(), &r)
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v / %v", name, err1, err2)
		}
		diff := stateDiff(t, theirs.NewState, ours.NewState) +
			cmp.Diff(string(theirs.Private), string(ours.Private)) +
			cmp.Diff(diagnosticLines(theirs.Diagnostics), diagnosticLines(ours.Diagnostics)) +
			cmp.Diff(theirs.Deferred, ours.Deferred) +
			cmp.Diff(identityText(t, theirs.NewIdentity), identityText(t, ours.NewIdentity))
		if diff != "" {
			t.Errorf("%s (capabilities %+v) differs from the framework's (-framework +ours):\n%s", name, caps, diff)
		}
	}
}

func hasErrors(diags []*tfprotov6.Diagnostic) bool {
	return slices.ContainsFunc(diags, func(d *tfprotov6.Diagnostic) bool { return d.Severity == tfprotov6.DiagnosticSeverityError })
}

// stateDiff compares two states as values: their text can hide a number's precision.
func stateDiff(t *testing.T, theirs, ours *tfprotov6.DynamicValue) string {
	t.Helper()
	if theirs == nil || ours == nil {
		if theirs == ours {
			return ""
		}
		return fmt.Sprintf("state: framework %v, ours %v\n", theirs, ours)
	}
	a, err1 := theirs.Unmarshal(taskTerraformType(t))
	b, err2 := ours.Unmarshal(taskTerraformType(t))
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if a.Equal(b) {
		return ""
	}
	if diff := cmp.Diff(a.String(), b.String()); diff != "" {
		return diff
	}
	var where []string
	_ = tftypes.Walk(a, func(p *tftypes.AttributePath, v tftypes.Value) (bool, error) {
		if w, _, err := tftypes.WalkAttributePath(b, p); err == nil && v.Type().Is(tftypes.Number) && !v.Equal(w.(tftypes.Value)) { //nolint:forcetypeassert // a value's step gives a value
			where = append(where, p.String())
		}
		return true, nil
	})
	return fmt.Sprintf("states print the same but differ (number precision at %v)\n", where)
}

func pathStrings(paths []*tftypes.AttributePath) []string {
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		out = append(out, p.String())
	}
	return out
}

// diagnosticLines are diags in a stable order (the framework's depends on map order).
func diagnosticLines(diags []*tfprotov6.Diagnostic) []string {
	out := make([]string, 0, len(diags))
	for _, d := range diags {
		out = append(out, fmt.Sprintf("%s %q at %v: %q", d.Severity, d.Summary, d.Attribute, d.Detail))
	}
	sort.Strings(out)
	return out
}

func isLeaf(t tftypes.Type) bool {
	return !t.Is(tftypes.Object{}) && !t.Is(tftypes.List{}) && !t.Is(tftypes.Set{})
}

// lastLeafOfObject says whether p names the alphabetically last leaf attribute of the
// object holding it in config.
func lastLeafOfObject(config tftypes.Value, p *tftypes.AttributePath) bool {
	steps := p.Steps()
	name, ok := steps[len(steps)-1].(tftypes.AttributeName)
	if !ok {
		return false
	}
	parent, _, err := tftypes.WalkAttributePath(config, tftypes.NewAttributePathWithSteps(steps[:len(steps)-1]))
	if err != nil {
		return false
	}
	obj, ok := parent.(tftypes.Value).Type().(tftypes.Object) //nolint:forcetypeassert // a walk over a value gives values
	if !ok {
		return false
	}
	last := ""
	for n, t := range obj.AttributeTypes {
		if isLeaf(t) && n > last {
			last = n
		}
	}
	return string(name) == last
}
