package task

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/values"
)

// flattenMigrationTask writes every field the API returned over prior (the plan on
// create, the state otherwise). Only a field the API did not return (nil at any
// depth) keeps its prior value, so drift always shows. Create-only attributes and
// timeouts come from prior, since ShowTask never returns them. Every value in the
// result is known: what is still unknown after the merge becomes null.
func flattenMigrationTask(ctx context.Context, task *client.Task, prior migrationTaskResourceModel) (migrationTaskResourceModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	if task == nil {
		diags.AddError("Unexpected migration task response", "The SMS API returned no task.")
		return prior, diags
	}

	fresh, diags := flattenMigrationTaskFromAPI(ctx, task)
	if diags.HasError() {
		return prior, diags
	}

	result := prior
	// Timeouts are configuration, never API data; only an unknown in them is nulled.
	if obj, ok := values.NullUnknowns(prior.Timeouts.Object).(types.Object); ok {
		result.Timeouts = timeouts.Value{Object: obj}
	}
	for _, f := range migrationTaskReadFields() {
		merged := values.NullUnknowns(values.KeepPriorWhereNull(f.Get(&fresh), f.Get(&prior)))
		if !f.set(&result, merged) {
			diags.AddError("Internal error reading the migration task",
				"The value of "+f.Key+" has an unexpected type; please report this bug.")
		}
	}
	for _, f := range append(migrationTaskCreateOnlyFields(), migrationTaskLifecycleFields()...) {
		f.set(&result, values.NullUnknowns(f.Get(&prior)))
	}
	if result.SpeedLimitWindows.ElementType(ctx) == nil {
		// A prior that was never typed (an empty model) still has to leave a typed null.
		result.SpeedLimitWindows = types.ListNull(migrationTaskElemObjectType("speed_limit_windows"))
	}
	if result.Configurations.ElementType(ctx) == nil {
		result.Configurations = types.SetNull(migrationTaskElemObjectType("configurations"))
	}
	return result, diags
}

// flattenMigrationTaskFromAPI maps the response alone: a nil field is null. Every read
// field comes from the ShowTask answer's key of its name (flattenWire).
func flattenMigrationTaskFromAPI(_ context.Context, t *client.Task) (migrationTaskResourceModel, diag.Diagnostics) {
	var m migrationTaskResourceModel
	v, diags := flattenWire("", t)
	obj, ok := v.(types.Object)
	if diags.HasError() || !ok {
		return m, diags
	}
	attrs := obj.Attributes()
	for _, f := range migrationTaskReadFields() {
		if !f.set(&m, attrs[f.Key]) {
			diags.AddError("Internal error reading the migration task",
				"The value of "+f.Key+" has an unexpected type; please report this bug.")
		}
	}
	return m, diags
}
