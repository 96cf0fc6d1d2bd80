package provider_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// TestAccExamples_cutOver applies examples/cut-over as its comments tell a user to: the
// migration, then the cut-over step, which waits for a complete consistency check, stops
// at a difference, and runs clear only on a copy that matches. The test plays the SMS
// Agent: it reports the consistency results and the source's cut-over states.
func TestAccExamples_cutOver(t *testing.T) {
	env := acctest.NewAccEnv(t) // a sped-up clock: the migration finishes within seconds
	env.RequireEmulator(t)
	acctest.WithEmulatorEnv(t, env)
	example := acctest.ReadExample(t, "cut-over/main.tf")
	cutOver := config.Variables{"cut_over": config.BoolVariable(true)}
	const task = "sms_migration_task.web"
	taskID := func() string {
		id, err := env.TaskIDByName("web-linux-01-migration")
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	agent := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	noClear := func() {
		if n := env.ActionPosts("clear"); n != 0 {
			t.Fatalf("clear was sent %d times before the consistency check passed", n)
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy: func(s *terraform.State) error {
			if err := env.CheckDestroy(s); err != nil {
				return err
			}
			return env.CheckTemplatesDestroyed(s)
		},
		Steps: []resource.TestStep{
			{
				// The cut-over step first, by mistake: no task to check, nothing created.
				Config: example, ConfigVariables: cutOver,
				ExpectError: testcheck.CLIText("Resource precondition failed", "web-linux-01 has no migration task yet: apply without cut_over first."),
			},
			{
				// 1. The migration.
				PreConfig: func() {
					if n := env.Emu.TaskCount(); n != 0 {
						t.Fatalf("%d tasks after the refused cut-over step, want 0", n)
					}
				},
				Config: example,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(task, tfjsonpath.New("state"), knownvalue.StringExact("MIGRATE_SUCCESS")),
					statecheck.ExpectKnownValue(task, tfjsonpath.New("action"), knownvalue.StringExact("start")),
					statecheck.ExpectKnownValue(task, tfjsonpath.New("source_server").AtMapKey("id"), knownvalue.StringExact(acctest.EmulatorLinuxSrc)),
					statecheck.ExpectKnownOutputValue("target_server", knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"name": knownvalue.StringExact("web-linux-01-hwc"),
					})),
					statecheck.ExpectKnownOutputValue("checked_directories", knownvalue.MapSizeExact(0)),
				},
			},
			{
				// 2. The cut-over step before the Agent has checked: the plan fails.
				Config: example, ConfigVariables: cutOver,
				ExpectError: testcheck.CLIText("Resource postcondition failed", "SMS has no complete consistency-check result for task"),
			},
			{
				// The Agent finds a missing file in /data: the plan fails, naming it.
				PreConfig: func() {
					noClear()
					agent(env.AgentReportConsistency(taskID(), acctest.AgentConsistencyResult{DirCheck: "/", Total: 5210},
						acctest.AgentConsistencyResult{DirCheck: "/data", Total: 97, TargetMiss: 1}))
				},
				Config: example, ConfigVariables: cutOver,
				ExpectError: testcheck.CLIText("The copy differs from the source in /data: not cutting over."),
			},
			{
				// After a sync the check passes and the Agent reports the target launched:
				// the task is updated in place with clear, sent once.
				PreConfig: func() {
					noClear()
					id := taskID()
					agent(env.AgentReportConsistency(id, acctest.AgentConsistencyResult{DirCheck: "/", Total: 5210},
						acctest.AgentConsistencyResult{DirCheck: "/data", Total: 97}))
					agent(env.AgentReportCopyState(acctest.EmulatorLinuxSrc, "cutovering", "cutovering"))
					agent(env.AgentReportCopyState(acctest.EmulatorLinuxSrc, "finished", "cutovered"))
				},
				Config: example, ConfigVariables: cutOver,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(task, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(task, tfjsonpath.New("action"), knownvalue.StringExact("clear")),
					statecheck.ExpectKnownValue(task, tfjsonpath.New("state"), knownvalue.StringExact("MIGRATE_SUCCESS")),
					statecheck.ExpectKnownOutputValue("checked_directories", knownvalue.MapExact(map[string]knownvalue.Check{
						"/": knownvalue.Int64Exact(5210), "/data": knownvalue.Int64Exact(97),
					})),
					statecheck.ExpectKnownOutputValue("source_server", knownvalue.ObjectExact(map[string]knownvalue.Check{
						"state": knownvalue.StringExact("finished"), "migration_cycle": knownvalue.StringExact("cutovered"),
					})),
					statecheck.ExpectKnownValue("data.sms_source_server_overview.all", tfjsonpath.New("finished"), knownvalue.Int64Exact(1)),
				},
				Check: func(*terraform.State) error {
					if n := env.ActionPosts("clear"); n != 1 {
						return fmt.Errorf("clear was sent %d times, want 1", n)
					}
					return nil
				},
			},
		},
	})
}
