package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

var _ datasource.DataSourceWithConfigure = &migrationTaskDataSource{}

// migrationTaskConfigOnlyAttributes are resource attributes the data source leaves out:
// they describe how Terraform creates or drives a task, not what ShowTask reports.
// Attributes that ShowTask never returns (not in migrationTaskReadFields) are left out
// in any case; listing the known ones keeps the intent readable.
var migrationTaskConfigOnlyAttributes = map[string]bool{
	"timeouts":                  true,
	"use_public_ip":             true,
	"use_ipv6":                  true,
	"syncing":                   true,
	"exist_server":              true,
	"auto_start":                true,
	"start_network_check":       true,
	"is_need_consistency_check": true,
	"over_speed_threshold":      true,
	"clonevm_template_id":       true,
	"action":                    true,
	"wait_for_completion":       true,
	"speed_limit_windows":       true,
}

// migrationTaskDataSourceFields are the top-level attributes of sms_migration_task (the
// data source): what the resource reads from ShowTask, minus the configuration-only ones.
func migrationTaskDataSourceFields() []migrationTaskField {
	var fields []migrationTaskField
	for _, f := range migrationTaskReadFields() {
		if !migrationTaskConfigOnlyAttributes[f.key] {
			fields = append(fields, f)
		}
	}
	return fields
}

func migrationTaskDataSourceHasAttribute(name string) bool {
	for _, f := range migrationTaskDataSourceFields() {
		if f.key == name {
			return true
		}
	}
	return false
}

// migrationTaskDataSource reads one SMS migration task by its ID.
type migrationTaskDataSource struct {
	client *client.Client
}

// NewMigrationTaskDataSource is the data source constructor the provider registers.
func NewMigrationTaskDataSource() datasource.DataSource {
	return &migrationTaskDataSource{}
}

func (d *migrationTaskDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_migration_task"
}

// Schema is the resource's schema, converted: the same names, types, nesting and
// descriptions, all Computed, with id the one argument.
func (d *migrationTaskDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	var rs resource.SchemaResponse
	(&migrationTaskResource{}).Schema(ctx, resource.SchemaRequest{}, &rs)
	resp.Diagnostics.Append(rs.Diagnostics...)
	attrs, err := dataSourceAttributesFromResource(rs.Schema.Attributes, migrationTaskDataSourceHasAttribute)
	if err != nil {
		resp.Diagnostics.AddError("Unable to build the sms_migration_task data source schema",
			err.Error()+". This is a bug in the provider.")
		return
	}
	attrs["id"] = dschema.StringAttribute{
		MarkdownDescription: "The ID of the migration task to read.",
		Required:            true,
	}
	resp.Schema = dschema.Schema{
		MarkdownDescription: "Reads one Huawei Cloud SMS (Server Migration Service) v3 migration task by its ID " +
			"(`GET /v3/tasks/{task_id}`): its settings, source and target servers, clone server, status and " +
			"subtasks, with the same attribute names and nesting as the `sms_migration_task` resource. " +
			"Arguments the resource uses only to create a task (such as `use_public_ip`) and `timeouts` are not included.",
		Attributes: attrs,
	}
}

func (d *migrationTaskDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = dataSourceClient(req, resp)
}

func (d *migrationTaskDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var id types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("id"), &id)...)
	if resp.Diagnostics.HasError() {
		return
	}
	task, err := d.client.ShowTask(ctx, id.ValueString())
	if client.IsNotFound(err) {
		addAPIError(&resp.Diagnostics, fmt.Sprintf("SMS migration task %s not found", id.ValueString()), err)
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error reading SMS migration task", err)
		return
	}
	resp.Diagnostics.Append(setMigrationTaskDataSourceState(ctx, &resp.State, task)...)
}

// setMigrationTaskDataSourceState flattens task the way the resource does and writes
// each data source attribute from it. An attribute the API did not return is null.
func setMigrationTaskDataSourceState(ctx context.Context, state *tfsdk.State, task *client.Task) diag.Diagnostics {
	m, diags := flattenMigrationTaskFromAPI(ctx, task)
	if diags.HasError() {
		return diags
	}
	for _, f := range migrationTaskDataSourceFields() {
		diags.Append(state.SetAttribute(ctx, path.Root(f.key), f.get(&m))...)
	}
	return diags
}

// dataSourceClient is the Configure step the data sources share.
func dataSourceClient(req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) *client.Client {
	if data := configuredProviderData(req.ProviderData, &resp.Diagnostics); data != nil {
		return data.client
	}
	return nil
}
