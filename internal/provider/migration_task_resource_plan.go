package provider

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// ModifyPlan fills the task's region and project fields from the provider when the
// configuration leaves them out, so the plan shows the exact values the create sends and
// never holds an empty mandatory field the API would refuse.
func (r *migrationTaskResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	defaults := map[string]struct {
		value  string
		source string
	}{
		"region_id":    {r.defaults.Region, "the provider's region (HW_REGION_NAME)"},
		"region_name":  {r.defaults.Region, "the provider's region (HW_REGION_NAME)"},
		"project_name": {r.defaults.Region, "the provider's region (HW_REGION_NAME)"},
		"project_id":   {r.defaults.ProjectID, "the provider's project_id (HW_PROJECT_ID)"},
	}
	for _, name := range []string{"region_id", "region_name", "project_name", "project_id"} {
		attr := path.Root(name)
		var config, planned types.String
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, attr, &config)...)
		resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, attr, &planned)...)
		if resp.Diagnostics.HasError() {
			return
		}
		if !config.IsNull() || !planned.IsUnknown() {
			continue // configured, or kept from state
		}
		d := defaults[name]
		if d.value == "" {
			if req.State.Raw.IsNull() {
				resp.Diagnostics.AddAttributeError(attr, "Missing "+name,
					name+" is mandatory when creating a task. Set it on the resource or set "+d.source+".")
			}
			continue
		}
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, attr, types.StringValue(d.value))...)
	}
	if !req.State.Raw.IsNull() {
		r.keepUnchangedNestedObjects(ctx, req, resp)
		r.planResumedWait(ctx, req, resp)
		warnAdoptedCreateOnly(ctx, req, resp)
		replaceForSeedOnlyFlagChanges(ctx, r.defaults.APIModel, req, resp)
	}
	r.checkChangesForAPIModel(ctx, req, resp)
}

// migrationTaskStatusAttributes are the top-level values SMS changes by itself while a
// migration runs.
var migrationTaskStatusAttributes = []string{
	"state", "connected", "start_date", "finish_date", "estimate_complete_time", "remain_seconds",
	"total_time", "migrate_speed", "error_json", "float_ip", "target_snapshot_id", "sub_tasks",
}

// planResumedWait plans an in-place update when an earlier apply's wait ran out while the
// migration still runs and wait_for_completion is still on: the update waits again
// (sending nothing), so the status it will read is unknown now.
func (r *migrationTaskResource) planResumedWait(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	var action, priorAction, priorState types.String
	var wait types.Bool
	resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, path.Root("action"), &action)...)
	resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, path.Root("wait_for_completion"), &wait)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("action"), &priorAction)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("state"), &priorState)...)
	if resp.Diagnostics.HasError() || !migrationTaskWaitPending(action, priorAction, wait, priorState) {
		return
	}
	resp.Diagnostics.AddAttributeWarning(path.Root("state"), "Waiting again for a running SMS migration",
		fmt.Sprintf("The migration started by action %q is still running (state %s) and wait_for_completion is true: "+
			"this apply waits for it again, without sending the action again.", action.ValueString(), priorState.ValueString()))
	markMigrationStatusUnknown(ctx, resp)
}

// markMigrationStatusUnknown plans every value a running migration changes as unknown.
func markMigrationStatusUnknown(ctx context.Context, resp *resource.ModifyPlanResponse) {
	for _, name := range migrationTaskStatusAttributes {
		setUnknownAt(ctx, resp, path.Root(name))
	}
	var source types.Object
	resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, path.Root("source_server"), &source)...)
	if source.IsNull() || source.IsUnknown() {
		return
	}
	for _, name := range volatileChildren["source_server"] {
		setUnknownAt(ctx, resp, path.Root("source_server").AtName(name))
	}
}

// setUnknownAt plans the value at p as unknown, whatever its type.
func setUnknownAt(ctx context.Context, resp *resource.ModifyPlanResponse, p path.Path) {
	typ, diags := resp.Plan.Schema.TypeAtPath(ctx, p)
	resp.Diagnostics.Append(diags...)
	if diags.HasError() {
		return
	}
	v, err := typ.ValueFromTerraform(ctx, tftypes.NewValue(typ.TerraformType(ctx), tftypes.UnknownValue))
	if err != nil {
		resp.Diagnostics.AddError("Internal error planning "+p.String(), err.Error())
		return
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, p, v)...)
}

// volatileChildren are the children of a nested object that SMS changes by itself as a
// migration runs; while one runs (or an action is planned) a plan leaves them unknown
// unless configured, or the read after apply could contradict it.
var volatileChildren = map[string][]string{
	"source_server": {"state", "migration_cycle"},
	"target_server": nil,
	"clone_server":  {"clone_state", "clone_error", "error_msg"},
}

// keepUnchangedNestedObjects plans what an update cannot change as it is in state: each
// child of source_server, target_server and clone_server that the configuration leaves
// to SMS (matched by identity inside lists, see priorFill), and, while the task is idle,
// the top-level status. Without it, any change marks all of them "(known after apply)",
// burying the one real change in noise. A configured value is never planned unknown.
func (r *migrationTaskResource) keepUnchangedNestedObjects(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if resp.Plan.Raw.Equal(req.State.Raw) {
		return // no change planned: nothing to keep
	}
	var plannedAction, priorAction, priorState types.String
	var wait types.Bool
	resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, path.Root("action"), &plannedAction)...)
	resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, path.Root("wait_for_completion"), &wait)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("action"), &priorAction)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("state"), &priorState)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// An action that runs in this apply may make SMS rewrite clone_server (clone_test).
	actionRuns := !plannedAction.IsNull() && !plannedAction.Equal(priorAction)
	moving := actionRuns || slices.Contains(migrationTaskMovingStates, priorState.ValueString()) ||
		migrationTaskWaitPending(plannedAction, priorAction, wait, priorState)
	fill := priorFill{moving: moving}
	attrs := migrationTaskSchemaAttributes()
	for _, name := range []string{"source_server", "target_server", "clone_server"} {
		if name == "clone_server" && actionRuns {
			continue
		}
		nested, ok := attrs[name].(schema.SingleNestedAttribute)
		if !ok {
			continue
		}
		var config, planned, prior types.Object
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(name), &config)...)
		resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, path.Root(name), &planned)...)
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root(name), &prior)...)
		if resp.Diagnostics.HasError() {
			return
		}
		if prior.IsNull() && config.IsNull() && planned.IsUnknown() {
			// SMS reported none, and the update cannot make one.
			resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root(name), prior)...)
			continue
		}
		if prior.IsNull() || prior.IsUnknown() {
			continue
		}
		kept := fill.object(ctx, name, nested.Attributes, config, planned, prior)
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root(name), kept)...)
	}
	if moving {
		return
	}
	// Idle, and no action planned: nothing moves the status, so it stays as it is.
	for _, name := range migrationTaskStatusAttributes {
		typ, diags := resp.Plan.Schema.TypeAtPath(ctx, path.Root(name))
		resp.Diagnostics.Append(diags...)
		if diags.HasError() {
			return
		}
		prior := nullOfType(ctx, typ)
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root(name), &prior)...)
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root(name), prior)...)
	}
}
