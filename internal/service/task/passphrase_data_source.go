package task

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

var _ datasource.DataSourceWithConfigure = &migrationTaskPassphraseDataSource{}

// migrationTaskPassphraseDataSource reads the passphrase of a task's secure-channel
// certificate. It is its own data source so that nothing fetches the secret unless a
// configuration asks for it.
type migrationTaskPassphraseDataSource struct {
	client *client.Client
}

// NewMigrationTaskPassphraseDataSource is the data source constructor the provider registers.
func NewMigrationTaskPassphraseDataSource() datasource.DataSource {
	return &migrationTaskPassphraseDataSource{}
}

// migrationTaskIDArgument is the task_id argument of what names one task: the passphrase
// data source and ephemeral resource, and the actions.
var migrationTaskIDArgument = struct {
	description string
	validators  []validator.String
}{
	description: "The ID of the migration task, e.g. `sms_migration_task.web.id`.",
	validators:  []validator.String{stringvalidator.LengthBetween(1, conns.MigrationTaskMaxStringLength)},
}

type migrationTaskPassphraseModel struct {
	TaskID     types.String `tfsdk:"task_id"`
	Passphrase types.String `tfsdk:"passphrase"`
}

func (d *migrationTaskPassphraseDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_migration_task_passphrase"
}

func (d *migrationTaskPassphraseDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = dschema.Schema{
		MarkdownDescription: "The passphrase of a migration task's secure-channel certificate (`GET /v3/tasks/{task_id}/passphrase`), " +
			"for configuring the Agent's secure channel. The passphrase is sensitive: Terraform hides it in plans and " +
			"output, the provider never logs it, and it is fetched only by this data source, never by the " +
			"`sms_migration_task` resource. It is stored in the state, as every data source value is: protect the state, or " +
			"use the ephemeral resource `sms_migration_task_passphrase` (Terraform 1.10 or later), which keeps it out of the " +
			"plan and the state.",
		Attributes: map[string]dschema.Attribute{
			"task_id": dschema.StringAttribute{
				MarkdownDescription: migrationTaskIDArgument.description,
				Required:            true,
				Validators:          migrationTaskIDArgument.validators,
			},
			"passphrase": dschema.StringAttribute{
				MarkdownDescription: "The certificate passphrase.",
				Computed:            true,
				Sensitive:           true,
			},
		},
	}
}

func (d *migrationTaskPassphraseDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = conns.DataSourceClient(req, resp)
}

func (d *migrationTaskPassphraseDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m migrationTaskPassphraseModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	passphrase, err := readMigrationTaskPassphrase(ctx, d.client, m.TaskID.ValueString())
	if err != nil {
		conns.AddAPIError(&resp.Diagnostics, "Error reading the SMS migration task's passphrase", err)
		return
	}
	m.Passphrase = passphrase
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// readMigrationTaskPassphrase is the one read of the passphrase, for the data source and the
// ephemeral resource alike.
func readMigrationTaskPassphrase(ctx context.Context, c *client.Client, taskID string) (types.String, error) {
	passphrase, err := c.ShowTaskPassphrase(ctx, taskID)
	if err != nil {
		return types.StringNull(), err
	}
	return types.StringValue(passphrase), nil
}
