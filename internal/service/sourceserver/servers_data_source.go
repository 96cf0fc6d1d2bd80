package sourceserver

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/dsschema"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/validators"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

var _ datasource.DataSourceWithConfigure = &sourceServersDataSource{}

// sourceServerStates are the source states ListServers filters on.
var sourceServerStates = []string{"unavailable", "waiting", "initialize", "replicate", "syncing", "stopping", "stopped",
	"skipping", "deleting", "clearing", "cleared", "clearfailed", "premigready", "premiged", "premigfailed",
	"cloning", "cutovering", "finished", "error"}

var sourceServerMigrationCycles = []string{"checking", "setting", "replicating", "syncing", "cutovering", "cutovered"}

// sourceServersDataSource lists the registered source servers, optionally filtered.
type sourceServersDataSource struct {
	client *client.Client
}

// NewSourceServersDataSource is the data source constructor the provider registers.
func NewSourceServersDataSource() datasource.DataSource {
	return &sourceServersDataSource{}
}

// sourceServersFilter are ListServers' query parameters, as the data source and the list
// resource take them.
type sourceServersFilter struct {
	ID                  types.String `tfsdk:"id"`
	Name                types.String `tfsdk:"name"`
	State               types.String `tfsdk:"state"`
	IP                  types.String `tfsdk:"ip"`
	MigrationCycle      types.String `tfsdk:"migration_cycle"`
	Connected           types.Bool   `tfsdk:"connected"`
	EnterpriseProjectID types.String `tfsdk:"enterprise_project_id"`
	MigrationProjectID  types.String `tfsdk:"migration_project_id"`
}

func (f sourceServersFilter) client() client.ListSourceServersFilter {
	return client.ListSourceServersFilter{
		ID: f.ID.ValueString(), Name: f.Name.ValueString(), State: f.State.ValueString(), IP: f.IP.ValueString(),
		MigrationCycle: f.MigrationCycle.ValueString(), EnterpriseProjectID: f.EnterpriseProjectID.ValueString(),
		Connected: f.Connected.ValueBoolPointer(), MigProject: f.MigrationProjectID.ValueString(),
	}
}

// sourceServersFilterDescriptions describe the filters, for the data source and the list
// resource alike.
var sourceServersFilterDescriptions = map[string]string{
	"id": "Only the source server with this ID.",
	"name": "Only source servers whose name matches, as the SMS API's `name` filter matches: SMS matches " +
		"parts of names too (`web` matches `web-01`). The `sms_source_server` data source looks up an exact name.",
	"state":                 "Only source servers in this state: one of " + conns.BacktickList(sourceServerStates) + ".",
	"ip":                    "Only the source server with this IPv4 address.",
	"migration_cycle":       "Only source servers in this migration cycle: one of " + conns.BacktickList(sourceServerMigrationCycles) + ".",
	"connected":             "Only source servers whose Agent is connected (`true`) or disconnected (`false`).",
	"enterprise_project_id": "Only source servers in the enterprise project with this ID (`0` is the default enterprise project).",
	"migration_project_id": "Only source servers in the migration project with this ID (the API's " +
		"`migproject`), e.g. a `sms_migration_project`'s `id`.",
}

type sourceServersDataSourceModel struct {
	sourceServersFilter
	SourceServers types.List `tfsdk:"source_servers"`
	IDs           types.List `tfsdk:"ids"`
}

func (d *sourceServersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_source_servers"
}

// sourceServersItemAttributes are the attributes of each listed server.
func sourceServersItemAttributes() map[string]dschema.Attribute {
	attrs := sourceServerSummaryAttributes()
	attrs["id"] = dsschema.ComputedString("The source server's ID.")
	attrs["name"] = dsschema.ComputedString("The source server's name.")
	return attrs
}

func (d *sourceServersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = dschema.Schema{
		MarkdownDescription: "Lists the source servers registered with Huawei Cloud SMS (`GET /v3/sources`, every page), " +
			"optionally filtered, with a summary of each. Servers are ordered by `add_date`, then `id`, so the order is " +
			"stable between runs. Use the `sms_source_server` data source for one server's disks, volumes and NICs.",
		Attributes: map[string]dschema.Attribute{
			"id":    conns.ListFilter(sourceServersFilterDescriptions["id"]),
			"name":  conns.ListFilter(sourceServersFilterDescriptions["name"]),
			"state": conns.ListFilter(sourceServersFilterDescriptions["state"], stringvalidator.OneOf(sourceServerStates...)),
			"ip":    conns.ListFilter(sourceServersFilterDescriptions["ip"], validators.IPAddressValidator{Family: 4}),
			"migration_cycle": conns.ListFilter(sourceServersFilterDescriptions["migration_cycle"],
				stringvalidator.OneOf(sourceServerMigrationCycles...)),
			"connected":             dschema.BoolAttribute{MarkdownDescription: sourceServersFilterDescriptions["connected"], Optional: true},
			"enterprise_project_id": conns.ListFilter(sourceServersFilterDescriptions["enterprise_project_id"]),
			"migration_project_id":  conns.ListFilter(sourceServersFilterDescriptions["migration_project_id"]),
			"source_servers":        dsschema.ComputedList("The matching source servers, ordered by `add_date`, then `id`. `memory` is in MB (the API lists it in bytes).", sourceServersItemAttributes()),
			"ids":                   conns.ListedIDsAttribute("source servers", "source_servers"),
		},
	}
}

func (d *sourceServersDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = conns.DataSourceClient(req, resp)
}

func (d *sourceServersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	conns.ReadList(ctx, req, resp, conns.ListRead[sourceServersDataSourceModel, client.SourceServerSummary]{
		List: func(ctx context.Context, m *sourceServersDataSourceModel) ([]client.SourceServerSummary, error) {
			return d.client.ListSourceServers(ctx, m.client())
		},
		Failure: "Error listing SMS source servers",
		Flatten: flattenSourceServers,
	})
}

// flattenSourceServers orders servers by add_date, then id, and sets m's source_servers
// and ids. The first server that cannot be read ends it with one error.
func flattenSourceServers(_ context.Context, m *sourceServersDataSourceModel, servers []client.SourceServerSummary) diag.Diagnostics {
	sortSourceServers(servers)
	var diags diag.Diagnostics
	m.SourceServers, m.IDs, diags = listedItems[client.SourceServerSummary]{
		attrs: sourceServersItemAttributes(), attribute: "source_servers", what: "source server list",
		id: func(s *client.SourceServerSummary) *string { return s.ID }, adjust: listedMemoryInMB,
	}.fromWire(servers)
	return diags
}

// listedMemoryInMB converts ListServers' memory (bytes) to MB, the unit ShowServer and
// the task's target_server use.
func listedMemoryInMB(generic any) {
	m, ok := generic.(map[string]any)
	if !ok {
		return
	}
	if n, ok := m["memory"].(json.Number); ok {
		if bytes, err := n.Int64(); err == nil {
			m["memory"] = json.Number(fmt.Sprint(bytes >> 20))
		}
	}
}

// sortSourceServers orders servers by add_date, then id, whatever order the API pages in.
func sortSourceServers(servers []client.SourceServerSummary) {
	conns.SortByKeyThenID(servers, func(s *client.SourceServerSummary) *int64 { return s.AddDate },
		func(s *client.SourceServerSummary) *string { return s.ID })
}
