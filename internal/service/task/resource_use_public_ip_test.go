package task_test

import (
	"encoding/json"
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

// use_public_ip left unset on a create is planned as CreateTask's documented default,
// true, and the create sends exactly that; the next plan is empty (the post-apply check).
func TestAccMigrationTaskResource_usePublicIPDefault(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{{
			Config: env.ProviderBlock + testAccMigrationTaskConfig_basic(env.SourceServerID, "task-public-ip", 100),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("use_public_ip"), knownvalue.Bool(true)),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("use_public_ip"), knownvalue.Bool(true)),
			},
			Check: func(*terraform.State) error {
				posts := env.Requests(http.MethodPost, "/v3/tasks")
				if len(posts) != 1 {
					return fmt.Errorf("want 1 POST /v3/tasks, got %d", len(posts))
				}
				var body map[string]any
				if err := json.Unmarshal(posts[0].Body, &body); err != nil {
					return err
				}
				if body["use_public_ip"] != true {
					return fmt.Errorf("the create sent use_public_ip = %v, want true (CreateTask's documented default)", body["use_public_ip"])
				}
				return nil
			},
		}},
	})
}
