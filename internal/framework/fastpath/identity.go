package fastpath

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// servedIdentity is the identity (Terraform ≥ 1.12) of the resource the fast path serves:
// carried through each call as the framework carries it, with the framework's checks
// after Read, Create and Update. Its values are small (a few strings), so the framework's
// own conversions cost nothing worth avoiding; only the order and the checks matter.
type servedIdentity struct {
	schema identityschema.Schema
	typ    tftypes.Type
	// mutable is the resource's ResourceBehavior.MutableIdentity: when false, a stored
	// identity may not change.
	mutable bool
}

// newServedIdentity is r's identity, or nil when r has none.
func newServedIdentity(ctx context.Context, r resource.Resource, typeName string) (*servedIdentity, error) {
	withIdentity, ok := r.(resource.ResourceWithIdentity)
	if !ok {
		return nil, nil
	}
	if _, ok := r.(resource.ResourceWithUpgradeIdentity); ok {
		return nil, &UnsupportedError{TypeName: typeName, Reason: "identity upgrades are not served by the fast path"}
	}
	var resp resource.IdentitySchemaResponse
	withIdentity.IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		return nil, fmt.Errorf("%s identity schema: %v", typeName, resp.Diagnostics)
	}
	var meta resource.MetadataResponse
	r.Metadata(ctx, resource.MetadataRequest{}, &meta)
	return &servedIdentity{
		schema:  resp.IdentitySchema,
		typ:     resp.IdentitySchema.Type().TerraformType(ctx),
		mutable: meta.ResourceBehavior.MutableIdentity,
	}, nil
}

// in is the identity a call carries, null when Terraform sent none (as the framework
// pre-populates it), or nil when the resource has no identity.
func (id *servedIdentity) in(in *tfprotov6.ResourceIdentityData, diags *diag.Diagnostics) *tfsdk.ResourceIdentity {
	if id == nil {
		if in != nil && in.IdentityData != nil {
			diags.AddError("Unable to Convert Resource Identity",
				"An unexpected error was encountered when converting the resource identity from the protocol type. "+
					"Identity data was sent in the protocol to a resource that doesn't support identity.\n\n"+
					"This is always a problem with Terraform or terraform-plugin-framework. Please report this to the provider developer.")
		}
		return nil
	}
	var data *tfprotov6.DynamicValue
	if in != nil {
		data = in.IdentityData
	}
	return &tfsdk.ResourceIdentity{Schema: id.schema, Raw: fromDynamicValue(data, id.typ, "resource identity", diags)}
}

// copyOf is a copy of held for a request or response of its own, as the framework hands
// Read, Create, Update and Delete (nil stays nil).
func copyOf(held *tfsdk.ResourceIdentity) *tfsdk.ResourceIdentity {
	if held == nil {
		return nil
	}
	return &tfsdk.ResourceIdentity{Schema: held.Schema, Raw: held.Raw.Copy()}
}

// out is identity as the protocol carries it (nil stays nil).
func (id *servedIdentity) out(identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) *tfprotov6.ResourceIdentityData {
	if id == nil || identity == nil {
		return nil
	}
	return &tfprotov6.ResourceIdentityData{IdentityData: toDynamicValue(identity.Raw, id.typ, diags)}
}

// null is a null identity, what a deleted resource answers with.
func (id *servedIdentity) null() *tfsdk.ResourceIdentity {
	if id == nil {
		return nil
	}
	return &tfsdk.ResourceIdentity{Schema: id.schema, Raw: tftypes.NewValue(id.typ, nil)}
}

// checkUnchanged is the framework's refusal of an identity that changed once stored
// (held is the stored one; when is "read", "planning" or "update"; heldName the
// framework's word for held).
func (id *servedIdentity) checkUnchanged(held, now *tfsdk.ResourceIdentity, when, heldName, nowName string, diags *diag.Diagnostics) {
	if id == nil || id.mutable || held == nil || now == nil || held.Raw.IsFullyNull() || held.Raw.Equal(now.Raw) {
		return
	}
	diags.AddError("Unexpected Identity Change",
		"During the "+when+" operation, the Terraform Provider unexpectedly returned a different identity than the previously stored one.\n\n"+
			"This is always a problem with the provider and should be reported to the provider developer.\n\n"+
			fmt.Sprintf("%s Identity: %s\n\n", heldName, held.Raw.String())+
			fmt.Sprintf("%s Identity: %s", nowName, now.Raw.String()))
}

// checkPresent is the framework's refusal of a resource that answered a successful Read,
// Create or Update with no identity (after is "Read", "Create" or "Update"; "read",
// "create", "update" in the detail).
func (id *servedIdentity) checkPresent(now *tfsdk.ResourceIdentity, after, what string, diags *diag.Diagnostics) {
	if id == nil || (now != nil && !now.Raw.IsFullyNull()) {
		return
	}
	diags.AddError("Missing Resource Identity After "+after,
		"The Terraform Provider unexpectedly returned no resource identity data after having no errors in the resource "+what+". "+
			"This is always an issue in the Terraform Provider and should be reported to the provider developers.")
}
