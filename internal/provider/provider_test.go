package provider

import (
	"os"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// testAccProtoV6ProviderFactories runs the provider in-process, so acceptance tests need
// only the Terraform CLI: no build, install or registry.
var testAccProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"sms": protocolServerFactory(&smsProvider{version: "test"}),
}

// protocolServerFactory serves p as the provider binary does.
func protocolServerFactory(p *smsProvider) func() (tfprotov6.ProviderServer, error) {
	return func() (tfprotov6.ProviderServer, error) { return newProtocolServer(p) }
}

// testAccRequiredProviders is the terraform block every test configuration starts with,
// naming the provider by its registry address exactly as users do.
const testAccRequiredProviders = `
terraform {
  required_providers {
    sms = {
      source = "sms-migration/sms"
    }
  }
}
`

func TestMain(m *testing.M) {
	// The in-process provider answers for registry.terraform.io/<namespace>/sms; make that
	// the address users write, so examples apply unchanged.
	if os.Getenv("TF_ACC_PROVIDER_NAMESPACE") == "" {
		_ = os.Setenv("TF_ACC_PROVIDER_NAMESPACE", "sms-migration")
	}
	os.Exit(m.Run())
}
