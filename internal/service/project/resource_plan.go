package project

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// ModifyPlan fills region from the provider, and refuses at plan time what SMS cannot
// do to the default project: delete it, or unset its mark (there is no call for that).
// The state it judges by is the one just refreshed.
func (r *migrationProjectResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	var priorDefault types.Bool
	var id types.String
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("is_default"), &priorDefault)...)
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
	}
	isDefault := priorDefault.ValueBool()
	if req.Plan.Raw.IsNull() {
		if isDefault {
			resp.Diagnostics.AddError("Cannot destroy the default SMS migration project",
				fmt.Sprintf("Migration project %s is the account's default project, which new source servers register into; "+
					"SMS refuses to delete it. Make another project the default first (is_default = true on another "+
					"sms_migration_project, or in the SMS console), apply, then destroy this one.", id.ValueString()))
		}
		return
	}
	var planned types.Bool
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("is_default"), &planned)...)
	if isDefault && !planned.IsNull() && !planned.IsUnknown() && !planned.ValueBool() {
		resp.Diagnostics.AddAttributeError(path.Root("is_default"), "Cannot unset the default SMS migration project",
			fmt.Sprintf("Migration project %s is the account's default project, and SMS has no call that unsets the mark: "+
				"another project must take it. Set is_default = true on another sms_migration_project (or make it the "+
				"default in the SMS console) and remove is_default from this one, or set it back to true.", id.ValueString()))
	}
	var region types.String
	resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, path.Root("region"), &region)...)
	if region.IsUnknown() && r.defaults.Region != "" {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("region"), types.StringValue(r.defaults.Region))...)
	}
}
