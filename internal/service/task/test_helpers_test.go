package task

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/values"
)

// decodeAndFlattenMigrationTask is what a read does with a ShowTask body, for tests that
// start from JSON: the client's decoding (a JSON object into client.Task), then the
// flatten. A body the client would refuse is an error diagnostic and prior comes back
// unchanged; the client's own tests cover the error it reports.
func decodeAndFlattenMigrationTask(ctx context.Context, body []byte, prior migrationTaskResourceModel) (migrationTaskResourceModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		diags.AddError("Unexpected migration task response", fmt.Sprintf("not a JSON object: %q", trimmed))
		return prior, diags
	}
	var task client.Task
	if err := json.Unmarshal(trimmed, &task); err != nil {
		diags.AddError("Unexpected migration task response", err.Error())
		return prior, diags
	}
	return flattenMigrationTask(ctx, &task, prior)
}

// expandMigrationTaskSubTasks is the inverse of flattenMigrationTaskSubTasks, for
// round-trip tests: sub_tasks is read-only, so no request carries it.
func expandMigrationTaskSubTasks(ctx context.Context, v types.List) ([]client.SubTask, diag.Diagnostics) {
	return expandObjectList(ctx, v, func(_ context.Context, m migrationTaskSubTaskModel) (client.SubTask, diag.Diagnostics) {
		return client.SubTask{
			ID:           values.Int64Pointer(m.ID),
			Name:         values.StringPointer(m.Name),
			Progress:     values.Int64Pointer(m.Progress),
			StartDate:    values.Int64Pointer(m.StartDate),
			EndDate:      values.Int64Pointer(m.EndDate),
			MigrateSpeed: values.Float64Pointer(m.MigrateSpeed),
			UserOp:       values.StringPointer(m.UserOp),
			ProcessTrace: values.StringPointer(m.ProcessTrace),
		}, nil
	})
}
