package provider_test

import (
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
)

// TestAccExamples_actions plans every action example but start's, which validates each
// against its action's schema (Terraform >= 1.14). The start example, whose trigger starts
// the migration and waits for it, is applied by TestAccMigrationTaskAction_afterCreate*.
func TestAccExamples_actions(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	acctest.WithEmulatorEnv(t, env)
	taskID := acctest.CreateTask(t, env, "web-linux-01-actions", acctest.EmulatorLinuxSrc)
	dirs, err := os.ReadDir(filepath.Join(acctest.ExamplesDir, "actions"))
	if err != nil {
		t.Fatal(err)
	}
	var steps []resource.TestStep
	for _, d := range dirs {
		if d.Name() == "sms_migration_task_start" {
			continue
		}
		steps = append(steps, resource.TestStep{
			Config:          acctest.ReadExample(t, "actions/"+d.Name()+"/action.tf"),
			ConfigVariables: config.Variables{"task_id": config.StringVariable(taskID)},
			PlanOnly:        true,
		})
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps:                    steps,
	})
}

// TestAccExamples_ephemeralResources plans the ephemeral passphrase example, which opens the
// ephemeral resource (Terraform >= 1.10).
func TestAccExamples_ephemeralResources(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	acctest.WithEmulatorEnv(t, env)
	taskID := acctest.CreateTask(t, env, "web-linux-01-ephemeral", acctest.EmulatorLinuxSrc)
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_10_0)},
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:          acctest.ReadExample(t, "ephemeral-resources/sms_migration_task_passphrase/ephemeral-resource.tf"),
			ConfigVariables: config.Variables{"task_id": config.StringVariable(taskID)},
			Check: func(*terraform.State) error {
				if len(env.Requests(http.MethodGet, "/v3/tasks/"+taskID+"/passphrase")) == 0 {
					return errors.New("the ephemeral resource never read the passphrase")
				}
				return nil
			},
		}},
	})
}
