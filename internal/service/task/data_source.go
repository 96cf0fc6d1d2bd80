package task

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/dsschema"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

var _ datasource.DataSourceWithConfigure = &migrationTaskDataSource{}

// migrationTaskDataSourceDescriptions are the data source's own descriptions of the
// attributes whose resource description also says how to set them.
var migrationTaskDataSourceDescriptions = dsschema.DataSourceDescriptions{
	"priority":                    "The migration process priority: `0` (low), `1` (standard) or `2` (high).",
	"start_target_server":         "Whether the target server is started after the migration completes (`true`) or left stopped (`false`).",
	"need_migration_test":         "Whether the migration drill (test) is turned on.",
	"enterprise_project_id":       "The enterprise project ID, 1 to 255 characters (`0` is the default enterprise project).",
	"region_id":                   "The ID of the region where the target server is located. At most 255 characters.",
	"region_name":                 "The name of the region where the target server is located. At most 255 characters.",
	"project_id":                  "The ID of the project the target server belongs to. At most 255 characters.",
	"project_name":                "The name of the project the target server belongs to. At most 255 characters.",
	"source_server":               "The source server being migrated (the seed's `PostSourceServerBody`), as SMS reports it.",
	"source_server.ip":            "The IP address of the source server. At most 255 characters.",
	"source_server.name":          "The name of the source server shown on the SMS console. At most 255 characters.",
	"source_server.os_type":       "The OS type of the source server: `WINDOWS` or `LINUX`.",
	"source_server.agent_version": "The version of the SMS agent on the source server. At most 255 characters.",
	"source_server.volume_groups.logical_volumes.block_count": "The number of blocks, 0 to 4294967296.",
	"source_server.volume_groups.logical_volumes.block_size":  "The block size, in bytes, 0 to 1048576.",
	"target_server":                                           "The target server of the migration (the seed's `TargetServer`), as SMS reports it.",
	"target_server.ip":                                        "The IP address of the target server. At most 255 characters.",
	"target_server.os_type":                                   "The OS type of the target server: `WINDOWS` or `LINUX`.",
	"target_server.disks":                                     "The disks of the target server, usually matching the source server's (at most 65535; the seed's `TargetDisk`).",
	"target_server.disks.device_use":                          "The disk function: `NORMAL`, `OS` or `BOOT`.",
	"target_server.disks.physical_volumes.device_use":         "The partition function: `NORMAL`, `OS` or `BOOT`.",
	"target_server.volume_groups.logical_volumes.block_count": "The number of blocks, 0 to 4294967296.",
	"target_server.volume_groups.logical_volumes.block_size":  "The block size, in bytes, 0 to 1048576.",
	"clone_server":                                            "The server cloned from the target server for a migration test (the seed's `CloneServer`), as SMS reports it.",
}

// migrationTaskDataSourceFields are the top-level attributes of sms_migration_task (the
// data source): what the resource reads from ShowTask. The attributes that say how
// Terraform creates or drives a task (create-only flags, lifecycle, timeouts) are no
// part of ShowTask's answer, and so of the data source.
func migrationTaskDataSourceFields() []migrationTaskField {
	return migrationTaskReadFields()
}

func migrationTaskDataSourceHasAttribute(name string) bool {
	for _, f := range migrationTaskDataSourceFields() {
		if f.Key == name {
			return true
		}
	}
	return false
}

// migrationTaskDataSource reads one SMS migration task by its ID.
type migrationTaskDataSource struct {
	client *client.Client
	// apiModel is the provider's api_model, whose limits a lookup keeps.
	apiModel string
}

// NewMigrationTaskDataSource is the data source constructor the provider registers.
func NewMigrationTaskDataSource() datasource.DataSource {
	return &migrationTaskDataSource{}
}

func (d *migrationTaskDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_migration_task"
}

// Schema is the resource's schema, converted: the same names, types and nesting, all
// Computed, with id the one argument; descriptions as dataSourceAttributesFromResource says.
func (d *migrationTaskDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	var rs resource.SchemaResponse
	(&migrationTaskResource{}).Schema(ctx, resource.SchemaRequest{}, &rs)
	resp.Diagnostics.Append(rs.Diagnostics...)
	attrs, err := dsschema.DataSourceAttributesFromResource(rs.Schema.Attributes, migrationTaskDataSourceHasAttribute, migrationTaskDataSourceDescriptions)
	if err != nil {
		resp.Diagnostics.AddError("Unable to build the sms_migration_task data source schema",
			err.Error()+". This is a bug in the provider.")
		return
	}
	attrs["id"] = dschema.StringAttribute{
		MarkdownDescription: "The ID of the migration task to read. " + migrationTaskLookupLimits["id"].limitSentence(),
		Required:            true,
		Validators:          migrationTaskLookupLimits["id"].loosest().stringValidators(),
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
	d.client = conns.DataSourceClient(req, resp)
	d.apiModel = conns.DataSourceAPIModel(req)
}

func (d *migrationTaskDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var id types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("id"), &id)...)
	resp.Diagnostics.Append(checkLookupLimits(d.apiModel, map[string]attr.Value{"id": id})...)
	if resp.Diagnostics.HasError() {
		return
	}
	task, err := d.client.ShowTask(ctx, id.ValueString())
	if client.IsNotFound(err) {
		conns.AddAPIError(&resp.Diagnostics, fmt.Sprintf("SMS migration task %s not found", id.ValueString()), err)
		return
	}
	if err != nil {
		conns.AddAPIError(&resp.Diagnostics, "Error reading SMS migration task", err)
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
		diags.Append(state.SetAttribute(ctx, path.Root(f.Key), f.Get(&m))...)
	}
	return diags
}
