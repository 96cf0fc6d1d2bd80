package task_test

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
	smstask "github.com/sms-migration/terraform-provider-sms/internal/service/task"
)

// everyLeafTask is testdata/every_leaf_task.json (the task with every leaf set) as a JSON
// tree, numbers kept as written, for the source server sourceServerID.
func everyLeafTask(t *testing.T, sourceServerID string) map[string]any {
	t.Helper()
	data, err := os.ReadFile("testdata/every_leaf_task.json")
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.UseNumber()
	var base map[string]any
	if err := dec.Decode(&base); err != nil {
		t.Fatal(err)
	}
	return treeWith(base, []any{"source_server", "id"}, sourceServerID).(map[string]any) //nolint:forcetypeassert // a map stays a map
}

// everyLeafTaskFor is everyLeafTask as api_model takes it on a create: under "seed"
// without the keys and members only today's update body has (refused there whatever
// their value).
func everyLeafTaskFor(t *testing.T, apiModel string) map[string]any {
	t.Helper()
	base := everyLeafTask(t, acctest.EmulatorLinuxSrc)
	if apiModel != conns.APIModelSeed {
		return base
	}
	for _, f := range smstask.MigrationTaskCurrentModelFields() {
		base = treeWith(base, []any{f.Key}, nil).(map[string]any) //nolint:forcetypeassert // a map stays a map
	}
	for _, row := range smstask.MigrationTaskLimitRows() {
		if row.TodayMember {
			base = treeWith(base, smstask.LimitRowSteps(row.Path), nil).(map[string]any) //nolint:forcetypeassert // a map stays a map
		}
	}
	return treeWith(base, []any{"target_server", "btrfs_file_systems"}, nil).(map[string]any) //nolint:forcetypeassert // a map stays a map
}

// itemsLike is a list of n items made from the first item of the list at steps in base,
// each with its own name (lists match items by name).
func itemsLike(t *testing.T, base any, steps []any, n int) []any {
	t.Helper()
	first, ok := treeGet(base, append(append([]any{}, steps...), 0))
	item, isMap := first.(map[string]any)
	if !ok || !isMap {
		t.Fatalf("%v: no first item to copy", steps)
	}
	out := make([]any, n)
	for i := range out {
		c := maps.Clone(item)
		if name, ok := c["name"].(string); ok {
			c["name"] = fmt.Sprintf("%s-%d", name, i)
		}
		out[i] = c
	}
	return out
}

// TestFastPathMatchesFrameworkAtEveryModelLimit plans, under each api_model, the task with
// every leaf set changed at one attribute of the limits table (migrationTaskLimits) to each
// of the model's bounds and one past it (MigrationTaskLimitCases), as a create, through the
// fast path and the plain framework server. Both must answer the same (validation and
// plan); a value at a bound must raise no error at all; a value past one must be refused
// with an error on the leaf itself, and when only the model's own limit refuses it (the
// schema holds the looser of the two), at plan time with a diagnostic that names the model
// and both models' limits.
func TestFastPathMatchesFrameworkAtEveryModelLimit(t *testing.T) {
	t.Parallel()
	cases := smstask.MigrationTaskLimitCases()
	if len(cases) < 100 {
		t.Fatalf("only %d cases: the table lost rows", len(cases))
	}
	typ := taskTerraformType(t)
	walked := protocolTestSchema(t)
	null := tftypes.NewValue(typ, nil)
	body, _ := smstask.SeedExampleTask(t)
	for _, model := range conns.APIModels {
		t.Run(model, func(t *testing.T) {
			t.Parallel()
			servers := newTaskServersFor(t, body, model)
			base := everyLeafTaskFor(t, model)
			run := func(name string, tree any) (validate, plan []*tfprotov6.Diagnostic) {
				config, err := treeToTerraform(typ, tree)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				req := &tfprotov6.ValidateResourceConfigRequest{TypeName: "sms_migration_task", Config: dynamicValueOf(t, config)}
				ours, err1 := servers.provider.ValidateResourceConfig(t.Context(), req)
				theirs, err2 := servers.framework.ValidateResourceConfig(t.Context(), req)
				if err1 != nil || err2 != nil {
					t.Fatalf("%s: %v / %v", name, err1, err2)
				}
				if diff := cmp.Diff(diagnosticLines(theirs.Diagnostics), diagnosticLines(ours.Diagnostics)); diff != "" {
					t.Errorf("%s: validation differs (-framework +fast path):\n%s", name, diff)
				}
				if hasErrors(ours.Diagnostics) {
					return ours.Diagnostics, nil // Terraform plans nothing it could not validate
				}
				compareReplacementlessPlan(t, servers, name, planRequest(t, null, config, proposedNew(walked.Attrs, null, config), nil), false)
				planned, err := servers.provider.PlanResourceChange(t.Context(), planRequest(t, null, config, proposedNew(walked.Attrs, null, config), nil))
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				return ours.Diagnostics, planned.Diagnostics
			}
			if v, p := run("the base task", base); hasErrors(v) || hasErrors(p) {
				t.Fatalf("the base task is refused: %v %v", diagnosticLines(v), diagnosticLines(p))
			}
			n := 0
			for _, c := range cases {
				if c.Model != model {
					continue
				}
				n++
				value := c.Value
				if items, ok := value.(smstask.Items); ok {
					value = itemsLike(t, base, c.Steps, items.N)
				}
				validate, plan := run(c.String(), treeWith(base, c.Steps, value))
				all := append(append([]*tfprotov6.Diagnostic{}, validate...), plan...)
				leaf := leafAttributePath(taskLeaf{path: c.Steps})
				switch {
				case !c.Refused && hasErrors(all):
					t.Errorf("%s: refused: %v", c, diagnosticLines(all))
				case c.Refused && len(onPath(all, leaf)) == 0:
					t.Errorf("%s: no error on %s; got %v", c, leaf, diagnosticLines(all))
				case c.ModelOnly:
					atPlan := onPath(plan, leaf)
					if len(atPlan) == 0 || !strings.Contains(atPlan[0].Detail, fmt.Sprintf("under api_model %q (", model)) {
						t.Errorf("%s: want a plan-time error naming api_model %q and the other model's limit; got %v", c, model, diagnosticLines(all))
					}
				}
			}
			if n == 0 {
				t.Fatal("no cases for this model")
			}
		})
	}
}

// TestMigrationTaskLimitsAgreeWithEmulator holds the provider's limits table to the
// emulator's (internal/emulator/limits_table.go): for every field both tables cover under
// a model, the same bound. The rows are matched by path, in the request the provider's
// row applies to (CreateTask for a create-only row, else UpdateTask and CreateTask).
func TestMigrationTaskLimitsAgreeWithEmulator(t *testing.T) {
	t.Parallel()
	// The provider's enterprise_project_id is sent as today's enterprise_project.
	emulatorPath := map[string]string{"enterprise_project_id": "enterprise_project"}
	// Bounds the emulator checks that the provider's configuration makes stricter on
	// purpose: a task always has a name, so "" (which the seed's update body takes) is
	// refused by the provider too.
	stricter := map[string]string{"UpdateTask name seed": "a task's name is 1 to 255 characters on create"}
	rows := emulator.TaskLimitRows()
	compared := 0
	for _, p := range smstask.MigrationTaskLimitRows() {
		path := p.Path
		if e, ok := emulatorPath[path]; ok {
			path = e
		}
		for _, e := range rows {
			if e.Path != path || e.Op == "ListTasks" || (p.CreateOnly && e.Op != "CreateTask") {
				continue
			}
			for _, m := range []struct {
				model    string
				ours     smstask.LimitBound
				emulated emulator.TaskLimitBound
			}{{conns.APIModelSeed, p.Seed, e.Seed}, {conns.APIModelCurrent, p.Current, e.Current}} {
				key := e.Op + " " + e.Path + " " + m.model
				if !m.ours.Set || !m.emulated.Set || stricter[key] != "" {
					continue
				}
				compared++
				if diff := cmp.Diff(emulatedBound(m.emulated), providerBound(m.ours)); diff != "" {
					t.Errorf("%s: the emulator's bound differs from the provider's (-emulator +provider):\n%s", key, diff)
				}
				if m.ours.Pattern != nil && (!m.ours.Pattern.MatchString(m.emulated.EdgeIn) || m.ours.Pattern.MatchString(m.emulated.EdgeOut)) {
					t.Errorf("%s: the provider's pattern %s does not split the emulator's edge %q / %q", key, m.ours.Pattern, m.emulated.EdgeIn, m.emulated.EdgeOut)
				}
			}
		}
	}
	if compared < 20 {
		t.Fatalf("only %d bounds compared: the tables no longer share their paths", compared)
	}
}

// comparedBound is the part of a bound both tables write the same way.
type comparedBound struct {
	MinLen, MaxLen int
	Values         string
	Min, Max       int64
	FMin, FMax     float64
	MaxItems       int
}

func emulatedBound(b emulator.TaskLimitBound) comparedBound {
	return comparedBound{b.MinLen, b.MaxLen, strings.Join(b.Values, " "), b.Min, b.Max, b.FMin, b.FMax, b.MaxItems}
}

func providerBound(b smstask.LimitBound) comparedBound {
	return comparedBound{b.MinLen, b.MaxLen, strings.Join(b.Values, " "), b.Min, b.Max, b.FMin, b.FMax, b.MaxItems}
}

// TestMigrationTaskLimitsInDescriptions: every attribute of the table states both models'
// limits, in the words the table generates.
func TestMigrationTaskLimitsInDescriptions(t *testing.T) {
	t.Parallel()
	s := migrationTaskSchema(t)
	for _, row := range smstask.MigrationTaskLimitRows() {
		var at path.Path
		for i, step := range smstask.LimitRowSteps(row.Path) {
			switch step := step.(type) {
			case int:
				at = at.AtListIndex(step)
			case string:
				if i == 0 {
					at = path.Root(step)
				} else {
					at = at.AtName(step)
				}
			}
		}
		a, err := s.AttributeAtPath(context.Background(), at)
		if err != nil {
			t.Errorf("%s: %v", row.Path, err)
			continue
		}
		if d := a.GetMarkdownDescription(); !strings.Contains(d, row.Sentence) || strings.Count(d, "api_model") == 0 {
			t.Errorf("%s: the description %q does not state %q", row.Path, d, row.Sentence)
		}
	}
}
