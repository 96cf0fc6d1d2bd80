package task_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// countUnknown counts the leaves of a plan's after_unknown: each is one
// "(known after apply)" line of the rendered plan.
func countUnknown(v any) int {
	switch v := v.(type) {
	case bool:
		if v {
			return 1
		}
	case map[string]any:
		n := 0
		for _, c := range v {
			n += countUnknown(c)
		}
		return n
	case []any:
		n := 0
		for _, c := range v {
			n += countUnknown(c)
		}
		return n
	}
	return 0
}

// expectUnknownCount is a plan check: the task's planned change holds at most max
// unknown values, and the count is logged (the measure of a plan's noise).
type expectUnknownCount struct {
	t    *testing.T
	what string
	max  int
}

func (e expectUnknownCount) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != testAccTaskAddress {
			continue
		}
		n := countUnknown(rc.Change.AfterUnknown)
		e.t.Logf("plan noise, %s: %d unknown values", e.what, n)
		if n > e.max {
			b, _ := json.Marshal(rc.Change.AfterUnknown)
			resp.Error = fmt.Errorf("%s: %d unknown values planned, want at most %d: %s", e.what, n, e.max, b)
		}
		return
	}
	resp.Error = fmt.Errorf("%s: no change planned for %s", e.what, testAccTaskAddress)
}

func testAccMigrationTaskConfig_noise(sourceServerID, name string, priority int, diskSize int64) string {
	return fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name          = %q
  type          = "MIGRATE_BLOCK"
  os_type       = "LINUX"
  priority      = %d
  source_server = { id = %q }
  target_server = {
    name    = "target-noise"
    vm_id   = "c1bd67b6-1caa-403e-9e32-81d2feafcda9"
    os_type = "LINUX"
    disks = [
      { name = "/dev/vda", size = %d, used_size = 1073741824, device_use = "OS", physical_volumes = [] },
      { name = "/dev/vdb", size = 21474836480, used_size = 1073741824, physical_volumes = [] },
    ]
  }
}
`, name, priority, sourceServerID, diskSize)
}

// migrationTaskCreateUnknownMax bounds the unknown values of a create with only
// source_server.id: the status SMS reports and what it fills in from the registered
// source server, none of which the plan can know without asking SMS.
const migrationTaskCreateUnknownMax = 49

// A plan a reviewer can read: a one-value change plans only that value (and nothing the
// change cannot alter as unknown); a create plans unknown only what SMS fills in.
func TestAccMigrationTaskResource_planNoise(t *testing.T) {
	env := acctest.NewAccEnv(t)
	const disk = int64(10737418240)
	// The one-value change: priority where the endpoint's model updates it in place; under
	// "current" a priority change is refused at plan time, so the name changes instead.
	changedName, changedPriority, changed := "task-noise", 2, "priority changed"
	if env.APIModel == conns.APIModelCurrent {
		changedName, changedPriority, changed = "task-noise-renamed", 1, "name changed"
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				Config: env.ProviderBlock + testAccMigrationTaskConfig_action(env.SourceServerID, "", false),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					expectUnknownCount{t: t, what: "create with only source_server.id", max: migrationTaskCreateUnknownMax},
				}},
			},
			{Config: env.ProviderBlock + testAccMigrationTaskConfig_noise(env.SourceServerID, "task-noise", 1, disk)},
			{
				Config: env.ProviderBlock + testAccMigrationTaskConfig_noise(env.SourceServerID, changedName, changedPriority, disk),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccTaskAddress, plancheck.ResourceActionUpdate),
					expectUnknownCount{t: t, what: changed, max: 0},
				}},
			},
			{
				Config: env.ProviderBlock + testAccMigrationTaskConfig_noise(env.SourceServerID, changedName, changedPriority, 2*disk),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccTaskAddress, plancheck.ResourceActionUpdate),
					expectUnknownCount{t: t, what: "one target disk's size changed", max: 0},
				}},
			},
		},
	})
}

// Changing only speed_limit of an idle READY task: the status stays known in the plan.
// Once a migration runs, the status is unknown, as it should be.
func TestAccMigrationTaskResource_idleStatusStaysKnown(t *testing.T) {
	env := acctest.NewAccEnv(t)
	cfg := func(speed int) string {
		return env.ProviderBlock + testAccMigrationTaskConfig_basic(env.SourceServerID, "task-idle", speed)
	}
	known := func(name, value string) plancheck.PlanCheck {
		return plancheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New(name), knownvalue.StringExact(value))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{Config: cfg(10)},
			{
				Config: cfg(20),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccTaskAddress, plancheck.ResourceActionUpdate),
					known("state", "READY"),
					plancheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("create_date"), knownvalue.NotNull()),
					expectUnknownCount{t: t, what: "speed_limit changed on an idle task", max: 0},
				}},
			},
			{
				Config: env.ProviderBlock + strings.Replace(testAccMigrationTaskConfig_basic(env.SourceServerID, "task-idle", 20),
					"speed_limit   = 20", "speed_limit   = 20\n  action        = \"start\"", 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectUnknownValue(testAccTaskAddress, tfjsonpath.New("state")),
				}},
			},
		},
	})
}

func testAccMigrationTaskConfig_statusFields(sourceServerID, name, sourceState string) string {
	return fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name     = %q
  type     = "MIGRATE_FILE"
  os_type  = "LINUX"
  source_server = {
    id              = %q
    state           = %q
    migration_cycle = "replicating"
  }
  clone_server = {
    name        = "clone-01"
    clone_state = "NOT_READY"
    clone_error = ""
    error_msg   = ""
  }
}
`, name, sourceServerID, sourceState)
}

// The documented request fields SMS also changes (source_server.state and
// migration_cycle, clone_server's status) can be configured; a configured value is never
// planned unknown, and other changes still send a minimal PUT.
func TestAccMigrationTaskResource_configuredStatusFields(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	putKeys := func(want ...string) resource.TestCheckFunc {
		return func(*terraform.State) error {
			puts := env.Requests(http.MethodPut, "/v3/tasks/")
			if len(puts) != 1 {
				return fmt.Errorf("want 1 PUT, got %d", len(puts))
			}
			var body map[string]json.RawMessage
			if err := json.Unmarshal(puts[0].Body, &body); err != nil {
				return err
			}
			if keys := conns.SortedKeys(body); !slices.Equal(keys, want) {
				return fmt.Errorf("PUT keys = %v, want %v (body %s)", keys, want, puts[0].Body)
			}
			return nil
		}
	}
	reset := func() { env.Emu.ResetJournal() }
	// Changing a configured source_server.state: the seed's update body carries
	// source_server, today's has none, so there the change is refused at plan time.
	changeSourceState := resource.TestStep{
		PreConfig:        reset,
		Config:           env.ProviderBlock + testAccMigrationTaskConfig_statusFields(env.SourceServerID, "task-status-fields-2", "waiting"),
		ConfigPlanChecks: updateInPlace(),
		Check:            putKeys("source_server"),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("source_server").AtMapKey("state"), knownvalue.StringExact("waiting")),
		},
	}
	if env.APIModel == conns.APIModelCurrent {
		changeSourceState = resource.TestStep{
			Config:      changeSourceState.Config,
			ExpectError: testcheck.ErrorPattern("source_server cannot be changed in place", `api_model = "current"`),
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				Config: env.ProviderBlock + testAccMigrationTaskConfig_statusFields(env.SourceServerID, "task-status-fields", "initialize"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("source_server").AtMapKey("state"), knownvalue.StringExact("initialize")),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("clone_server").AtMapKey("clone_state"), knownvalue.StringExact("NOT_READY")),
				},
			},
			{
				PreConfig:        reset,
				Config:           env.ProviderBlock + testAccMigrationTaskConfig_statusFields(env.SourceServerID, "task-status-fields-2", "initialize"),
				ConfigPlanChecks: updateInPlace(),
				Check:            putKeys("name"),
			},
			changeSourceState,
		},
	})
}
