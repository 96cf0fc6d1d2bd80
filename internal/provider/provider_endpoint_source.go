package provider

import "fmt"

// endpointSource says where the resolved endpoint came from, for errors that must point
// the user at the setting to fix: the attribute, the environment variable, or the region.
func endpointSource(m smsProviderModel, getenv func(string) string, region string) string {
	if !m.Endpoint.IsNull() && !m.Endpoint.IsUnknown() && m.Endpoint.ValueString() != "" {
		return "the provider's endpoint attribute"
	}
	for _, name := range envEndpoint {
		if getenv(name) != "" {
			return name
		}
	}
	return fmt.Sprintf("the region %q; set endpoint or %s to use another", region, envEndpoint[0])
}
