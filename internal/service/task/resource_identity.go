package task

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

// IdentitySchema: a task is found by its id alone (Terraform ≥ 1.12 stores it beside the
// state; `import { identity = { id = ... } }` and list results use it).
func (r *migrationTaskResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = conns.IDIdentitySchema("migration task")
}
