package provider_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
)

// TestAccProjectExamples applies the documentation examples of sms_migration_project,
// sms_source_server, sms_migration_projects and sms_migration_project against the
// emulator, with the import each resource's import.sh shows.
func TestAccProjectExamples(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	acctest.WithEmulatorEnv(t, env)
	source := config.Variables{"source_server_id": config.StringVariable(acctest.EmulatorLinuxSrc)}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy: func(s *terraform.State) error {
			if err := env.CheckSourceServersDestroyed(s); err != nil {
				return err
			}
			return env.CheckMigrationProjectsDestroyed(s)
		},
		Steps: []resource.TestStep{
			// On a fresh account: the default project alone.
			{
				Config: acctest.ReadExample(t, "data-sources/sms_migration_projects/data-source.tf"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("projects", knownvalue.MapExact(map[string]knownvalue.Check{
						"default": knownvalue.StringExact("MIGRATE_BLOCK"),
					})),
					statecheck.ExpectKnownOutputValue("default_project_id", knownvalue.NotNull()),
				},
			},
			{
				Config: acctest.ReadExample(t, "data-sources/sms_migration_project/data-source.tf"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("default_project", knownvalue.StringExact(fmt.Sprintf("default: MIGRATE_BLOCK to %s", acctest.EmulatorRegion))),
				},
			},
			{
				Config: acctest.ReadExample(t, "resources/sms_migration_project/resource.tf"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("sms_migration_project.wave1", tfjsonpath.New("speed_limit"), knownvalue.Int64Exact(300)),
					statecheck.ExpectKnownValue("sms_migration_project.landing", tfjsonpath.New("is_default"), knownvalue.Bool(false)),
				},
			},
			{ResourceName: "sms_migration_project.wave1", ImportState: true, ImportStateVerify: true},
			{
				Config:          acctest.ReadExample(t, "resources/sms_source_server/resource.tf"),
				ConfigVariables: source,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("web", knownvalue.StringExact("web-01-wave1 (LINUX, 10.0.0.21) is waiting")),
				},
			},
			{ResourceName: "sms_source_server.web", ImportState: true, ImportStateVerify: true, ConfigVariables: source},
		},
	})
}
