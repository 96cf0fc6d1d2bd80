package task_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
)

// testAccMigrationTaskActionConfig_afterCreate is the start action's example (a task whose
// creation triggers sms_migration_task_start with wait) for env and a source server;
// terraform-plugin-testing adds the required_providers block, as to the example.
func testAccMigrationTaskActionConfig_afterCreate(t *testing.T, env *acctest.AccEnv, sourceServerID string) string {
	t.Helper()
	example := acctest.ReadExample(t, "actions/sms_migration_task_start/action.tf")
	for old, replacement := range map[string]string{`provider "sms" {}`: strings.TrimPrefix(env.ProviderBlock, acctest.TestAccRequiredProviders), acctest.EmulatorLinuxSrc: sourceServerID} {
		if !strings.Contains(example, old) {
			t.Fatalf("the start action's example no longer has %q", old)
		}
		example = strings.Replace(example, old, replacement, 1)
	}
	return example
}

// testAccActionTaskAddress is the task of the start action's example.
const testAccActionTaskAddress = "sms_migration_task.web"

// A migration that fails in the apply that created its task fails the apply (a CI pipeline
// reads the failure), and the next plan neither replaces nor changes the task.
func TestAccMigrationTaskAction_afterCreateFailedMigration(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t) // the failing source server is the emulator's
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				Config:      testAccMigrationTaskActionConfig_afterCreate(t, env, acctest.EmulatorFailingSrc),
				ExpectError: regexp.MustCompile(`SMS migration task failed(.|\n)*MIGRATE_FAIL(.|\n)*error_json`),
			},
			{
				Config: testAccMigrationTaskActionConfig_afterCreate(t, env, acctest.EmulatorFailingSrc),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testAccActionTaskAddress, plancheck.ResourceActionNoop)},
				},
				Check: func(*terraform.State) error {
					if n := env.ActionPosts("start"); n != 1 {
						return fmt.Errorf("start was sent %d times, want once (by the create's trigger only)", n)
					}
					return nil
				},
			},
		},
	})
}

// The trigger starts the migration and the apply waits until it succeeds.
func TestAccMigrationTaskAction_afterCreateStart(t *testing.T) {
	env := acctest.NewAccEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				Config: testAccMigrationTaskActionConfig_afterCreate(t, env, env.SourceServerID),
				Check: func(s *terraform.State) error {
					id := s.RootModule().Resources[testAccActionTaskAddress].Primary.ID
					task, err := env.Client.ShowTask(context.Background(), id)
					if err != nil {
						return err
					}
					if task.State == nil || *task.State != "MIGRATE_SUCCESS" {
						return fmt.Errorf("task %s is in state %v after the action waited, want MIGRATE_SUCCESS", id, task.State)
					}
					return nil
				},
			},
		},
	})
}

// terraform apply -invoke runs an action alone: it shows progress, a refused operation
// exits non-zero with the API's error, and the task's plan stays empty either way.
func TestAccMigrationTaskAction_invoke(t *testing.T) {
	acctest.SkipCLIBelow(t, "1.14.0")
	env := acctest.NewAccEnv(t)
	t.Parallel()
	w := acctest.NewDevOverrideWorkdir(t)
	w.Write("main.tf", env.ProviderBlock+fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name          = "task-action-invoke"
  type          = "MIGRATE_FILE"
  os_type       = "LINUX"
  source_server = { id = %q }
}

action "sms_migration_task_start" "test" {
  config {
    task_id = sms_migration_task.test.id
    wait    = true
  }
}

action "sms_migration_task_stop" "test" {
  config {
    task_id = sms_migration_task.test.id
  }
}
`, env.SourceServerID))
	run := func(wantOK bool, args ...string) string {
		t.Helper()
		out, err := w.TryRun(args...)
		if (err == nil) != wantOK {
			t.Fatalf("terraform %s: error %v, want success %t\n%s", strings.Join(args, " "), err, wantOK, out)
		}
		return out
	}
	run(true, "apply", "-auto-approve")
	t.Cleanup(func() { _, _ = w.TryRun("destroy", "-auto-approve") })

	out := run(true, "apply", "-auto-approve", "-invoke=action.sms_migration_task_start.test")
	t.Logf("terraform apply -invoke=action.sms_migration_task_start.test:\n%s", out)
	for _, want := range []string{`sending "start" to migration task`, `"start" done;`, "is MIGRATE_SUCCESS"} {
		if !strings.Contains(out, want) {
			t.Errorf("apply -invoke start: output lacks %q:\n%s", want, out)
		}
	}

	// The migration ended: SMS refuses stop, and the CLI says why.
	out = run(false, "apply", "-auto-approve", "-invoke=action.sms_migration_task_stop.test")
	for _, want := range []string{`SMS did not take action "stop"`, "status: 400", "error_code: SMS.", "request id: "} {
		if !strings.Contains(out, want) {
			t.Errorf("apply -invoke stop: output lacks %q:\n%s", want, out)
		}
	}
	run(true, "plan", "-detailed-exitcode") // exit 2 (a change) or 1 (an error) fails
}
