package task_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

func testAccMigrationTaskConfig_configurations(sourceServerID, name, configurations string) string {
	return fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name          = %q
  type          = "MIGRATE_FILE"
  os_type       = "LINUX"
  source_server = { id = %q }
%s
}
`, name, sourceServerID, configurations)
}

// postedConfigurations returns the bodies of the configuration-setting POSTs.
func postedConfigurations(e *acctest.AccEnv) ([]string, error) {
	var out []string
	for _, j := range e.Requests(http.MethodPost, "/v3/tasks/") {
		if !strings.HasSuffix(j.Path, "/configuration-setting") {
			continue
		}
		var body struct {
			Configurations []client.TaskConfiguration `json:"configurations"`
		}
		if err := json.Unmarshal(j.Body, &body); err != nil {
			return nil, err
		}
		var pairs []string
		for _, c := range body.Configurations {
			pairs = append(pairs, c.ConfigKey+"="+c.ConfigValue)
		}
		out = append(out, strings.Join(pairs, ","))
	}
	return out, nil
}

func wantConfigurationPosts(e *acctest.AccEnv, want ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got, err := postedConfigurations(e)
		if err != nil {
			return err
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			return fmt.Errorf("configuration-setting POSTs = %q, want %q", got, want)
		}
		return nil
	}
}

func TestAccMigrationTaskResource_configurations(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	const name = "task-configurations"
	cfg := func(configurations string) string {
		return env.ProviderBlock + testAccMigrationTaskConfig_configurations(env.SourceServerID, name, configurations)
	}
	two := `  configurations = [
    { config_key = "LINUX_CPU_LIMIT", config_value = "50" },
    { config_key = "MIGRATE_EXCLUDE_DIR", config_value = "/tmp,/var/cache" },
  ]`
	changed := `  configurations = [
    { config_key = "LINUX_CPU_LIMIT", config_value = "25" },
    { config_key = "MIGRATE_EXCLUDE_DIR", config_value = "/tmp,/var/cache" },
  ]`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				// Written once, after the create.
				Config: cfg(two),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("configurations"), knownvalue.SetExact([]knownvalue.Check{
						knownvalue.ObjectExact(map[string]knownvalue.Check{"config_key": knownvalue.StringExact("LINUX_CPU_LIMIT"), "config_value": knownvalue.StringExact("50")}),
						knownvalue.ObjectExact(map[string]knownvalue.Check{"config_key": knownvalue.StringExact("MIGRATE_EXCLUDE_DIR"), "config_value": knownvalue.StringExact("/tmp,/var/cache")}),
					})),
				},
				Check: func(s *terraform.State) error {
					got, err := postedConfigurations(env)
					if err != nil || len(got) != 1 || !testcheck.ContainsAll(got[0], "LINUX_CPU_LIMIT=50", "MIGRATE_EXCLUDE_DIR=/tmp,/var/cache") {
						return fmt.Errorf("want one POST with both settings, got %q (%w)", got, err)
					}
					return nil
				},
			},
			{
				// A refresh of a task with configurations: the task and its settings.
				PreConfig:    env.Emu.ResetJournal,
				RefreshState: true,
				Check: func(*terraform.State) error {
					if got := testcheck.Paths(env.Emu.Journal()); len(got) != 2 || !strings.HasSuffix(got[1], "/configuration-setting") {
						return fmt.Errorf("refresh made %v, want the task GET and the configuration-setting GET", got)
					}
					return nil
				},
			},
			{
				// One value changes in place: one POST with the whole set, no PUT.
				PreConfig: env.Emu.ResetJournal,
				Config:    cfg(changed),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testAccTaskAddress, plancheck.ResourceActionUpdate)},
				},
				Check: resource.ComposeTestCheckFunc(
					func(*terraform.State) error { return env.NoWrites(http.MethodPut, http.MethodDelete) },
					func(*terraform.State) error {
						got, _ := postedConfigurations(env)
						if len(got) != 1 || !testcheck.ContainsAll(got[0], "LINUX_CPU_LIMIT=25", "MIGRATE_EXCLUDE_DIR=") {
							return fmt.Errorf("configuration-setting POSTs = %q", got)
						}
						return nil
					}),
			},
			{
				// Changed outside Terraform: the refresh sees it and the apply puts it back.
				PreConfig: func() {
					id, err := env.TaskIDByName(name)
					if err == nil {
						err = env.Client.UpdateTaskConfigurations(testcheck.TestCtx(), id, []client.TaskConfiguration{{ConfigKey: "DYNAMIC_PORT", ConfigValue: "true"}})
					}
					if err != nil {
						t.Fatal(err)
					}
				},
				Config: cfg(changed),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testAccTaskAddress, plancheck.ResourceActionUpdate)},
				},
			},
			{
				ResourceName:      testAccTaskAddress,
				ImportState:       true,
				ImportStateVerify: true,
				// Not read by an import, like the other attributes with their own endpoint.
				ImportStateVerifyIgnore: []string{"configurations"},
			},
			{
				// Removed: one POST of an empty list clears them; refreshes cost one GET again.
				PreConfig: env.Emu.ResetJournal,
				Config:    cfg(""),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("configurations"), knownvalue.Null()),
				},
				Check: wantConfigurationPosts(env, ""),
			},
			{
				PreConfig:    env.Emu.ResetJournal,
				RefreshState: true,
				Check: func(*terraform.State) error {
					if got := testcheck.Paths(env.Emu.Journal()); len(got) != 1 {
						return fmt.Errorf("refresh without configurations made %v, want one GET", got)
					}
					return nil
				},
			},
		},
	})
}

// TestAccMigrationTaskResource_configurationsBadInput: keys and duplicates are checked
// at plan time, with the attribute's path; nothing reaches the API.
func TestAccMigrationTaskResource_configurationsBadInput(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	cfg := func(configurations string) string {
		return env.ProviderBlock + testAccMigrationTaskConfig_configurations(env.SourceServerID, "task-bad-config", configurations)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				PlanOnly:    true,
				Config:      cfg(`configurations = [{ config_key = "EXCLUDE_MIGRATE_PATH", config_value = "/tmp" }]`),
				ExpectError: testcheck.ErrorPattern(`Attribute configurations\[Value\(\{`, `\}\)\].config_key value must be one of`, `"MIGRATE_EXCLUDE_DIR"`, `got: "EXCLUDE_MIGRATE_PATH"`),
			},
			{
				PlanOnly: true,
				Config: cfg(`configurations = [
    { config_key = "LINUX_CPU_LIMIT", config_value = "50" },
    { config_key = "LINUX_CPU_LIMIT", config_value = "60" },
  ]`),
				ExpectError: testcheck.ErrorPattern(`Duplicate config_key in configurations`, `Attribute configurations sets config_key LINUX_CPU_LIMIT more than once`),
			},
			{
				PlanOnly:    true,
				Config:      cfg(`configurations = [{ config_key = "DYNAMIC_PORT" }]`),
				ExpectError: testcheck.ErrorPattern(`Inappropriate value for attribute "configurations"`, `attribute "config_value" is required`),
			},
		},
	})
	if err := env.NoWrites(http.MethodPost, http.MethodPut, http.MethodDelete); err != nil {
		t.Error(err)
	}
}

func TestAccMigrationTaskPassphraseDataSource(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	task := env.ProviderBlock + testAccMigrationTaskConfig_basic(env.SourceServerID, "task-passphrase", 0)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				// The resource alone never asks for the passphrase.
				Config: task,
				Check:  func(*terraform.State) error { return env.NoRequestsTo("/passphrase") },
			},
			{
				Config: task + `
data "sms_migration_task_passphrase" "test" {
  task_id = sms_migration_task.test.id
}

output "passphrase" {
  value     = data.sms_migration_task_passphrase.test.passphrase
  sensitive = true
}
`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectSensitiveValue("data.sms_migration_task_passphrase.test", tfjsonpath.New("passphrase")),
					statecheck.ExpectKnownValue("data.sms_migration_task_passphrase.test", tfjsonpath.New("passphrase"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9a-f]{32}$`))),
				},
			},
			{
				PlanOnly:    true,
				Config:      env.ProviderBlock + "data \"sms_migration_task_passphrase\" \"gone\" {\n  task_id = \"no-such-task\"\n}\n",
				ExpectError: testcheck.ErrorPattern(`Error reading the SMS migration task's passphrase`, `status: 404`, `error_code: SMS.1008`),
			},
		},
	})
}
