package provider

import (
	"net/http"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// testAccProtoV6ProviderFactories runs the provider in-process, so acceptance tests need
// only the Terraform CLI: no build, install or registry.
var testAccProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"sms": protocolServerFactory(nil),
}

// protocolServerFactory serves the provider as its binary does, a new one for each
// server, every request of its client through transport when set.
func protocolServerFactory(transport http.RoundTripper) func() (tfprotov6.ProviderServer, error) {
	return func() (tfprotov6.ProviderServer, error) {
		return NewServer(ServerOptions{Version: "test", Transport: transport, FastPath: FastPathEnabled()})
	}
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
