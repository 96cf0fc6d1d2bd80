package task

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/values"
)

// How the resource adapts to the task API the endpoint speaks (the provider's api_model):
// the update body it sends, the changes it refuses at plan time, and the check that what
// it sent was applied.

// migrationTaskSeedOnlyAttributes are the updatable attributes of the seed's PUT that
// today's update body no longer has, with what a user can do instead.
var migrationTaskSeedOnlyAttributes = []struct{ name, instead string }{
	{"os_type", "The OS type is fixed when the task is created."},
	{"priority", "The priority is fixed when the task is created."},
	{"start_target_server", "Whether to start the target server is fixed when the task is created."},
	{"source_server", "A task's source server is registered with SMS and changes through the source-server API (/v3/sources), not through the task."},
}

// migrationTaskUpdateBodyFor turns the seed-shaped PUT diff into the body the endpoint's
// model takes. Under "current": the seed-only keys are left out (a change to them was
// refused at plan time, so only a create can get here with them, and the check after
// the apply reports any that the service does not hold), enterprise_project_id goes as
// enterprise_project, target_server.btrfs_list goes as objects named like the strings
// ShowTask returns, and the keys only today's body has go when they changed from before.
func migrationTaskUpdateBodyFor(model string, body client.UpdateTaskBody, plan, before migrationTaskResourceModel) client.UpdateTaskBody {
	if model != conns.APIModelCurrent {
		return body
	}
	// The keys of migrationTaskSeedOnlyAttributes.
	body.OSType, body.Priority, body.StartTargetServer, body.SourceServer = nil, nil, nil, nil
	body.EnterpriseProject, body.EnterpriseProjectID = body.EnterpriseProjectID, nil
	if body.TargetServer != nil {
		if systems := plannedTargetBtrfsFileSystems(plan); systems != nil {
			body.TargetServer.BtrfsList = client.PutTargetBtrfsList{FileSystems: systems}
		} else {
			body.TargetServer.BtrfsList.AsObjects = true
		}
	}
	// The keys of migrationTaskCurrentModelFields, which are the body's own.
	changed := map[string]attr.Value{}
	for _, f := range migrationTaskCurrentModelFields() {
		if planned := f.Get(&plan); !planned.IsNull() && !planned.IsUnknown() && !planned.Equal(f.Get(&before)) {
			changed[f.Key] = planned
		}
	}
	if len(changed) > 0 {
		// Every value is a known string, which the body's *string fields always take.
		_ = values.AttributesToWire(changed, &body)
	}
	return body
}

// withCurrentFlagChanges sets on body the flags currentFlagChanges found changed (the
// keys of migrationTaskCurrentUpdatableFlags, which only today's update body has).
func withCurrentFlagChanges(body client.UpdateTaskBody, changes map[string]any) client.UpdateTaskBody {
	if len(changes) == 0 {
		return body
	}
	if data, err := json.Marshal(changes); err == nil {
		_ = json.Unmarshal(data, &body) // booleans, which the body's *bool fields always take
	}
	return body
}

// plannedTargetBtrfsFileSystems is target_server.btrfs_file_systems of plan as the update
// sends them, or nil when it is not set.
func plannedTargetBtrfsFileSystems(plan migrationTaskResourceModel) []client.PutBtrfsFileSystem {
	systems, ok, diags := expandWire[[]client.PutBtrfsFileSystem](migrationTaskChild(plan.TargetServer, "btrfs_file_systems"))
	if !ok || diags.HasError() {
		return nil
	}
	return systems
}

// planBtrfsNamesFromObjects plans target_server.btrfs_list, when the configuration leaves it
// out, as the names of the configured btrfs_file_systems: what ShowTask will report once
// the update has sent the objects.
func planBtrfsNamesFromObjects(ctx context.Context, p *migrationTaskPlanning, plan migrationTaskResourceModel, diags *diag.Diagnostics) {
	systems, ok := migrationTaskChild(plan.TargetServer, "btrfs_file_systems").(types.List)
	if !ok || systems.IsNull() || systems.IsUnknown() {
		return
	}
	configTarget, _ := p.config["target_server"].(types.Object)
	if configTarget.IsUnknown() {
		return // its btrfs_list is unknown too: configured
	}
	if !configTarget.IsNull() && !configTarget.Attributes()["btrfs_list"].IsNull() {
		return
	}
	names := make([]attr.Value, 0, len(systems.Elements()))
	for _, e := range systems.Elements() {
		name, ok := migrationTaskChild(e, "name").(types.String)
		if !ok || name.IsNull() || name.IsUnknown() {
			return // an unknown name: leave the plan to the service
		}
		names = append(names, name)
	}
	list, d := types.ListValue(types.StringType, names)
	diags.Append(d...)
	if diags.HasError() {
		return
	}
	children := plan.TargetServer.Attributes()
	children["btrfs_list"] = list
	planned, d := types.ObjectValue(plan.TargetServer.AttributeTypes(ctx), children)
	diags.Append(d...)
	if !d.HasError() {
		p.set("target_server", planned)
	}
}

// checkChangesForAPIModel refuses, at plan time, what the endpoint's model cannot do: under
// "current" an in-place change of a seed-only attribute (the service would ignore it,
// and replacing a task that may be days into a migration is not Terraform's call); under
// "seed" any of the keys only today's update body has.
func (r *migrationTaskResource) checkChangesForAPIModel(ctx context.Context, p *migrationTaskPlanning, diags *diag.Diagnostics) {
	plan, d := p.planModel()
	diags.Append(d...)
	if diags.HasError() {
		return
	}
	switch r.defaults.APIModel {
	case conns.APIModelSeed:
		if plannedTargetBtrfsFileSystems(plan) != nil {
			diags.AddAttributeError(path.Root("target_server").AtName("btrfs_file_systems"), "Attribute needs api_model \"current\"",
				"target_server.btrfs_file_systems is sent only by today's SMS update body; the provider is configured for the 2024 "+
					"task API (api_model = \"seed\"), whose target_server.btrfs_list holds strings. Use target_server.btrfs_list, or set "+
					"api_model = \"current\" in the provider (or "+conns.EnvList(conns.EnvAPIModel)+") if the endpoint speaks today's task API.")
		}
		for _, f := range migrationTaskCurrentModelFields() {
			if v := f.Get(&plan); !v.IsNull() {
				diags.AddAttributeError(path.Root(f.Key), "Attribute needs api_model \"current\"",
					fmt.Sprintf("%s is a key of today's SMS update body only; the provider is configured for the 2024 task API "+
						"(api_model = \"seed\"), which has no such key, so the service would ignore it. Remove %s, or set "+
						"api_model = \"current\" in the provider (or %s) if the endpoint speaks today's task API.",
						f.Key, f.Key, conns.EnvList(conns.EnvAPIModel)))
			}
		}
	case conns.APIModelCurrent:
		planBtrfsNamesFromObjects(ctx, p, plan, diags)
		if p.prior == nil {
			return
		}
		prior, d := p.priorModel()
		diags.Append(d...)
		if diags.HasError() {
			return
		}
		fields := map[string]migrationTaskField{}
		for _, f := range migrationTaskPutFields() {
			fields[f.Key] = f
		}
		for _, a := range migrationTaskSeedOnlyAttributes {
			f := fields[a.name]
			was := f.Get(&prior)
			if values.FillUnknownFromState(f.Get(&plan), was).Equal(was) {
				continue
			}
			keep := fmt.Sprintf("set %s back to %s", a.name, was)
			if _, isObject := was.(types.Object); isObject {
				keep = "undo the change to " + a.name
			}
			diags.AddAttributeError(path.Root(a.name), a.name+" cannot be changed in place",
				fmt.Sprintf("The endpoint's task API (the provider's api_model = \"current\", today's SMS) has no %s in its update "+
					"body, so an update would be ignored. %s\n\nTo keep this task, %s. To get a task with the new value instead, "+
					"replace it: terraform apply -replace=sms_migration_task.<name> (the task is stopped and deleted, and a new "+
					"one starts its migration from the beginning). If the endpoint still speaks the 2024 task API, which updates "+
					"%s in place, set api_model = \"seed\" in the provider (or %s).",
					a.name, a.instead, keep, a.name, conns.EnvList(conns.EnvAPIModel)))
		}
	}
}

// checkApplied reports every attribute the apply meant to change (plan differs from
// before) whose value the service, having answered 200, does not report back: an error
// naming the attribute, what was sent and what the service holds. The state written
// afterwards holds what the service reports, so Terraform sees no inconsistency and
// the next plan shows the difference again.
func (r *migrationTaskResource) checkApplied(ctx context.Context, task *client.Task, plan, before migrationTaskResourceModel) diag.Diagnostics {
	var diags diag.Diagnostics
	after, d := flattenMigrationTask(ctx, task, plan)
	if d.HasError() {
		return diags // saveState reports it
	}
	for _, f := range migrationTaskPutFields() {
		planned, was := f.Get(&plan), f.Get(&before)
		if values.FillUnknownFromState(planned, was).Equal(was) {
			continue
		}
		at, sent, reported, found := firstUnappliedValue(path.Root(f.Key), planned, f.Get(&after))
		if !found {
			continue
		}
		hint := ""
		if r.defaults.APIModel == conns.APIModelSeed {
			hint = " If the endpoint speaks today's task API, whose update body has no " + f.Key + ", set api_model = \"current\" " +
				"in the provider (or " + conns.EnvList(conns.EnvAPIModel) + "): changes it cannot make are then refused at plan time."
		}
		diags.AddAttributeError(at, "SMS did not apply "+at.String(),
			fmt.Sprintf("The SMS service accepted the request but did not apply it: %s was sent as %s, and the service reports %s. "+
				"The state now holds what the service reports.%s", at, sent, reported, hint))
	}
	return diags
}

// firstUnappliedValue walks planned and got in step and returns the first place where a
// known planned value differs from what was read back. Unknown and null planned values
// (left to the service) and values the service did not report are skipped.
func firstUnappliedValue(at path.Path, planned, got attr.Value) (path.Path, string, string, bool) {
	if planned == nil || got == nil || planned.IsNull() || planned.IsUnknown() || got.IsNull() || got.IsUnknown() {
		return at, "", "", false
	}
	switch p := planned.(type) {
	case basetypes.ObjectValue:
		g, ok := got.(basetypes.ObjectValue)
		if !ok {
			return at, "", "", false
		}
		gotAttrs := g.Attributes()
		for _, name := range conns.SortedKeys(p.Attributes()) {
			if where, sent, reported, found := firstUnappliedValue(at.AtName(name), p.Attributes()[name], gotAttrs[name]); found {
				return where, sent, reported, true
			}
		}
	case basetypes.ListValue:
		g, ok := got.(basetypes.ListValue)
		if !ok {
			return at, "", "", false
		}
		pe, ge := p.Elements(), g.Elements()
		if len(pe) != len(ge) {
			return at, fmt.Sprintf("a list of %d", len(pe)), fmt.Sprintf("a list of %d", len(ge)), true
		}
		for i := range pe {
			if where, sent, reported, found := firstUnappliedValue(at.AtListIndex(i), pe[i], ge[i]); found {
				return where, sent, reported, true
			}
		}
	default:
		if !planned.Equal(got) {
			return at, planned.String(), got.String(), true
		}
	}
	return at, "", "", false
}
