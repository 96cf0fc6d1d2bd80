package sourceserver

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/validators"
)

// NewSourceServerListResource lists the registered source servers for `terraform query`
// (Terraform ≥ 1.14), each with its identity and "<name> (<ip>)", and with
// -generate-config-out the state an import reads, so that the sources can be taken over.
func NewSourceServerListResource() list.ListResource {
	return &conns.ListResource[sourceServersFilter, client.SourceServerSummary]{
		TypeSuffix: "_source_server",
		Schema: listschema.Schema{
			MarkdownDescription: "Lists the source servers registered with SMS (`GET /v3/sources`, every page) for `terraform " +
				"query`, ordered by `add_date`, then `id`. Each result is named `<name> (<ip>)` and carries the source's " +
				"identity; with `-generate-config-out` Terraform writes an `import` block and a configuration of each source, " +
				"which `terraform apply` then takes over with no change planned. The filters are the API's own list query.",
			Attributes: map[string]listschema.Attribute{
				"id":    conns.ListResourceFilter(sourceServersFilterDescriptions["id"]),
				"name":  conns.ListResourceFilter(sourceServersFilterDescriptions["name"]),
				"state": conns.ListResourceFilter(sourceServersFilterDescriptions["state"], stringvalidator.OneOf(sourceServerStates...)),
				"ip":    conns.ListResourceFilter(sourceServersFilterDescriptions["ip"], validators.IPAddressValidator{Family: 4}),
				"migration_cycle": conns.ListResourceFilter(sourceServersFilterDescriptions["migration_cycle"],
					stringvalidator.OneOf(sourceServerMigrationCycles...)),
				"connected":             listschema.BoolAttribute{MarkdownDescription: sourceServersFilterDescriptions["connected"], Optional: true},
				"enterprise_project_id": conns.ListResourceFilter(sourceServersFilterDescriptions["enterprise_project_id"]),
				"migration_project_id":  conns.ListResourceFilter(sourceServersFilterDescriptions["migration_project_id"]),
			},
		},
		Find: func(ctx context.Context, c *client.Client, f sourceServersFilter) ([]client.SourceServerSummary, error) {
			servers, err := c.ListSourceServers(ctx, f.client())
			sortSourceServers(servers)
			return servers, err
		},
		Failure: "Error listing SMS source servers",
		Item: func(s client.SourceServerSummary) conns.ListedItem {
			name := deref(s.Name)
			if ip := deref(s.IP); ip != "" {
				name += " (" + ip + ")"
			}
			return conns.ListedItem{ID: deref(s.ID), DisplayName: name}
		},
		State: func(ctx context.Context, c *client.Client, s client.SourceServerSummary, st *tfsdk.State) diag.Diagnostics {
			var diags diag.Diagnostics
			m, err := readSourceServer(ctx, c, deref(s.ID), "")
			if err != nil {
				conns.AddAPIError(&diags, "Error reading SMS source server "+deref(s.ID), err)
				return diags
			}
			return st.Set(ctx, m)
		},
	}
}
