package sourceserver

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/dsschema"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/values"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

var (
	_ datasource.DataSourceWithConfigure        = &sourceServerDataSource{}
	_ datasource.DataSourceWithConfigValidators = &sourceServerDataSource{}
)

// sourceServerDataSource reads one registered source server with its details.
type sourceServerDataSource struct {
	client *client.Client
}

// NewSourceServerDataSource is the data source constructor the provider registers.
func NewSourceServerDataSource() datasource.DataSource {
	return &sourceServerDataSource{}
}

func (d *sourceServerDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_source_server"
}

// sourceServerDataSourceAttributes is the whole schema: ShowServer's fields plus the
// id and name to look the server up by.
func sourceServerDataSourceAttributes() map[string]dschema.Attribute {
	attrs := sourceServerDetailAttributes()
	attrs["id"] = dschema.StringAttribute{
		MarkdownDescription: "The source server's ID (the SMS ID its Agent got when it registered). Set exactly one of `id` and `name`.",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{stringvalidator.LengthBetween(1, conns.MigrationTaskMaxStringLength)},
	}
	attrs["name"] = dschema.StringAttribute{
		MarkdownDescription: "The source server's name. Set exactly one of `id` and `name`; a name must match exactly one registered server.",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{stringvalidator.UTF8LengthBetween(1, conns.MigrationTaskMaxStringLength)},
	}
	return attrs
}

func (d *sourceServerDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = dschema.Schema{
		MarkdownDescription: "One source server registered with Huawei Cloud SMS (by its SMS Agent), with its details " +
			"(`GET /v3/sources/{id}`): disks and their partitions, LVM volume groups, Btrfs file systems, NICs, firmware, " +
			"boot loader, Agent version, state, and `init_target_server`, the target layout SMS recommends, ready to be " +
			"assigned to a `sms_migration_task`'s `target_server`. Look it up by `id` (one request) or by `name` " +
			"(a list request, then the details); a name that matches no server, or several, is an error.",
		Attributes: sourceServerDataSourceAttributes(),
	}
}

func (d *sourceServerDataSource) ConfigValidators(_ context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name")),
	}
}

func (d *sourceServerDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = conns.DataSourceClient(req, resp)
}

func (d *sourceServerDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var id, name types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("id"), &id)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("name"), &name)...)
	if resp.Diagnostics.HasError() {
		return
	}
	sourceID := id.ValueString()
	if id.IsNull() {
		found, diags := findSourceServerByName(ctx, d.client, name.ValueString())
		resp.Diagnostics.Append(diags...)
		if resp.Diagnostics.HasError() {
			return
		}
		sourceID = found
	}
	server, err := d.client.ShowSourceServer(ctx, sourceID)
	if err != nil {
		conns.AddAPIError(&resp.Diagnostics, "Error reading SMS source server "+sourceID, err)
		return
	}
	resp.Diagnostics.Append(setObjectFromWire(ctx, &resp.State, sourceServerDataSourceAttributes(), server, "source server")...)
}

// findSourceServerByName returns the ID of the one server named exactly name. The API's
// name filter also matches parts of names, so the list is narrowed here.
func findSourceServerByName(ctx context.Context, c *client.Client, name string) (string, diag.Diagnostics) {
	var diags diag.Diagnostics
	servers, err := c.ListSourceServers(ctx, client.ListSourceServersFilter{Name: name})
	if err != nil {
		conns.AddAPIError(&diags, "Error listing SMS source servers", err)
		return "", diags
	}
	var ids []string
	for _, s := range servers {
		if s.Name != nil && *s.Name == name && s.ID != nil {
			ids = append(ids, *s.ID)
		}
	}
	return conns.OneNamed(ids, name, "registered source server", "sms_source_servers")
}

// setObjectFromWire writes a wire value as the whole state of a data source whose
// attributes are named as the API's JSON keys.
func setObjectFromWire(ctx context.Context, state *tfsdk.State, attrs map[string]dschema.Attribute, wire any, what string) diag.Diagnostics {
	var diags diag.Diagnostics
	obj, err := values.ObjectFromWire(dsschema.AttrTypesOf(attrs), wire, what)
	if err != nil {
		diags.AddError("Unexpected SMS API answer", fmt.Sprintf("The %s the SMS API returned cannot be read: %v.", what, err))
		return diags
	}
	diags.Append(state.Set(ctx, obj)...)
	return diags
}
