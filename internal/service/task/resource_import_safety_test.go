package task_test

import (
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
)

// testAccMigrationTaskConfig_createOnly sets every create-only attribute, all but
// need_migration_test (which ShowTask reports) away from what an import can know;
// syncing (create-only in both API models) varies so a later change can be tried.
func testAccMigrationTaskConfig_createOnly(sourceServerID, name string, syncing bool) string {
	return fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name                      = %[2]q
  type                      = "MIGRATE_FILE"
  os_type                   = "LINUX"
  source_server             = { id = %[1]q }
  use_public_ip             = true
  use_ipv6                  = true
  syncing                   = %[3]t
  exist_server              = true
  auto_start                = true
  start_network_check       = true
  is_need_consistency_check = true
  need_migration_test       = false # ShowTask reports it: read after an import, never guessed
  over_speed_threshold      = 20
  clonevm_template_id       = "tpl-clone-01"
}
`, sourceServerID, name, syncing)
}

// After an import (CLI or import block), the configured create-only values are adopted
// in place, without a request; a change after that replaces the task, as documented.
func TestAccMigrationTaskResource_importAdoptsCreateOnlyValues(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	const name = "task-import-flags"
	id := acctest.CreateTask(t, env, name, env.SourceServerID)
	cfg := env.ProviderBlock + testAccMigrationTaskConfig_createOnly(env.SourceServerID, name, true)
	adopted := []statecheck.StateCheck{
		statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("id"), knownvalue.StringExact(id)),
		statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("use_public_ip"), knownvalue.Bool(true)),
		statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("exist_server"), knownvalue.Bool(true)),
		statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("over_speed_threshold"), knownvalue.Float64Exact(20)),
		statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("clonevm_template_id"), knownvalue.StringExact("tpl-clone-01")),
	}
	inPlace := []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(testAccTaskAddress, plancheck.ResourceActionUpdate),
		plancheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("use_public_ip"), knownvalue.Bool(true)),
		plancheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("clonevm_template_id"), knownvalue.StringExact("tpl-clone-01")),
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				// An import block plans the import and an in-place update, no replacement.
				Config:             cfg,
				ResourceName:       testAccTaskAddress,
				ImportState:        true,
				ImportStateKind:    resource.ImportBlockWithID,
				ImportStateId:      id,
				ExpectNonEmptyPlan: true,
				ImportPlanChecks:   resource.ImportPlanChecks{PreApply: inPlace},
			},
			{
				Config:             cfg,
				ResourceName:       testAccTaskAddress,
				ImportState:        true,
				ImportStateId:      id,
				ImportStatePersist: true,
			},
			{
				// The same with terraform import: adopted in place, and nothing is sent.
				PreConfig:         func() { env.Emu.ResetJournal() },
				Config:            cfg,
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: inPlace},
				ConfigStateChecks: adopted,
				Check: func(*terraform.State) error {
					return env.NoWrites(http.MethodPost, http.MethodPut, http.MethodDelete)
				},
			},
			{
				// A change after that replaces the task, as documented.
				PlanOnly:           true,
				Config:             env.ProviderBlock + testAccMigrationTaskConfig_createOnly(env.SourceServerID, name, false),
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccTaskAddress, plancheck.ResourceActionDestroyBeforeCreate),
				}},
			},
		},
	})
}
