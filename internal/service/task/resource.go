package task

import (
	"context"
	"encoding/json"
	"slices"
	"time"

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
	_ resource.ResourceWithConfigure        = &migrationTaskResource{}
	_ resource.ResourceWithImportState      = &migrationTaskResource{}
	_ resource.ResourceWithModifyPlan       = &migrationTaskResource{}
	_ resource.ResourceWithConfigValidators = &migrationTaskResource{}
	_ resource.ResourceWithIdentity         = &migrationTaskResource{}
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
	defaults conns.ProviderDefaults
}

// NewMigrationTaskResource is the resource constructor the provider registers.
func NewMigrationTaskResource() resource.Resource {
	return &migrationTaskResource{}
}

func (r *migrationTaskResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_migration_task"
}

func (r *migrationTaskResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	data := conns.ConfiguredProviderData(req.ProviderData, &resp.Diagnostics)
	if data == nil {
		return
	}
	r.client = data.Client
	r.defaults = data.Defaults
}

func (r *migrationTaskResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan migrationTaskResourceModel
	resp.Diagnostics.Append(getMigrationTaskModel(ctx, req.Plan.Raw, &plan)...)
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
	// A task of this name for this source server that no state holds is refused, not
	// duplicated (the client decides from the list it takes before the POST anyway).
	createReq.RefuseExisting = true
	id, err := r.client.CreateTask(ctx, createReq)
	if addExistingTaskError(&resp.Diagnostics, err) {
		return
	}
	if err != nil {
		conns.AddAPIError(&resp.Diagnostics, "Error creating SMS migration task", err)
		return
	}
	tflog.Info(ctx, "created SMS migration task", map[string]any{"id": id})

	// From here on the task exists: every early return below still records it in state,
	// so a failed follow-up leaves a tainted resource instead of an orphaned task.
	plan.ID = types.StringValue(id)
	resp.Diagnostics.Append(conns.SetIDIdentity(ctx, resp.Identity, id)...)
	task, err := r.client.ShowTask(ctx, id)
	if err != nil {
		conns.AddAPIError(&resp.Diagnostics, "Error reading SMS migration task after creating it", err)
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
	body = migrationTaskUpdateBodyFor(r.defaults.APIModel, body, plan, held)
	if !resp.Diagnostics.HasError() && len(body.Keys()) > 0 {
		tflog.Debug(ctx, "setting fields the create could not carry", map[string]any{"id": id, "keys": body.Keys()})
		if err := r.client.UpdateTask(ctx, id, body); err != nil {
			conns.AddAPIError(&resp.Diagnostics, "Error setting the SMS migration task's fields after creating it", err)
		} else if task, err = r.client.ShowTask(ctx, id); err != nil {
			conns.AddAPIError(&resp.Diagnostics, "Error reading SMS migration task after updating it", err)
		}
	}
	if !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(r.checkApplied(ctx, task, plan, held)...)
	}
	if resp.Diagnostics.HasError() {
		r.saveState(ctx, task, plan, false, &resp.State, &resp.Diagnostics)
		return
	}

	if windows := plan.SpeedLimitWindows; !windows.IsNull() && len(windows.Elements()) > 0 {
		r.setSpeedLimitWindows(ctx, id, windows, &resp.Diagnostics)
	}
	if configs := plan.Configurations; !resp.Diagnostics.HasError() && !configs.IsNull() && len(configs.Elements()) > 0 {
		r.setConfigurations(ctx, id, configs, &resp.Diagnostics)
	}
	if !resp.Diagnostics.HasError() && !plan.Action.IsNull() {
		run := r.runAction(ctx, id, plan, false, task, actionDiagnostics{diags: &resp.Diagnostics, creating: true})
		task = run.task
		if !run.done {
			// State must hold the planned action (see privateKeyPendingAction); the next
			// refresh puts back "none", so the next plan proposes the action again.
			resp.Diagnostics.Append(recordPendingAction(ctx, resp.Private, types.StringNull())...)
		}
	}
	r.saveState(ctx, task, plan, false, &resp.State, &resp.Diagnostics)
}

func (r *migrationTaskResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var prior migrationTaskResourceModel
	resp.Diagnostics.Append(getMigrationTaskModel(ctx, req.State.Raw, &prior)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// A state written before identities (or by a CLI without them) gets one here.
	resp.Diagnostics.Append(conns.SetIDIdentity(ctx, resp.Identity, prior.ID.ValueString())...)
	task, err := r.client.ShowTask(ctx, prior.ID.ValueString())
	if client.IsNotFound(err) {
		tflog.Warn(ctx, "SMS migration task not found; removing it from state", map[string]any{"id": prior.ID.ValueString()})
		conns.AddTaskGoneWarning(&resp.Diagnostics, prior.ID.ValueString())
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		conns.AddAPIError(&resp.Diagnostics, "Error reading SMS migration task", err)
		return
	}
	imported, diags := importedWithoutWindows(ctx, req.Private)
	resp.Diagnostics.Append(diags...)
	state, diags := readBackMigrationTask(ctx, r.client, task, prior, imported)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if guessed := importGuessedKeys(ctx, req.Private); len(guessed) > 0 && task.NeedMigrationTest != nil {
		// ShowTask reports this one: no guess.
		guessed = slices.DeleteFunc(guessed, func(k string) bool { return k == "need_migration_test" })
		resp.Diagnostics.Append(markImportGuesses(ctx, resp.Private, guessed)...)
	}
	if imported {
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, PrivateKeyImportedWindows, nil)...)
	}
	if pending, d := req.Private.GetKey(ctx, privateKeyPendingAction); len(pending) > 0 && !d.HasError() {
		// An action the create could not do: state gets back the value before it, so
		// the plan proposes the action again.
		var p pendingAction
		if json.Unmarshal(pending, &p) == nil {
			state.Action = types.StringPointerValue(p.Prior)
		}
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateKeyPendingAction, nil)...)
	}
	resp.Diagnostics.Append(setMigrationTaskState(ctx, &resp.State, state)...)
}

func (r *migrationTaskResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior migrationTaskResourceModel
	resp.Diagnostics.Append(getMigrationTaskModel(ctx, req.Plan.Raw, &plan)...)
	resp.Diagnostics.Append(getMigrationTaskModel(ctx, req.State.Raw, &prior)...)
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
	resp.Diagnostics.Append(conns.SetIDIdentity(ctx, resp.Identity, id)...)
	body, diags := migrationTaskUpdateBody(ctx, plan, prior)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	body = migrationTaskUpdateBodyFor(r.defaults.APIModel, body, plan, prior)
	if r.defaults.APIModel == conns.APIModelCurrent {
		// Not in the create's follow-up PUT: CreateTask already carried them.
		body = withCurrentFlagChanges(body, currentFlagChanges(ctx, req.Private, plan, prior))
	}
	windowsChanged := !plan.SpeedLimitWindows.Equal(prior.SpeedLimitWindows)
	configsChanged := !plan.Configurations.Equal(prior.Configurations)
	actionChanged := !plan.Action.IsNull() && !plan.Action.Equal(prior.Action)
	resumeWait := migrationTaskWaitPending(plan.Action, prior.Action, plan.WaitForCompletion, prior.State)
	if len(body.Keys()) == 0 && !windowsChanged && !configsChanged && !actionChanged && !resumeWait {
		// Nothing the API holds changed (e.g. only timeouts or wait_for_completion): no
		// request at all; the new state is the plan with its unknowns taken from state.
		state, diags := migrationTaskPlanFilledFromState(ctx, plan, prior)
		resp.Diagnostics.Append(diags...)
		if !resp.Diagnostics.HasError() {
			resp.Diagnostics.Append(setMigrationTaskState(ctx, &resp.State, state)...)
			// State now holds the configured create-only values: no more guesses.
			resp.Diagnostics.Append(markImportGuesses(ctx, resp.Private, nil)...)
		}
		return
	}
	if len(body.Keys()) > 0 {
		tflog.Debug(ctx, "updating SMS migration task", map[string]any{"id": id, "changed_keys": body.Keys()})
		if err := r.client.UpdateTask(ctx, id, body); err != nil {
			conns.AddAPIError(&resp.Diagnostics, "Error updating SMS migration task", err)
			return
		}
	}
	if windowsChanged {
		r.setSpeedLimitWindows(ctx, id, plan.SpeedLimitWindows, &resp.Diagnostics)
	}
	if configsChanged && !resp.Diagnostics.HasError() {
		r.setConfigurations(ctx, id, plan.Configurations, &resp.Diagnostics)
	}
	var task *client.Task
	if !resp.Diagnostics.HasError() && (actionChanged || resumeWait) {
		run := r.runAction(ctx, id, plan, resumeWait, nil, actionDiagnostics{diags: &resp.Diagnostics})
		task = run.task
		if !run.done {
			// Refused or failed: state keeps the action it had, so the next plan
			// proposes this one again (an update that fails may record that).
			plan.Action = prior.Action
		}
	}
	if task == nil {
		var err error
		if task, err = r.client.ShowTask(ctx, id); err != nil {
			conns.AddAPIError(&resp.Diagnostics, "Error reading SMS migration task", err)
			return
		}
	}
	keepPlanned := true
	if len(body.Keys()) > 0 {
		unapplied := r.checkApplied(ctx, task, plan, prior)
		resp.Diagnostics.Append(unapplied...)
		// A value SMS did not apply is recorded as SMS reports it, not as planned.
		keepPlanned = !unapplied.HasError()
	}
	r.saveState(ctx, task, plan, keepPlanned, &resp.State, &resp.Diagnostics)
	resp.Diagnostics.Append(markImportGuesses(ctx, resp.Private, nil)...)
}

func (r *migrationTaskResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state migrationTaskResourceModel
	resp.Diagnostics.Append(getMigrationTaskModel(ctx, req.State.Raw, &state)...)
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
		conns.AddAPIError(&resp.Diagnostics, "Error deleting SMS migration task", err)
	}
}

func (r *migrationTaskResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	conns.ImportByIDOrIdentity(ctx, req, resp)
	// SMS never reports the create-only flags: until the first apply, their state values
	// are guesses, and the configured ones are adopted rather than forcing a replacement.
	resp.Diagnostics.Append(markImportGuesses(ctx, resp.Private, migrationTaskCreateOnlyAttributeKeys())...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, PrivateKeyImportedWindows, []byte("true"))...)
}

// saveState records task in state, flattened over plan, with the lifecycle attributes as
// planned. It runs on failures too: whatever the apply did to the task is then on record.
// With keepPlanned (an update) every value the plan knew is recorded as planned (see
// overlayPlanned); the next refresh shows anything SMS reports differently.
func (r *migrationTaskResource) saveState(ctx context.Context, task *client.Task, plan migrationTaskResourceModel, keepPlanned bool, st *tfsdk.State, diags *diag.Diagnostics) {
	state, d := flattenMigrationTask(ctx, task, plan)
	diags.Append(d...)
	if d.HasError() {
		diags.Append(st.SetAttribute(ctx, path.Root("id"), plan.ID)...)
		return
	}
	if keepPlanned {
		for _, f := range migrationTaskReadFields() {
			f.set(&state, overlayPlanned(ctx, f.Get(&plan), f.Get(&state)))
		}
	}
	state.Timeouts = plan.Timeouts
	if windows, ok := values.NullUnknowns(plan.SpeedLimitWindows).(types.List); ok {
		state.SpeedLimitWindows = windows
	}
	if configs, ok := values.NullUnknowns(plan.Configurations).(types.Set); ok {
		state.Configurations = configs
	}
	diags.Append(setMigrationTaskState(ctx, st, state)...)
}

// setSpeedLimitWindows replaces the task's windows with the planned ones (none when null).
func (r *migrationTaskResource) setSpeedLimitWindows(ctx context.Context, id string, windows types.List, diags *diag.Diagnostics) {
	rules, d := expandMigrationTaskSpeedLimitWindows(ctx, windows)
	diags.Append(d...)
	if d.HasError() {
		return
	}
	if err := r.client.UpdateSpeedLimits(ctx, id, rules); err != nil {
		conns.AddAPIError(diags, "Error setting the SMS migration task's speed-limit windows", err)
	}
}

// applyImportDefaults gives the flags the API never returns their schema defaults (for
// use_public_ip, which has none, CreateTask's documented default) when state has none
// (after import), so an import plans no replacement (or update) for flags
// the configuration leaves at their defaults.
func applyImportDefaults(m *migrationTaskResourceModel) {
	if m.UsePublicIP.IsNull() || m.UsePublicIP.IsUnknown() {
		m.UsePublicIP = types.BoolValue(migrationTaskUsePublicIPDefault) // CreateTask's documented default
	}
	for _, b := range []*types.Bool{
		&m.UseIPv6, &m.Syncing, &m.ExistServer, &m.AutoStart,
		&m.StartNetworkCheck, &m.IsNeedConsistencyCheck, &m.NeedMigrationTest, &m.WaitForCompletion,
	} {
		if b.IsNull() || b.IsUnknown() {
			*b = types.BoolValue(false)
		}
	}
}
