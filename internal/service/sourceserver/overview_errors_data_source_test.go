package sourceserver_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// failMigration starts a task of the emulator's failing source and lets it fail, as a
// migration whose source disk cannot be read does.
func failMigration(t *testing.T, env *acctest.AccEnv) {
	t.Helper()
	id := acctest.CreateTask(t, env, "fail-linux-01-migration", acctest.EmulatorFailingSrc)
	if err := env.Client.UpdateTaskStatus(context.Background(), id, client.TaskAction{Operation: "start"}); err != nil {
		t.Fatal(err)
	}
	env.Emu.Advance(24 * time.Hour)
	task, err := env.Client.ShowTask(context.Background(), id)
	if err != nil || task.State == nil || *task.State != "MIGRATE_FAIL" {
		t.Fatalf("the failing migration: %+v, %v", task, err)
	}
}

// TestAccSourceServerOverviewAndErrorsDataSources: before anything fails, the overview
// counts the three registered sources as waiting and unconfigured and no server is in
// error; then one migration fails and the Agent of another source reports an error.
func TestAccSourceServerOverviewAndErrorsDataSources(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	const overview, errs = "data.sms_source_server_overview.all", "data.sms_source_server_errors.all"
	cfg := env.ProviderBlock + `
data "sms_source_server_overview" "all" {}

data "sms_source_server_errors" "all" {}

data "sms_source_server_errors" "other_enterprise_project" {
  enterprise_project_id = "ep-elsewhere"
}
`
	count := func(name string, n int64) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(overview, tfjsonpath.New(name), knownvalue.Int64Exact(n))
	}
	item := func(i int, name string) tfjsonpath.Path {
		return tfjsonpath.New("errors").AtSliceIndex(i).AtMapKey(name)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					count("waiting", 3), count("unconfigured", 3), count("error", 0), count("finished", 0),
					statecheck.ExpectKnownValue(errs, tfjsonpath.New("errors"), knownvalue.ListSizeExact(0)),
					statecheck.ExpectKnownValue(errs, tfjsonpath.New("ids"), knownvalue.ListSizeExact(0)),
				},
			},
			{
				PreConfig: func() {
					failMigration(t, env)
					if err := env.AgentReportCopyState(acctest.EmulatorWindowsSrc, "error", "replicating"); err != nil {
						t.Fatal(err)
					}
				},
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					count("waiting", 2), count("error", 1), count("unconfigured", 2),
					// Ordered by name: fail-linux-01, then name-win16.
					statecheck.ExpectKnownValue(errs, tfjsonpath.New("ids"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact(acctest.EmulatorFailingSrc), knownvalue.StringExact(acctest.EmulatorWindowsSrc),
					})),
					statecheck.ExpectKnownValue(errs, item(0, "name"), knownvalue.StringExact(acctest.EmulatorFailingSrcName)),
					statecheck.ExpectKnownValue(errs, item(0, "source_ip"), knownvalue.StringExact("10.0.0.31")),
					statecheck.ExpectKnownValue(errs, item(0, "error_json"), knownvalue.StringRegexp(testcheck.CLIText(`"error_code":"SMS.3802"`))),
					statecheck.ExpectKnownValue(errs, item(1, "name"), knownvalue.StringExact("name-win16")),
					statecheck.ExpectKnownValue(errs, item(1, "error_json"), knownvalue.StringExact("")),
					statecheck.ExpectKnownValue("data.sms_source_server_errors.other_enterprise_project", tfjsonpath.New("errors"), knownvalue.ListSizeExact(0)),
				},
			},
		},
	})
}

func TestAccSourceServerErrorsDataSource_badInput(t *testing.T) {
	env := acctest.NewAccEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			PlanOnly:    true,
			Config:      env.ProviderBlock + "data \"sms_source_server_errors\" \"bad\" {\n  enterprise_project_id = \"\"\n}\n",
			ExpectError: testcheck.ErrorPattern(`Attribute enterprise_project_id UTF-8 character count must be between 1 and 255, got: 0`),
		}},
	})
}

// TestAccSourceServerOverviewAndErrorsDataSources_apiErrors: an API failure (here a
// signature made with the wrong secret key) is a diagnostic with the status and error code.
func TestAccSourceServerOverviewAndErrorsDataSources_apiErrors(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	wrongKey := strings.Replace(env.ProviderBlock, acctest.EmulatorSecretKey, "WRONGSKabcdefghijklmnopqrstuvwxyz0123456", 1)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      wrongKey + "data \"sms_source_server_overview\" \"all\" {}\n",
				ExpectError: testcheck.ErrorPattern(`Error reading the SMS source server overview`, `status: 401`, `error_code: APIGW\.`),
			},
			{
				Config:      wrongKey + "data \"sms_source_server_errors\" \"all\" {}\n",
				ExpectError: testcheck.ErrorPattern(`Error listing the SMS source servers in error`, `status: 401`, `error_code: APIGW\.`),
			},
		},
	})
}

// TestAccSourceServerOverviewAndErrorsDataSources_examples applies the documentation
// examples after two migrations failed, one on its own and one whose Agent reported its
// START failed: the overview's check warns, the error list names both with their codes.
func TestAccSourceServerOverviewAndErrorsDataSources_examples(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	acctest.WithEmulatorEnv(t, env)
	failMigration(t, env)
	web := acctest.CreateTask(t, env, "web-linux-01-migration", acctest.EmulatorLinuxSrc)
	if err := env.Client.UpdateTaskStatus(context.Background(), web, client.TaskAction{Operation: "start"}); err != nil {
		t.Fatal(err)
	}
	if err := env.AgentReportCommandResult(acctest.EmulatorLinuxSrc, "START", "fail",
		map[string]any{"error_code": "SMS.0205", "error_param": []string{"the source server's time zone"}}); err != nil {
		t.Fatal(err)
	}
	if err := env.AgentReportCopyState(acctest.EmulatorLinuxSrc, "error", "replicating"); err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: acctest.ReadExample(t, "data-sources/sms_source_server_overview/data-source.tf"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("migrated_servers", knownvalue.Int64Exact(0)),
					statecheck.ExpectKnownValue("data.sms_source_server_overview.all", tfjsonpath.New("error"), knownvalue.Int64Exact(1)),
				},
			},
			{
				Config: acctest.ReadExample(t, "data-sources/sms_source_server_errors/data-source.tf"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("errors_by_server", knownvalue.MapExact(map[string]knownvalue.Check{
						acctest.EmulatorFailingSrcName: knownvalue.StringExact("SMS.3802"),
						"web-linux-01":                 knownvalue.StringExact("SMS.0205"),
					})),
				},
			},
		},
	})
}
