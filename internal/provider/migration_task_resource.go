package provider

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

var (
	_ resource.ResourceWithConfigure        = &migrationTaskResource{}
	_ resource.ResourceWithImportState      = &migrationTaskResource{}
	_ resource.ResourceWithModifyPlan       = &migrationTaskResource{}
	_ resource.ResourceWithConfigValidators = &migrationTaskResource{}
)

const (
	defaultCreateTimeout = 20 * time.Minute
	defaultUpdateTimeout = 20 * time.Minute
	defaultDeleteTimeout = 20 * time.Minute
)

// migrationTaskResource manages one SMS migration task. Its methods stay thin: plan →
// expand → client → flatten → state; the mapping lives in the expand/flatten files.
type migrationTaskResource struct {
	client   *client.Client
	defaults providerDefaults
}

// NewMigrationTaskResource is the resource constructor the provider registers.
func NewMigrationTaskResource() resource.Resource {
	return &migrationTaskResource{}
}

func (r *migrationTaskResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_migration_task"
}

func (r *migrationTaskResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if req.ProviderData == nil {
		return
	}
	data, ok := req.ProviderData.(*providerData)
	if !ok {
		resp.Diagnostics.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *providerData, got %T. This is a bug in the provider.", req.ProviderData))
		return
	}
	r.client = data.client
	r.defaults = data.defaults
}

func (r *migrationTaskResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan migrationTaskResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, defaultCreateTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	createReq, diags := expandMigrationTaskCreate(ctx, plan)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := r.client.CreateTask(ctx, createReq)
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error creating SMS migration task", err)
		return
	}
	tflog.Info(ctx, "created SMS migration task", map[string]any{"id": id})

	// From here on the task exists: every early return below still records it in state,
	// so a failed follow-up leaves a tainted resource instead of an orphaned task.
	plan.ID = types.StringValue(id)
	task, err := r.client.ShowTask(ctx, id)
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error reading SMS migration task after creating it", err)
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
		return
	}

	// POST /v3/tasks carries only part of the seed body. Whatever the plan sets beyond
	// what the API now holds (enterprise project, the rest of source_server and
	// target_server, clone_server) goes in one PUT of exactly the keys that differ. The
	// diff is against the API's own values, never the plan's, or a field the POST could
	// not carry would look already set.
	held, diags := flattenMigrationTaskFromAPI(ctx, task)
	resp.Diagnostics.Append(diags...)
	body, diags := migrationTaskUpdateBody(ctx, plan, held)
	resp.Diagnostics.Append(diags...)
	if !resp.Diagnostics.HasError() && len(body) > 0 {
		tflog.Debug(ctx, "setting fields the create could not carry", map[string]any{"id": id, "keys": sortedKeys(body)})
		if err := r.client.UpdateTask(ctx, id, body); err != nil {
			addAPIError(&resp.Diagnostics, "Error setting the SMS migration task's fields after creating it", err)
		} else if task, err = r.client.ShowTask(ctx, id); err != nil {
			addAPIError(&resp.Diagnostics, "Error reading SMS migration task after updating it", err)
		}
	}
	state, diags := flattenMigrationTask(ctx, task, plan)
	resp.Diagnostics.Append(diags...)
	state.Timeouts = plan.Timeouts
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *migrationTaskResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var prior migrationTaskResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	if resp.Diagnostics.HasError() {
		return
	}
	task, err := r.client.ShowTask(ctx, prior.ID.ValueString())
	if client.IsNotFound(err) {
		tflog.Warn(ctx, "SMS migration task not found; removing it from state", map[string]any{"id": prior.ID.ValueString()})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error reading SMS migration task", err)
		return
	}
	state, diags := flattenMigrationTask(ctx, task, prior)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	applyCreateOnlyImportDefaults(&state)
	state.Timeouts = prior.Timeouts
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *migrationTaskResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior migrationTaskResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.Timeouts.Update(ctx, defaultUpdateTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	id := prior.ID.ValueString()
	body, diags := migrationTaskUpdateBody(ctx, plan, prior)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if len(body) == 0 {
		// Nothing the API stores changed (e.g. only timeouts): no request at all; the
		// new state is the plan with whatever it left unknown taken from the prior state.
		state, diags := migrationTaskPlanFilledFromState(ctx, plan, prior)
		resp.Diagnostics.Append(diags...)
		if !resp.Diagnostics.HasError() {
			resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
		}
		return
	}
	tflog.Debug(ctx, "updating SMS migration task", map[string]any{"id": id, "changed_keys": sortedKeys(body)})
	if err := r.client.UpdateTask(ctx, id, body); err != nil {
		addAPIError(&resp.Diagnostics, "Error updating SMS migration task", err)
		return
	}
	state, ok := r.readInto(ctx, id, plan, &resp.Diagnostics)
	if !ok {
		return
	}
	state.Timeouts = plan.Timeouts
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *migrationTaskResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state migrationTaskResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := state.Timeouts.Delete(ctx, defaultDeleteTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	if err := deleteMigrationTask(ctx, r.client, state.ID.ValueString()); err != nil {
		addAPIError(&resp.Diagnostics, "Error deleting SMS migration task", err)
	}
}

func (r *migrationTaskResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if req.ID == "" {
		resp.Diagnostics.AddError("Invalid import ID", "Import a migration task by its ID: terraform import sms_migration_task.NAME <task_id>")
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
}

// readInto GETs the task and flattens it over prior, so fields the API never returns keep
// the values prior holds.
func (r *migrationTaskResource) readInto(ctx context.Context, id string, prior migrationTaskResourceModel, diags *diag.Diagnostics) (migrationTaskResourceModel, bool) {
	task, err := r.client.ShowTask(ctx, id)
	if err != nil {
		addAPIError(diags, "Error reading SMS migration task", err)
		return prior, false
	}
	state, d := flattenMigrationTask(ctx, task, prior)
	diags.Append(d...)
	return state, !d.HasError()
}

// applyCreateOnlyImportDefaults gives the create-only flags the API never returns their
// schema defaults when state has none (after import), so an import doesn't plan a
// replacement for flags the configuration leaves at their defaults.
func applyCreateOnlyImportDefaults(m *migrationTaskResourceModel) {
	for _, b := range []*types.Bool{
		&m.UsePublicIP, &m.UseIPv6, &m.Syncing, &m.ExistServer, &m.AutoStart,
		&m.StartNetworkCheck, &m.IsNeedConsistencyCheck, &m.NeedMigrationTest,
	} {
		if b.IsNull() || b.IsUnknown() {
			*b = types.BoolValue(false)
		}
	}
}

// addAPIError turns a client error into a diagnostic that names the HTTP status,
// error_code, error_msg and request id, so a user can quote them to support.
func addAPIError(diags *diag.Diagnostics, summary string, err error) {
	var apiErr *client.APIError
	if errors.As(err, &apiErr) {
		diags.AddError(summary, fmt.Sprintf(
			"The SMS API rejected %s %s.\n\nstatus: %d\nerror_code: %s\nerror_msg: %s\nrequest id: %s",
			apiErr.Method, apiErr.Path, apiErr.StatusCode, apiErr.ErrorCode, apiErr.ErrorMsg, apiErr.RequestID))
		return
	}
	diags.AddError(summary, err.Error())
}
