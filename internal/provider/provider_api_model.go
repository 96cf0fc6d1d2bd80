package provider

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

// SMS is a global service: one endpoint per site, whatever region the target server is
// in. International-site accounts use the ap-southeast-3 endpoint, the others (most)
// cn-north-4, as the official provider does.
const (
	siteChineseMainland = "chinese-mainland"
	siteInternational   = "international"
	defaultSite         = siteChineseMainland
)

var siteEndpoints = map[string]string{
	siteChineseMainland: "https://sms.cn-north-4.myhuaweicloud.com",
	siteInternational:   "https://sms.ap-southeast-3.myhuaweicloud.com",
}

// resolveAPIModel checks the api_model setting ("" = the default).
func resolveAPIModel(value string, diags *diag.Diagnostics) string {
	if value == "" {
		return conns.DefaultAPIModel
	}
	if !slices.Contains(conns.APIModels, value) {
		diags.AddAttributeError(path.Root("api_model"), "Invalid api_model",
			fmt.Sprintf("api_model (or %s) must be one of %s, got %q.", conns.EnvAPIModel[0], strings.Join(conns.APIModels, ", "), value))
	}
	return value
}

// resolveEndpoint picks the endpoint when none is configured: the site's when a site is
// set; else the region's own SMS endpoint when the region has one (cn-north-4,
// ap-southeast-3, my-kualalumpur-1, ru-moscow-1); else the default site's. The task's
// target region is independent of it, so any region works.
func resolveEndpoint(site, region string, diags *diag.Diagnostics) string {
	if site != "" {
		ep, ok := siteEndpoints[site]
		if !ok {
			diags.AddAttributeError(path.Root("site"), "Invalid site",
				fmt.Sprintf("site (or %s) must be one of %s, got %q. Or set endpoint (env %s) to the SMS endpoint URL.",
					conns.EnvSite[0], strings.Join(conns.SortedKeys(siteEndpoints), ", "), site, conns.EnvList(conns.EnvEndpoint)))
		}
		return ep
	}
	if ep, ok := regionEndpoints[region]; ok {
		return ep
	}
	return siteEndpoints[defaultSite]
}
