package project_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
)

// TestAccMigrationProjectResource_identity (Terraform ≥ 1.12): a project's identity is its
// id; `import { identity = { id = ... } }` imports it with nothing left to change.
func TestAccMigrationProjectResource_identity(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	config := env.ProviderBlock + testAccMigrationProjectConfig("identity", 100, "")
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckMigrationProjectsDestroyed,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(testAccProjectAddress, map[string]knownvalue.Check{"id": knownvalue.NotNull()}),
					statecheck.ExpectIdentityValueMatchesState(testAccProjectAddress, tfjsonpath.New("id")),
				},
			},
			{Config: config, ResourceName: testAccProjectAddress, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
		},
	})
}
