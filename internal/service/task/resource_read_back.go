package task

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

// readBackMigrationTask is the state a refresh records for task, over prior: ShowTask's
// answer, the defaults of what SMS never reports, and the speed-limit windows and
// configurations when prior holds them (or, for windows, right after an import: a task
// without them costs no second GET).
func readBackMigrationTask(ctx context.Context, c *client.Client, task *client.Task, prior migrationTaskResourceModel, imported bool) (migrationTaskResourceModel, diag.Diagnostics) {
	state, diags := flattenMigrationTask(ctx, task, prior)
	if diags.HasError() {
		return state, diags
	}
	applyImportDefaults(&state)
	id := prior.ID.ValueString()
	if !prior.SpeedLimitWindows.IsNull() || imported {
		windows, err := readMigrationTaskSpeedLimitWindows(ctx, c, id)
		if err != nil {
			conns.AddAPIError(&diags, "Error reading the SMS migration task's speed-limit windows", err)
			return state, diags
		}
		if imported && len(windows.Elements()) == 0 {
			windows = prior.SpeedLimitWindows // none: stays null, like a configuration without them
		}
		state.SpeedLimitWindows = windows
	}
	if !prior.Configurations.IsNull() {
		configs, err := readMigrationTaskConfigurations(ctx, c, id)
		if err != nil {
			conns.AddAPIError(&diags, "Error reading the SMS migration task's configurations", err)
			return state, diags
		}
		state.Configurations = configs
	}
	state.Timeouts = prior.Timeouts
	return state, diags
}

// importedMigrationTaskState fills st, null but for the task's id, as the Read after an
// import would: what a list result carries for -generate-config-out.
func importedMigrationTaskState(ctx context.Context, c *client.Client, id string, st *tfsdk.State) diag.Diagnostics {
	var prior migrationTaskResourceModel
	diags := getMigrationTaskModel(ctx, st.Raw, &prior)
	if diags.HasError() {
		return diags
	}
	task, err := c.ShowTask(ctx, id)
	if err != nil {
		conns.AddAPIError(&diags, "Error reading SMS migration task "+id, err)
		return diags
	}
	state, d := readBackMigrationTask(ctx, c, task, prior, true)
	diags.Append(d...)
	if !diags.HasError() {
		diags.Append(setMigrationTaskState(ctx, st, state)...)
	}
	return diags
}
