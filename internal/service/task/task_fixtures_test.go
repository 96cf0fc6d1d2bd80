package task

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

// SeedExampleTask is the seed example body and the model it flattens to (all values known).
func SeedExampleTask(b testing.TB) ([]byte, migrationTaskResourceModel) {
	b.Helper()
	body, err := os.ReadFile("testdata/seed_put_example.json")
	if err != nil {
		b.Fatal(err)
	}
	return body, flattenFixture(b, body)
}

// DeepTaskBody is the seed example body with a target server of disks disks of
// volumes physical volumes each, shaped like the seed's own: the deep-body step of
// make bench, without Terraform, so the provider's own share of that time shows.
func DeepTaskBody(b testing.TB, disks, volumes int) ([]byte, migrationTaskResourceModel) {
	b.Helper()
	seed, _ := SeedExampleTask(b)
	var task client.Task
	if err := json.Unmarshal(seed, &task); err != nil {
		b.Fatal(err)
	}
	diskTemplate := task.TargetServer.Disks[0]
	volumeTemplate := diskTemplate.PhysicalVolumes[0]
	task.TargetServer.Disks = make([]client.TargetDisk, disks)
	for d := range disks {
		disk := diskTemplate
		disk.ID = new(int64(1000 + d))
		disk.Name = new(fmt.Sprintf("Disk %d", d))
		disk.PhysicalVolumes = make([]client.TargetPhysicalVolume, volumes)
		for v := range volumes {
			volume := volumeTemplate
			volume.ID = new(int64(100000 + d*volumes + v))
			volume.Index = new(int64(v))
			volume.Name = new(fmt.Sprintf("/dev/vd%dp%d", d, v))
			disk.PhysicalVolumes[v] = volume
		}
		task.TargetServer.Disks[d] = disk
	}
	body, err := json.Marshal(&task)
	if err != nil {
		b.Fatal(err)
	}
	return body, flattenFixture(b, body)
}

func flattenFixture(b testing.TB, body []byte) migrationTaskResourceModel {
	b.Helper()
	model, diags := decodeAndFlattenMigrationTask(b.Context(), body, migrationTaskResourceModel{})
	if diags.HasError() {
		b.Fatal(diags)
	}
	return model
}

// VolumesPerDeepDisk is the number of physical volumes per disk of the deep cases, as
// in make bench's deep step.
const VolumesPerDeepDisk = 8
