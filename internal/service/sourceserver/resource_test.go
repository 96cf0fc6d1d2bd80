package sourceserver_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

const testAccSourceAddress = "sms_source_server.test"

// testAccSourceServerConfig takes over the emulator's Linux source with the attributes
// in body, beside a migration project and the list of projects (for the default's ID).
func testAccSourceServerConfig(body string) string {
	return fmt.Sprintf(`
resource "sms_migration_project" "wave" {
  name = "wave-1"
  type = "MIGRATE_FILE"
}

data "sms_migration_projects" "all" {}

resource "sms_source_server" "test" {
  id = %q
  %s
}
`, acctest.EmulatorLinuxSrc, body)
}

func checkSourcesAndProjectsDestroyed(env *acctest.AccEnv) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		if err := env.CheckSourceServersDestroyed(s); err != nil {
			return err
		}
		return env.CheckMigrationProjectsDestroyed(s)
	}
}

// onePut checks that the journal holds exactly one PUT to the source, with body want,
// and, when only is set, no other write.
func onePut(env *acctest.AccEnv, want string, only bool) error {
	puts := env.Requests(http.MethodPut, "/v3/sources/"+acctest.EmulatorLinuxSrc)
	if len(puts) != 1 || !testcheck.JSONEqual(string(puts[0].Body), want) {
		return fmt.Errorf("want one PUT %s, got %d: %v", want, len(puts), puts)
	}
	if !only {
		return nil
	}
	return env.NoWrites(http.MethodPost, http.MethodDelete)
}

func TestAccSourceServerResource_basic(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             checkSourcesAndProjectsDestroyed(env),
		Steps: []resource.TestStep{
			{
				// Taken over, renamed and moved into the project in one PUT.
				Config: env.ProviderBlock + testAccSourceServerConfig(`name = "web-01-wave1"
  migration_project_id = sms_migration_project.wave.id`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccSourceAddress, tfjsonpath.New("name"), knownvalue.StringExact("web-01-wave1")),
					statecheck.CompareValuePairs(testAccSourceAddress, tfjsonpath.New("migration_project_id"),
						"sms_migration_project.wave", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue(testAccSourceAddress, tfjsonpath.New("os_type"), knownvalue.StringExact("LINUX")),
					statecheck.ExpectKnownValue(testAccSourceAddress, tfjsonpath.New("ip"), knownvalue.StringExact("10.0.0.21")),
					statecheck.ExpectKnownValue(testAccSourceAddress, tfjsonpath.New("agent_version"), knownvalue.StringExact("24.3.0")),
					statecheck.ExpectKnownValue(testAccSourceAddress, tfjsonpath.New("current_task"), knownvalue.Null()),
				},
				Check: func(s *terraform.State) error {
					project, err := testcheck.ResourceID(s, "sms_migration_project.wave")
					if err != nil {
						return err
					}
					return onePut(env, fmt.Sprintf(`{"name":"web-01-wave1","migprojectid":%q}`, project), false)
				},
			},
			{ResourceName: testAccSourceAddress, ImportState: true, ImportStateVerify: true},
			{
				// The project lists the source.
				Config: env.ProviderBlock + testAccSourceServerConfig(`name = "web-01-wave1"
  migration_project_id = sms_migration_project.wave.id`) + `
data "sms_source_servers" "in_wave" {
  migration_project_id = sms_migration_project.wave.id
}
`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.sms_source_servers.in_wave", tfjsonpath.New("ids"),
						knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(acctest.EmulatorLinuxSrc)})),
				},
			},
			{
				// A rename alone: in place, one PUT of the name.
				PreConfig: env.Emu.ResetJournal,
				Config: env.ProviderBlock + testAccSourceServerConfig(`name = "web-01"
  migration_project_id = sms_migration_project.wave.id`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testAccSourceAddress, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccSourceAddress, tfjsonpath.New("name"), knownvalue.StringExact("web-01")),
				},
				Check: func(*terraform.State) error { return onePut(env, `{"name":"web-01"}`, true) },
			},
			{
				// Back to the default project: in place, one PUT of the project.
				PreConfig: env.Emu.ResetJournal,
				Config: env.ProviderBlock + testAccSourceServerConfig(`name = "web-01"
  migration_project_id = data.sms_migration_projects.all.default_id`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testAccSourceAddress, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs(testAccSourceAddress, tfjsonpath.New("migration_project_id"),
						"data.sms_migration_projects.all", tfjsonpath.New("default_id"), compare.ValuesSame()),
				},
				Check: func(s *terraform.State) error {
					project := s.RootModule().Resources["data.sms_migration_projects.all"].Primary.Attributes["default_id"]
					return onePut(env, fmt.Sprintf(`{"migprojectid":%q}`, project), true)
				},
			},
			{
				// A refresh costs the source's GET and one project check.
				PreConfig:    env.Emu.ResetJournal,
				RefreshState: true,
				Check: func(*terraform.State) error {
					if n := len(env.Requests(http.MethodGet, "/v3/sources")); n != 2 {
						return fmt.Errorf("refresh made %d source requests, want 2: %v", n, testcheck.Paths(env.Emu.Journal()))
					}
					return nil
				},
			},
		},
	})
}

// An ID SMS does not know: a clear error, and nothing in state (the next plan creates again).
func TestAccSourceServerResource_unregistered(t *testing.T) {
	env := acctest.NewAccEnv(t)
	config := env.ProviderBlock + `
resource "sms_source_server" "test" {
  id   = "00000000-0000-4000-8000-000000000000"
  name = "ghost"
}
`
	notRegistered := testcheck.ErrorPattern("SMS source server not registered", "No source server with ID 00000000-0000-4000-8000-000000000000",
		"must first be registered by the SMS Agent")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config, ExpectError: notRegistered},
			{
				Config:      config,
				ExpectError: notRegistered,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testAccSourceAddress, plancheck.ResourceActionCreate)},
				},
			},
		},
	})
}

func TestAccSourceServerResource_disappears(t *testing.T) {
	env := acctest.NewAccEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             checkSourcesAndProjectsDestroyed(env),
		Steps: []resource.TestStep{
			{
				Config: env.ProviderBlock + testAccSourceServerConfig(`name = "gone"`),
				Check: func(*terraform.State) error {
					return env.Client.DeleteSourceServer(testcheck.TestCtx(), acctest.EmulatorLinuxSrc)
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testAccSourceAddress, plancheck.ResourceActionCreate)},
				},
				ExpectNonEmptyPlan: true,
			},
		},
	})
}

// While a task of the source runs, destroying it is refused with the task named and
// nothing sent; once the task is done, the record goes.
func TestAccSourceServerResource_deleteRefusedWhileTaskRuns(t *testing.T) {
	env := acctest.NewAccEnvWith(t, emulator.Options{Clock: emulator.NewManualClock(time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC))})
	env.RequireEmulator(t)
	config := env.ProviderBlock + fmt.Sprintf(`
resource "sms_source_server" "test" {
  id = %q
}
`, acctest.EmulatorLinuxSrc)
	var taskID string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckSourceServersDestroyed,
		Steps: []resource.TestStep{
			{
				// Nothing configured to change: no PUT; the project is the default one.
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccSourceAddress, tfjsonpath.New("name"), knownvalue.StringExact("web-linux-01")),
					statecheck.ExpectKnownValue(testAccSourceAddress, tfjsonpath.New("migration_project_id"), knownvalue.NotNull()),
				},
				Check: func(*terraform.State) error {
					taskID = acctest.CreateTask(t, env, "web-linux-01-running", acctest.EmulatorLinuxSrc)
					if err := env.Client.UpdateTaskStatus(testcheck.TestCtx(), taskID, client.TaskAction{Operation: "start"}); err != nil {
						return err
					}
					return env.NoWrites(http.MethodPut, http.MethodDelete)
				},
			},
			{
				Config:      config,
				Destroy:     true,
				ExpectError: testcheck.ErrorPattern("Cannot delete a source server whose migration task is running", "web-linux-01-running, state RUNNING", "Nothing was changed"),
			},
			{
				// Nothing was sent; the migration finishes; the refresh shows its task.
				PreConfig: func() {
					if err := env.NoWrites(http.MethodDelete); err != nil {
						t.Fatal(err)
					}
					env.Emu.Advance(72 * time.Hour)
				},
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccSourceAddress, tfjsonpath.New("current_task").AtMapKey("state"), knownvalue.StringExact("MIGRATE_SUCCESS")),
				},
			},
		},
	})
}

func TestAccSourceServerResource_badInput(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	cfg := func(body string) string { return "resource \"sms_source_server\" \"test\" {\n  " + body + "\n}\n" }
	env.TestBadInput(t, []acctest.BadInputCase{
		acctest.BadInput("id empty", cfg(`id = ""`), `Attribute id string length must be between 1 and 255, got: 0`),
		acctest.BadInput("id missing", cfg(`name = "web"`), `The argument "id" is required`),
		acctest.BadInput("name empty", cfg(`id = "s"
  name = ""`), `Attribute name UTF-8 character count must be between 1 and 255, got: 0`),
		acctest.BadInput("project empty", cfg(`id = "s"
  migration_project_id = ""`), `Attribute migration_project_id string length must be between 1 and 255, got: 0`),
		acctest.BadInput("read-only state", cfg(`id = "s"
  state = "finished"`), `Invalid Configuration for Read-Only Attribute`, `Cannot set value for this attribute`),
	})
}
