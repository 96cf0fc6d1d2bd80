package task

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

// NewMigrationTaskListResource lists existing tasks for `terraform query` (Terraform ≥
// 1.14): each with its identity, a display name, and with -generate-config-out the state
// an import reads, from which Terraform writes an import block and configuration.
func NewMigrationTaskListResource() list.ListResource {
	return &conns.ListResource[migrationTasksFilter, client.Task]{
		TypeSuffix: "_migration_task",
		Schema: listschema.Schema{
			MarkdownDescription: "Lists the account's SMS migration tasks (`GET /v3/tasks`, every page) for `terraform query`, " +
				"ordered by `create_date`, then `id`. Each result is named `<task name> (<source server name>)` and carries the " +
				"task's identity; with `-generate-config-out` Terraform writes an `import` block and the configuration of each " +
				"task, which `terraform apply` then imports with no change planned. The filters are the API's own list query.",
			Attributes: map[string]listschema.Attribute{
				"state": conns.ListResourceFilter(migrationTasksFilterDescriptions["state"],
					stringvalidator.OneOf(migrationTasksStateFilterValues...)),
				"name":                  conns.ListResourceFilter(migrationTasksFilterDescriptions["name"]),
				"id":                    conns.ListResourceFilter(migrationTasksFilterDescriptions["id"]),
				"source_server_id":      conns.ListResourceFilter(migrationTasksFilterDescriptions["source_server_id"]),
				"enterprise_project_id": conns.ListResourceFilter(migrationTasksFilterDescriptions["enterprise_project_id"]),
			},
		},
		Check: migrationTasksFilter.checkLookupLimits,
		Find: func(ctx context.Context, c *client.Client, f migrationTasksFilter) ([]client.Task, error) {
			tasks, err := c.ListTasks(ctx, f.client())
			sortMigrationTasks(tasks)
			return tasks, err
		},
		Failure: "Error listing SMS migration tasks",
		Item: func(t client.Task) conns.ListedItem {
			return conns.ListedItem{ID: deref(t.ID), DisplayName: migrationTaskDisplayName(t)}
		},
		State: func(ctx context.Context, c *client.Client, t client.Task, st *tfsdk.State) diag.Diagnostics {
			return importedMigrationTaskState(ctx, c, deref(t.ID), st)
		},
	}
}

// migrationTaskDisplayName is "<task name> (<source server name>)", or the task name alone
// when the list does not name the source.
func migrationTaskDisplayName(t client.Task) string {
	name := deref(t.Name)
	if name == "" {
		name = deref(t.ID)
	}
	if t.SourceServer != nil && deref(t.SourceServer.Name) != "" {
		return name + " (" + deref(t.SourceServer.Name) + ")"
	}
	return name
}
