package provider

import (
	"fmt"

	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

// endpointSource says where the resolved endpoint came from, for errors that must point
// the user at the setting to fix: the attribute, the environment variable, or the region.
func endpointSource(m smsProviderModel, getenv func(string) string, region string) string {
	if !m.Endpoint.IsNull() && !m.Endpoint.IsUnknown() && m.Endpoint.ValueString() != "" {
		return "the provider's endpoint attribute"
	}
	for _, name := range conns.EnvEndpoint {
		if getenv(name) != "" {
			return name
		}
	}
	return fmt.Sprintf("the region %q; set endpoint or %s to use another", region, conns.EnvEndpoint[0])
}
