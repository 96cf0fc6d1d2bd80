package task_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
)

// TestAccMigrationTaskResource_identity (Terraform ≥ 1.12): a task's identity is its id,
// stored beside the state, and `import { identity = { id = ... } }` imports it as an
// import block by id does, with nothing left to change.
func TestAccMigrationTaskResource_identity(t *testing.T) {
	env := acctest.NewAccEnv(t)
	config := env.ProviderBlock + testAccMigrationTaskConfig_basic(env.SourceServerID, "task-identity", 100)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(testAccTaskAddress, map[string]knownvalue.Check{"id": knownvalue.NotNull()}),
					statecheck.ExpectIdentityValueMatchesState(testAccTaskAddress, tfjsonpath.New("id")),
				},
			},
			{Config: config, ResourceName: testAccTaskAddress, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity},
			{Config: config, ResourceName: testAccTaskAddress, ImportState: true, ImportStateKind: resource.ImportBlockWithID},
		},
	})
}
