package sourceserver

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/dsschema"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

var _ datasource.DataSourceWithConfigure = &sourceServerOverviewDataSource{}

// sourceServerOverviewDataSource reads how many source servers are in each state
// (GET /v3/sources/overview).
type sourceServerOverviewDataSource struct {
	client *client.Client
}

// NewSourceServerOverviewDataSource is the data source constructor the provider registers.
func NewSourceServerOverviewDataSource() datasource.DataSource {
	return &sourceServerOverviewDataSource{}
}

func (d *sourceServerOverviewDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_source_server_overview"
}

// sourceServerOverviewCounts are the overview's counts, keyed by the API's field name,
// with what the counted sources are (sms-v3-more-calls.md §1.2).
var sourceServerOverviewCounts = map[string]string{
	"waiting":      "waiting (state `waiting`)",
	"initialize":   "initializing (state `initialize`)",
	"replicate":    "replicating (state `replicate`)",
	"syncing":      "continuously syncing (state `syncing`)",
	"stopping":     "pausing (state `stopping`)",
	"stopped":      "paused (state `stopped`)",
	"deleting":     "being deleted (state `deleting`)",
	"skipping":     "skipping (state `skipping`)",
	"cutovering":   "launching their target (state `cutovering`)",
	"finished":     "done: their target is launched (state `finished`)",
	"cloning":      "waiting for a clone (state `cloning`)",
	"unavailable":  "failing the environment check (state `unavailable`)",
	"error":        "in error (state `error`)",
	"unconfigured": "without a target configuration (not a state: a source no task configures yet)",
}

func sourceServerOverviewAttributes() map[string]dschema.Attribute {
	attrs := make(map[string]dschema.Attribute, len(sourceServerOverviewCounts))
	for name, what := range sourceServerOverviewCounts {
		attrs[name] = dsschema.ComputedInt64("The number of source servers " + what + "; null when SMS does not report it.")
	}
	return attrs
}

func (d *sourceServerOverviewDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = dschema.Schema{
		MarkdownDescription: "How many of the account's source servers are in each state (`GET /v3/sources/overview`), " +
			"e.g. for a check that no server is in `error` before a cut-over, or to follow a wave of migrations. " +
			"Sources that are cleaning up snapshots (`clearing`, `cleared`, `clearfailed`) or in a migration drill " +
			"(`premig*`) are in no count. It takes no arguments. The `sms_source_server_errors` data source lists the " +
			"servers in error with their errors.",
		Attributes: sourceServerOverviewAttributes(),
	}
}

func (d *sourceServerOverviewDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = conns.DataSourceClient(req, resp)
}

func (d *sourceServerOverviewDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	overview, err := d.client.ShowSourceOverview(ctx)
	if err != nil {
		conns.AddAPIError(&resp.Diagnostics, "Error reading the SMS source server overview", err)
		return
	}
	resp.Diagnostics.Append(setObjectFromWire(ctx, &resp.State, sourceServerOverviewAttributes(), overview, "source server overview")...)
}
