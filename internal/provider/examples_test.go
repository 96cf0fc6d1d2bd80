package provider

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

	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

const examplesDir = "../../examples"

// readExample returns an example's configuration as users would copy it, with the
// required_providers block added where the example (a docs snippet) leaves it out.
func readExample(t *testing.T, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(examplesDir, rel))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if !strings.Contains(s, "required_providers") {
		s = testAccRequiredProviders + s
	}
	return s
}

// withEmulatorEnv points the provider's environment fallbacks at env's emulator, the
// way a user runs an example against it. t.Setenv keeps these tests sequential.
func withEmulatorEnv(t *testing.T, env *accEnv) {
	t.Setenv("HW_SMS_ENDPOINT", env.emu.URL)
	t.Setenv("HW_REGION_NAME", emulatorRegion)
	t.Setenv("HW_PROJECT_ID", emulatorProjectID)
	t.Setenv("HW_ACCESS_KEY", emulatorAccessKey)
	t.Setenv("HW_SECRET_KEY", emulatorSecretKey)
}

// TestAccExamples applies every example under examples/ against the emulator, so none of
// them can rot. examples/full is applied by TestAccMigrationTaskResource_full.
func TestAccExamples(t *testing.T) {
	if entries, err := filepath.Glob(filepath.Join(examplesDir, "*")); err != nil || len(entries) == 0 {
		t.Fatalf("no examples found in %s: %v", examplesDir, err)
	}
	// full: TestAccMigrationTaskResource_full; data-sources: TestAccMigrationTaskDataSource_examples.
	covered := map[string]bool{"full": true, "data-sources": true}

	t.Run("provider", func(t *testing.T) {
		env := newAccEnv(t)
		env.requireEmulator(t)
		withEmulatorEnv(t, env)
		covered["provider"] = true
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps: []resource.TestStep{
				{Config: readExample(t, "provider/provider.tf")},
				{Config: readExample(t, "provider/emulator/provider.tf")},
				{Config: readExample(t, "provider/auth_token/provider.tf"), ConfigVariables: config.Variables{"iam_token": config.StringVariable("emulator-token")}},
			},
		})
	})

	t.Run("resources", func(t *testing.T) {
		env := newAccEnv(t)
		env.requireEmulator(t)
		withEmulatorEnv(t, env)
		covered["resources"] = true
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			CheckDestroy:             env.checkDestroy,
			Steps: []resource.TestStep{
				{
					Config: readExample(t, "resources/sms_migration_task/resource.tf"),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("sms_migration_task.example", tfjsonpath.New("state"), knownvalue.StringExact("READY")),
					},
				},
				{ResourceName: "sms_migration_task.example", ImportState: true, ImportStateVerify: true},
			},
		})
	})

	t.Run("import", func(t *testing.T) {
		env := newAccEnv(t)
		env.requireEmulator(t)
		withEmulatorEnv(t, env)
		covered["import"] = true
		// The task the import block adopts, made outside Terraform with the values the
		// example's resource block describes.
		id, err := env.client.CreateTask(context.Background(), &client.CreateTaskRequest{
			Name: "web-linux-01-migration", Type: "MIGRATE_FILE", OSType: ptr("LINUX"),
			SourceServer: client.CreateSourceServer{ID: emulatorLinuxSrc},
			RegionName:   emulatorRegion, RegionID: emulatorRegion, ProjectName: emulatorRegion, ProjectID: emulatorProjectID,
		})
		if err != nil {
			t.Fatal(err)
		}
		example := readExample(t, "import/main.tf")
		placeholder := regexp.MustCompile(`import \{[^}]*id\s*=\s*"([^"]+)"`).FindStringSubmatch(example)
		if placeholder == nil {
			t.Fatal("examples/import/main.tf has no import block with an id")
		}
		cfg := strings.Replace(example, `"`+placeholder[1]+`"`, `"`+id+`"`, 1)
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			CheckDestroy:             env.checkDestroy,
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
		env := newAccEnv(t) // a sped-up clock: the migration finishes within seconds
		env.requireEmulator(t)
		withEmulatorEnv(t, env)
		covered["migration"] = true
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			CheckDestroy:             env.checkDestroy,
			Steps: []resource.TestStep{
				{
					Config: readExample(t, "migration/main.tf"),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("sms_migration_task.web", tfjsonpath.New("state"), knownvalue.StringExact("MIGRATE_SUCCESS")),
						statecheck.ExpectKnownValue("sms_migration_task.web", tfjsonpath.New("speed_limit_windows"), knownvalue.ListSizeExact(1)),
						statecheck.CompareValuePairs("sms_migration_task.web", tfjsonpath.New("vm_template_id"),
							"sms_server_template.web", tfjsonpath.New("id"), compare.ValuesSame()),
						statecheck.ExpectKnownValue("sms_migration_task.web", tfjsonpath.New("source_server").AtMapKey("id"), knownvalue.StringExact(emulatorLinuxSrc)),
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

	t.Run("demo", func(t *testing.T) {
		env := newAccEnv(t)
		env.requireEmulator(t)
		withEmulatorEnv(t, env)
		covered["demo"] = true
		vars := func(speed int) config.Variables {
			return config.Variables{"endpoint": config.StringVariable(env.emu.URL), "speed_limit": config.IntegerVariable(speed)}
		}
		demo := readExample(t, "demo/main.tf")
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			CheckDestroy:             env.checkDestroy,
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

	entries, _ := os.ReadDir(examplesDir)
	for _, e := range entries {
		if e.IsDir() && !covered[e.Name()] && os.Getenv("TF_ACC") != "" && os.Getenv(envAccLive) == "" {
			t.Errorf("examples/%s is applied by no test", e.Name())
		}
	}
}

// TestAccMigrationTaskResource_full applies examples/full (every nested object of the
// seed populated), re-plans it empty, and imports it.
func TestAccMigrationTaskResource_full(t *testing.T) {
	env := newAccEnv(t)
	env.requireEmulator(t)
	full := regexp.MustCompile(`(?m)^provider "sms" \{\}\n`).ReplaceAllString(readExample(t, "full/main.tf"), "")
	full = strings.Replace(full, testAccRequiredProviders, "", 1)
	const addr = "sms_migration_task.full"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             env.checkDestroy,
		Steps: []resource.TestStep{
			{
				Config: env.providerBlock + full,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("source_server").AtMapKey("disks").AtSliceIndex(0).AtMapKey("physical_volumes"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("source_server").AtMapKey("btrfs_list").AtSliceIndex(0).AtMapKey("subvolumn"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("source_server").AtMapKey("volume_groups").AtSliceIndex(0).AtMapKey("logical_volumes"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("source_server").AtMapKey("networks"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("target_server").AtMapKey("disks").AtSliceIndex(0).AtMapKey("physical_volumes").AtSliceIndex(0).AtMapKey("id"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("target_server").AtMapKey("volume_groups").AtSliceIndex(0).AtMapKey("logical_volumes"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("target_server").AtMapKey("networks"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("clone_server").AtMapKey("name"), knownvalue.StringExact("web-linux-01-drill")),
				},
			},
			{Config: env.providerBlock + full, PlanOnly: true},
			{ResourceName: addr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: env.importVerifyIgnore()},
		},
	})
}
