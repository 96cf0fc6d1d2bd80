package sourceserver

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/dsschema"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

var _ datasource.DataSourceWithConfigure = &sourceServerErrorsDataSource{}

// sourceServerErrorsDataSource lists the source servers whose migration is in error
// (GET /v3/errors). Named after what it lists, one error record per source server, as
// the official provider's huaweicloud_sms_source_server_errors is.
type sourceServerErrorsDataSource struct {
	client *client.Client
}

// NewSourceServerErrorsDataSource is the data source constructor the provider registers.
func NewSourceServerErrorsDataSource() datasource.DataSource {
	return &sourceServerErrorsDataSource{}
}

type sourceServerErrorsModel struct {
	EnterpriseProjectID types.String `tfsdk:"enterprise_project_id"`
	Errors              types.List   `tfsdk:"errors"`
	IDs                 types.List   `tfsdk:"ids"`
}

func (d *sourceServerErrorsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_source_server_errors"
}

func sourceServerErrorAttributes() map[string]dschema.Attribute {
	return map[string]dschema.Attribute{
		"source_id":  dsschema.ComputedString("The source server's ID."),
		"name":       dsschema.ComputedString("The source server's name in SMS."),
		"host_name":  dsschema.ComputedString("The host name the source's OS reports (may be empty)."),
		"source_ip":  dsschema.ComputedString("The source server's IP address."),
		"target_ip":  dsschema.ComputedString("The IP address of the target server, if one is configured."),
		"error_json": dsschema.ComputedString("The error, as JSON text (e.g. `jsondecode(...)` gives its `error_code`)."),
	}
}

func (d *sourceServerErrorsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = dschema.Schema{
		MarkdownDescription: "Lists the source servers whose migration is in error, with the error (`GET /v3/errors`, " +
			"every page), e.g. for a check or an alert after a wave of migrations. Ordered by `name`, then `source_id`, so " +
			"the order is stable between runs. The `sms_source_server_overview` data source counts them (`error`).",
		Attributes: map[string]dschema.Attribute{
			"enterprise_project_id": conns.ListFilter("Only source servers in the enterprise project with this ID (`0` is the default enterprise project)."),
			"errors":                dsschema.ComputedList("The source servers in error and their errors, ordered by `name`, then `source_id`.", sourceServerErrorAttributes()),
			"ids":                   conns.ListedIDsAttribute("source servers in error", "errors"),
		},
	}
}

func (d *sourceServerErrorsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = conns.DataSourceClient(req, resp)
}

func (d *sourceServerErrorsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	conns.ReadList(ctx, req, resp, conns.ListRead[sourceServerErrorsModel, client.SourceMigrationError]{
		List: func(ctx context.Context, m *sourceServerErrorsModel) ([]client.SourceMigrationError, error) {
			return d.client.ListSourceServerErrors(ctx, m.EnterpriseProjectID.ValueString())
		},
		Failure: "Error listing the SMS source servers in error",
		Flatten: flattenSourceServerErrors,
	})
}

// flattenSourceServerErrors orders the errors by name, then source_id, and sets m's
// errors and ids.
func flattenSourceServerErrors(_ context.Context, m *sourceServerErrorsModel, errs []client.SourceMigrationError) diag.Diagnostics {
	sourceID := func(e *client.SourceMigrationError) *string { return e.SourceID }
	conns.SortByKeyThenID(errs, func(e *client.SourceMigrationError) *string { return e.Name }, sourceID)
	var diags diag.Diagnostics
	m.Errors, m.IDs, diags = listedItems[client.SourceMigrationError]{
		attrs: sourceServerErrorAttributes(), attribute: "errors", what: "list of source servers in error", id: sourceID,
	}.fromWire(errs)
	return diags
}
