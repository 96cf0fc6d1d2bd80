package task

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/values"
)

// BenchmarkModelConversion measures why migration_task_model_convert.go exists: the
// target disks of a 1024-disk × 8-volume task read into their models and built back,
// by its cached field layout (cached) and by the framework's own reflection
// (framework: Object.As and ListValueFrom). Run it with
//
//	go test ./internal/service/task -run '^$' -bench BenchmarkModelConversion -benchmem
func BenchmarkModelConversion(b *testing.B) {
	body, _ := DeepTaskBody(b, 1024, VolumesPerDeepDisk)
	model := flattenFixture(b, body)
	target, ok, diags := expandObjectAs[migrationTaskTargetServerModel](model.TargetServer)
	if !ok || diags.HasError() {
		b.Fatal("no target server", diags)
	}
	disks := target.Disks.Elements()
	attrTypes := migrationTaskTargetDiskAttrTypes()
	models := make([]migrationTaskTargetDiskModel, len(disks))
	b.Run("read/cached", func(b *testing.B) {
		for b.Loop() {
			for i, d := range disks {
				m, diags := values.ModelFromObject[migrationTaskTargetDiskModel](d.(types.Object)) //nolint:forcetypeassert // a list of objects
				if diags.HasError() {
					b.Fatal(diags)
				}
				models[i] = m
			}
		}
	})
	b.Run("read/framework", func(b *testing.B) {
		for b.Loop() {
			for i, d := range disks {
				if diags := d.(types.Object).As(b.Context(), &models[i], basetypes.ObjectAsOptions{}); diags.HasError() { //nolint:forcetypeassert // a list of objects
					b.Fatal(diags)
				}
			}
		}
	})
	b.Run("build/cached", func(b *testing.B) {
		for b.Loop() {
			if _, diags := values.ListFromModels(attrTypes, models); diags.HasError() {
				b.Fatal(diags)
			}
		}
	})
	b.Run("build/framework", func(b *testing.B) {
		for b.Loop() {
			if _, diags := types.ListValueFrom(b.Context(), types.ObjectType{AttrTypes: attrTypes}, models); diags.HasError() {
				b.Fatal(diags)
			}
		}
	})
}
