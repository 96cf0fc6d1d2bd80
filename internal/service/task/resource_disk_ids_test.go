package task_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// testAccMigrationTaskConfig_diskIdentity lays out target disks by name, each with a size
// and one volume of its own, whatever its position.
func testAccMigrationTaskConfig_diskIdentity(sourceServerID string, names ...string) string {
	var b strings.Builder
	for _, n := range names {
		size := map[string]int64{"/dev/vda": 10737418240, "/dev/vdb": 21474836480, "/dev/vdc": 32212254720}[n]
		fmt.Fprintf(&b, "      { name = %q, size = %d, used_size = 1073741824, physical_volumes = [{ name = %q, index = 0, size = 1073741824, used_size = 536870912, file_system = \"ext4\", mount_point = \"/mnt/%s\" }] },\n",
			n, size, n+"1", strings.TrimPrefix(n, "/dev/"))
	}
	return fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name          = "task-disk-identity"
  type          = "MIGRATE_BLOCK"
  os_type       = "LINUX"
  source_server = { id = %q }
  target_server = {
    name    = "target-identity"
    vm_id   = "c1bd67b6-1caa-403e-9e32-81d2feafcda9"
    os_type = "LINUX"
    disks = [
%s    ]
  }
}
`, sourceServerID, b.String())
}

// diskIDs maps each target disk's name to its SMS id, and its volume's name to the
// volume's id, as state holds them.
func diskIDs(s *terraform.State) (map[string]string, error) {
	rs, ok := s.RootModule().Resources[testAccTaskAddress]
	if !ok {
		return nil, fmt.Errorf("%s not in state", testAccTaskAddress)
	}
	a := rs.Primary.Attributes
	ids := map[string]string{}
	for i := 0; a[fmt.Sprintf("target_server.disks.%d.name", i)] != ""; i++ {
		ids[a[fmt.Sprintf("target_server.disks.%d.name", i)]] = a[fmt.Sprintf("target_server.disks.%d.id", i)]
		ids[a[fmt.Sprintf("target_server.disks.%d.physical_volumes.0.name", i)]] = a[fmt.Sprintf("target_server.disks.%d.physical_volumes.0.id", i)]
	}
	return ids, nil
}

// The ids SMS assigns to target disks and their volumes follow each disk's name, not its
// position: removing the middle disk and then swapping two sends each disk's own ids.
func TestAccMigrationTaskResource_targetDiskIDsFollowIdentity(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	var ids map[string]string
	remember := func(s *terraform.State) (err error) {
		ids, err = diskIDs(s)
		if err == nil && len(ids) != 6 {
			err = fmt.Errorf("want ids of 3 disks and 3 volumes, got %v", ids)
		}
		return err
	}
	// putDisks checks the one PUT's target_server.disks: names in order, each with the id
	// (and its volume with the id) that SMS gave it.
	putDisks := func(names ...string) resource.TestCheckFunc {
		return func(*terraform.State) error {
			puts := env.Requests(http.MethodPut, "/v3/tasks/")
			if len(puts) != 1 {
				return fmt.Errorf("want 1 PUT, got %d", len(puts))
			}
			var body struct {
				TargetServer struct {
					Disks []struct {
						ID              *int64 `json:"id"`
						Name            string `json:"name"`
						PhysicalVolumes []struct {
							ID   *int64 `json:"id"`
							Name string `json:"name"`
						} `json:"physical_volumes"`
					} `json:"disks"`
				} `json:"target_server"`
			}
			if err := json.Unmarshal(puts[0].Body, &body); err != nil {
				return err
			}
			disks := body.TargetServer.Disks
			if len(disks) != len(names) {
				return fmt.Errorf("PUT sends %d disks, want %d: %s", len(disks), len(names), puts[0].Body)
			}
			for i, d := range disks {
				if d.Name != names[i] || d.ID == nil || fmt.Sprint(*d.ID) != ids[d.Name] {
					return fmt.Errorf("disk %d sent as %q with id %d, want %q with id %s: %s", i, d.Name, testcheck.Deref(d.ID), names[i], ids[names[i]], puts[0].Body)
				}
				v := d.PhysicalVolumes[0]
				if v.ID == nil || fmt.Sprint(*v.ID) != ids[v.Name] {
					return fmt.Errorf("volume %q of disk %q sent with id %d, want %s", v.Name, d.Name, testcheck.Deref(v.ID), ids[v.Name])
				}
			}
			return nil
		}
	}
	reset := func() { env.Emu.ResetJournal() }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				Config: env.ProviderBlock + testAccMigrationTaskConfig_diskIdentity(env.SourceServerID, "/dev/vda", "/dev/vdb", "/dev/vdc"),
				Check:  remember,
			},
			{
				PreConfig:        reset,
				Config:           env.ProviderBlock + testAccMigrationTaskConfig_diskIdentity(env.SourceServerID, "/dev/vda", "/dev/vdc"),
				ConfigPlanChecks: updateInPlace(),
				Check:            putDisks("/dev/vda", "/dev/vdc"),
			},
			{
				PreConfig:        reset,
				Config:           env.ProviderBlock + testAccMigrationTaskConfig_diskIdentity(env.SourceServerID, "/dev/vdc", "/dev/vda"),
				ConfigPlanChecks: updateInPlace(),
				Check:            putDisks("/dev/vdc", "/dev/vda"),
			},
		},
	})
}
