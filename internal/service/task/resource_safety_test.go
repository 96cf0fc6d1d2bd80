package task_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// taskIdentity remembers the id of the test's task at its first apply and fails any later
// check that finds another id there, or a journal with a second create or any delete:
// the safety tests prove that nothing replaced the live task.
type taskIdentity struct {
	env *acctest.AccEnv
	id  string
}

func (ti *taskIdentity) remember(s *terraform.State) error {
	id, err := testcheck.ResourceID(s, testAccTaskAddress)
	ti.id = id
	return err
}

func (ti *taskIdentity) same(s *terraform.State) error {
	if err := ti.sameID(s); err != nil {
		return err
	}
	return ti.neverReplaced()
}

func (ti *taskIdentity) sameID(s *terraform.State) error {
	id, err := testcheck.ResourceID(s, testAccTaskAddress)
	if err != nil {
		return err
	}
	if id != ti.id {
		return fmt.Errorf("the task was replaced: id %s, first %s", id, ti.id)
	}
	return nil
}

// neverReplaced reads the whole journal: exactly one POST /v3/tasks and no DELETE.
func (ti *taskIdentity) neverReplaced() error {
	if ti.env.Emu == nil {
		return nil
	}
	creates := 0
	for _, j := range ti.env.Emu.Journal() {
		switch {
		case j.Method == http.MethodPost && j.Path == "/v3/tasks":
			creates++
		case j.Method == http.MethodDelete:
			return fmt.Errorf("the task was deleted: %s %s", j.Method, j.Path)
		}
	}
	if creates != 1 {
		return fmt.Errorf("%d POST /v3/tasks, want 1", creates)
	}
	return nil
}

func actionPlannedInPlace(action string) []plancheck.PlanCheck {
	return []plancheck.PlanCheck{
		plancheck.ExpectResourceAction(testAccTaskAddress, plancheck.ResourceActionUpdate),
		plancheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("action"), knownvalue.StringExact(action)),
	}
}

// A refused action (stop on a READY task: 400 SMS.1010) fails the apply and is not
// recorded as done: the next plan proposes it again, in place.
func TestAccMigrationTaskResource_refusedActionStaysPending(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	ti := &taskIdentity{env: env}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				Config: env.ProviderBlock + testAccMigrationTaskConfig_action(env.SourceServerID, "", false),
				Check:  ti.remember,
			},
			{
				Config:      env.ProviderBlock + testAccMigrationTaskConfig_action(env.SourceServerID, "stop", false),
				ExpectError: testcheck.ErrorPattern(`SMS did not take action "stop"`, "status: 400", `error_code: SMS\.1010`, "proposes it again"),
			},
			{
				PlanOnly:           true,
				Config:             env.ProviderBlock + testAccMigrationTaskConfig_action(env.SourceServerID, "stop", false),
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks:   resource.ConfigPlanChecks{PostApplyPostRefresh: actionPlannedInPlace("stop")},
			},
			{
				// The action is still wanted, and now it can run: it is sent once more.
				PreConfig: func() { env.Emu.ResetJournal() },
				Config:    env.ProviderBlock + testAccMigrationTaskConfig_action(env.SourceServerID, "start", false),
				Check: func(s *terraform.State) error {
					if n := env.ActionPosts("start"); n != 1 {
						return fmt.Errorf("%d start actions sent, want 1", n)
					}
					if err := ti.sameID(s); err != nil {
						return err
					}
					return env.NoWrites(http.MethodDelete)
				},
			},
		},
	})
}

// A migration started at create that fails leaves the task in state, untainted, in
// MIGRATE_FAIL with its error_json; the start is not recorded as done, and a restart is an
// in-place update. A failure in an update (the restart fails too) is an error and keeps
// the task as well.
func TestAccMigrationTaskResource_failedMigrationKeepsTask(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t) // the failing source server is the emulator's
	ti := &taskIdentity{env: env}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				// Terraform taints any resource whose create returns an error, so the
				// failure is a warning here; the plan after it proposes the start again.
				Config:             env.ProviderBlock + testAccMigrationTaskConfig_action(acctest.EmulatorFailingSrc, "start", true),
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: actionPlannedInPlace("start"),
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("state"), knownvalue.StringExact("MIGRATE_FAIL")),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("error_json"), knownvalue.StringRegexp(testcheck.ErrorPattern(`"error_code":"SMS\.3802"`))),
				},
				Check: ti.remember,
			},
			{
				PlanOnly:           true,
				Config:             env.ProviderBlock + testAccMigrationTaskConfig_action(acctest.EmulatorFailingSrc, "restart", true),
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks:   resource.ConfigPlanChecks{PostApplyPostRefresh: actionPlannedInPlace("restart")},
			},
			{
				Config:      env.ProviderBlock + testAccMigrationTaskConfig_action(acctest.EmulatorFailingSrc, "restart", true),
				ExpectError: testcheck.ErrorPattern("SMS migration task failed", "ended in state MIGRATE_FAIL", `error_json: \{"error_code":"SMS\.3802"`, "not tainted"),
			},
			{
				PlanOnly:           true,
				Config:             env.ProviderBlock + testAccMigrationTaskConfig_action(acctest.EmulatorFailingSrc, "restart", true),
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks:   resource.ConfigPlanChecks{PostApplyPostRefresh: actionPlannedInPlace("restart")},
			},
			{
				// Giving up on the action leaves the failed task as it is.
				Config: env.ProviderBlock + testAccMigrationTaskConfig_action(acctest.EmulatorFailingSrc, "", false),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("state"), knownvalue.StringExact("MIGRATE_FAIL")),
				},
				Check: func(s *terraform.State) error {
					if n := env.ActionPosts("restart"); n != 1 {
						return fmt.Errorf("%d restart actions sent, want 1", n)
					}
					return ti.same(s)
				},
			},
		},
	})
}

func testAccMigrationTaskConfig_waitTimeout(sourceServerID, action, timeout string) string {
	actionLines := ""
	if action != "" {
		actionLines = fmt.Sprintf("action              = %q\n  wait_for_completion = true\n  timeouts            = { create = %q, update = %q }", action, timeout, timeout)
	}
	return fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name          = "task-wait"
  type          = "MIGRATE_FILE"
  os_type       = "LINUX"
  source_server = { id = %q }
  %s
}
`, sourceServerID, actionLines)
}

// A create whose wait runs out of time keeps the running task, untainted and with its
// real state; the next apply waits again without sending start again.
func TestAccMigrationTaskResource_createWaitTimeoutResumes(t *testing.T) {
	env := acctest.NewAccEnvWith(t, emulator.Options{ClockSpeed: 1}) // real time: the migration outlasts the timeout
	env.RequireEmulator(t)
	ti := &taskIdentity{env: env}
	cfg := env.ProviderBlock + testAccMigrationTaskConfig_waitTimeout(env.SourceServerID, "start", "2s")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				// The plan after it is the resumed wait: an in-place update of the status.
				Config:             cfg,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(testAccTaskAddress, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(testAccTaskAddress, tfjsonpath.New("state")),
					},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("state"), knownvalue.StringExact("RUNNING")),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("action"), knownvalue.StringExact("start")),
				},
				Check: ti.remember,
			},
			{
				PreConfig: func() {
					env.Emu.ResetJournal()
					env.Emu.Advance(2 * time.Hour) // the migration finishes meanwhile
				},
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("state"), knownvalue.StringExact("MIGRATE_SUCCESS")),
				},
				Check: func(s *terraform.State) error {
					if err := ti.sameID(s); err != nil {
						return err
					}
					return env.NoWrites(http.MethodPost, http.MethodPut, http.MethodDelete)
				},
			},
		},
	})
}

// The same for an update that waits: the timeout is an error (an update's error does not
// taint), the task keeps running, and the next apply goes on waiting.
func TestAccMigrationTaskResource_updateWaitTimeoutResumes(t *testing.T) {
	env := acctest.NewAccEnvWith(t, emulator.Options{ClockSpeed: 1})
	env.RequireEmulator(t)
	ti := &taskIdentity{env: env}
	cfg := env.ProviderBlock + testAccMigrationTaskConfig_waitTimeout(env.SourceServerID, "start", "2s")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				Config: env.ProviderBlock + testAccMigrationTaskConfig_waitTimeout(env.SourceServerID, "", ""),
				Check:  ti.remember,
			},
			{
				Config:      cfg,
				ExpectError: testcheck.ErrorPattern("SMS migration still running", "state RUNNING", "not tainted", "run terraform apply again"),
			},
			{
				PlanOnly:           true,
				Config:             cfg,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccTaskAddress, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(testAccTaskAddress, tfjsonpath.New("state")),
				}},
			},
			{
				PreConfig: func() {
					env.Emu.ResetJournal()
					env.Emu.Advance(2 * time.Hour)
				},
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("state"), knownvalue.StringExact("MIGRATE_SUCCESS")),
				},
				Check: func(s *terraform.State) error {
					if err := ti.sameID(s); err != nil {
						return err
					}
					return env.NoWrites(http.MethodPost, http.MethodPut, http.MethodDelete)
				},
			},
		},
	})
}

// An action whose reply is lost is settled by reading the task: a start the task shows
// (it runs) is done, and it is not sent again.
func TestAccMigrationTaskResource_lostActionReplySettledByRead(t *testing.T) {
	env := acctest.NewAccEnvWith(t, emulator.Options{ClockSpeed: 1})
	env.RequireEmulator(t)
	ti := &taskIdentity{env: env}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				Config: env.ProviderBlock + testAccMigrationTaskConfig_action(env.SourceServerID, "", false),
				Check: func(s *terraform.State) error {
					if err := ti.remember(s); err != nil {
						return err
					}
					env.Emu.SetFaults("/v3/tasks/"+ti.id+"/action", emulator.Faults{LoseReplyAfterApply: 1, Methods: []string{http.MethodPost}})
					return nil
				},
			},
			{
				Config: env.ProviderBlock + testAccMigrationTaskConfig_action(env.SourceServerID, "start", false),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("state"), knownvalue.StringExact("RUNNING")),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("action"), knownvalue.StringExact("start")),
				},
				Check: func(s *terraform.State) error {
					if n := env.ActionPosts("start"); n != 1 {
						return fmt.Errorf("%d start actions sent, want 1", n)
					}
					return ti.same(s)
				},
			},
		},
	})
}
