package template

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/dsschema"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

var _ datasource.DataSourceWithConfigure = &serverTemplatesDataSource{}

// serverTemplatesDataSource lists the target-VM templates, optionally filtered.
type serverTemplatesDataSource struct {
	client *client.Client
}

// NewServerTemplatesDataSource is the data source constructor the provider registers.
func NewServerTemplatesDataSource() datasource.DataSource {
	return &serverTemplatesDataSource{}
}

// serverTemplatesFilter are ListTemplates' query parameters, as the data source and the
// list resource take them.
type serverTemplatesFilter struct {
	ID               types.String `tfsdk:"id"`
	Name             types.String `tfsdk:"name"`
	AvailabilityZone types.String `tfsdk:"availability_zone"`
	Region           types.String `tfsdk:"region"`
}

func (f serverTemplatesFilter) client() client.ListTemplatesFilter {
	return client.ListTemplatesFilter{
		ID: f.ID.ValueString(), Name: f.Name.ValueString(), AvailabilityZone: f.AvailabilityZone.ValueString(), Region: f.Region.ValueString(),
	}
}

// serverTemplatesFilterDescriptions describe the filters, for the data source and the
// list resource alike.
var serverTemplatesFilterDescriptions = map[string]string{
	"id":                "Only the template with this ID.",
	"name":              "Only templates whose name matches, as the SMS API's `name` filter matches (parts of names too).",
	"availability_zone": "Only templates in this availability zone.",
	"region":            "Only templates in this region (region ID).",
}

type serverTemplatesDataSourceModel struct {
	serverTemplatesFilter
	Templates types.List `tfsdk:"templates"`
	IDs       types.List `tfsdk:"ids"`
}

func (d *serverTemplatesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_server_templates"
}

// serverTemplateWriteOnly are the resource attributes a read can never show.
var serverTemplateWriteOnly = []string{"target_password_wo", "target_password_wo_version"}

// serverTemplatesDataSourceDescriptions are the data source's own descriptions of the
// attributes whose resource description also says how to set them.
var serverTemplatesDataSourceDescriptions = dsschema.DataSourceDescriptions{
	"project_id": "The project ID of the target server (the API's `projectid`).",
	"region":     "The region ID of the target server, e.g. `ap-southeast-3`.",
	"nics.ip":    "The fixed private IP address set for the NIC, if any.",
}

// serverTemplatesItemAttributes are the sms_server_template resource's attributes, all
// Computed, without the write-only password.
func serverTemplatesItemAttributes() map[string]dschema.Attribute {
	attrs, err := dsschema.DataSourceAttributesFromResource(serverTemplateAttributes(), func(name string) bool {
		return !slices.Contains(serverTemplateWriteOnly, name)
	}, serverTemplatesDataSourceDescriptions)
	if err != nil {
		panic("sms_server_templates schema: " + err.Error())
	}
	return attrs
}

func (d *serverTemplatesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = dschema.Schema{
		MarkdownDescription: "Lists the SMS target-VM templates (`GET /v3/vm/templates`, every page), optionally filtered, " +
			"with the attributes of the `sms_server_template` resource (never the target password). Templates are " +
			"ordered by `name`, then `id`.",
		Attributes: map[string]dschema.Attribute{
			"id":                conns.ListFilter(serverTemplatesFilterDescriptions["id"]),
			"name":              conns.ListFilter(serverTemplatesFilterDescriptions["name"]),
			"availability_zone": conns.ListFilter(serverTemplatesFilterDescriptions["availability_zone"]),
			"region":            conns.ListFilter(serverTemplatesFilterDescriptions["region"]),
			"templates":         dsschema.ComputedList("The matching templates, ordered by `name`, then `id`.", serverTemplatesItemAttributes()),
			"ids":               conns.ListedIDsAttribute("templates", "templates"),
		},
	}
}

func (d *serverTemplatesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = conns.DataSourceClient(req, resp)
}

func (d *serverTemplatesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	conns.ReadList(ctx, req, resp, conns.ListRead[serverTemplatesDataSourceModel, client.TemplateAnswer]{
		List: func(ctx context.Context, m *serverTemplatesDataSourceModel) ([]client.TemplateAnswer, error) {
			return d.client.ListTemplates(ctx, m.client())
		},
		Failure: "Error listing SMS server templates",
		Flatten: flattenServerTemplates,
	})
}

// flattenServerTemplates orders templates by name, then id, and sets m's templates and ids.
func flattenServerTemplates(ctx context.Context, m *serverTemplatesDataSourceModel, templates []client.TemplateAnswer) diag.Diagnostics {
	sortServerTemplates(templates)
	itemTypes := dsschema.AttrTypesOf(serverTemplatesItemAttributes())
	items := make([]attr.Value, len(templates))
	ids := make([]attr.Value, len(templates))
	var diags diag.Diagnostics
	for i := range templates {
		var d diag.Diagnostics
		items[i], d = serverTemplateItem(ctx, &templates[i], itemTypes)
		diags.Append(d...)
		ids[i] = types.StringPointerValue(templates[i].ID)
	}
	if diags.HasError() {
		return diags
	}
	m.Templates = types.ListValueMust(types.ObjectType{AttrTypes: itemTypes}, items)
	m.IDs = types.ListValueMust(types.StringType, ids)
	return diags
}

// serverTemplateItem is one template as the resource would read it, minus the write-only attributes.
func serverTemplateItem(ctx context.Context, t *client.TemplateAnswer, itemTypes map[string]attr.Type) (attr.Value, diag.Diagnostics) {
	var m serverTemplateModel
	diags := flattenServerTemplate(ctx, t, &m)
	if diags.HasError() {
		return nil, diags
	}
	values := map[string]attr.Value{
		"id": m.ID, "name": m.Name, "is_template": m.IsTemplate, "region": m.Region, "project_id": m.ProjectID,
		"target_server_name": m.TargetServerName, "availability_zone": m.AvailabilityZone, "volume_type": m.VolumeType,
		"data_volume_type": m.DataVolumeType, "flavor": m.Flavor, "image_id": m.ImageID, "vpc": m.VPC, "nics": m.Nics,
		"security_groups": m.SecurityGroups, "public_ip": m.PublicIP, "disks": m.Disks,
	}
	if len(values) != len(itemTypes) {
		diags.AddError("Provider bug", fmt.Sprintf("sms_server_templates: %d values for %d attributes", len(values), len(itemTypes)))
		return nil, diags
	}
	obj, d := types.ObjectValue(itemTypes, values)
	diags.Append(d...)
	return obj, diags
}

// sortServerTemplates orders templates by name, then id, whatever order the API pages in.
func sortServerTemplates(templates []client.TemplateAnswer) {
	conns.SortByKeyThenID(templates, func(t *client.TemplateAnswer) *string { return &t.Name }, func(t *client.TemplateAnswer) *string { return t.ID })
}
