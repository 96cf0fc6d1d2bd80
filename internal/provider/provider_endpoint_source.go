package provider

import (
	"fmt"

	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

// endpointSource says where the resolved endpoint came from, for errors that must point
// the user at the setting to fix: the attribute, the environment variable, the site, the
// region, or the default site. It follows resolveProviderConfig's order.
func endpointSource(m smsProviderModel, getenv func(string) string, region string) string {
	if !m.Endpoint.IsNull() && !m.Endpoint.IsUnknown() && m.Endpoint.ValueString() != "" {
		return "the provider's endpoint attribute"
	}
	for _, name := range conns.EnvEndpoint {
		if getenv(name) != "" {
			return "the environment variable " + name
		}
	}
	another := fmt.Sprintf("set endpoint or %s to use another", conns.EnvEndpoint[0])
	if site := stringSetting(m.Site, getenv, conns.EnvSite); site != "" {
		return fmt.Sprintf("the site %q (site or %s); %s", site, conns.EnvSite[0], another)
	}
	if _, ok := regionEndpoints[region]; ok {
		return fmt.Sprintf("the region %q; %s", region, another)
	}
	return fmt.Sprintf("the default site %q, since neither site nor region names an SMS endpoint; %s", defaultSite, another)
}
