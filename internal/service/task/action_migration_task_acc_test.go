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

// testAccMigrationTaskActionConfig_afterCreate: a task whose creation triggers
// sms_migration_task_start with wait.
func testAccMigrationTaskActionConfig_afterCreate(sourceServerID string) string {
	return fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name          = "task-action-trigger"
  type          = "MIGRATE_FILE"
  os_type       = "LINUX"
  source_server = { id = %q }

  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.sms_migration_task_start.test]
    }
  }
}

action "sms_migration_task_start" "test" {
  config {
    task_id = sms_migration_task.test.id
    wait    = true
    timeout = "5m"
  }
}
`, sourceServerID)
}

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
				Config:      env.ProviderBlock + testAccMigrationTaskActionConfig_afterCreate(acctest.EmulatorFailingSrc),
				ExpectError: regexp.MustCompile(`SMS migration task failed(.|\n)*MIGRATE_FAIL(.|\n)*error_json`),
			},
			{
				Config: env.ProviderBlock + testAccMigrationTaskActionConfig_afterCreate(acctest.EmulatorFailingSrc),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testAccTaskAddress, plancheck.ResourceActionNoop)},
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
				Config: env.ProviderBlock + testAccMigrationTaskActionConfig_afterCreate(env.SourceServerID),
				Check: func(s *terraform.State) error {
					id := s.RootModule().Resources[testAccTaskAddress].Primary.ID
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
		out, err := w.TryRunCLI(args...)
		if (err == nil) != wantOK {
			t.Fatalf("terraform %s: error %v, want success %t\n%s", strings.Join(args, " "), err, wantOK, out)
		}
		return out
	}
	run(true, "apply", "-auto-approve")
	t.Cleanup(func() { _, _ = w.TryRunCLI("destroy", "-auto-approve") })

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
