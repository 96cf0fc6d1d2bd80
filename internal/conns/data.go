package conns

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

// providerData is what Configure hands to resources and data sources.
type ProviderData struct {
	Client   *client.Client
	Defaults ProviderDefaults
}

// providerDefaults are the values a task's region_*/project_* fields take when unset.
type ProviderDefaults struct {
	Region    string
	ProjectID string
	APIModel  string // the task API the endpoint speaks: apiModelSeed or apiModelCurrent
}

// configuredProviderData is the Configure step every resource and data source shares. It
// returns nil without a diagnostic when the provider is not configured yet (the framework
// validates configurations before it configures the provider).
func ConfiguredProviderData(raw any, diags *diag.Diagnostics) *ProviderData {
	if raw == nil {
		return nil
	}
	data, ok := raw.(*ProviderData)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *providerData, got %T. This is a bug in the provider.", raw))
		return nil
	}
	return data
}

// dataSourceClient is the Configure step the data sources share.
func DataSourceClient(req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) *client.Client {
	if data := ConfiguredProviderData(req.ProviderData, &resp.Diagnostics); data != nil {
		return data.Client
	}
	return nil
}

// DataSourceAPIModel is the api_model of the configured provider ("" before it is
// configured), for data sources whose lookups the models limit differently.
func DataSourceAPIModel(req datasource.ConfigureRequest) string {
	if data, ok := req.ProviderData.(*ProviderData); ok && data != nil {
		return data.Defaults.APIModel
	}
	return ""
}
