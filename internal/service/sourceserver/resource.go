package sourceserver

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/values"
)

var (
	_ resource.ResourceWithConfigure   = &sourceServerResource{}
	_ resource.ResourceWithImportState = &sourceServerResource{}
)

// sourceServerResource manages a source server the SMS Agent registered: its name, its
// migration project and its record.
type sourceServerResource struct {
	client *client.Client
}

// NewSourceServerResource is the resource constructor the provider registers.
func NewSourceServerResource() resource.Resource {
	return &sourceServerResource{}
}

func (r *sourceServerResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_source_server"
}

func (r *sourceServerResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if data := conns.ConfiguredProviderData(req.ProviderData, &resp.Diagnostics); data != nil {
		r.client = data.Client
	}
}

// Create takes over the registered source: nothing is created, so an unknown ID is an
// error and nothing goes into state.
func (r *sourceServerResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan sourceServerResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := plan.ID.ValueString()
	server, err := r.client.ShowSourceServer(ctx, id)
	if client.IsNotFound(err) {
		resp.Diagnostics.AddAttributeError(path.Root("id"), "SMS source server not registered", fmt.Sprintf(
			"No source server with ID %s is registered with SMS (GET /v3/sources/%s answered 404). A source server cannot "+
				"be created through the API: it must first be registered by the SMS Agent, installed and started on the "+
				"server, which gives it its ID. The sms_source_servers data source lists the registered servers.\n\n%v", id, id, err))
		return
	}
	if err != nil {
		conns.AddAPIError(&resp.Diagnostics, "Error reading SMS source server "+id, err)
		return
	}
	project, err := r.client.SourceServerProject(ctx, id, plan.MigrationProjectID.ValueString())
	if err != nil {
		conns.AddAPIError(&resp.Diagnostics, "Error finding the migration project of SMS source server "+id, err)
		return
	}
	tflog.Info(ctx, "taking over SMS source server", map[string]any{"id": id})
	current := flattenSourceServerResource(server, project)
	if !r.put(ctx, id, plan, current, &resp.Diagnostics) {
		return
	}
	// Nothing was created: if this read fails, nothing goes into state, and the next apply
	// takes the source over again.
	r.readInto(ctx, plan, nil, &resp.State, &resp.Diagnostics)
}

func (r *sourceServerResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state sourceServerResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	m, err := r.read(ctx, state.ID.ValueString(), state.MigrationProjectID.ValueString())
	if client.IsNotFound(err) {
		tflog.Warn(ctx, "SMS source server not registered any more; removing it from state", map[string]any{"id": state.ID.ValueString()})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		conns.AddAPIError(&resp.Diagnostics, "Error reading SMS source server "+state.ID.ValueString(), err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

func (r *sourceServerResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state sourceServerResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !r.put(ctx, state.ID.ValueString(), plan, state, &resp.Diagnostics) {
		return
	}
	r.readInto(ctx, plan, &state, &resp.State, &resp.Diagnostics)
}

// Delete removes the source's record, unless a task of it is running: the task would
// lose its source mid-copy, and only the Agent could register the source again.
func (r *sourceServerResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state sourceServerResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	tasks, err := r.client.ListTasks(ctx, client.ListTasksFilter{SourceServerID: id})
	if err != nil {
		conns.AddAPIError(&resp.Diagnostics, "Error listing the migration tasks of SMS source server "+id, err)
		return
	}
	var busy []string
	for _, t := range tasks {
		if t.State != nil && slices.Contains(conns.TaskRunningStates, *t.State) {
			busy = append(busy, fmt.Sprintf("%s (%s, state %s)", deref(t.ID), deref(t.Name), *t.State))
		}
	}
	if len(busy) > 0 {
		resp.Diagnostics.AddError("Cannot delete a source server whose migration task is running", fmt.Sprintf(
			"The record of SMS source server %s was not deleted: its migration task %s is running, and deleting the source "+
				"would orphan that migration. Stop the task (the sms_migration_task resource's action \"stop\", or the SMS "+
				"console), or wait until it finishes, then destroy again. Nothing was changed.", id, strings.Join(busy, ", ")))
		return
	}
	if err := r.client.DeleteSourceServer(ctx, id); err != nil && !client.IsNotFound(err) {
		conns.AddAPIError(&resp.Diagnostics, "Error deleting SMS source server "+id, err)
	}
}

func (r *sourceServerResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// put sends what plan changes against current: a new name and a new project, in one
// PUT, or nothing. It reports whether it went well.
func (r *sourceServerResource) put(ctx context.Context, id string, plan, current sourceServerResourceModel, diags *diag.Diagnostics) bool {
	var body client.PutSourceServerBody
	changed := func(planned, now types.String) *string {
		if planned.IsUnknown() || planned.IsNull() || planned.Equal(now) {
			return nil
		}
		return values.StringPointer(planned)
	}
	body.Name, body.MigprojectID = changed(plan.Name, current.Name), changed(plan.MigrationProjectID, current.MigrationProjectID)
	if body.Name == nil && body.MigprojectID == nil {
		return true
	}
	if err := r.client.UpdateSourceServer(ctx, id, body); err != nil {
		conns.AddAPIError(diags, "Error updating SMS source server "+id, err)
		return false
	}
	return true
}

// read is the state of source id, whose project was last seen to be projectHint.
func (r *sourceServerResource) read(ctx context.Context, id, projectHint string) (sourceServerResourceModel, error) {
	server, err := r.client.ShowSourceServer(ctx, id)
	if err != nil {
		return sourceServerResourceModel{}, err
	}
	project, err := r.client.SourceServerProject(ctx, id, projectHint)
	if err != nil {
		return sourceServerResourceModel{}, err
	}
	return flattenSourceServerResource(server, project), nil
}

// readInto reads the source after a write and saves it. If the read fails, prior (when
// there is one) is saved instead, and the next refresh catches up.
func (r *sourceServerResource) readInto(ctx context.Context, plan sourceServerResourceModel, prior *sourceServerResourceModel, state *tfsdk.State, diags *diag.Diagnostics) {
	m, err := r.read(ctx, plan.ID.ValueString(), plan.MigrationProjectID.ValueString())
	if err != nil {
		conns.AddAPIError(diags, "Error reading SMS source server "+plan.ID.ValueString()+" after writing it", err)
		if prior != nil {
			diags.Append(state.Set(ctx, prior)...)
		}
		return
	}
	diags.Append(state.Set(ctx, m)...)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
