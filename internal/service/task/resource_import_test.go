package task_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// A task made outside Terraform, with speed-limit windows, imports with its windows: the
// first plan of a configuration that declares them is empty, and later refreshes of a
// task imported without windows cost one GET.
func TestAccMigrationTaskResource_importReadsSpeedLimitWindows(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	withWindows := acctest.CreateTask(t, env, "task-import-windows", acctest.EmulatorLinuxSrc)
	if err := env.Client.UpdateSpeedLimits(context.Background(), withWindows, []client.SpeedLimitWindow{
		{Start: "08:00", End: "18:00", Speed: testcheck.Ptr(int64(50))},
		{Start: "18:00", End: "23:59", Speed: testcheck.Ptr(int64(500)), OverSpeedThreshold: testcheck.Ptr(20.0)},
	}); err != nil {
		t.Fatal(err)
	}
	withoutWindows := acctest.CreateTask(t, env, "task-import-plain", acctest.EmulatorWindowsSrc)
	config := env.ProviderBlock + fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name          = "task-import-windows"
  type          = "MIGRATE_FILE"
  os_type       = "LINUX"
  source_server = { id = %q }
  speed_limit_windows = [
    { start = "08:00", end = "18:00", speed = 50 },
    { start = "18:00", end = "23:59", speed = 500, over_speed_threshold = 20 },
  ]
}

resource "sms_migration_task" "plain" {
  name          = "task-import-plain"
  type          = "MIGRATE_FILE"
  os_type       = "WINDOWS"
  source_server = { id = %q }
}
`, acctest.EmulatorLinuxSrc, acctest.EmulatorWindowsSrc)
	importBlocks := fmt.Sprintf(`
import {
  to = sms_migration_task.test
  id = %q
}

import {
  to = sms_migration_task.plain
  id = %q
}
`, withWindows, withoutWindows)
	var speedLimitGETs int
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				Config: config + importBlocks,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(testAccTaskAddress, plancheck.ResourceActionNoop),
						plancheck.ExpectResourceAction("sms_migration_task.plain", plancheck.ResourceActionNoop),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("speed_limit_windows").AtSliceIndex(1).AtMapKey("over_speed_threshold"), knownvalue.Float64Exact(20)),
					statecheck.ExpectKnownValue("sms_migration_task.plain", tfjsonpath.New("speed_limit_windows"), knownvalue.Null()),
				},
				Check: func(*terraform.State) error {
					speedLimitGETs = len(env.Requests(http.MethodGet, "/v3/tasks/"+withoutWindows+"/speed-limit"))
					return nil
				},
			},
			{
				// Refreshes of the task imported without windows read no windows again.
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(*terraform.State) error {
					if speedLimitGETs != 1 {
						return fmt.Errorf("the import read the plain task's windows %d times, want once", speedLimitGETs)
					}
					if got := len(env.Requests(http.MethodGet, "/v3/tasks/"+withoutWindows+"/speed-limit")); got != speedLimitGETs {
						return fmt.Errorf("refreshes after the import read the plain task's windows %d more times, want none", got-speedLimitGETs)
					}
					return nil
				},
			},
		},
	})
}
