package task

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	eschema "github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

var _ ephemeral.EphemeralResourceWithConfigure = &migrationTaskPassphraseEphemeral{}

// migrationTaskPassphraseEphemeral reads the passphrase as the data source does
// (migrationTaskPassphraseModel), but Terraform keeps an ephemeral value out of the plan and
// the state.
type migrationTaskPassphraseEphemeral struct {
	client *client.Client
}

// NewMigrationTaskPassphraseEphemeralResource is the ephemeral resource constructor the provider registers.
func NewMigrationTaskPassphraseEphemeralResource() ephemeral.EphemeralResource {
	return &migrationTaskPassphraseEphemeral{}
}

func (e *migrationTaskPassphraseEphemeral) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_migration_task_passphrase"
}

func (e *migrationTaskPassphraseEphemeral) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	resp.Schema = eschema.Schema{
		MarkdownDescription: "The passphrase of a migration task's secure-channel certificate (`GET /v3/tasks/{task_id}/passphrase`), " +
			"for configuring the Agent's secure channel, **never written to the plan or the state** (Terraform 1.10 or " +
			"later). Use it in a provider block, in a write-only argument or in another ephemeral context. The data source " +
			"of the same name reads the same value but stores it in the state; prefer this ephemeral resource. The provider " +
			"never logs the passphrase.",
		Attributes: map[string]eschema.Attribute{
			"task_id": eschema.StringAttribute{MarkdownDescription: migrationTaskIDArgument.description, Required: true, Validators: migrationTaskIDArgument.validators},
			"passphrase": eschema.StringAttribute{
				MarkdownDescription: "The certificate passphrase.",
				Computed:            true,
				Sensitive:           true,
			},
		},
	}
}

func (e *migrationTaskPassphraseEphemeral) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	if data := conns.ConfiguredProviderData(req.ProviderData, &resp.Diagnostics); data != nil {
		e.client = data.Client
	}
}

func (e *migrationTaskPassphraseEphemeral) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	var m migrationTaskPassphraseModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	passphrase, err := readMigrationTaskPassphrase(ctx, e.client, m.TaskID.ValueString())
	if err != nil {
		conns.AddAPIError(&resp.Diagnostics, "Error reading the SMS migration task's passphrase", err)
		return
	}
	m.Passphrase = passphrase
	resp.Diagnostics.Append(resp.Result.Set(ctx, &m)...)
}
