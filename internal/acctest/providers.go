package acctest

import (
	"net/http"
	"os"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/sms-migration/terraform-provider-sms/internal/provider"
)

// testAccProtoV6ProviderFactories runs the provider in-process, so acceptance tests need
// only the Terraform CLI: no build, install or registry.
var TestAccProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"sms": ProtocolServerFactory(nil),
}

// protocolServerFactory serves the provider as its binary does, a new one for each
// server, every request of its client through transport when set.
func ProtocolServerFactory(transport http.RoundTripper) func() (tfprotov6.ProviderServer, error) {
	return func() (tfprotov6.ProviderServer, error) {
		return provider.NewServer(provider.ServerOptions{Version: "test", Transport: transport, FastPath: provider.FastPathEnabled()})
	}
}

// testAccRequiredProviders is the terraform block every test configuration starts with,
// naming the provider by its registry address exactly as users do.
const TestAccRequiredProviders = `
terraform {
  required_providers {
    sms = {
      source = "sms-migration/sms"
    }
  }
}
`

// RunTests is TestMain for a package of acceptance tests. The in-process provider answers
// for registry.terraform.io/<namespace>/sms; the namespace is the one users write, so
// examples apply unchanged.
func RunTests(m *testing.M) {
	if os.Getenv("TF_ACC_PROVIDER_NAMESPACE") == "" {
		_ = os.Setenv("TF_ACC_PROVIDER_NAMESPACE", "sms-migration")
	}
	os.Exit(m.Run())
}
