package fastpath

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// ApplyResourceChange runs sms_migration_task's Create, Update or Delete as the framework
// would, and afterwards keeps the planned value of every float64 the API returned
// rounded; the framework's own checks after an apply each walk the new state attribute by
// attribute, and on a task of many disks cost more than the apply. The state a failed
// apply returns is kept, as the framework keeps it: a task created before a later step
// failed must stay in state.
func (s *protocolServer) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	if req.TypeName != s.typeName {
		return s.ProviderServer.ApplyResourceChange(ctx, req)
	}
	resp := &tfprotov6.ApplyResourceChangeResponse{}
	var diags diag.Diagnostics
	defer func() { resp.Diagnostics = toProtoDiagnostics(ctx, diags) }()
	t := s.task.objType
	var config, planned, prior tftypes.Value
	private, r := s.startTaskCall(ctx, req.PlannedPrivate, &diags,
		protocolValue{req.Config, "Configuration", &config},
		protocolValue{req.PlannedState, "Planned State", &planned},
		protocolValue{req.PriorState, "Prior State", &prior})
	plannedIdentity := s.identity.in(req.PlannedIdentity, &diags)
	if diags.HasError() {
		return resp, nil
	}
	var newIdentity *tfsdk.ResourceIdentity
	defer func() { resp.NewIdentity = s.identity.out(newIdentity, &diags) }()
	state := func(v tftypes.Value) tfsdk.State { return tfsdk.State{Raw: v, Schema: s.task.schema} }
	null := tftypes.NewValue(t, nil)
	var newState tftypes.Value
	switch {
	case prior.IsNull():
		// A create starts with empty private state, as the framework's does.
		private, _ = decodePrivateState(ctx, nil, s.privateKeys)
		cresp := resource.CreateResponse{State: state(null), Private: private.provider.in.Private, Identity: copyOf(plannedIdentity)}
		r.Create(ctx, resource.CreateRequest{Config: tfsdk.Config{Raw: config, Schema: s.task.schema}, Plan: tfsdk.Plan{Raw: planned, Schema: s.task.schema}, Identity: copyOf(plannedIdentity)}, &cresp)
		diags, newState, newIdentity = cresp.Diagnostics, cresp.State.Raw, cresp.Identity
		if !diags.HasError() && newState.Equal(null) {
			diags.AddError("Missing Resource State After Create",
				"The Terraform Provider unexpectedly returned no resource state after having no errors in the resource creation. "+
					"This is always an issue in the Terraform Provider and should be reported to the provider developers.\n\n"+
					"The resource may have been successfully created, but Terraform is not tracking it. "+
					"Applying the configuration again with no other action may result in duplicate resource errors. "+
					"Import the resource if the resource was actually created and Terraform should be tracking it.")
		}
		if !diags.HasError() {
			s.identity.checkPresent(newIdentity, "Create", "create", &diags)
		}
	case planned.IsNull():
		dresp := resource.DeleteResponse{State: state(prior), Private: private.provider.in.Private, Identity: copyOf(plannedIdentity)}
		r.Delete(ctx, resource.DeleteRequest{State: state(prior), Private: private.provider.in.Private, Identity: copyOf(plannedIdentity)}, &dresp)
		diags, newState, newIdentity = dresp.Diagnostics, dresp.State.Raw, dresp.Identity
		if !diags.HasError() {
			newIdentity = s.identity.null()
			resp.NewState = toDynamicValue(null, t, &diags) // gone, private state with it
			return resp, nil
		}
	default:
		uresp := resource.UpdateResponse{State: state(prior), Private: private.provider.in.Private, Identity: copyOf(plannedIdentity)}
		r.Update(ctx, resource.UpdateRequest{
			Config:   tfsdk.Config{Raw: config, Schema: s.task.schema},
			Plan:     tfsdk.Plan{Raw: planned, Schema: s.task.schema},
			State:    state(prior),
			Private:  private.provider.in.Private,
			Identity: copyOf(plannedIdentity),
		}, &uresp)
		diags, newState, newIdentity = uresp.Diagnostics, uresp.State.Raw, uresp.Identity
		if !diags.HasError() && newState.Equal(null) {
			diags.AddError("Missing Resource State After Update",
				"The Terraform Provider unexpectedly returned no resource state after having no errors in the resource update. "+
					"This is always an issue in the Terraform Provider and should be reported to the provider developers.")
		}
		if !diags.HasError() {
			s.identity.checkUnchanged(plannedIdentity, newIdentity, "update", "Planned", "New", &diags)
		}
		if !diags.HasError() {
			s.identity.checkPresent(newIdentity, "Update", "update", &diags)
		}
	}
	if !diags.HasError() && !planned.IsNull() {
		newState = s.task.keepEqualFloats(planned, newState)
	}
	resp.NewState = toDynamicValue(newState, t, &diags)
	var d diag.Diagnostics
	resp.Private, d = private.encode(ctx)
	diags.Append(d...)
	return resp, nil
}
