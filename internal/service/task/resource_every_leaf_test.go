package task_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	smstask "github.com/sms-migration/terraform-provider-sms/internal/service/task"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// What a change of one leaf alone does, by the model the provider is configured for.
type leafCategory string

const (
	leafTaskPut    leafCategory = "updated in place by one PUT of the task"
	leafOwnRequest leafCategory = "updated in place by its own request"
	leafNoRequest  leafCategory = "updated in place without a request"
	leafReplace    leafCategory = "replaces the task"
	leafRefused    leafCategory = "refused at plan time"
)

// leafUnsetInBase is the one settable leaf the base task leaves out: an operation, not a
// setting, which set there would run at create.
const leafUnsetInBase = "action"

// leafOwnRequests are the top-level attributes with an endpoint of their own (the path
// after /v3/tasks/{id}/), and leafNoRequests those only the provider reads.
var (
	leafOwnRequests = map[string]string{"action": "action", "speed_limit_windows": "speed-limit", "configurations": "configuration-setting"}
	leafNoRequests  = []string{"timeouts", "wait_for_completion"}
)

// leafFollowsUnder are, by model, the leaves whose value follows another attribute
// the base task sets, so that no change of theirs alone is valid: the base leaves them
// out and the walk expects the validation error. Under "current",
// target_server.btrfs_list is planned as the names of target_server.btrfs_file_systems.
var leafFollowsUnder = map[string]map[string]string{
	conns.APIModelCurrent: {"target_server.btrfs_list": "target_server.btrfs_file_systems"},
}

// withoutFollowers is tree without the leaves that, under some model, follow the
// attribute named followed: a step that sets it, where the base task leaves it out,
// leaves them to follow it (they are Computed, so the plan keeps them as they are).
func withoutFollowers(tree any, followed string) any {
	for _, byLeaf := range leafFollowsUnder {
		for follower, f := range byLeaf {
			if f == followed {
				var p []any
				for _, name := range strings.Split(follower, ".") {
					p = append(p, name)
				}
				tree = treeWith(tree, p, nil)
			}
		}
	}
	return tree
}

// leafCase is one step of the walk: a leaf, what its change must do, and its new value.
type leafCase struct {
	leaf     taskLeaf
	category leafCategory
	putKey   string         // leafTaskPut: the one key of the update body
	endpoint string         // leafOwnRequest
	refusal  *regexp.Regexp // leafRefused: the plan-time error
	// absent is, for a leaf the model refuses even to set, the attribute above it that
	// the base task leaves out (the walk sets it, with the leaf changed).
	absent  []any
	invalid bool // refused by validation: the new value is one the validation refuses
	value   any
	config  any // the step's configuration
}

// classifyLeaf puts leaf in its category under model, from the schema (replacing plan
// modifiers, descriptions that say an attribute is refused under a model) and from the
// provider's own lists of what each update body holds. A leaf none of them claims fails.
func classifyLeaf(leaf taskLeaf, model string) (leafCase, error) {
	c := leafCase{leaf: leaf}
	top := leaf.top()
	putKeys := map[string]bool{}
	for _, f := range smstask.MigrationTaskPutFields() {
		putKeys[f.Key] = true
	}
	if model == conns.APIModelCurrent {
		for _, f := range smstask.MigrationTaskCurrentModelFields() {
			putKeys[f.Key] = true
		}
		for _, k := range smstask.MigrationTaskCurrentUpdatableFlags() {
			putKeys[k] = true
		}
	}
	switch followed, follows := leafFollowsUnder[model][leaf.String()]; {
	case follows:
		c.category, c.absent, c.invalid = leafRefused, leaf.path, true
		c.refusal = testcheck.ErrorPattern(regexp.QuoteMeta(leaf.String()) + " does not match " + regexp.QuoteMeta(followed))
	case model == conns.APIModelCurrent && smstask.IsSeedOnlyAttribute(top):
		c.category, c.refusal = leafRefused, testcheck.ErrorPattern(regexp.QuoteMeta(top)+" cannot be changed in place", `api_model = "current"`)
	case model == conns.APIModelSeed && refusedUnderSeed(leaf) != nil:
		c.absent = refusedUnderSeed(leaf)
		c.category, c.refusal = leafRefused, testcheck.ErrorPattern(`Attribute needs api_model "current"`, regexp.QuoteMeta(taskLeaf{path: c.absent}.String()))
	case forcesNewTask(leaf.attr) || (model == conns.APIModelSeed && slices.Contains(smstask.MigrationTaskCurrentUpdatableFlags(), top)):
		c.category = leafReplace
	case putKeys[top]:
		keys := smstask.MigrationTaskUpdateBodyFor(model, testUpdateBodyWith(top), smstask.MigrationTaskResourceModel{}, smstask.MigrationTaskResourceModel{}).Keys()
		if len(keys) != 1 {
			return c, fmt.Errorf("%s: the %s update body turns key %s into %v", leaf, model, top, keys)
		}
		c.category, c.putKey = leafTaskPut, keys[0]
	case leafOwnRequests[top] != "":
		c.category, c.endpoint = leafOwnRequest, leafOwnRequests[top]
	case slices.Contains(leafNoRequests, top):
		c.category = leafNoRequest
	default:
		return c, fmt.Errorf("%s: no category (not in the update body, no replacing plan modifier, no endpoint): classify it", leaf)
	}
	return c, nil
}

// refusedUnderSeed is the path of the leaf or of the nested attribute above it whose
// description says the seed model refuses it, or nil.
func refusedUnderSeed(leaf taskLeaf) []any {
	depth := 0
	for i, a := range append(slices.Clone(leaf.ancestors), leaf.attr) {
		if i > 0 {
			depth++
			if _, isIndex := leaf.path[depth].(int); isIndex {
				depth++
			}
		}
		if strings.Contains(strings.ToLower(a.GetMarkdownDescription()), "refused at plan time under `\"seed\"`") {
			return leaf.path[:depth+1]
		}
	}
	return nil
}

// forcesNewTask: the attribute has a plan modifier that replaces the task on a change.
func forcesNewTask(a schema.Attribute) bool {
	var descriptions []string
	switch a := a.(type) {
	case schema.BoolAttribute:
		for _, m := range a.PlanModifiers {
			descriptions = append(descriptions, m.Description(context.Background()))
		}
	case schema.StringAttribute:
		for _, m := range a.PlanModifiers {
			descriptions = append(descriptions, m.Description(context.Background()))
		}
	case schema.Float64Attribute:
		for _, m := range a.PlanModifiers {
			descriptions = append(descriptions, m.Description(context.Background()))
		}
	case schema.Int64Attribute:
		for _, m := range a.PlanModifiers {
			descriptions = append(descriptions, m.Description(context.Background()))
		}
	}
	return slices.ContainsFunc(descriptions, func(d string) bool { return strings.Contains(d, "forces a new task") })
}

// everyLeafBase is the walk's starting task: every documented request field at every
// level set, less what the model refuses to set (full keeps those).
func everyLeafBase(t *testing.T, sourceServerID string, cases []leafCase) (base, full map[string]any) {
	t.Helper()
	full = everyLeafTask(t, sourceServerID)
	base = full
	for _, c := range cases {
		if c.absent != nil {
			base = treeWith(base, c.absent, nil).(map[string]any) //nolint:forcetypeassert // a map stays a map
		}
	}
	return base, full
}

// everyLeafCases walks the schema, classifies every settable leaf of the group wanted,
// and derives each one's new value over the configuration the steps before it leave
// (a refused or replacing change is not applied, so it is not carried on). Leaves are
// walked in reverse path order so that use_ipv6 flips while migration_ip is still empty
// (with an address set, changing either alone breaks the IPv4/IPv6 rule).
func everyLeafCases(t *testing.T, model, sourceServerID, wanted string) (map[string]any, []leafCase) {
	t.Helper()
	s := migrationTaskSchema(t)
	validator := newTaskConfigValidator(t, s)
	var cases []leafCase
	for _, leaf := range settableLeaves(t, nil, nil, s.Attributes) {
		c, err := classifyLeaf(leaf, model)
		if err != nil {
			t.Error(err)
			continue
		}
		cases = append(cases, c)
	}
	base, full := everyLeafBase(t, sourceServerID, cases)
	if err := validator.validate(base); err != nil {
		t.Fatalf("the base task is not valid: %v", err)
	}
	sort.SliceStable(cases, func(i, j int) bool { return cases[i].leaf.String() > cases[j].leaf.String() })
	cfg := any(base)
	var out []leafCase
	for _, c := range cases {
		from := cfg
		if c.absent != nil {
			subtree, _ := treeGet(full, c.absent)
			from = treeWith(cfg, c.absent, subtree)
			from = withoutFollowers(from, taskLeaf{path: c.absent}.String())
		}
		current, set := treeGet(from, c.leaf.path)
		if !set && c.leaf.String() != leafUnsetInBase {
			t.Errorf("%s is settable but not set in the base task: add it to testdata/every_leaf_task.json", c.leaf)
		}
		if everyLeafGroup(c.leaf) != wanted {
			continue
		}
		if only, ok := onlyValueUnder(c.leaf, model); ok && only == current {
			t.Logf("%s: the only value %q allows under api_model %q is the base task's; no change to walk", c.leaf, only, model)
			continue
		}
		candidates, err := candidateValues(c.leaf, current, model)
		if err != nil {
			t.Errorf("%s: %v", c.leaf, err)
			continue
		}
		var rejected []string
		for _, v := range candidates {
			next := treeWith(from, c.leaf.path, v)
			if err := validator.validate(next); c.invalid {
				if err == nil || !c.refusal.MatchString(err.Error()) {
					rejected = append(rejected, fmt.Sprintf("%s: validation says %v, want %s", renderHCL(v, ""), err, c.refusal))
					continue
				}
			} else if err != nil {
				rejected = append(rejected, fmt.Sprintf("%s: %v", renderHCL(v, ""), err))
				continue
			}
			c.value, c.config = v, next
			if c.category != leafRefused && c.category != leafReplace {
				cfg = next
			}
			break
		}
		if c.value == nil {
			t.Errorf("%s: no valid new value could be generated; tried %s", c.leaf, strings.Join(rejected, "; "))
			continue
		}
		out = append(out, c)
	}
	return base, out
}

// everyLeafConfig is the task's configuration.
func everyLeafConfig(env *acctest.AccEnv, tree any) string {
	return env.ProviderBlock + `
resource "sms_migration_task" "test" ` + renderHCL(tree, "") + "\n"
}

// leafWrites are the step's writes, as the journal holds them since the reset before it.
func leafWrites(e *acctest.AccEnv) []string {
	var out []string
	for _, j := range e.Emu.Journal() {
		if j.Method != http.MethodGet && !strings.HasPrefix(j.Path, "/__emulator") {
			out = append(out, j.Method+" "+j.Path)
		}
	}
	return out
}

// checkLeafRequests asserts the requests of an applied step of c: one PUT of the task
// whose body holds only c.putKey; one request to c.endpoint; or none.
func checkLeafRequests(e *acctest.AccEnv, c leafCase, ti *taskIdentity) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		if err := ti.sameID(s); err != nil {
			return err
		}
		writes := leafWrites(e)
		taskPath := "/v3/tasks/" + ti.id
		switch c.category {
		case leafTaskPut:
			puts := e.Requests(http.MethodPut, taskPath)
			if len(writes) != 1 || len(puts) != 1 || puts[0].Path != taskPath {
				return fmt.Errorf("%s: want exactly one PUT %s, got %v", c.leaf, taskPath, writes)
			}
			var body map[string]json.RawMessage
			if err := json.Unmarshal(puts[0].Body, &body); err != nil {
				return err
			}
			if keys := conns.SortedKeys(body); len(keys) != 1 || keys[0] != c.putKey {
				return fmt.Errorf("%s: PUT keys %v, want only %s (body %s)", c.leaf, keys, c.putKey, puts[0].Body)
			}
		case leafOwnRequest:
			if want := http.MethodPost + " " + taskPath + "/" + c.endpoint; len(writes) != 1 || writes[0] != want {
				return fmt.Errorf("%s: want exactly %s, got %v", c.leaf, want, writes)
			}
		case leafNoRequest:
			if len(writes) != 0 {
				return fmt.Errorf("%s: want no request, got %v", c.leaf, writes)
			}
		}
		return nil
	}
}

// everyLeafSteps turns the cases into steps over one task: the base, then one step per
// leaf with that leaf alone changed.
func everyLeafSteps(t *testing.T, env *acctest.AccEnv, base map[string]any, cases []leafCase) []resource.TestStep {
	ti := &taskIdentity{env: env}
	steps := []resource.TestStep{{Config: everyLeafConfig(env, base), Check: ti.remember}}
	for i, c := range cases {
		step := resource.TestStep{Config: everyLeafConfig(env, c.config), PreConfig: env.Emu.ResetJournal}
		if i > 0 && (cases[i-1].category == leafRefused || cases[i-1].category == leafReplace) {
			// A step that stops at the plan has no Check: the next one looks at its journal.
			prev := cases[i-1].leaf
			step.PreConfig = func() {
				if w := leafWrites(env); len(w) > 0 {
					t.Errorf("%s: the plan-only change sent %v", prev, w)
				}
				env.Emu.ResetJournal()
			}
		}
		switch c.category {
		case leafRefused:
			step.ExpectError = c.refusal
		case leafReplace:
			// Planned only: applying it would replace the task the walk goes on with.
			step.PlanOnly, step.ExpectNonEmptyPlan = true, true
			step.ConfigPlanChecks.PostApplyPostRefresh = []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(testAccTaskAddress, plancheck.ResourceActionReplace),
			}
		default:
			step.ConfigPlanChecks = updateInPlace()
			step.Check = checkLeafRequests(env, c, ti)
		}
		steps = append(steps, step)
	}
	return steps
}

// everyLeafGroup is the test that walks leaf: the walk is split so that no one test
// holds the suite up, each with its own emulator and task, by the first attribute of the
// leaf's path and, for the servers, the lists of disks and file systems apart.
func everyLeafGroup(leaf taskLeaf) string {
	top := leaf.top()
	if top != "source_server" && top != "target_server" {
		return "task"
	}
	switch leaf.path[1] {
	case "disks", "btrfs_file_systems":
		return top + ".disks"
	case "btrfs_list":
		if top == "source_server" {
			return top + ".disks"
		}
	}
	return top
}

// testAccEveryLeaf walks the leaves of one group on one task.
func testAccEveryLeaf(t *testing.T, group string) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	base, cases := everyLeafCases(t, env.APIModel, env.SourceServerID, group)
	if t.Failed() {
		return
	}
	counts := map[leafCategory]int{}
	for _, c := range cases {
		counts[c.category]++
		t.Logf("%s = %s: %s", c.leaf, renderHCL(c.value, ""), c.category)
	}
	t.Logf("api_model %s: %d leaves: %v", env.APIModel, len(cases), counts)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps:                    everyLeafSteps(t, env, base, cases),
	})
}

// Every settable leaf of the schema, changed alone from a task with every documented
// request field set: in place with a PUT holding only its top-level key (or its own
// request, or none), the task kept, and an empty plan after; or, where the model cannot
// update it, a planned replacement or a plan-time error.
func TestAccMigrationTaskResource_everyLeafTask(t *testing.T) { testAccEveryLeaf(t, "task") }

func TestAccMigrationTaskResource_everyLeafSourceServer(t *testing.T) {
	testAccEveryLeaf(t, "source_server")
}

func TestAccMigrationTaskResource_everyLeafSourceServerDisks(t *testing.T) {
	testAccEveryLeaf(t, "source_server.disks")
}

func TestAccMigrationTaskResource_everyLeafTargetServer(t *testing.T) {
	testAccEveryLeaf(t, "target_server")
}

func TestAccMigrationTaskResource_everyLeafTargetServerDisks(t *testing.T) {
	testAccEveryLeaf(t, "target_server.disks")
}

// testUpdateBodyWith is a PUT body with only the top-level key set (to its type's zero
// value), or an empty body when the body has no such key.
func testUpdateBodyWith(key string) client.UpdateTaskBody {
	var body client.UpdateTaskBody
	v := reflect.ValueOf(&body).Elem()
	for i := range v.NumField() {
		if name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ","); name == key {
			v.Field(i).Set(reflect.New(v.Field(i).Type().Elem()))
		}
	}
	return body
}
