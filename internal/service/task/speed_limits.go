package task

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

// errorCodeNoSpeedLimit is SMS's answer to reading the windows of a task that has none.
const errorCodeNoSpeedLimit = "SMS.6302"

// expandMigrationTaskSpeedLimitWindows turns the configured windows into the wire rules;
// null (the attribute removed) and [] both mean "no windows".
func expandMigrationTaskSpeedLimitWindows(_ context.Context, l types.List) ([]client.SpeedLimitWindow, diag.Diagnostics) {
	out, _, diags := expandWire[[]client.SpeedLimitWindow](l)
	if out == nil {
		out = []client.SpeedLimitWindow{}
	}
	return out, diags
}

// flattenMigrationTaskSpeedLimitWindows reads the wire rules; none is [].
func flattenMigrationTaskSpeedLimitWindows(_ context.Context, windows []client.SpeedLimitWindow) (types.List, diag.Diagnostics) {
	if windows == nil {
		windows = []client.SpeedLimitWindow{}
	}
	v, diags := flattenWire("speed_limit_windows", windows)
	l, _ := v.(types.List)
	return l, diags
}

// readMigrationTaskSpeedLimitWindows reads the windows back; a task with none reads as [].
func readMigrationTaskSpeedLimitWindows(ctx context.Context, c *client.Client, id string) (types.List, error) {
	windows, err := c.ShowSpeedLimits(ctx, id)
	var apiErr *client.APIError
	if errors.As(err, &apiErr) && apiErr.ErrorCode == errorCodeNoSpeedLimit {
		windows, err = nil, nil
	}
	if err != nil {
		return types.ListNull(migrationTaskElemObjectType("speed_limit_windows")), err
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
