package task

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/dsschema"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

var _ datasource.DataSourceWithConfigure = &consistencyResultsDataSource{}

// consistencyResultsDataSource reads the consistency-check results the Agent reported for
// one task (GET /v3/tasks/{task_id}/consistency-result).
type consistencyResultsDataSource struct {
	client *client.Client
}

// NewConsistencyResultsDataSource is the data source constructor the provider registers.
func NewConsistencyResultsDataSource() datasource.DataSource {
	return &consistencyResultsDataSource{}
}

type consistencyResultsModel struct {
	TaskID     types.String `tfsdk:"task_id"`
	Results    types.List   `tfsdk:"results"`
	Consistent types.Bool   `tfsdk:"consistent"`
}

func (d *consistencyResultsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_migration_task_consistency_results"
}

// consistencyResultAttributes are one item of results: the item as SMS returns it and
// the documented ConsistencyResult fields read from it.
func consistencyResultAttributes() map[string]dschema.Attribute {
	return map[string]dschema.Attribute{
		"raw": dsschema.ComputedString("The item exactly as SMS returns it in `result_list`. The API documents the items as " +
			"strings without saying what they hold; the fields below are read from it when it is a JSON object."),
		"dir_check":             dsschema.ComputedString("The directory checked; null when `raw` does not name one."),
		"num_total_files":       dsschema.ComputedInt64("The number of files checked; null when `raw` does not give it."),
		"num_different_files":   dsschema.ComputedInt64("The number of files that differ between source and target; null when `raw` does not give it."),
		"num_target_miss_files": dsschema.ComputedInt64("The number of files missing on the target; null when `raw` does not give it."),
		"num_target_more_files": dsschema.ComputedInt64("The number of files on the target that the source lacks; null when `raw` does not give it."),
		"check_result":          dsschema.ComputedString("The verdict of the check, as SMS words it (a field of the result's older object shape); null when `raw` does not give it."),
		"finished_time":         dsschema.ComputedInt64("When the check finished, in epoch milliseconds (a field of the result's older object shape); null when `raw` does not give it."),
	}
}

func (d *consistencyResultsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = dschema.Schema{
		MarkdownDescription: "The consistency-check results of a migration task (`GET /v3/tasks/{task_id}/consistency-result`): " +
			"for each directory the SMS Agent checked, how many files it checked and how many differ, are " +
			"missing on the target or are extra there. SMS checks tasks created with `is_need_consistency_check = true` " +
			"(the directories are the task's `CONSISTENCY_DIR` configuration); until the Agent reports, the list is empty. " +
			"Use `consistent` in a postcondition to stop a cut-over when the copy does not match (see the cut-over guide).",
		Attributes: map[string]dschema.Attribute{
			"task_id": dschema.StringAttribute{
				MarkdownDescription: migrationTaskIDArgument.description,
				Required:            true,
				Validators:          migrationTaskIDArgument.validators,
			},
			"results": dsschema.ComputedList("The results, in the order SMS returns them.", consistencyResultAttributes()),
			"consistent": dsschema.ComputedBool("`true` when there is at least one result and every result reports no " +
				"different, missing or extra files; `false` when any result reports one; null when there is no result yet " +
				"or a result does not give all three counts."),
		},
	}
}

func (d *consistencyResultsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = conns.DataSourceClient(req, resp)
}

func (d *consistencyResultsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m consistencyResultsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	results, err := d.client.ShowConsistencyResults(ctx, m.TaskID.ValueString())
	if err != nil {
		conns.AddAPIError(&resp.Diagnostics, "Error reading the consistency results of SMS migration task "+m.TaskID.ValueString(), err)
		return
	}
	m.Results, m.Consistent = flattenConsistencyResults(results.Items)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
