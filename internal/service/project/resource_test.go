package project_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

const testAccProjectAddress = "sms_migration_project.test"

// testAccMigrationProjectConfig is a project with every documented field; extra is
// added inside the block.
func testAccMigrationProjectConfig(description string, speed int, extra string) string {
	return fmt.Sprintf(`
resource "sms_migration_project" "test" {
  name                = "wave-1"
  description         = %[1]q
  type                = "MIGRATE_FILE"
  speed_limit         = %[2]d
  enterprise_project  = "default"
  start_target_server = true
  use_public_ip       = false
  exist_server        = false
  syncing             = true
  start_network_check = false
  %[3]s
}
`, description, speed, extra)
}

func TestAccMigrationProjectResource_basic(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckMigrationProjectsDestroyed,
		Steps: []resource.TestStep{
			{
				Config: env.ProviderBlock + testAccMigrationProjectConfig("first wave", 100, ""),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccProjectAddress, tfjsonpath.New("id"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(testAccProjectAddress, tfjsonpath.New("region"), knownvalue.StringExact(acctest.EmulatorRegion)),
					statecheck.ExpectKnownValue(testAccProjectAddress, tfjsonpath.New("is_default"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(testAccProjectAddress, tfjsonpath.New("speed_limit"), knownvalue.Int64Exact(100)),
					statecheck.ExpectKnownValue(testAccProjectAddress, tfjsonpath.New("syncing"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(testAccProjectAddress, tfjsonpath.New("use_public_ip"), knownvalue.Bool(false)),
				},
				Check: func(*terraform.State) error {
					posts := env.Requests(http.MethodPost, "/v3/migprojects")
					if len(posts) != 1 || strings.Contains(string(posts[0].Body), "isdefault") {
						return fmt.Errorf("want one POST without isdefault, got %d: %v", len(posts), testcheck.Paths(posts))
					}
					return env.NoRequestsTo("/default")
				},
			},
			{ResourceName: testAccProjectAddress, ImportState: true, ImportStateVerify: true},
			{
				// In place, and only the changed keys: UpdateMigproject merges.
				PreConfig: env.Emu.ResetJournal,
				Config:    env.ProviderBlock + testAccMigrationProjectConfig("first wave, 20 servers", 300, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testAccProjectAddress, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccProjectAddress, tfjsonpath.New("description"), knownvalue.StringExact("first wave, 20 servers")),
					statecheck.ExpectKnownValue(testAccProjectAddress, tfjsonpath.New("speed_limit"), knownvalue.Int64Exact(300)),
					statecheck.ExpectKnownValue(testAccProjectAddress, tfjsonpath.New("type"), knownvalue.StringExact("MIGRATE_FILE")),
				},
				Check: func(*terraform.State) error {
					puts := env.Requests(http.MethodPut, "/v3/migprojects/")
					if len(puts) != 1 || !testcheck.JSONEqual(string(puts[0].Body), `{"description":"first wave, 20 servers","speed_limit":300}`) {
						return fmt.Errorf("want one PUT of the two changed keys, got %d: %v", len(puts), puts)
					}
					return env.NoWrites(http.MethodPost, http.MethodDelete)
				},
			},
			{
				// Removed from the configuration: kept as it is, nothing sent.
				PreConfig: env.Emu.ResetJournal,
				Config: env.ProviderBlock + `
resource "sms_migration_project" "test" {
  name = "wave-1"
  type = "MIGRATE_FILE"
}
`,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testAccProjectAddress, plancheck.ResourceActionNoop)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccProjectAddress, tfjsonpath.New("speed_limit"), knownvalue.Int64Exact(300)),
				},
				Check: func(*terraform.State) error { return env.NoWrites(http.MethodPost, http.MethodPut, http.MethodDelete) },
			},
		},
	})
}

// The default project: is_default = true takes the mark (UpdateDefaultMigproject); false
// on the default and destroying the default are refused at plan time; once another
// project holds the mark, the project can go.
func TestAccMigrationProjectResource_default(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	var builtinDefault string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckMigrationProjectsDestroyed,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					projects, err := env.Client.ListMigprojects(testcheck.TestCtx())
					if err != nil || len(projects) != 1 || !*projects[0].IsDefault {
						t.Fatalf("the emulator starts with one default project: %+v, %v", projects, err)
					}
					builtinDefault = *projects[0].ID
				},
				Config: env.ProviderBlock + testAccMigrationProjectConfig("wave", 0, "is_default = true") + `
data "sms_migration_projects" "all" {
  depends_on = [sms_migration_project.test]
}
`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccProjectAddress, tfjsonpath.New("is_default"), knownvalue.Bool(true)),
					statecheck.CompareValuePairs("data.sms_migration_projects.all", tfjsonpath.New("default_id"),
						testAccProjectAddress, tfjsonpath.New("id"), compare.ValuesSame()),
				},
				Check: func(*terraform.State) error {
					if n := len(env.Requests(http.MethodPut, "/v3/migprojects/")); n != 1 {
						return fmt.Errorf("want one PUT .../default, got %d", n)
					}
					p, err := env.Client.ShowMigproject(testcheck.TestCtx(), builtinDefault)
					if err != nil {
						return err
					}
					if *p.IsDefault {
						return fmt.Errorf("the previous default project is still the default: %+v", p)
					}
					return nil
				},
			},
			{
				Config:      env.ProviderBlock + testAccMigrationProjectConfig("wave", 0, "is_default = false"),
				ExpectError: testcheck.ErrorPattern("Cannot unset the default SMS migration project", "SMS has no call that unsets the mark"),
			},
			{
				Config:      env.ProviderBlock + testAccMigrationProjectConfig("wave", 0, "is_default = true"),
				Destroy:     true,
				ExpectError: testcheck.ErrorPattern("Cannot destroy the default SMS migration project", "SMS refuses to delete it"),
			},
			{
				// Another project takes the mark outside Terraform: the refresh shows it,
				// and with is_default left out nothing is planned.
				PreConfig: func() {
					if err := env.Client.SetDefaultMigproject(testcheck.TestCtx(), builtinDefault); err != nil {
						t.Fatal(err)
					}
				},
				Config: env.ProviderBlock + testAccMigrationProjectConfig("wave", 0, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testAccProjectAddress, plancheck.ResourceActionNoop)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccProjectAddress, tfjsonpath.New("is_default"), knownvalue.Bool(false)),
				},
			},
		},
	})
}

func TestAccMigrationProjectResource_disappears(t *testing.T) {
	env := acctest.NewAccEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckMigrationProjectsDestroyed,
		Steps: []resource.TestStep{
			{
				Config: env.ProviderBlock + testAccMigrationProjectConfig("gone", 0, ""),
				Check: func(s *terraform.State) error {
					id, err := testcheck.ResourceID(s, testAccProjectAddress)
					if err != nil {
						return err
					}
					return env.Client.DeleteMigproject(testcheck.TestCtx(), id)
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testAccProjectAddress, plancheck.ResourceActionCreate)},
				},
				ExpectNonEmptyPlan: true,
			},
		},
	})
}

func TestAccMigrationProjectResource_badInput(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	cfg := func(body string) string {
		return fmt.Sprintf(`
resource "sms_migration_project" "test" {
  %s
}
`, body)
	}
	env.TestBadInput(t, []acctest.BadInputCase{
		acctest.BadInput("name characters", cfg(`name = "wave 1!"
  type = "MIGRATE_FILE"`), `Attribute name must contain only Chinese characters, letters, digits`, `got: wave 1!`),
		acctest.BadInput("name empty", cfg(`name = ""
  type = "MIGRATE_FILE"`), `Attribute name UTF-8 character count must be between 1 and 255, got: 0`),
		acctest.BadInput("type", cfg(`name = "w"
  type = "MIGRATE_DISK"`), `Attribute type value must be one of: \["MIGRATE_BLOCK" "MIGRATE_FILE"\], got: "MIGRATE_DISK"`),
		acctest.BadInput("speed limit", cfg(`name = "w"
  type = "MIGRATE_FILE"
  speed_limit = -1`), `Attribute speed_limit value must be between 0 and 2147483647, got: -1`),
		acctest.BadInput("description length", cfg(`name = "w"
  type = "MIGRATE_FILE"
  description = "`+strings.Repeat("d", 256)+`"`), `Attribute description UTF-8 character count must be at most 255, got: 256`),
		acctest.BadInput("enterprise project empty", cfg(`name = "w"
  type = "MIGRATE_FILE"
  enterprise_project = ""`), `Attribute enterprise_project UTF-8 character count must be between 1 and 255, got: 0`),
		acctest.BadInput("type missing", cfg(`name = "w"`), `The argument "type" is required`),
	})
}
