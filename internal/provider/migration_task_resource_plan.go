package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
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
}
