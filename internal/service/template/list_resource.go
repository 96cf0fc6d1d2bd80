package template

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

// NewServerTemplateListResource lists existing templates for `terraform query` (Terraform
// ≥ 1.14), each with its identity and name, and with -generate-config-out the state an
// import reads (from the list's own answer: ListTemplates returns what ShowTemplate does).
func NewServerTemplateListResource() list.ListResource {
	return &conns.ListResource[serverTemplatesFilter, client.TemplateAnswer]{
		TypeSuffix: "_server_template",
		Schema: listschema.Schema{
			MarkdownDescription: "Lists the SMS target-VM templates (`GET /v3/vm/templates`, every page) for `terraform query`, " +
				"ordered by `name`, then `id`. Each result is named after the template and carries its identity; with " +
				"`-generate-config-out` Terraform writes an `import` block and the configuration of each template (never its " +
				"target password, which the API does not return: set `target_password_wo` yourself if the template needs one).",
			Attributes: map[string]listschema.Attribute{
				"id":                conns.ListResourceFilter(serverTemplatesFilterDescriptions["id"]),
				"name":              conns.ListResourceFilter(serverTemplatesFilterDescriptions["name"]),
				"availability_zone": conns.ListResourceFilter(serverTemplatesFilterDescriptions["availability_zone"]),
				"region":            conns.ListResourceFilter(serverTemplatesFilterDescriptions["region"]),
			},
		},
		Find: func(ctx context.Context, c *client.Client, f serverTemplatesFilter) ([]client.TemplateAnswer, error) {
			templates, err := c.ListTemplates(ctx, f.client())
			sortServerTemplates(templates)
			return templates, err
		},
		Failure: "Error listing SMS server templates",
		Item: func(t client.TemplateAnswer) conns.ListedItem {
			id := ""
			if t.ID != nil {
				id = *t.ID
			}
			return conns.ListedItem{ID: id, DisplayName: t.Name}
		},
		State: func(ctx context.Context, _ *client.Client, t client.TemplateAnswer, st *tfsdk.State) diag.Diagnostics {
			var m serverTemplateModel
			diags := st.Get(ctx, &m)
			if diags.HasError() {
				return diags
			}
			diags.Append(flattenServerTemplate(ctx, &t, &m)...)
			if !diags.HasError() {
				diags.Append(st.Set(ctx, &m)...)
			}
			return diags
		},
	}
}
