// Package provider implements the sms Terraform provider on terraform-plugin-framework.
package provider

import (
	"context"
	"net/http"
	"sync/atomic"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	"github.com/sms-migration/terraform-provider-sms/internal/service/project"
	"github.com/sms-migration/terraform-provider-sms/internal/service/sourceserver"
	"github.com/sms-migration/terraform-provider-sms/internal/service/task"
	"github.com/sms-migration/terraform-provider-sms/internal/service/template"
)

var (
	_ provider.Provider                       = &smsProvider{}
	_ provider.ProviderWithActions            = &smsProvider{}
	_ provider.ProviderWithEphemeralResources = &smsProvider{}
	_ provider.ProviderWithListResources      = &smsProvider{}
)

// smsProvider is the sms provider: it resolves configuration and hands a configured
// client (plus the defaults a task inherits) to every resource and data source.
type smsProvider struct {
	version string
	// transport, when set, carries every request of the configured client (tests).
	transport http.RoundTripper
	// configured is what Configure handed to resources, for the fast path.
	configured atomic.Pointer[conns.ProviderData]
}

// smsProviderModel is the provider block.
type smsProviderModel struct {
	Region        types.String `tfsdk:"region"`
	AccessKey     types.String `tfsdk:"access_key"`
	SecretKey     types.String `tfsdk:"secret_key"`
	SecurityToken types.String `tfsdk:"security_token"`
	AuthToken     types.String `tfsdk:"auth_token"`
	ProjectID     types.String `tfsdk:"project_id"`
	Endpoint      types.String `tfsdk:"endpoint"`
	Insecure      types.Bool   `tfsdk:"insecure"`
	MaxRetries    types.Int64  `tfsdk:"max_retries"`
	APIModel      types.String `tfsdk:"api_model"`
	Site          types.String `tfsdk:"site"`
}

func (p *smsProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "sms"
	resp.Version = p.version
}

func (p *smsProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The SMS provider manages Huawei Cloud Server Migration Service (SMS) v3 migration tasks. " +
			"It authenticates with an AK/SK pair (SDK-HMAC-SHA256 request signing, optionally with a security token " +
			"for temporary credentials) or with an IAM token, and can be pointed at the bundled local emulator with `endpoint`.",
		Attributes: map[string]schema.Attribute{
			"region": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "The default target region of a task (its `region_id`, `region_name` and `project_name`), " +
					"e.g. `cn-east-3`; any region works. SMS itself is a global service: when neither `endpoint` nor `site` is set, " +
					"a region that hosts an SMS endpoint (`cn-north-4`, `ap-southeast-3`, `my-kualalumpur-1`, `ru-moscow-1`) uses " +
					"that endpoint, and any other region the default site's (`" + siteEndpoints[defaultSite] + "`). " +
					"Env: `" + conns.EnvRegion[0] + "`.",
			},
			"site": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "The Huawei Cloud site of the account, which picks the SMS endpoint when `endpoint` is not set: " +
					"`" + siteChineseMainland + "` (`" + siteEndpoints[siteChineseMainland] + "`, most accounts) or `" + siteInternational +
					"` (`" + siteEndpoints[siteInternational] + "`, International-site accounts). Unset: see `region`. " +
					"Env: " + conns.EnvList(conns.EnvSite) + ".",
			},
			"api_model": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "The task API the endpoint speaks: `" + conns.APIModelCurrent + "` (the default: today's service, whose " +
					"update body has no `os_type`, `priority`, `start_target_server` or `source_server`, renames `enterprise_project_id` " +
					"to `enterprise_project`, and whose task read returns only a summary of `source_server`) or `" + conns.APIModelSeed +
					"` (the 2024 task API, which updates all of them in place). Under `" + conns.APIModelCurrent + "`, a change that cannot be " +
					"made in place is refused at plan time. Env: " + conns.EnvList(conns.EnvAPIModel) + ".",
			},
			"access_key": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "The access key (AK) used to sign requests. Env: " + conns.EnvList(conns.EnvAccessKey) + ".",
			},
			"secret_key": schema.StringAttribute{
				Optional:            true,
				Sensitive:           true,
				MarkdownDescription: "The secret key (SK) used to sign requests. Never logged. Env: " + conns.EnvList(conns.EnvSecretKey) + ".",
			},
			"security_token": schema.StringAttribute{
				Optional:  true,
				Sensitive: true,
				MarkdownDescription: "The security token of temporary AK/SK credentials; sent as `X-Security-Token` and signed. " +
					"Env: " + conns.EnvList(conns.EnvSecurityToken) + ".",
			},
			"auth_token": schema.StringAttribute{
				Optional:  true,
				Sensitive: true,
				MarkdownDescription: "An IAM user token sent as `X-Auth-Token` instead of AK/SK signing. Conflicts with " +
					"`access_key`/`secret_key`. Env: " + conns.EnvList(conns.EnvAuthToken) + ".",
			},
			"project_id": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "The project ID, sent as `X-Project-Id` and the default of a task's `project_id`. " +
					"Env: " + conns.EnvList(conns.EnvProjectID) + ".",
			},
			"endpoint": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "The SMS endpoint URL (`https://host[:port]`), overriding `site` and `region`. " +
					"Point it at the local emulator (`http://127.0.0.1:PORT`) to run without a cloud account. Env: " + conns.EnvList(conns.EnvEndpoint) + ".",
			},
			"insecure": schema.BoolAttribute{
				Optional:            true,
				MarkdownDescription: "Skip TLS certificate verification. Defaults to `false`. Env: " + conns.EnvList(conns.EnvInsecure) + ".",
			},
			"max_retries": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "How many times a request that failed with 429, 500, 502, 503, 504 or a connection error is retried " +
					"(exponential backoff with jitter, `Retry-After` honoured). Defaults to `5`. Env: " + conns.EnvList(conns.EnvMaxRetries) + ".",
			},
		},
	}
}

func (p *smsProvider) Resources(_ context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		task.NewMigrationTaskResource,
		template.NewServerTemplateResource,
		project.NewMigrationProjectResource,
		sourceserver.NewSourceServerResource,
	}
}

func (p *smsProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		task.NewMigrationTaskDataSource, task.NewMigrationTasksDataSource,
		sourceserver.NewSourceServerDataSource, sourceserver.NewSourceServersDataSource,
		template.NewServerTemplatesDataSource,
		task.NewMigrationTaskPassphraseDataSource,
		project.NewMigrationProjectDataSource, project.NewMigrationProjectsDataSource,
		task.NewConsistencyResultsDataSource,
		sourceserver.NewSourceServerOverviewDataSource, sourceserver.NewSourceServerErrorsDataSource,
	}
}

// Actions need Terraform 1.14; the task's operations (task.NewMigrationTaskActions).
func (p *smsProvider) Actions(_ context.Context) []func() action.Action {
	return task.NewMigrationTaskActions()
}

// ListResources need Terraform 1.14 (`terraform query`): one per managed resource.
func (p *smsProvider) ListResources(_ context.Context) []func() list.ListResource {
	return []func() list.ListResource{
		task.NewMigrationTaskListResource,
		template.NewServerTemplateListResource,
		project.NewMigrationProjectListResource,
		sourceserver.NewSourceServerListResource,
	}
}

// EphemeralResources need Terraform 1.10.
func (p *smsProvider) EphemeralResources(_ context.Context) []func() ephemeral.EphemeralResource {
	return []func() ephemeral.EphemeralResource{
		task.NewMigrationTaskPassphraseEphemeralResource,
	}
}
