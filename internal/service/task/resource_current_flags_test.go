package task_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
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

// exist_server and use_public_ip are CreateTask flags that today's update body carries
// too: under api_model "current" a change is one PUT of exactly those keys, the task keeps
// its id and the next plan is empty (SMS never reports them, so state keeps what was
// sent); under "seed", whose update body lacks them, the same change replaces the task.
func TestAccMigrationTaskResource_currentUpdatableFlags(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	cfg := func(v bool) string {
		return env.ProviderBlock + fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name          = "task-flags"
  type          = "MIGRATE_FILE"
  os_type       = "LINUX"
  exist_server  = %[1]t
  use_public_ip = %[1]t
  source_server = { id = %[2]q }
}
`, v, env.SourceServerID)
	}
	var firstID string
	change := resource.TestStep{
		PreConfig: func() { env.Emu.ResetJournal() },
		Config:    cfg(true),
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("exist_server"), knownvalue.Bool(true)),
			statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("use_public_ip"), knownvalue.Bool(true)),
		},
	}
	if env.APIModel == conns.APIModelCurrent {
		change.ConfigPlanChecks = updateInPlace()
		change.Check = func(s *terraform.State) error {
			id, err := testcheck.ResourceID(s, testAccTaskAddress)
			if err != nil {
				return err
			}
			if id != firstID {
				return fmt.Errorf("task id %q after the change, want %q: the task was replaced", id, firstID)
			}
			if err := env.NoWrites(http.MethodPost, http.MethodDelete); err != nil {
				return err
			}
			puts := env.Requests(http.MethodPut, "/v3/tasks/")
			if len(puts) != 1 {
				return fmt.Errorf("want 1 PUT, got %d", len(puts))
			}
			var body map[string]any
			if err := json.Unmarshal(puts[0].Body, &body); err != nil {
				return err
			}
			if diff := cmp.Diff(map[string]any{"exist_server": true, "use_public_ip": true}, body); diff != "" {
				return fmt.Errorf("PUT body (-want +got):\n%s", diff)
			}
			return nil
		}
	} else {
		change.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
			plancheck.ExpectResourceAction(testAccTaskAddress, plancheck.ResourceActionDestroyBeforeCreate),
		}}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				Config: cfg(false),
				Check: func(s *terraform.State) (err error) {
					firstID, err = testcheck.ResourceID(s, testAccTaskAddress)
					return err
				},
			},
			change,
		},
	})
}
