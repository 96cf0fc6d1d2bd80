package conns

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
)

// IDIdentitySchema is the identity of an SMS resource found by its id alone: SMS ids are
// unique across the account's projects and regions (the endpoint and X-Project-Id come
// from the provider, as for every call), so the id is all an import or a list result needs.
func IDIdentitySchema(what string) identityschema.Schema {
	return identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"id": identityschema.StringAttribute{
				RequiredForImport: true,
				Description:       "The ID of the " + what + ", as SMS assigns it.",
			},
		},
	}
}

// SetIDIdentity records id as the resource's identity; identity is nil when Terraform
// does not use identities (before 1.12) and then nothing is done.
func SetIDIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, id string) diag.Diagnostics {
	if identity == nil || id == "" {
		return nil
	}
	return identity.SetAttribute(ctx, path.Root("id"), id)
}

// ImportByIDOrIdentity imports by `terraform import`'s id or by an import block's
// identity = { id = ... }, whichever Terraform sent.
func ImportByIDOrIdentity(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughWithIdentity(ctx, path.Root("id"), path.Root("id"), req, resp)
}
