package task

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/values"
)

// migrationTaskPlanning is what one ModifyPlan works on: the configuration, the plan
// being modified and the prior state (nil on a create), each decoded once into its
// top-level attribute values. Every step reads and writes these, and the plan is
// written back once at the end: a path-based GetAttribute or SetAttribute costs a walk
// of the schema and, for a set, a rebuild of the whole value.
type migrationTaskPlanning struct {
	config, plan, prior map[string]attr.Value
	// proposed is the plan the framework passed in; changed says whether plan differs.
	proposed tftypes.Value
	changed  bool
}

func (p *migrationTaskPlanning) set(name string, v attr.Value) {
	p.plan[name] = v
	p.changed = true
}

func (p *migrationTaskPlanning) planModel() (migrationTaskResourceModel, diag.Diagnostics) {
	return values.ModelFromAttributes[migrationTaskResourceModel](p.plan)
}

func (p *migrationTaskPlanning) priorModel() (migrationTaskResourceModel, diag.Diagnostics) {
	return values.ModelFromAttributes[migrationTaskResourceModel](p.prior)
}

// ModifyPlan decodes config, plan and prior state once, then, in this order:
//   - plans region_id, region_name, project_name and project_id from the provider where the
//     configuration leaves them out (an error on a create without them), so the plan shows
//     what the create sends (planLocationDefaults);
//   - on an update: keeps nested objects whose configuration did not change as they are in
//     state (keepUnchangedNestedObjects); plans the status as unknown when an earlier
//     wait ran out and the apply will wait again (planResumedWait); warns when create-only
//     values guessed at import are adopted (warnAdoptedCreateOnly); and, under "seed",
//     replaces the task for a flag only today's API updates in place
//     (replaceForSeedOnlyFlagChanges);
//   - refuses configured values outside the limits of the endpoint's API model
//     (checkModelLimits), plans use_public_ip's documented default on a create
//     (planUsePublicIPDefault), and refuses changes the endpoint's API model cannot make
//     in place, with guidance (checkChangesForAPIModel);
//
// and writes the plan back once, only if a step changed it.
func (r *migrationTaskResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	p := migrationTaskPlanning{proposed: resp.Plan.Raw}
	var diags diag.Diagnostics
	p.config, diags = migrationTaskAttributesFromRaw(ctx, req.Config.Raw)
	resp.Diagnostics.Append(diags...)
	p.plan, diags = migrationTaskAttributesFromRaw(ctx, resp.Plan.Raw)
	resp.Diagnostics.Append(diags...)
	if !req.State.Raw.IsNull() {
		p.prior, diags = migrationTaskAttributesFromRaw(ctx, req.State.Raw)
		resp.Diagnostics.Append(diags...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	r.planLocationDefaults(&p, &resp.Diagnostics)
	if p.prior != nil {
		keepUnchangedNestedObjects(ctx, &p, req.State.Raw, &resp.Diagnostics)
		planResumedWait(ctx, &p, &resp.Diagnostics)
		warnAdoptedCreateOnly(ctx, req.Private, &p, &resp.Diagnostics)
		replaceForSeedOnlyFlagChanges(ctx, r.defaults.APIModel, req.Private, &p, resp)
	}
	r.checkModelLimits(&p, &resp.Diagnostics)
	planUsePublicIPDefault(&p)
	r.checkChangesForAPIModel(ctx, &p, &resp.Diagnostics)
	if p.changed {
		raw, diags := migrationTaskRawFromAttributes(ctx, p.plan)
		resp.Diagnostics.Append(diags...)
		if !diags.HasError() {
			resp.Plan.Raw = raw
		}
	}
}

// planLocationDefaults plans region_id, region_name, project_name and project_id from
// the provider when the configuration leaves them out and the plan has no value for
// them (a create); on a create without one, it is an error.
func (r *migrationTaskResource) planLocationDefaults(p *migrationTaskPlanning, diags *diag.Diagnostics) {
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
		if !p.config[name].IsNull() || !p.plan[name].IsUnknown() {
			continue // configured, or kept from state
		}
		d := defaults[name]
		if d.value == "" {
			if p.prior == nil {
				diags.AddAttributeError(path.Root(name), "Missing "+name,
					name+" is mandatory when creating a task. Set it on the resource or set "+d.source+".")
			}
			continue
		}
		p.set(name, types.StringValue(d.value))
	}
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
func planResumedWait(ctx context.Context, p *migrationTaskPlanning, diags *diag.Diagnostics) {
	action, _ := p.plan["action"].(types.String)
	wait, _ := p.plan["wait_for_completion"].(types.Bool)
	priorAction, _ := p.prior["action"].(types.String)
	priorState, _ := p.prior["state"].(types.String)
	if diags.HasError() || !migrationTaskWaitPending(action, priorAction, wait, priorState) {
		return
	}
	diags.AddAttributeWarning(path.Root("state"), "Waiting again for a running SMS migration",
		fmt.Sprintf("The migration started by action %q is still running (state %s) and wait_for_completion is true: "+
			"this apply waits for it again, without sending the action again.", action.ValueString(), priorState.ValueString()))
	markMigrationStatusUnknown(ctx, p)
}

// markMigrationStatusUnknown plans every value a running migration changes as unknown.
func markMigrationStatusUnknown(ctx context.Context, p *migrationTaskPlanning) {
	attrTypes := migrationTaskObjectType().AttrTypes
	for _, name := range migrationTaskStatusAttributes {
		p.set(name, unknownOfType(ctx, attrTypes[name]))
	}
	source, ok := p.plan["source_server"].(types.Object)
	if !ok || source.IsNull() || source.IsUnknown() {
		return
	}
	sourceTypes := source.AttributeTypes(ctx)
	children := source.Attributes()
	for _, name := range volatileChildren["source_server"] {
		children[name] = unknownOfType(ctx, sourceTypes[name])
	}
	if obj, d := types.ObjectValue(sourceTypes, children); !d.HasError() {
		p.set("source_server", obj)
	}
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
func keepUnchangedNestedObjects(ctx context.Context, p *migrationTaskPlanning, priorRaw tftypes.Value, diags *diag.Diagnostics) {
	if p.planEquals(ctx, priorRaw, diags) {
		return // no change planned: nothing to keep
	}
	plannedAction, _ := p.plan["action"].(types.String)
	wait, _ := p.plan["wait_for_completion"].(types.Bool)
	priorAction, _ := p.prior["action"].(types.String)
	priorState, _ := p.prior["state"].(types.String)
	if diags.HasError() {
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
		config, _ := p.config[name].(types.Object)
		planned, _ := p.plan[name].(types.Object)
		prior, _ := p.prior[name].(types.Object)
		if prior.IsNull() && config.IsNull() && planned.IsUnknown() {
			// SMS reported none, and the update cannot make one.
			p.set(name, prior)
			continue
		}
		if prior.IsNull() || prior.IsUnknown() {
			continue
		}
		p.set(name, fill.object(ctx, name, nested.Attributes, config, planned, prior))
	}
	if moving {
		return
	}
	// Idle, and no action planned: nothing moves the status, so it stays as it is.
	for _, name := range migrationTaskStatusAttributes {
		p.set(name, p.prior[name])
	}
}

// planEquals says whether the plan, as modified so far, equals the prior state.
func (p *migrationTaskPlanning) planEquals(ctx context.Context, priorRaw tftypes.Value, diags *diag.Diagnostics) bool {
	if !p.changed {
		return p.proposed.Equal(priorRaw)
	}
	raw, d := migrationTaskRawFromAttributes(ctx, p.plan)
	diags.Append(d...)
	return !d.HasError() && raw.Equal(priorRaw)
}
