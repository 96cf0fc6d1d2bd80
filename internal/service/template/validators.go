package template

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// bandwidthStepValidator enforces the EIP bandwidth steps: 1 Mbit/s up to 300, 50 from
// 300 to 1000, 500 above 1000 (the range itself is a separate validator).
type bandwidthStepValidator struct{}

func (bandwidthStepValidator) Description(_ context.Context) string {
	return "must be 1 to 300, a multiple of 50 up to 1000, or a multiple of 500 above 1000"
}

func (v bandwidthStepValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (bandwidthStepValidator) ValidateInt64(_ context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	n := req.ConfigValue.ValueInt64()
	if n <= 300 || (n <= 1000 && n%50 == 0) || (n > 1000 && n%500 == 0) {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(),
		fmt.Sprintf("Attribute %s must be 1 to 300, a multiple of 50 up to 1000, or a multiple of 500 above 1000 (the EIP bandwidth steps), got: %d.", req.Path, n))
}

// autoCreateAloneValidator: a list whose element has id "autoCreate" (SMS creates the
// subnet or security group) must have no other element.
type autoCreateAloneValidator struct{}

func (autoCreateAloneValidator) Description(_ context.Context) string {
	return `an element with id "autoCreate" must be the only element`
}

func (v autoCreateAloneValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (autoCreateAloneValidator) ValidateList(_ context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	elems := req.ConfigValue.Elements()
	if len(elems) < 2 {
		return
	}
	for i, e := range elems {
		obj, ok := e.(types.Object)
		if !ok || obj.IsNull() || obj.IsUnknown() {
			continue
		}
		if id, ok := obj.Attributes()["id"].(types.String); ok && id.ValueString() == autoCreateID {
			resp.Diagnostics.AddAttributeError(req.Path.AtListIndex(i).AtName("id"), "Invalid "+req.Path.String(),
				fmt.Sprintf("Attribute %s[%d].id is %q, which asks SMS to create one; it must then be the only element of %s, which has %d.",
					req.Path, i, autoCreateID, req.Path, len(elems)))
			return
		}
	}
}

// autoCreateID is the ID that asks SMS to create a VPC, subnet or security group.
const autoCreateID = "autoCreate"
