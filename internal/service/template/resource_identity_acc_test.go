package template_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
)

// TestAccServerTemplateResource_identity (Terraform ≥ 1.12): a template's identity is its
// id; `import { identity = { id = ... } }` imports it with nothing left to change.
func TestAccServerTemplateResource_identity(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	// Without the write-only password, whose version no read returns: an import block
	// must plan no change at all.
	config := env.ProviderBlock + regexp.MustCompile(`(?m)^\s*target_password_wo.*\n`).ReplaceAllString(testAccServerTemplateConfig("tpl-identity", "s6.large.2", 10), "")
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckTemplatesDestroyed,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(testAccTemplateAddress, map[string]knownvalue.Check{"id": knownvalue.NotNull()}),
					statecheck.ExpectIdentityValueMatchesState(testAccTemplateAddress, tfjsonpath.New("id")),
				},
			},
			{
				Config: config, ResourceName: testAccTemplateAddress, ImportState: true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
			},
		},
	})
}
