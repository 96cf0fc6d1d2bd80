package task_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// existingTaskError is the refusal of a create whose task already exists (id, state),
// with the import command and block that adopt it.
func existingTaskError(name, sourceServerID, id, state string) *regexp.Regexp {
	return testcheck.CLIText(
		"An SMS migration task of this name already exists for this source server",
		fmt.Sprintf("No task was created: SMS already holds 1 task(s) named %q for source server %s:", name, sourceServerID),
		fmt.Sprintf("id: %s  state: %s", id, state),
		"terraform import sms_migration_task.NAME "+id,
		"import {", "to = sms_migration_task.NAME", fmt.Sprintf("id = %q", id), "}",
		"give this resource another name",
	)
}

// checkOneTask checks that the emulator holds exactly one task of name, and how many
// create POSTs its journal shows.
func checkOneTask(env *acctest.AccEnv, name string, wantPosts int) error {
	tasks, err := env.Client.ListTasks(context.Background(), client.ListTasksFilter{Name: name})
	if err != nil {
		return err
	}
	if len(tasks) != 1 {
		return fmt.Errorf("ListTasks finds %d tasks named %s, want 1", len(tasks), name)
	}
	if posts := env.Requests(http.MethodPost, "/v3/tasks"); len(posts) != wantPosts {
		return fmt.Errorf("the journal shows %d create POSTs, want %d", len(posts), wantPosts)
	}
	return nil
}

// A task of the configured name for the same source server that no state holds (here made
// through the API, as an interrupted apply leaves it) fails the apply before any POST,
// naming it and how to adopt it; the import block the message shows adopts it.
func TestAccMigrationTaskResource_existingTaskRefused(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	const name = "task-orphan"
	orphan := acctest.CreateTask(t, env, name, env.SourceServerID)
	env.Emu.ResetJournal()
	config := env.ProviderBlock + testAccMigrationTaskConfig_basic(env.SourceServerID, name, 0)
	importBlock := fmt.Sprintf("\nimport {\n  to = sms_migration_task.test\n  id = %q\n}\n", orphan)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{Config: config, ExpectError: existingTaskError(name, env.SourceServerID, orphan, "READY")},
			{
				// Nothing was created: the list before the POST answered, and no POST left.
				PreConfig: func() {
					if err := checkOneTask(env, name, 0); err != nil {
						t.Fatal(err)
					}
				},
				Config: config + importBlock,
				Check: func(s *terraform.State) error {
					id, err := testcheck.ResourceID(s, testAccTaskAddress)
					if err != nil {
						return err
					}
					if id != orphan {
						return fmt.Errorf("state holds task %s, want the adopted %s", id, orphan)
					}
					return checkOneTask(env, name, 0)
				},
			},
		},
	})
}

// The real interruption: the create's POST is applied but its reply is lost, and the
// apply ends (here its create timeout) before the task could be looked up, so the task
// exists in no state. The next apply refuses to make a second one and names it; an
// import adopts it, and the apply after that creates nothing.
func TestAccMigrationTaskResource_interruptedCreateNotDuplicated(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	const name = "task-interrupted"
	// The POST creates the task and its reply is lost; the client waits at least 500ms
	// before looking the task up, so a 450ms create timeout ends the apply first.
	env.Emu.SetFaults("/v3/tasks", emulator.Faults{LoseReplyAfterApply: 1, Methods: []string{http.MethodPost}})
	config := env.ProviderBlock + testAccMigrationTaskConfig_basic(env.SourceServerID, name, 0)
	interrupted := env.ProviderBlock + fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name          = %q
  type          = "MIGRATE_FILE"
  os_type       = "LINUX"
  speed_limit   = 0
  source_server = { id = %q }
  timeouts      = { create = "450ms" }
}
`, name, env.SourceServerID)
	orphanID := func() (string, error) {
		tasks, err := env.Client.ListTasks(context.Background(), client.ListTasksFilter{Name: name})
		if err != nil {
			return "", err
		}
		if len(tasks) != 1 || tasks[0].ID == nil {
			return "", fmt.Errorf("ListTasks finds %d tasks named %s, want 1", len(tasks), name)
		}
		return *tasks[0].ID, nil
	}
	var orphan string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				Config:      interrupted,
				ExpectError: testcheck.CLIText("Error creating SMS migration task", "outcome unknown, the task may exist"),
			},
			{
				PreConfig: func() {
					id, err := orphanID()
					if err != nil {
						t.Fatal(err)
					}
					orphan = id
				},
				Config:      config,
				ExpectError: regexp.MustCompile(`An SMS migration task of this name already exists for this source server`),
			},
			{
				// The refused apply sent no POST: the journal still shows the lost one only.
				PreConfig: func() {
					if err := checkOneTask(env, name, 1); err != nil {
						t.Fatal(err)
					}
				},
				Config:             config,
				ResourceName:       testAccTaskAddress,
				ImportState:        true,
				ImportStatePersist: true,
				ImportStateIdFunc:  func(*terraform.State) (string, error) { return orphanID() },
			},
			{
				Config: config,
				Check: func(s *terraform.State) error {
					id, err := testcheck.ResourceID(s, testAccTaskAddress)
					if err != nil {
						return err
					}
					if id != orphan {
						return fmt.Errorf("state holds task %s, want the interrupted create's %s", id, orphan)
					}
					return checkOneTask(env, name, 1)
				},
			},
		},
	})
}
