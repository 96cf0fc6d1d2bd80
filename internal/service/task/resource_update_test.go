package task_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

// Every step of these tests is followed by the harness's own empty-plan check, so each
// one also proves the nested group it touches has no perpetual diff.

func updateInPlace() resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{
		PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testAccTaskAddress, plancheck.ResourceActionUpdate)},
	}
}

func TestAccMigrationTaskResource_update_scalars(t *testing.T) {
	env := acctest.NewAccEnv(t)
	cfg := func(priority int, startTarget bool, ip, template, ep string) string {
		return env.ProviderBlock + fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name                  = "task-scalars"
  type                  = "MIGRATE_BLOCK"
  os_type               = "LINUX"
  priority              = %d
  start_target_server   = %t
  migration_ip          = %q
  vm_template_id        = %q
  enterprise_project_id = %q
  region_id             = "ap-southeast-3"
  region_name           = "ap-southeast-3"
  project_name          = "ap-southeast-3"
  speed_limit           = 0
  source_server         = { id = %q }
}
`, priority, startTarget, ip, template, ep, env.SourceServerID)
	}
	// priority and start_target_server are in the seed's update body only: the current
	// model refuses to change them at plan time, naming them and the way out.
	seedOnly := resource.TestStep{Config: cfg(2, false, "192.0.2.11", "tpl-2", "ep-2")}
	if env.APIModel == conns.APIModelSeed {
		seedOnly.ConfigPlanChecks = updateInPlace()
		seedOnly.ConfigStateChecks = []statecheck.StateCheck{
			statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("priority"), knownvalue.Int64Exact(2)),
			statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("start_target_server"), knownvalue.Bool(false)),
		}
	} else {
		seedOnly.ExpectError = regexp.MustCompile(`(?s)priority cannot be changed in place.*-replace=sms_migration_task.*` +
			`start_target_server cannot be changed in place.*set\s+start_target_server\s+back\s+to\s+true`)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{Config: cfg(0, true, "192.0.2.10", "tpl-1", "0")},
			{
				Config:           cfg(0, true, "192.0.2.11", "tpl-2", "ep-2"),
				ConfigPlanChecks: updateInPlace(),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("migration_ip"), knownvalue.StringExact("192.0.2.11")),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("vm_template_id"), knownvalue.StringExact("tpl-2")),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("enterprise_project_id"), knownvalue.StringExact("ep-2")),
				},
			},
			seedOnly,
		},
	})
}

func TestAccMigrationTaskResource_update_sourceServer(t *testing.T) {
	env := acctest.NewAccEnv(t)
	cfg := func(cpu int, kernel string) string {
		return env.ProviderBlock + fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name    = "task-source"
  type    = "MIGRATE_FILE"
  os_type = "LINUX"
  source_server = {
    id             = %q
    cpu_quantity   = %d
    memory         = 8192
    kernel_version = %q
    firmware       = "BIOS"
    boot_loader    = "GRUB"
    has_rsync      = true
    disks = [{
      name             = "/dev/vda"
      device_use       = "OS"
      size             = 42949672960
      used_size        = 10737418240
      partition_style  = "MBR"
      physical_volumes = [{ name = "/dev/vda1", mount_point = "/", file_system = "ext4", size = 42948624384, used_size = 10737418240, index = 0 }]
    }]
    btrfs_list = []
  }
}
`, env.SourceServerID, cpu, kernel)
	}
	// The current model's update body has no source_server: the change is refused at plan
	// time, and the task keeps what it had.
	changed := resource.TestStep{Config: cfg(8, "5.14.0-70")}
	kept := int64(8)
	if env.APIModel == conns.APIModelSeed {
		changed.ConfigPlanChecks = updateInPlace()
	} else {
		changed.ExpectError = regexp.MustCompile(`(?s)source_server cannot be changed in place.*/v3/sources.*undo\s+the\s+change\s+to\s+source_server`)
		kept = 4
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{Config: cfg(4, "3.10.0-1160")},
			changed,
			{
				Config: cfg(int(kept), map[int64]string{4: "3.10.0-1160", 8: "5.14.0-70"}[kept]),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("source_server").AtMapKey("cpu_quantity"), knownvalue.Int64Exact(kept)),
					// Filled by the API from the registered server, never configured.
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("source_server").AtMapKey("name"), knownvalue.StringExact("web-linux-01")),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("source_server").AtMapKey("btrfs_list"), knownvalue.ListSizeExact(0)),
				},
			},
			{ResourceName: testAccTaskAddress, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: ImportVerifyIgnore(env)},
		},
	})
}

// targetDisk is a disk of testAccMigrationTaskConfig_targetDisks, with its volumes named.
type targetDisk struct {
	name    string
	volumes []string
}

func testAccMigrationTaskConfig_targetDisks(sourceServerID string, disks []targetDisk) string {
	var b strings.Builder
	for i, d := range disks {
		fmt.Fprintf(&b, "      {\n        name = %q\n        size = %d\n        used_size = %d\n        device_use = %q\n        physical_volumes = [\n",
			d.name, 10737418240*(i+1), 1073741824*(i+1), map[bool]string{true: "OS", false: "NORMAL"}[i == 0])
		for j, v := range d.volumes {
			fmt.Fprintf(&b, "          { name = %q, index = %d, size = %d, used_size = %d, file_system = \"ext4\", mount_point = %q },\n",
				v, j, 1073741824*(j+1), 536870912, "/mnt/"+strings.TrimPrefix(v, "/dev/"))
		}
		b.WriteString("        ]\n      },\n")
	}
	return fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name          = "task-target-disks"
  type          = "MIGRATE_BLOCK"
  os_type       = "LINUX"
  source_server = { id = %q }
  target_server = {
    name    = "target-01"
    vm_id   = "c1bd67b6-1caa-403e-9e32-81d2feafcda9"
    os_type = "LINUX"
    disks = [
%s    ]
  }
}
`, sourceServerID, b.String())
}

func TestAccMigrationTaskResource_update_targetDisks(t *testing.T) {
	env := acctest.NewAccEnv(t)
	diskPath := func(i int) tfjsonpath.Path { return tfjsonpath.New("target_server").AtMapKey("disks").AtSliceIndex(i) }
	step := func(disks []targetDisk, checks ...statecheck.StateCheck) resource.TestStep {
		return resource.TestStep{
			Config:            env.ProviderBlock + testAccMigrationTaskConfig_targetDisks(env.SourceServerID, disks),
			ConfigStateChecks: checks,
		}
	}
	one := []targetDisk{{"/dev/vda", []string{"/dev/vda1"}}}
	two := []targetDisk{{"/dev/vda", []string{"/dev/vda1", "/dev/vda2"}}, {"/dev/vdb", []string{"/dev/vdb1"}}}
	reordered := []targetDisk{{"/dev/vdb", []string{"/dev/vdb1"}}, {"/dev/vda", []string{"/dev/vda2", "/dev/vda1"}}}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			step(one,
				statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("target_server").AtMapKey("disks"), knownvalue.ListSizeExact(1)),
				statecheck.ExpectKnownValue(testAccTaskAddress, diskPath(0).AtMapKey("id"), knownvalue.NotNull()),
			),
			// Added: a disk and a volume.
			step(two,
				statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("target_server").AtMapKey("disks"), knownvalue.ListSizeExact(2)),
				statecheck.ExpectKnownValue(testAccTaskAddress, diskPath(0).AtMapKey("physical_volumes"), knownvalue.ListSizeExact(2)),
				statecheck.ExpectKnownValue(testAccTaskAddress, diskPath(1).AtMapKey("physical_volumes").AtSliceIndex(0).AtMapKey("name"), knownvalue.StringExact("/dev/vdb1")),
			),
			// Reordered: disks and the volumes inside one.
			step(reordered,
				statecheck.ExpectKnownValue(testAccTaskAddress, diskPath(0).AtMapKey("name"), knownvalue.StringExact("/dev/vdb")),
				statecheck.ExpectKnownValue(testAccTaskAddress, diskPath(1).AtMapKey("physical_volumes").AtSliceIndex(0).AtMapKey("name"), knownvalue.StringExact("/dev/vda2")),
			),
			// Removed: back to one disk with one volume.
			step(one,
				statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("target_server").AtMapKey("disks"), knownvalue.ListSizeExact(1)),
				statecheck.ExpectKnownValue(testAccTaskAddress, diskPath(0).AtMapKey("physical_volumes"), knownvalue.ListSizeExact(1)),
			),
			{ResourceName: testAccTaskAddress, ImportState: true, ImportStateVerify: true},
		},
	})
}

func TestAccMigrationTaskResource_update_volumeGroups(t *testing.T) {
	env := acctest.NewAccEnv(t)
	lvList := func(lvNames ...string) string {
		var lvs []string
		for _, n := range lvNames {
			lvs = append(lvs, fmt.Sprintf(`{ name = %q, file_system = "xfs", inode_size = 256, mount_point = "/%s", size = 10737418240, used_size = 1073741824, free_size = 9663676416 }`, n, n))
		}
		return strings.Join(lvs, ", ")
	}
	// The source's volume groups change with the target's under the seed model; the
	// current model cannot update source_server, so there they stay as created.
	cfg := func(lvNames ...string) string {
		source := lvList(lvNames...)
		if env.APIModel == conns.APIModelCurrent {
			source = lvList("lv_root")
		}
		return env.ProviderBlock + fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name    = "task-vg"
  type    = "MIGRATE_FILE"
  os_type = "LINUX"
  source_server = {
    id            = %[1]q
    volume_groups = [{ name = "vg_src", components = "/dev/vdb1", size = 21474836480, free_size = 0, logical_volumes = [%[2]s] }]
  }
  target_server = {
    name          = "target-vg"
    vm_id         = ""
    volume_groups = [{ name = "vg_dst", components = "/dev/vdb1", size = 21474836480, free_size = 0, logical_volumes = [%[3]s] }]
  }
}
`, env.SourceServerID, source, lvList(lvNames...))
	}
	lvPath := func(server string, i int) tfjsonpath.Path {
		return tfjsonpath.New(server).AtMapKey("volume_groups").AtSliceIndex(0).AtMapKey("logical_volumes").AtSliceIndex(i)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				Config: cfg("lv_root"),
				ConfigStateChecks: []statecheck.StateCheck{
					// Documented defaults of LogicalVolumes.
					statecheck.ExpectKnownValue(testAccTaskAddress, lvPath("target_server", 0).AtMapKey("block_count"), knownvalue.Int64Exact(0)),
					statecheck.ExpectKnownValue(testAccTaskAddress, lvPath("target_server", 0).AtMapKey("block_size"), knownvalue.Int64Exact(0)),
				},
			},
			{
				Config:           cfg("lv_root", "lv_data"),
				ConfigPlanChecks: updateInPlace(),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, lvPath("source_server", 0).AtMapKey("name"), knownvalue.StringExact("lv_root")),
					statecheck.ExpectKnownValue(testAccTaskAddress, lvPath("target_server", 1).AtMapKey("mount_point"), knownvalue.StringExact("/lv_data")),
				},
			},
			{Config: cfg("lv_data"), ConfigPlanChecks: updateInPlace()},
			{ResourceName: testAccTaskAddress, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: ImportVerifyIgnore(env)},
		},
	})
}

func TestAccMigrationTaskResource_update_networks(t *testing.T) {
	env := acctest.NewAccEnv(t)
	eth0 := `{ name = "eth0", ip = "192.0.2.5", netmask = "255.255.255.0", gateway = "192.0.2.1", mac = "fa:16:3e:00:00:01", mtu = 1500 }`
	// The source's NICs change with the target's under the seed model; the current model
	// cannot update source_server, so there they stay as created.
	cfg := func(nics string) string {
		source := nics
		if env.APIModel == conns.APIModelCurrent {
			source = eth0
		}
		return env.ProviderBlock + fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name    = "task-networks"
  type    = "MIGRATE_FILE"
  os_type = "LINUX"
  source_server = {
    id       = %[1]q
    networks = [%[2]s]
  }
  target_server = {
    name     = "target-net"
    vm_id    = ""
    networks = [%[3]s]
  }
}
`, env.SourceServerID, source, nics)
	}
	eth1 := `{ name = "eth1", ip = "198.51.100.5", netmask = "255.255.255.0", gateway = "198.51.100.1", mac = "fa:16:3e:00:00:02", mtu = 9000 }`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{Config: cfg(eth0)},
			{
				Config:           cfg(eth0 + ", " + eth1),
				ConfigPlanChecks: updateInPlace(),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("target_server").AtMapKey("networks").AtSliceIndex(1).AtMapKey("mtu"), knownvalue.Int64Exact(9000)),
				},
			},
			{Config: cfg(eth1), ConfigPlanChecks: updateInPlace()},
			{ResourceName: testAccTaskAddress, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: ImportVerifyIgnore(env)},
		},
	})
}

func TestAccMigrationTaskResource_update_cloneServer(t *testing.T) {
	env := acctest.NewAccEnv(t)
	cfg := func(name string) string {
		return env.ProviderBlock + fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name          = "task-clone"
  type          = "MIGRATE_BLOCK"
  os_type       = "LINUX"
  source_server = { id = %q }
  clone_server  = { vm_id = "5c1b6f2e-0d3a-4f8e-9b7c-2a1d0e9f8c7b", name = %q }
}
`, env.SourceServerID, name)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{Config: cfg("clone-a")},
			{
				Config:           cfg("clone-b"),
				ConfigPlanChecks: updateInPlace(),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("clone_server").AtMapKey("name"), knownvalue.StringExact("clone-b")),
				},
			},
			{ResourceName: testAccTaskAddress, ImportState: true, ImportStateVerify: true},
		},
	})
}
