package provider_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// TestAccExamples applies every example under examples/ against the emulator, so none of
// them can rot. examples/full is applied by TestAccMigrationTaskResource_full.
func TestAccExamples(t *testing.T) {
	if entries, err := filepath.Glob(filepath.Join(acctest.ExamplesDir, "*")); err != nil || len(entries) == 0 {
		t.Fatalf("no examples found in %s: %v", acctest.ExamplesDir, err)
	}
	// full: TestAccMigrationTaskResource_full; data-sources: TestAccMigrationTaskDataSource_examples;
	// actions and ephemeral-resources: TestAccExamples_actions and _ephemeralResources (newer CLIs);
	// list-resources: TestAccMigrationTaskList_generateConfig (Terraform >= 1.14); the
	// resources' import-by-identity.tf: TestAccExamples_importByIdentity (Terraform >= 1.12);
	// cut-over: TestAccExamples_cutOver.
	covered := map[string]bool{"full": true, "data-sources": true, "actions": true, "ephemeral-resources": true, "list-resources": true,
		"cut-over": true}

	t.Run("provider", func(t *testing.T) {
		env := acctest.NewAccEnv(t)
		env.RequireEmulator(t)
		acctest.WithEmulatorEnv(t, env)
		covered["provider"] = true
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
			Steps: []resource.TestStep{
				{Config: acctest.ReadExample(t, "provider/provider.tf")},
				{Config: acctest.ReadExample(t, "provider/emulator/provider.tf")},
				{Config: acctest.ReadExample(t, "provider/auth_token/provider.tf"), ConfigVariables: config.Variables{"iam_token": config.StringVariable("emulator-token")}},
			},
		})
	})

	t.Run("resources", func(t *testing.T) {
		env := acctest.NewAccEnv(t)
		env.RequireEmulator(t)
		acctest.WithEmulatorEnv(t, env)
		covered["resources"] = true
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
			CheckDestroy:             env.CheckDestroy,
			Steps: []resource.TestStep{
				{
					Config: acctest.ReadExample(t, "resources/sms_migration_task/resource.tf"),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("sms_migration_task.example", tfjsonpath.New("state"), knownvalue.StringExact("READY")),
					},
				},
				{ResourceName: "sms_migration_task.example", ImportState: true, ImportStateVerify: true},
			},
		})
	})

	t.Run("import", func(t *testing.T) {
		env := acctest.NewAccEnv(t)
		env.RequireEmulator(t)
		acctest.WithEmulatorEnv(t, env)
		covered["import"] = true
		// The task the import block adopts, made outside Terraform with the values the
		// example's resource block describes.
		id, err := env.Client.CreateTask(context.Background(), &client.CreateTaskRequest{
			Name: "web-linux-01-migration", Type: "MIGRATE_FILE", OSType: testcheck.Ptr("LINUX"),
			SourceServer: client.CreateSourceServer{ID: acctest.EmulatorLinuxSrc},
			RegionName:   acctest.EmulatorRegion, RegionID: acctest.EmulatorRegion, ProjectName: acctest.EmulatorRegion, ProjectID: acctest.EmulatorProjectID,
		})
		if err != nil {
			t.Fatal(err)
		}
		example := acctest.ReadExample(t, "import/main.tf")
		placeholder := regexp.MustCompile(`import \{[^}]*id\s*=\s*"([^"]+)"`).FindStringSubmatch(example)
		if placeholder == nil {
			t.Fatal("examples/import/main.tf has no import block with an id")
		}
		cfg := strings.Replace(example, `"`+placeholder[1]+`"`, `"`+id+`"`, 1)
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
			CheckDestroy:             env.CheckDestroy,
			Steps: []resource.TestStep{
				{
					Config: cfg,
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("sms_migration_task.example", plancheck.ResourceActionNoop)},
					},
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("sms_migration_task.example", tfjsonpath.New("id"), knownvalue.StringExact(id)),
					},
				},
			},
		})
	})

	t.Run("migration", func(t *testing.T) {
		env := acctest.NewAccEnv(t) // a sped-up clock: the migration finishes within seconds
		env.RequireEmulator(t)
		acctest.WithEmulatorEnv(t, env)
		covered["migration"] = true
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
			CheckDestroy:             env.CheckDestroy,
			Steps: []resource.TestStep{
				{
					Config: acctest.ReadExample(t, "migration/main.tf"),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("sms_migration_task.web", tfjsonpath.New("state"), knownvalue.StringExact("MIGRATE_SUCCESS")),
						statecheck.ExpectKnownValue("sms_migration_task.web", tfjsonpath.New("speed_limit_windows"), knownvalue.ListSizeExact(1)),
						statecheck.CompareValuePairs("sms_migration_task.web", tfjsonpath.New("vm_template_id"),
							"sms_server_template.web", tfjsonpath.New("id"), compare.ValuesSame()),
						statecheck.ExpectKnownValue("sms_migration_task.web", tfjsonpath.New("source_server").AtMapKey("id"), knownvalue.StringExact(acctest.EmulatorLinuxSrc)),
						statecheck.ExpectKnownValue("sms_migration_task.web", tfjsonpath.New("target_server").AtMapKey("name"), knownvalue.StringExact("web-linux-01-hwc")),
						statecheck.ExpectKnownOutputValue("target_disks", knownvalue.ListExact([]knownvalue.Check{
							knownvalue.StringExact("/dev/vda: 42949672960 bytes"), knownvalue.StringExact("/dev/vdb: 107374182400 bytes"),
						})),
						statecheck.ExpectKnownValue("sms_migration_task.web", tfjsonpath.New("configurations"), knownvalue.SetSizeExact(2)),
						statecheck.ExpectKnownOutputValue("progress", knownvalue.MapPartial(map[string]knownvalue.Check{
							"MIGRATE_LINUX_FILE": knownvalue.Int64Exact(100),
						})),
					},
				},
			},
		})
	})

	t.Run("migration fails: the postcondition fails the apply, the task is kept", func(t *testing.T) {
		env := acctest.NewAccEnv(t)
		env.RequireEmulator(t)
		acctest.WithEmulatorEnv(t, env)
		failing := config.Variables{"source_server_name": config.StringVariable(acctest.EmulatorFailingSrcName)}
		example := acctest.ReadExample(t, "migration/main.tf")
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
			CheckDestroy:             env.CheckDestroy,
			Steps: []resource.TestStep{
				{
					Config: example, ConfigVariables: failing,
					ExpectError: testcheck.CLIText("Resource postcondition failed",
						"The migration of fail-linux-01-cutover failed (state MIGRATE_FAIL)"),
				},
				{
					// Not tainted: the next plan updates the task in place (the action is
					// proposed again; SMS refuses start on a failed task, as the warning
					// said), it does not replace it.
					PreConfig: func() {
						if n := env.Emu.TaskCount(); n != 1 {
							t.Fatalf("emulator holds %d tasks after the failed migration, want 1", n)
						}
					},
					Config: example, ConfigVariables: failing,
					ExpectError: testcheck.CLIText(`SMS did not take action "start"`,
						`operation "start" is not allowed while the task is in state MIGRATE_FAIL`,
						"Resource postcondition failed", "The migration of fail-linux-01-cutover failed (state MIGRATE_FAIL)"),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("sms_migration_task.web", plancheck.ResourceActionUpdate)},
					},
				},
			},
		})
	})

	t.Run("demo", func(t *testing.T) {
		env := acctest.NewAccEnv(t)
		env.RequireEmulator(t)
		acctest.WithEmulatorEnv(t, env)
		covered["demo"] = true
		vars := func(speed int) config.Variables {
			return config.Variables{"endpoint": config.StringVariable(env.Emu.URL), "speed_limit": config.IntegerVariable(speed)}
		}
		demo := acctest.ReadExample(t, "demo/main.tf")
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
			CheckDestroy:             env.CheckDestroy,
			Steps: []resource.TestStep{
				{Config: demo, ConfigVariables: vars(100)},
				{
					Config: demo, ConfigVariables: vars(200),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("sms_migration_task.demo", plancheck.ResourceActionUpdate)},
					},
				},
			},
		})
	})

	entries, _ := os.ReadDir(acctest.ExamplesDir)
	for _, e := range entries {
		if e.IsDir() && !covered[e.Name()] && os.Getenv("TF_ACC") != "" && os.Getenv(acctest.EnvAccLive) == "" {
			t.Errorf("examples/%s is applied by no test", e.Name())
		}
	}
}
