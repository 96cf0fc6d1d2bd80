package task_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

const testAccTaskAddress = "sms_migration_task.test"

func TestAccMigrationTaskResource_basic(t *testing.T) {
	env := acctest.NewAccEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				Config: env.ProviderBlock + testAccMigrationTaskConfig_basic(env.SourceServerID, "task-basic", 100),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("id"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("name"), knownvalue.StringExact("task-basic")),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("speed_limit"), knownvalue.Int64Exact(100)),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("priority"), knownvalue.Int64Exact(1)),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("start_target_server"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("state"), knownvalue.StringExact("READY")),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("region_name"), knownvalue.StringExact(acctest.EmulatorRegion)),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("project_id"), knownvalue.StringExact(acctest.EmulatorProjectID)),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("source_server").AtMapKey("id"), knownvalue.StringExact(env.SourceServerID)),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("source_server").AtMapKey("name"), knownvalue.NotNull()),
					// Left unset: CreateTask's documented default, planned and sent.
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("use_public_ip"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("create_date"), knownvalue.NotNull()),
				},
			},
			{
				ResourceName:      testAccTaskAddress,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				ResourceName:    testAccTaskAddress,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				// An import block plans the import: it must plan nothing but the import.
				ImportPlanChecks: resource.ImportPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testAccTaskAddress, plancheck.ResourceActionNoop)},
				},
			},
			{
				Config: env.ProviderBlock + testAccMigrationTaskConfig_basic(env.SourceServerID, "task-basic-renamed", 250),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(testAccTaskAddress, plancheck.ResourceActionUpdate),
						// Untouched nested objects and stable values are planned as they are,
						// not as "(known after apply)".
						plancheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("source_server").AtMapKey("name"), knownvalue.NotNull()),
						plancheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("target_server").AtMapKey("disks"), knownvalue.NotNull()),
						plancheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("create_date"), knownvalue.NotNull()),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("name"), knownvalue.StringExact("task-basic-renamed")),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("speed_limit"), knownvalue.Int64Exact(250)),
				},
			},
		},
	})
}

func TestAccMigrationTaskResource_disappears(t *testing.T) {
	env := acctest.NewAccEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				Config: env.ProviderBlock + testAccMigrationTaskConfig_basic(env.SourceServerID, "task-disappears", 0),
				Check:  env.DeleteOutOfBand(testAccTaskAddress),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testAccTaskAddress, plancheck.ResourceActionCreate)},
				},
				ExpectNonEmptyPlan: true,
			},
		},
	})
}

func TestAccMigrationTaskResource_outOfBandChange(t *testing.T) {
	env := acctest.NewAccEnv(t)
	config := env.ProviderBlock + testAccMigrationTaskConfig_basic(env.SourceServerID, "task-drift", 10)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{Config: config},
			{
				// Someone changes the task outside Terraform: the refresh sees it, the plan
				// is an in-place update back to the configuration, and after the apply the
				// harness's own check finds the plan empty again.
				PreConfig: func() {
					if err := env.UpdateOutOfBand("task-drift", client.UpdateTaskBody{SpeedLimit: testcheck.Ptr(int64(999)), Priority: testcheck.Ptr(int64(2))}); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(testAccTaskAddress, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("speed_limit"), knownvalue.Int64Exact(10)),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("speed_limit"), knownvalue.Int64Exact(10)),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("priority"), knownvalue.Int64Exact(1)),
				},
			},
		},
	})
}

func TestAccMigrationTaskResource_createOnlyFlagReplaces(t *testing.T) {
	env := acctest.NewAccEnv(t)
	withFlag := func(v bool) string {
		return env.ProviderBlock + fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name          = "task-replace"
  type          = "MIGRATE_FILE"
  os_type       = "LINUX"
  syncing       = %t
  source_server = { id = %q }
}
`, v, env.SourceServerID)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{Config: withFlag(false)},
			{
				Config: withFlag(true),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testAccTaskAddress, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("syncing"), knownvalue.Bool(true)),
				},
			},
		},
	})
}

func TestAccMigrationTaskResource_apiRejection(t *testing.T) {
	env := acctest.NewAccEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				// Not a registered source server: only the API can know, so the API's 400
				// must reach the user with everything needed to quote it.
				Config:      env.ProviderBlock + testAccMigrationTaskConfig_basic("00000000-0000-4000-8000-000000000000", "task-rejected", 0),
				ExpectError: testcheck.ErrorPattern("Error creating SMS migration task", "status: 400", `error_code: SMS\.\d{4}`, "error_msg:", `request id: \S+`),
			},
		},
	})
}

func testAccMigrationTaskConfig_basic(sourceServerID, name string, speedLimit int) string {
	return fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name          = %[2]q
  type          = "MIGRATE_FILE"
  os_type       = "LINUX"
  speed_limit   = %[3]d
  source_server = { id = %[1]q }
}
`, sourceServerID, name, speedLimit)
}
