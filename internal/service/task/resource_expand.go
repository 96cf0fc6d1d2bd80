package task

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/values"
)

// expandMigrationTaskCreate builds the POST /v3/tasks body from a plan. Unknown and
// null optional values are left out; the API's mandatory strings (region and project)
// become "" when unknown, so the API, not the provider, reports them missing.
func expandMigrationTaskCreate(_ context.Context, plan migrationTaskResourceModel) (*client.CreateTaskRequest, diag.Diagnostics) {
	var diags diag.Diagnostics

	for _, required := range []struct {
		name  string
		value types.String
	}{{"name", plan.Name}, {"type", plan.Type}} {
		if required.value.IsNull() || required.value.IsUnknown() {
			diags.AddError("Missing migration task "+required.name,
				"The "+required.name+" attribute must be known to create a migration task.")
		}
	}

	sourceID, _ := migrationTaskChild(plan.SourceServer, "id").(types.String)
	if sourceID.IsNull() || sourceID.IsUnknown() {
		diags.AddError("Missing migration task source_server.id",
			"The source_server.id attribute must be known to create a migration task.")
	}

	// The top-level settings go by their names, like the PUT body's (expandMigrationTaskBody):
	// every PUT and create-only attribute the request has a key for. The servers follow.
	attrs := map[string]attr.Value{}
	for _, f := range migrationTaskFieldsWhere(func(f migrationTaskField) bool {
		return f.has(migrationTaskRolePut) || f.has(migrationTaskRoleCreateOnly)
	}) {
		if _, nested := f.Get(&plan).(types.Object); !nested {
			attrs[f.Key] = f.Get(&plan)
		}
	}
	req := &client.CreateTaskRequest{}
	if err := values.AttributesToWire(attrs, req); err != nil {
		diags.AddError("Internal error building the migration task create request", err.Error()+"; please report this bug.")
	}
	req.SourceServer = client.CreateSourceServer{ID: sourceID.ValueString()}

	// TargetServerByTask needs name and vm_id (the SDK always sends both; "" asks for
	// an auto-created target). Configured target disks go along too: CreateTask is the
	// only call that lays out the target's disks, and the API echoes them back. Its
	// TargetDisks take the keys they know of the target disks' (physical volumes too).
	if !plan.TargetServer.IsNull() && !plan.TargetServer.IsUnknown() {
		name, _ := migrationTaskChild(plan.TargetServer, "name").(types.String)
		vmID, _ := migrationTaskChild(plan.TargetServer, "vm_id").(types.String)
		req.TargetServer.Name, req.TargetServer.VMID = name.ValueString(), vmID.ValueString()
		disks, _, d := expandWire[[]client.CreateTargetDisk](migrationTaskChild(plan.TargetServer, "disks"))
		diags.Append(d...)
		req.TargetServer.Disks = disks
	}
	return req, diags
}

// migrationTaskChild is the attribute name of the object v: nil when v is no known object.
func migrationTaskChild(v attr.Value, name string) attr.Value {
	obj, ok := v.(basetypes.ObjectValue)
	if !ok || obj.IsNull() || obj.IsUnknown() {
		return nil
	}
	return obj.Attributes()[name]
}

// expandMigrationTaskBody builds the seed's PUT body from every PUT-able attribute of
// m, through the JSON their names spell (expandWire). Unknown and null values are left
// out, except a nested child the seed marks mandatory, which the wire types send as its
// zero value; an unknown list element is sent as the zero element, so positions stay
// aligned. The read-only status and sub_tasks are never sent, and neither is a nested
// attribute the body has no key for (migrationTaskNotPutAsNamed).
func expandMigrationTaskBody(_ context.Context, m migrationTaskResourceModel) (client.UpdateTaskBody, diag.Diagnostics) {
	fields := migrationTaskPutFields()
	attrs := make(map[string]attr.Value, len(fields))
	for _, f := range fields {
		attrs[f.Key] = f.Get(&m)
	}
	var task client.UpdateTaskBody
	var diags diag.Diagnostics
	if err := values.AttributesToWire(attrs, &task); err != nil {
		diags.AddError("Internal error building the migration task update",
			err.Error()+"; please report this bug.")
	}
	return task, diags
}

// migrationTaskUpdateBody is the PUT diff: the body holds exactly the top-level seed
// keys whose plan value (with unknowns taken from state) differs from state. A changed
// nested object is sent whole, from the merged plan, with the seed's mandatory
// children present. A body with no keys means nothing PUT-able changed and no request
// is due.
func migrationTaskUpdateBody(ctx context.Context, plan, state migrationTaskResourceModel) (client.UpdateTaskBody, diag.Diagnostics) {
	var diags diag.Diagnostics

	// merged holds the changed keys' values (the plan's, its unknowns taken from state)
	// and null for every other PUT-able key, so only what is sent gets expanded. A key
	// that changed to null or is still unknown expands to nil and is not sent either:
	// the API cannot clear a field, and leaving it out keeps the server's value.
	merged := plan
	changed := false
	for _, f := range migrationTaskPutFields() {
		value := values.FillUnknownFromState(f.Get(&plan), f.Get(&state))
		if value.Equal(f.Get(&state)) {
			value = values.NullOf(ctx, value)
		} else {
			changed = true
		}
		if !f.set(&merged, value) {
			diags.AddError("Internal error building the migration task update",
				"The merged value of "+f.Key+" has an unexpected type; please report this bug.")
		}
	}
	if !changed || diags.HasError() {
		return client.UpdateTaskBody{}, diags
	}
	body, d := expandMigrationTaskBody(ctx, merged)
	diags.Append(d...)
	if diags.HasError() {
		return client.UpdateTaskBody{}, diags
	}
	return body, diags
}

// migrationTaskPlanFilledFromState is the new state of an update that needed no PUT
// (migrationTaskUpdateBody returned no keys, e.g. only timeouts changed): the plan,
// with each value it left unknown taken from prior state, and any unknown that prior
// could not fill made null, since state must be wholly known.
func migrationTaskPlanFilledFromState(_ context.Context, plan, prior migrationTaskResourceModel) (migrationTaskResourceModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	state := plan
	fields := append(migrationTaskReadFields(), migrationTaskCreateOnlyFields()...)
	for _, f := range fields {
		if !f.set(&state, values.NullUnknowns(values.FillUnknownFromState(f.Get(&plan), f.Get(&prior)))) {
			diags.AddError("Internal error building the migration task state",
				"The value of "+f.Key+" has an unexpected type; please report this bug.")
		}
	}
	if obj, ok := values.NullUnknowns(plan.Timeouts.Object).(types.Object); ok {
		state.Timeouts = timeouts.Value{Object: obj}
	}
	return state, diags
}
