package project

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/dsschema"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/values"
)

var (
	_ datasource.DataSourceWithConfigure        = &migrationProjectsDataSource{}
	_ datasource.DataSourceWithConfigure        = &migrationProjectDataSource{}
	_ datasource.DataSourceWithConfigValidators = &migrationProjectDataSource{}
)

// migrationProjectReadAttributes are the resource's attributes as a read shows them:
// all Computed, each described by what it holds.
func migrationProjectReadAttributes() map[string]dschema.Attribute {
	attrs, err := dsschema.DataSourceAttributesFromResource(migrationProjectAttributes(),
		func(string) bool { return true }, migrationProjectMeanings)
	if err != nil {
		panic("sms_migration_project(s) schema: " + err.Error())
	}
	return attrs
}

// migrationProjectsDataSource lists every migration project of the account.
type migrationProjectsDataSource struct {
	client *client.Client
}

// NewMigrationProjectsDataSource is the data source constructor the provider registers.
func NewMigrationProjectsDataSource() datasource.DataSource {
	return &migrationProjectsDataSource{}
}

type migrationProjectsDataSourceModel struct {
	MigrationProjects types.List   `tfsdk:"migration_projects"`
	IDs               types.List   `tfsdk:"ids"`
	DefaultID         types.String `tfsdk:"default_id"`
}

func (d *migrationProjectsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_migration_projects"
}

func (d *migrationProjectsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = dschema.Schema{
		MarkdownDescription: "Lists the account's SMS migration projects (`GET /v3/migprojects`, every page; the API has no " +
			"filters) with the attributes of the `sms_migration_project` resource, ordered by `name`, then `id`, and " +
			"names the default project.",
		Attributes: map[string]dschema.Attribute{
			"migration_projects": dsschema.ComputedList("The migration projects, ordered by `name`, then `id`.", migrationProjectReadAttributes()),
			"ids":                conns.ListedIDsAttribute("migration projects", "migration_projects"),
			"default_id":         dsschema.ComputedString("The ID of the account's default migration project, the one new source servers register into."),
		},
	}
}

func (d *migrationProjectsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = conns.DataSourceClient(req, resp)
}

func (d *migrationProjectsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	conns.ReadList(ctx, req, resp, conns.ListRead[migrationProjectsDataSourceModel, client.MigProjectAnswer]{
		List: func(ctx context.Context, _ *migrationProjectsDataSourceModel) ([]client.MigProjectAnswer, error) {
			return d.client.ListMigprojects(ctx)
		},
		Failure: "Error listing SMS migration projects",
		Flatten: flattenMigrationProjects,
	})
}

// flattenMigrationProjects orders the projects by name, then id, and sets m from them.
func flattenMigrationProjects(_ context.Context, m *migrationProjectsDataSourceModel, projects []client.MigProjectAnswer) diag.Diagnostics {
	conns.SortByKeyThenID(projects, func(p *client.MigProjectAnswer) *string { return &p.Name }, func(p *client.MigProjectAnswer) *string { return p.ID })
	itemTypes := dsschema.AttrTypesOf(migrationProjectReadAttributes())
	items := make([]attr.Value, len(projects))
	ids := make([]attr.Value, len(projects))
	m.DefaultID = types.StringNull()
	var diags diag.Diagnostics
	for i := range projects {
		item := flattenMigrationProject(&projects[i])
		obj, d := values.ObjectFromModel(itemTypes, item)
		diags.Append(d...)
		items[i], ids[i] = obj, item.ID
		if item.IsDefault.ValueBool() {
			m.DefaultID = item.ID
		}
	}
	if diags.HasError() {
		return diags
	}
	m.MigrationProjects = types.ListValueMust(types.ObjectType{AttrTypes: itemTypes}, items)
	m.IDs = types.ListValueMust(types.StringType, ids)
	return diags
}

// migrationProjectDataSource reads one migration project, by id or by name.
type migrationProjectDataSource struct {
	client *client.Client
}

// NewMigrationProjectDataSource is the data source constructor the provider registers.
func NewMigrationProjectDataSource() datasource.DataSource {
	return &migrationProjectDataSource{}
}

func (d *migrationProjectDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_migration_project"
}

func (d *migrationProjectDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := migrationProjectReadAttributes()
	attrs["id"] = dschema.StringAttribute{
		MarkdownDescription: "The migration project ID. Set exactly one of `id` and `name`.",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{stringvalidator.LengthBetween(1, conns.MigrationTaskMaxStringLength)},
	}
	attrs["name"] = dschema.StringAttribute{
		MarkdownDescription: "The project name. Set exactly one of `id` and `name`; a name must match exactly one project.",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.String{stringvalidator.UTF8LengthBetween(1, conns.MigrationTaskMaxStringLength)},
	}
	resp.Schema = dschema.Schema{
		MarkdownDescription: "One SMS migration project, looked up by `id` (`GET /v3/migprojects/{id}`) or by `name` (the list " +
			"of projects, which the API cannot filter), with the attributes of the `sms_migration_project` resource.",
		Attributes: attrs,
	}
}

func (d *migrationProjectDataSource) ConfigValidators(_ context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name"))}
}

func (d *migrationProjectDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = conns.DataSourceClient(req, resp)
}

func (d *migrationProjectDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var id, name types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("id"), &id)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("name"), &name)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !id.IsNull() {
		p, err := d.client.ShowMigproject(ctx, id.ValueString())
		if err != nil {
			conns.AddAPIError(&resp.Diagnostics, "Error reading SMS migration project "+id.ValueString(), err)
			return
		}
		resp.Diagnostics.Append(resp.State.Set(ctx, flattenMigrationProject(p))...)
		return
	}
	projects, err := d.client.ListMigprojects(ctx)
	if err != nil {
		conns.AddAPIError(&resp.Diagnostics, "Error listing SMS migration projects", err)
		return
	}
	byID := map[string]*client.MigProjectAnswer{}
	var ids []string
	for i, p := range projects {
		if p.Name == name.ValueString() && p.ID != nil {
			byID[*p.ID] = &projects[i]
			ids = append(ids, *p.ID)
		}
	}
	found, diags := conns.OneNamed(ids, name.ValueString(), "migration project", "sms_migration_projects")
	resp.Diagnostics.Append(diags...)
	if !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.State.Set(ctx, flattenMigrationProject(byID[found]))...)
	}
}
