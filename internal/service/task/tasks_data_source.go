package task

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/dsschema"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

var _ datasource.DataSourceWithConfigure = &migrationTasksDataSource{}

// migrationTasksStateFilterValues is the enum of ListTasks' `state` query parameter. It differs from the states a task reports: SYNC_SUCCESS, SYNC_FAIL, SKIPPING and
// RESETING cannot be filtered on, SYNC_F_ROLLBACKING and SYNC_F_ROLLBACK_SUCCESS can.
var migrationTasksStateFilterValues = []string{
	"READY", "RUNNING", "SYNCING", "MIGRATE_SUCCESS", "MIGRATE_FAIL",
	"ABORTING", "ABORT", "DELETING", "SYNC_F_ROLLBACKING", "SYNC_F_ROLLBACK_SUCCESS",
}

// migrationTasksDataSource lists SMS migration tasks, optionally filtered.
type migrationTasksDataSource struct {
	client *client.Client
	// apiModel is the provider's api_model, whose limits a lookup keeps.
	apiModel string
}

// NewMigrationTasksDataSource is the data source constructor the provider registers.
func NewMigrationTasksDataSource() datasource.DataSource {
	return &migrationTasksDataSource{}
}

// migrationTasksDataSourceModel is the configuration and state of sms_migration_tasks.
// migrationTasksFilter are ListTasks' query parameters, as the data source and the list
// resource take them.
type migrationTasksFilter struct {
	State               types.String `tfsdk:"state"`
	Name                types.String `tfsdk:"name"`
	ID                  types.String `tfsdk:"id"`
	SourceServerID      types.String `tfsdk:"source_server_id"`
	EnterpriseProjectID types.String `tfsdk:"enterprise_project_id"`
}

// checkLookupLimits refuses the ids the model's ListTasks does not take.
func (f migrationTasksFilter) checkLookupLimits(model string) diag.Diagnostics {
	return checkLookupLimits(model, map[string]attr.Value{"id": f.ID, "source_server_id": f.SourceServerID})
}

func (f migrationTasksFilter) client() client.ListTasksFilter {
	return client.ListTasksFilter{
		State:               f.State.ValueString(),
		Name:                f.Name.ValueString(),
		ID:                  f.ID.ValueString(),
		SourceServerID:      f.SourceServerID.ValueString(),
		EnterpriseProjectID: f.EnterpriseProjectID.ValueString(),
	}
}

// migrationTasksFilterDescriptions describe the filters, for the data source and the list
// resource alike.
var migrationTasksFilterDescriptions = map[string]string{
	"state": "Only tasks in this state: one of " + conns.BacktickList(migrationTasksStateFilterValues) +
		" (the values the SMS API accepts as a filter).",
	"name":                  "Only tasks with exactly this name.",
	"id":                    "Only the task with this ID. " + migrationTaskLookupLimits["id"].limitSentence(),
	"source_server_id":      "Only tasks migrating the source server with this ID. " + migrationTaskLookupLimits["source_server_id"].limitSentence(),
	"enterprise_project_id": "Only tasks in the enterprise project with this ID (`0` is the default enterprise project).",
}

type migrationTasksDataSourceModel struct {
	migrationTasksFilter
	Tasks types.List `tfsdk:"tasks"` // migrationTasksSummaryModel
	IDs   types.List `tfsdk:"ids"`   // types.String
}

// migrationTasksSummaryModel is one element of tasks: the flat summary ListTasks gives.
type migrationTasksSummaryModel struct {
	ID                   types.String  `tfsdk:"id"`
	Name                 types.String  `tfsdk:"name"`
	Type                 types.String  `tfsdk:"type"`
	OSType               types.String  `tfsdk:"os_type"`
	State                types.String  `tfsdk:"state"`
	Priority             types.Int64   `tfsdk:"priority"`
	SpeedLimit           types.Int64   `tfsdk:"speed_limit"`
	MigrateSpeed         types.Float64 `tfsdk:"migrate_speed"`
	StartTargetServer    types.Bool    `tfsdk:"start_target_server"`
	ErrorJSON            types.String  `tfsdk:"error_json"`
	CreateDate           types.Int64   `tfsdk:"create_date"`
	EstimateCompleteTime types.Int64   `tfsdk:"estimate_complete_time"`
	TotalTime            types.Int64   `tfsdk:"total_time"`
	MigrationIP          types.String  `tfsdk:"migration_ip"`
	EnterpriseProjectID  types.String  `tfsdk:"enterprise_project_id"`
	SourceServerID       types.String  `tfsdk:"source_server_id"`
	SourceServerName     types.String  `tfsdk:"source_server_name"`
	SourceServerIP       types.String  `tfsdk:"source_server_ip"`
	TargetServerName     types.String  `tfsdk:"target_server_name"`
	TargetServerVMID     types.String  `tfsdk:"target_server_vm_id"`
}

func (d *migrationTasksDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_migration_tasks"
}

func (d *migrationTasksDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = dschema.Schema{
		MarkdownDescription: "Lists Huawei Cloud SMS (Server Migration Service) v3 migration tasks (`GET /v3/tasks`, every page), " +
			"optionally filtered, as a flat summary of each task. Tasks are ordered by `create_date`, then `id`, so the " +
			"order is stable between runs. Use the `sms_migration_task` data source for a task's full details.",
		Attributes: map[string]dschema.Attribute{
			"state":                 conns.ListFilter(migrationTasksFilterDescriptions["state"], stringvalidator.OneOf(migrationTasksStateFilterValues...)),
			"name":                  conns.ListFilter(migrationTasksFilterDescriptions["name"]),
			"id":                    conns.ListFilter(migrationTasksFilterDescriptions["id"]),
			"source_server_id":      conns.ListFilter(migrationTasksFilterDescriptions["source_server_id"]),
			"enterprise_project_id": conns.ListFilter(migrationTasksFilterDescriptions["enterprise_project_id"]),
			"tasks":                 dsschema.ComputedList("The matching tasks, ordered by `create_date`, then `id`.", migrationTasksSummaryAttributes()),
			"ids":                   conns.ListedIDsAttribute("tasks", "tasks"),
		},
	}
}

// migrationTasksSummaryAttributes are the attributes of each element of tasks.
func migrationTasksSummaryAttributes() map[string]dschema.Attribute {
	return map[string]dschema.Attribute{
		"id":                     dsschema.ComputedString("The migration task ID."),
		"name":                   dsschema.ComputedString("The task name."),
		"type":                   dsschema.ComputedString("The task type: `MIGRATE_FILE` (file-level) or `MIGRATE_BLOCK` (block-level)."),
		"os_type":                dsschema.ComputedString("The OS type of the server being migrated: `WINDOWS` or `LINUX`."),
		"state":                  dsschema.ComputedString("The task status reported by SMS, e.g. `READY`, `RUNNING`, `MIGRATE_SUCCESS`, `MIGRATE_FAIL`."),
		"priority":               dsschema.ComputedInt64("The migration process priority: `0` (low), `1` (standard) or `2` (high)."),
		"speed_limit":            dsschema.ComputedInt64("The migration rate limit, in Mbit/s (`0` means no limit)."),
		"migrate_speed":          dschema.Float64Attribute{MarkdownDescription: "The current migration rate, in Mbit/s.", Computed: true},
		"start_target_server":    dsschema.ComputedBool("Whether the target server is started after the migration."),
		"error_json":             dsschema.ComputedString("The error message of a failed task, as JSON."),
		"create_date":            dsschema.ComputedInt64("The time the task was created, in epoch milliseconds."),
		"estimate_complete_time": dsschema.ComputedInt64("The estimated completion time, in epoch milliseconds."),
		"total_time":             dsschema.ComputedInt64("The migration time elapsed."),
		"migration_ip":           dsschema.ComputedString("The IP address of the target server used for the migration."),
		"enterprise_project_id":  dsschema.ComputedString("The enterprise project ID (`0` is the default enterprise project)."),
		"source_server_id":       dsschema.ComputedString("The ID of the source server being migrated."),
		"source_server_name":     dsschema.ComputedString("The name of the source server."),
		"source_server_ip":       dsschema.ComputedString("The IP address of the source server."),
		"target_server_name":     dsschema.ComputedString("The name of the target server."),
		"target_server_vm_id":    dsschema.ComputedString("The ID of the target server (ECS)."),
	}
}

func (d *migrationTasksDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = conns.DataSourceClient(req, resp)
	d.apiModel = conns.DataSourceAPIModel(req)
}

func (d *migrationTasksDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config migrationTasksDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	resp.Diagnostics.Append(config.checkLookupLimits(d.apiModel)...)
	if resp.Diagnostics.HasError() {
		return
	}
	conns.ReadList(ctx, req, resp, conns.ListRead[migrationTasksDataSourceModel, client.Task]{
		List: func(ctx context.Context, m *migrationTasksDataSourceModel) ([]client.Task, error) {
			return d.client.ListTasks(ctx, m.client())
		},
		Failure: "Error listing SMS migration tasks",
		Flatten: func(ctx context.Context, m *migrationTasksDataSourceModel, tasks []client.Task) diag.Diagnostics {
			var diags diag.Diagnostics
			m.Tasks, m.IDs, diags = flattenMigrationTasks(ctx, tasks)
			return diags
		},
	})
}

// flattenMigrationTasks sorts tasks (see sortMigrationTasks) and returns the tasks and
// ids lists. No tasks is an empty list, not null, so length() works on it.
func flattenMigrationTasks(ctx context.Context, tasks []client.Task) (types.List, types.List, diag.Diagnostics) {
	sorted := slices.Clone(tasks)
	sortMigrationTasks(sorted)
	summaries := make([]migrationTasksSummaryModel, len(sorted))
	ids := make([]types.String, len(sorted))
	for i := range sorted {
		summaries[i] = flattenMigrationTaskSummary(&sorted[i])
		ids[i] = summaries[i].ID
	}
	var diags diag.Diagnostics
	taskList, d := types.ListValueFrom(ctx, types.ObjectType{AttrTypes: dsschema.AttrTypesOf(migrationTasksSummaryAttributes())}, summaries)
	diags.Append(d...)
	idList, d := types.ListValueFrom(ctx, types.StringType, ids)
	diags.Append(d...)
	return taskList, idList, diags
}

// sortMigrationTasks orders tasks by create_date (a task without one first), then id,
// so the list is the same on every read whatever order the API pages in.
func sortMigrationTasks(tasks []client.Task) {
	conns.SortByKeyThenID(tasks, func(t *client.Task) *int64 { return t.CreateDate }, func(t *client.Task) *string { return t.ID })
}

func flattenMigrationTaskSummary(t *client.Task) migrationTasksSummaryModel {
	m := migrationTasksSummaryModel{
		ID:                   types.StringPointerValue(t.ID),
		Name:                 types.StringPointerValue(t.Name),
		Type:                 types.StringPointerValue(t.Type),
		OSType:               types.StringPointerValue(t.OSType),
		State:                types.StringPointerValue(t.State),
		Priority:             types.Int64PointerValue(t.Priority),
		SpeedLimit:           types.Int64PointerValue(t.SpeedLimit),
		MigrateSpeed:         types.Float64PointerValue(t.MigrateSpeed),
		StartTargetServer:    types.BoolPointerValue(t.StartTargetServer),
		ErrorJSON:            types.StringPointerValue(t.ErrorJSON),
		CreateDate:           types.Int64PointerValue(t.CreateDate),
		EstimateCompleteTime: types.Int64PointerValue(t.EstimateCompleteTime),
		TotalTime:            types.Int64PointerValue(t.TotalTime),
		MigrationIP:          types.StringPointerValue(t.MigrationIP),
		EnterpriseProjectID:  types.StringPointerValue(t.EnterpriseProjectID),
		SourceServerID:       types.StringNull(),
		SourceServerName:     types.StringNull(),
		SourceServerIP:       types.StringNull(),
		TargetServerName:     types.StringNull(),
		TargetServerVMID:     types.StringNull(),
	}
	if s := t.SourceServer; s != nil {
		m.SourceServerID = types.StringPointerValue(s.ID)
		m.SourceServerName = types.StringPointerValue(s.Name)
		m.SourceServerIP = types.StringPointerValue(s.IP)
	}
	if s := t.TargetServer; s != nil {
		m.TargetServerName = types.StringPointerValue(s.Name)
		m.TargetServerVMID = types.StringPointerValue(s.VMID)
	}
	return m
}
