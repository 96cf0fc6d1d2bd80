package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

const testAccTaskAddress = "sms_migration_task.test"

func TestAccMigrationTaskResource_basic(t *testing.T) {
	env := newAccEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             env.checkDestroy,
		Steps: []resource.TestStep{
			{
				Config: env.providerBlock + testAccMigrationTaskConfig_basic(env.sourceServerID, "task-basic", 100),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("id"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("name"), knownvalue.StringExact("task-basic")),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("speed_limit"), knownvalue.Int64Exact(100)),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("priority"), knownvalue.Int64Exact(1)),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("start_target_server"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("state"), knownvalue.StringExact("READY")),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("region_name"), knownvalue.StringExact(emulatorRegion)),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("project_id"), knownvalue.StringExact(emulatorProjectID)),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("source_server").AtMapKey("id"), knownvalue.StringExact(env.sourceServerID)),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("source_server").AtMapKey("name"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("use_public_ip"), knownvalue.Bool(false)),
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
				Config: env.providerBlock + testAccMigrationTaskConfig_basic(env.sourceServerID, "task-basic-renamed", 250),
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
	env := newAccEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             env.checkDestroy,
		Steps: []resource.TestStep{
			{
				Config: env.providerBlock + testAccMigrationTaskConfig_basic(env.sourceServerID, "task-disappears", 0),
				Check:  env.deleteOutOfBand(testAccTaskAddress),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testAccTaskAddress, plancheck.ResourceActionCreate)},
				},
				ExpectNonEmptyPlan: true,
			},
		},
	})
}

func TestAccMigrationTaskResource_outOfBandChange(t *testing.T) {
	env := newAccEnv(t)
	config := env.providerBlock + testAccMigrationTaskConfig_basic(env.sourceServerID, "task-drift", 10)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             env.checkDestroy,
		Steps: []resource.TestStep{
			{Config: config},
			{
				// Someone changes the task outside Terraform: the refresh sees it, the plan
				// is an in-place update back to the configuration, and after the apply the
				// harness's own check finds the plan empty again.
				PreConfig: func() {
					if err := env.updateOutOfBand("task-drift", client.UpdateTaskBody{SpeedLimit: ptr(int64(999)), Priority: ptr(int64(2))}); err != nil {
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
	env := newAccEnv(t)
	withFlag := func(v bool) string {
		return env.providerBlock + fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name          = "task-replace"
  type          = "MIGRATE_FILE"
  os_type       = "LINUX"
  syncing       = %t
  source_server = { id = %q }
}
`, v, env.sourceServerID)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             env.checkDestroy,
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
	env := newAccEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				// Not a registered source server: only the API can know, so the API's 400
				// must reach the user with everything needed to quote it.
				Config:      env.providerBlock + testAccMigrationTaskConfig_basic("00000000-0000-4000-8000-000000000000", "task-rejected", 0),
				ExpectError: errorPattern("Error creating SMS migration task", "status: 400", `error_code: SMS\.\d{4}`, "error_msg:", `request id: \S+`),
			},
		},
	})
}

// checkDestroy asserts that every task left in the final state is gone from the API.
func (e *accEnv) checkDestroy(s *terraform.State) error {
	for _, rs := range s.RootModule().Resources {
		if rs.Type != "sms_migration_task" {
			continue
		}
		_, err := e.client.ShowTask(testCtx(), rs.Primary.ID)
		if err == nil {
			return fmt.Errorf("sms_migration_task %s still exists", rs.Primary.ID)
		}
		if !client.IsNotFound(err) {
			return err
		}
	}
	return nil
}

// deleteOutOfBand deletes the task behind address through the API, as someone outside
// Terraform would.
func (e *accEnv) deleteOutOfBand(address string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		id, err := taskID(s, address)
		if err != nil {
			return err
		}
		return e.client.DeleteTask(testCtx(), id)
	}
}

// updateOutOfBand changes the task named name through the API, as someone outside
// Terraform would.
func (e *accEnv) updateOutOfBand(name string, body client.UpdateTaskBody) error {
	id, err := e.taskIDByName(name)
	if err != nil {
		return err
	}
	return e.client.UpdateTask(testCtx(), id, body)
}

// taskIDByName finds the one task called name.
func (e *accEnv) taskIDByName(name string) (string, error) {
	tasks, err := e.client.ListTasks(testCtx(), client.ListTasksFilter{Name: name})
	if err != nil {
		return "", fmt.Errorf("finding task %s: %w", name, err)
	}
	if len(tasks) != 1 {
		return "", fmt.Errorf("finding task %s: %d found, want 1", name, len(tasks))
	}
	return deref(tasks[0].ID), nil
}

func taskID(s *terraform.State, address string) (string, error) {
	rs, ok := s.RootModule().Resources[address]
	if !ok {
		return "", fmt.Errorf("%s not in state", address)
	}
	return rs.Primary.ID, nil
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
