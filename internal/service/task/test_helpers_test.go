package task

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
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

// flattenObjectAt is flattenWire of an object attribute.
func flattenObjectAt(path string, wire any) (types.Object, diag.Diagnostics) {
	v, diags := flattenWire(path, wire)
	obj, _ := v.(types.Object)
	return obj, diags
}

// testCreateTargetDisks is what CreateTask's TargetDisks hold of the target disks v: the
// keys they share, written out here apart from the generic conversion that sends them.
func testCreateTargetDisks(v attr.Value) []client.CreateTargetDisk {
	list, _ := v.(types.List)
	var out []client.CreateTargetDisk
	for _, e := range list.Elements() {
		obj, _ := e.(types.Object)
		a := obj.Attributes()
		str := func(a map[string]attr.Value, k string) *string {
			s, _ := a[k].(types.String)
			return values.StringPointer(s)
		}
		num := func(a map[string]attr.Value, k string) *int64 {
			n, _ := a[k].(types.Int64)
			return values.Int64Pointer(n)
		}
		disk := client.CreateTargetDisk{
			DeviceUse: str(a, "device_use"), DiskID: str(a, "disk_id"), Name: str(a, "name"),
			Size: num(a, "size"), UsedSize: num(a, "used_size"),
		}
		volumes, _ := a["physical_volumes"].(types.List)
		for _, pv := range volumes.Elements() {
			pvObj, _ := pv.(types.Object)
			p := pvObj.Attributes()
			disk.PhysicalVolumes = append(disk.PhysicalVolumes, client.PhysicalVolume{
				DeviceUse: str(p, "device_use"), FileSystem: str(p, "file_system"), Index: num(p, "index"),
				MountPoint: str(p, "mount_point"), Name: str(p, "name"), Size: num(p, "size"),
				UsedSize: num(p, "used_size"), UUID: str(p, "uuid"),
			})
		}
		out = append(out, disk)
	}
	return out
}
