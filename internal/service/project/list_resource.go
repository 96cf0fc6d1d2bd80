package project

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

// noFilters: ListMigprojects takes no filter (only paging, which the client does).
type noFilters struct{}

// NewMigrationProjectListResource lists the account's migration projects for `terraform
// query` (Terraform ≥ 1.14), each with its identity and name, and with
// -generate-config-out the state an import reads (from the list's own answer).
func NewMigrationProjectListResource() list.ListResource {
	return &conns.ListResource[noFilters, client.MigProjectAnswer]{
		TypeSuffix: "_migration_project",
		Schema: listschema.Schema{
			MarkdownDescription: "Lists the account's SMS migration projects (`GET /v3/migprojects`, every page) for `terraform " +
				"query`, ordered by `name`, then `id`. Each result is named after the project and carries its identity; with " +
				"`-generate-config-out` Terraform writes an `import` block and the configuration of each project. The API " +
				"takes no filter.",
			Attributes: map[string]listschema.Attribute{},
		},
		Find: func(ctx context.Context, c *client.Client, _ noFilters) ([]client.MigProjectAnswer, error) {
			projects, err := c.ListMigprojects(ctx)
			sortMigrationProjects(projects)
			return projects, err
		},
		Failure: "Error listing SMS migration projects",
		Item: func(p client.MigProjectAnswer) conns.ListedItem {
			id := ""
			if p.ID != nil {
				id = *p.ID
			}
			return conns.ListedItem{ID: id, DisplayName: p.Name}
		},
		State: func(ctx context.Context, _ *client.Client, p client.MigProjectAnswer, st *tfsdk.State) diag.Diagnostics {
			return st.Set(ctx, flattenMigrationProject(&p))
		},
	}
}
