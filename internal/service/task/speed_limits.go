package task

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/values"
)

// errorCodeNoSpeedLimit is SMS's answer to reading the windows of a task that has none.
const errorCodeNoSpeedLimit = "SMS.6302"

// expandMigrationTaskSpeedLimitWindows turns the configured windows into the wire rules;
// null (the attribute removed) and [] both mean "no windows".
func expandMigrationTaskSpeedLimitWindows(ctx context.Context, l types.List) ([]client.SpeedLimitWindow, diag.Diagnostics) {
	out := []client.SpeedLimitWindow{}
	if l.IsNull() || l.IsUnknown() {
		return out, nil
	}
	var windows []migrationTaskSpeedLimitWindowModel
	diags := l.ElementsAs(ctx, &windows, false)
	for _, w := range windows {
		out = append(out, client.SpeedLimitWindow{
			Start: w.Start.ValueString(), End: w.End.ValueString(),
			Speed: values.Int64Pointer(w.Speed), OverSpeedThreshold: values.Float64Pointer(w.OverSpeedThreshold),
		})
	}
	return out, diags
}

func flattenMigrationTaskSpeedLimitWindows(ctx context.Context, windows []client.SpeedLimitWindow) (types.List, diag.Diagnostics) {
	models := make([]migrationTaskSpeedLimitWindowModel, len(windows))
	for i, w := range windows {
		models[i] = migrationTaskSpeedLimitWindowModel{
			Start: types.StringValue(w.Start), End: types.StringValue(w.End),
			Speed: types.Int64PointerValue(w.Speed), OverSpeedThreshold: types.Float64PointerValue(w.OverSpeedThreshold),
		}
	}
	return types.ListValueFrom(ctx, types.ObjectType{AttrTypes: migrationTaskSpeedLimitWindowAttrTypes()}, models)
}

// readMigrationTaskSpeedLimitWindows reads the windows back; a task with none reads as [].
func readMigrationTaskSpeedLimitWindows(ctx context.Context, c *client.Client, id string) (types.List, error) {
	windows, err := c.ShowSpeedLimits(ctx, id)
	var apiErr *client.APIError
	if errors.As(err, &apiErr) && apiErr.ErrorCode == errorCodeNoSpeedLimit {
		windows, err = nil, nil
	}
	if err != nil {
		return types.ListNull(types.ObjectType{AttrTypes: migrationTaskSpeedLimitWindowAttrTypes()}), err
	}
	l, diags := flattenMigrationTaskSpeedLimitWindows(ctx, windows)
	if diags.HasError() {
		return l, errors.New("unexpected speed-limit windows in the API response")
	}
	return l, nil
}

// privateKeyImportedWindows marks a task just imported: its first refresh reads the
// speed-limit windows too, which a refresh otherwise reads only when they are configured.
const PrivateKeyImportedWindows = "imported_windows"

// importedWithoutWindows reports whether private holds the import marker.
func importedWithoutWindows(ctx context.Context, private interface {
	GetKey(context.Context, string) ([]byte, diag.Diagnostics)
}) (bool, diag.Diagnostics) {
	marker, diags := private.GetKey(ctx, PrivateKeyImportedWindows)
	return len(marker) > 0, diags
}
