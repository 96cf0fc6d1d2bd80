package task

import (
	"encoding/json"
	"testing"

	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

// BenchmarkModelConversion measures the generic conversion of nested objects
// (resource_wire.go) on the target disks of a 1024-disk × 8-volume task: expand (the
// list value to the PUT's wire disks, through JSON) and flatten (ShowTask's wire disks
// to the list value). Run it with
//
//	go test ./internal/service/task -run '^$' -bench BenchmarkModelConversion -benchmem
func BenchmarkModelConversion(b *testing.B) {
	body, model := DeepTaskBody(b, 1024, VolumesPerDeepDisk)
	var task client.Task
	if err := json.Unmarshal(body, &task); err != nil {
		b.Fatal(err)
	}
	disks := migrationTaskChild(model.TargetServer, "disks")
	b.Run("expand", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, ok, diags := expandWire[[]client.PutTargetDisk](disks); !ok || diags.HasError() {
				b.Fatal(diags)
			}
		}
	})
	b.Run("flatten", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, diags := flattenWire("target_server.disks", task.TargetServer.Disks); diags.HasError() {
				b.Fatal(diags)
			}
		}
	})
}
