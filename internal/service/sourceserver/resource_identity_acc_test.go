package sourceserver_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
)

// TestAccSourceServerResource_identity (Terraform ≥ 1.12): a source's identity is the id
// its Agent got; `import { identity = { id = ... } }` takes it over with nothing left to
// change, its migration project found as on any import.
func TestAccSourceServerResource_identity(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	config := env.ProviderBlock + testAccSourceServerConfig(`name = "web-01"
  migration_project_id = sms_migration_project.wave.id`)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             checkSourcesAndProjectsDestroyed(env),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(testAccSourceAddress, map[string]knownvalue.Check{"id": knownvalue.StringExact(acctest.EmulatorLinuxSrc)}),
				},
			},
			{Config: config, ResourceName: testAccSourceAddress, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
		},
	})
}
