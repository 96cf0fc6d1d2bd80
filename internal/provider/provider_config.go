package provider

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

const defaultMaxRetries = 5

// regionEndpoints is the SMS endpoint of each region the service is offered in.
var regionEndpoints = map[string]string{
	"cn-north-4":       "https://sms.cn-north-4.myhuaweicloud.com",
	"ap-southeast-3":   "https://sms.ap-southeast-3.myhuaweicloud.com",
	"my-kualalumpur-1": "https://sms.my-kualalumpur-1.myhuaweicloud.com",
	"ru-moscow-1":      "https://sms-api.ru-moscow-1.myhuaweicloud.com",
}

// resolvedProviderConfig is the provider block after env fallbacks and checks.
type resolvedProviderConfig struct {
	Region        string
	AccessKey     string
	SecretKey     string
	SecurityToken string
	AuthToken     string
	ProjectID     string
	Endpoint      string
	Insecure      bool
	MaxRetries    int
	APIModel      string
}

// stringSetting reads a string attribute, falling back to the first env var that is set.
func stringSetting(v types.String, getenv func(string) string, names []string) string {
	if !v.IsNull() && !v.IsUnknown() {
		return v.ValueString()
	}
	for _, n := range names {
		if s := getenv(n); s != "" {
			return s
		}
	}
	return ""
}

// resolveProviderConfig applies env fallbacks and rejects every configuration that
// could only fail later, naming the attribute and its env vars in each diagnostic.
func resolveProviderConfig(m smsProviderModel, getenv func(string) string) (resolvedProviderConfig, diag.Diagnostics) {
	var diags diag.Diagnostics
	unknown := map[string]bool{
		"region": m.Region.IsUnknown(), "access_key": m.AccessKey.IsUnknown(), "secret_key": m.SecretKey.IsUnknown(),
		"security_token": m.SecurityToken.IsUnknown(), "auth_token": m.AuthToken.IsUnknown(),
		"project_id": m.ProjectID.IsUnknown(), "endpoint": m.Endpoint.IsUnknown(),
		"insecure": m.Insecure.IsUnknown(), "max_retries": m.MaxRetries.IsUnknown(),
		"api_model": m.APIModel.IsUnknown(), "site": m.Site.IsUnknown(),
	}
	for _, name := range []string{"region", "access_key", "secret_key", "security_token", "auth_token", "project_id", "endpoint", "insecure", "max_retries", "api_model", "site"} {
		if unknown[name] {
			diags.AddAttributeError(path.Root(name), "Unknown provider configuration value",
				fmt.Sprintf("The provider cannot be configured because %q is not known until apply. Set it to a value known at plan time, or use its environment variable.", name))
		}
	}
	if diags.HasError() {
		return resolvedProviderConfig{}, diags
	}

	c := resolvedProviderConfig{
		Region:        stringSetting(m.Region, getenv, conns.EnvRegion),
		AccessKey:     stringSetting(m.AccessKey, getenv, conns.EnvAccessKey),
		SecretKey:     stringSetting(m.SecretKey, getenv, conns.EnvSecretKey),
		SecurityToken: stringSetting(m.SecurityToken, getenv, conns.EnvSecurityToken),
		AuthToken:     stringSetting(m.AuthToken, getenv, conns.EnvAuthToken),
		ProjectID:     stringSetting(m.ProjectID, getenv, conns.EnvProjectID),
		Endpoint:      stringSetting(m.Endpoint, getenv, conns.EnvEndpoint),
		MaxRetries:    defaultMaxRetries,
	}

	switch {
	case !m.Insecure.IsNull():
		c.Insecure = m.Insecure.ValueBool()
	default:
		if s := stringSetting(types.StringNull(), getenv, conns.EnvInsecure); s != "" {
			b, err := strconv.ParseBool(s)
			if err != nil {
				diags.AddAttributeError(path.Root("insecure"), "Invalid insecure setting",
					fmt.Sprintf("%s=%q is not a boolean (true or false).", conns.EnvInsecure[0], s))
			}
			c.Insecure = b
		}
	}

	switch {
	case !m.MaxRetries.IsNull():
		c.MaxRetries = int(m.MaxRetries.ValueInt64())
	default:
		if s := stringSetting(types.StringNull(), getenv, conns.EnvMaxRetries); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil {
				diags.AddAttributeError(path.Root("max_retries"), "Invalid max_retries setting",
					fmt.Sprintf("%s=%q is not a whole number.", conns.EnvMaxRetries[0], s))
			}
			c.MaxRetries = n
		}
	}
	if c.MaxRetries < 0 || c.MaxRetries > 100 {
		diags.AddAttributeError(path.Root("max_retries"), "Invalid max_retries setting",
			fmt.Sprintf("max_retries must be between 0 and 100, got %d (attribute max_retries or %s).", c.MaxRetries, conns.EnvMaxRetries[0]))
	}

	hasAKSK := c.AccessKey != "" || c.SecretKey != ""
	switch {
	case hasAKSK && c.AuthToken != "":
		diags.AddAttributeError(path.Root("auth_token"), "Conflicting credentials",
			"Both AK/SK (access_key/secret_key, "+conns.EnvList(conns.EnvAccessKey)+") and auth_token ("+conns.EnvList(conns.EnvAuthToken)+
				") are set. Use one authentication method: AK/SK signing or an IAM token.")
	case c.AccessKey != "" && c.SecretKey == "":
		diags.AddAttributeError(path.Root("secret_key"), "Missing secret_key",
			"access_key is set but secret_key is not. Set secret_key or one of "+conns.EnvList(conns.EnvSecretKey)+".")
	case c.SecretKey != "" && c.AccessKey == "":
		diags.AddAttributeError(path.Root("access_key"), "Missing access_key",
			"secret_key is set but access_key is not. Set access_key or one of "+conns.EnvList(conns.EnvAccessKey)+".")
	case !hasAKSK && c.AuthToken == "":
		diags.AddAttributeError(path.Root("access_key"), "Missing credentials",
			"No credentials were found. Set access_key and secret_key (env "+conns.EnvList(conns.EnvAccessKey)+" and "+conns.EnvList(conns.EnvSecretKey)+
				"), or auth_token (env "+conns.EnvList(conns.EnvAuthToken)+").")
	}
	if c.SecurityToken != "" && c.AuthToken != "" {
		diags.AddAttributeError(path.Root("security_token"), "Conflicting credentials",
			"security_token belongs to temporary AK/SK credentials and cannot be used with auth_token ("+conns.EnvList(conns.EnvAuthToken)+").")
	}

	c.APIModel = resolveAPIModel(stringSetting(m.APIModel, getenv, conns.EnvAPIModel), &diags)
	if c.Endpoint == "" {
		c.Endpoint = resolveEndpoint(stringSetting(m.Site, getenv, conns.EnvSite), c.Region, &diags)
	} else if err := validateEndpoint(c.Endpoint); err != nil {
		diags.AddAttributeError(path.Root("endpoint"), "Malformed endpoint",
			fmt.Sprintf("endpoint (or %s) %q is not usable: %s. Expected an absolute URL such as https://sms.ap-southeast-3.myhuaweicloud.com or http://127.0.0.1:8080.",
				conns.EnvEndpoint[0], c.Endpoint, err))
	}
	return c, diags
}

func validateEndpoint(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return err
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("scheme must be http or https")
	}
	if u.Host == "" {
		return fmt.Errorf("host is missing")
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("it must not have a query or fragment")
	}
	return nil
}

func (p *smsProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var m smsProviderModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	cfg, diags := resolveProviderConfig(m, os.Getenv)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	c, err := client.New(client.Config{
		Endpoint:      cfg.Endpoint,
		EndpointFrom:  endpointSource(m, os.Getenv, cfg.Region),
		AccessKey:     cfg.AccessKey,
		SecretKey:     cfg.SecretKey,
		SecurityToken: cfg.SecurityToken,
		AuthToken:     cfg.AuthToken,
		ProjectID:     cfg.ProjectID,
		Insecure:      cfg.Insecure,
		MaxRetries:    cfg.MaxRetries,
		UserAgent:     "terraform-provider-sms/" + p.version + " (+https://registry.terraform.io/providers/sms-migration/sms)",
		Log:           clientLogger(cfg),
		Transport:     p.transport,
	})
	if err != nil {
		resp.Diagnostics.AddError("Unable to create the SMS client", err.Error())
		return
	}
	data := &conns.ProviderData{Client: c, Defaults: conns.ProviderDefaults{Region: cfg.Region, ProjectID: cfg.ProjectID, APIModel: cfg.APIModel}}
	resp.ResourceData = data
	resp.DataSourceData = data
	resp.EphemeralResourceData = data
	resp.ActionData = data
	resp.ListResourceData = data
	p.configured.Store(data)
}

// ConfigFromEnvironment resolves the configuration of a provider block that sets nothing,
// so from the environment alone (the live acceptance tests' client).
func ConfigFromEnvironment(getenv func(string) string) (resolvedProviderConfig, diag.Diagnostics) {
	return resolveProviderConfig(smsProviderModel{}, getenv)
}
