package task_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/echoprovider"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
)

// The ephemeral passphrase reaches what uses it (the echo provider, in-process, stands for a
// provider block or a write-only argument) and Terraform keeps it out of the state.
func TestAccMigrationTaskPassphraseEphemeral_basic(t *testing.T) {
	env := acctest.NewAccEnv(t)
	id := acctest.CreateTask(t, env, "task-passphrase-ephemeral", env.SourceServerID)
	want, err := env.Client.ShowTaskPassphrase(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	providers := map[string]func() (tfprotov6.ProviderServer, error){
		"sms":  acctest.TestAccProtoV6ProviderFactories["sms"],
		"echo": echoprovider.NewProviderServer(),
	}
	// The test's own terraform block: both providers under the namespace the in-process
	// servers answer for.
	providerBlock := strings.Replace(env.ProviderBlock, acctest.TestAccRequiredProviders, `
terraform {
  required_providers {
    sms  = { source = "sms-migration/sms" }
    echo = { source = "sms-migration/echo" }
  }
}
`, 1)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_10_0)},
		ProtoV6ProviderFactories: providers,
		Steps: []resource.TestStep{
			{
				Config: providerBlock + fmt.Sprintf(`
ephemeral "sms_migration_task_passphrase" "test" {
  task_id = %q
}

provider "echo" {
  data = ephemeral.sms_migration_task_passphrase.test.passphrase
}

resource "echo" "test" {}
`, id),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("echo.test", tfjsonpath.New("data"), knownvalue.StringExact(want)),
				},
				Check: func(s *terraform.State) error {
					for address := range s.RootModule().Resources {
						if strings.Contains(address, "sms_migration_task_passphrase") {
							return fmt.Errorf("the state holds %s", address)
						}
					}
					return nil
				},
			},
		},
	})
}
