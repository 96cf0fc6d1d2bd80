package task_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// NIC and logical-volume members that today's update body leaves optional, and the two
// it added (NIC ipv6, LV inode_nums): under the current model a NIC with only mac, ip and
// ipv6, and a logical volume with only name, mount_point and inode_nums, are created, and
// the PUT carries no key for what was left unset (not "" or 0), which stays null in state
// with an empty plan after; under the seed model, which marks them mandatory and has no
// ipv6 or inode_nums, the plan fails naming each missing or unknown member, and nothing
// is sent.
func TestAccMigrationTaskResource_optionalMembersToday(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	configWith := func(nic, lv string) string {
		return env.ProviderBlock + fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name          = "task-optional-members"
  type          = "MIGRATE_FILE"
  os_type       = "LINUX"
  source_server = { id = %q }
  target_server = {
    name          = "target-optional-members"
    vm_id         = ""
    networks      = [{ mac = "fa:16:3e:00:00:01", ip = "192.0.2.10", %s }]
    volume_groups = [{ name = "vg0", logical_volumes = [{ name = "lv0", mount_point = "/data", %s }] }]
  }
}
`, env.SourceServerID, nic, lv)
	}
	config := configWith(`ipv6 = "2001:db8::10"`, `inode_nums = 4096`)

	if env.APIModel == conns.APIModelSeed {
		resource.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
			// One step per message: the CLI does not keep the diagnostics' order.
			Steps: []resource.TestStep{
				{Config: config, PlanOnly: true, ExpectError: testcheck.CLIText(
					`Attribute target_server.networks[0].name is required under api_model "seed" (optional under "current").`)},
				{Config: config, PlanOnly: true, ExpectError: testcheck.CLIText(
					`Attribute target_server.volume_groups[0].logical_volumes[0].file_system is required under api_model "seed" (optional under "current").`)},
				{Config: config, PlanOnly: true, ExpectError: testcheck.CLIText(`Attribute needs api_model "current"`,
					`Attribute target_server.networks[0].ipv6 is a member of today's SMS update body only: it is not accepted under api_model "seed" (at most 255 characters under "current"), got "2001:db8::10".`)},
				// Complete under the seed's rules, with today's members only.
				{Config: configWith(`name = "eth0", netmask = "255.255.255.0", gateway = "192.0.2.1", ipv6 = "2001:db8::10"`,
					`file_system = "xfs", inode_size = 0, size = 0, used_size = 0, free_size = 0, inode_nums = 4096`),
					PlanOnly: true, ExpectError: testcheck.CLIText(`Attribute needs api_model "current"`,
						`Attribute target_server.volume_groups[0].logical_volumes[0].inode_nums is a member of today's SMS update body only: it is not accepted under api_model "seed" (0 to 9223372036854775807 under "current"), got 4096.`)},
			},
		})
		if writes := slices.DeleteFunc(env.Emu.Journal(), func(e emulator.JournalEntry) bool { return e.Method == http.MethodGet }); len(writes) > 0 {
			t.Errorf("the refused plan reached the API: %s %s", writes[0].Method, writes[0].Path)
		}
		return
	}

	// Fresh paths each time: tfjsonpath's At* append to a shared slice.
	nic := func(member string) tfjsonpath.Path {
		return tfjsonpath.New("target_server").AtMapKey("networks").AtSliceIndex(0).AtMapKey(member)
	}
	lv := func(member string) tfjsonpath.Path {
		return tfjsonpath.New("target_server").AtMapKey("volume_groups").AtSliceIndex(0).AtMapKey("logical_volumes").AtSliceIndex(0).AtMapKey(member)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, nic("ip"), knownvalue.StringExact("192.0.2.10")),
					statecheck.ExpectKnownValue(testAccTaskAddress, nic("name"), knownvalue.Null()),
					statecheck.ExpectKnownValue(testAccTaskAddress, nic("gateway"), knownvalue.Null()),
					statecheck.ExpectKnownValue(testAccTaskAddress, nic("ipv6"), knownvalue.StringExact("2001:db8::10")),
					statecheck.ExpectKnownValue(testAccTaskAddress, lv("inode_nums"), knownvalue.Int64Exact(4096)),
					statecheck.ExpectKnownValue(testAccTaskAddress, lv("mount_point"), knownvalue.StringExact("/data")),
					statecheck.ExpectKnownValue(testAccTaskAddress, lv("file_system"), knownvalue.Null()),
					statecheck.ExpectKnownValue(testAccTaskAddress, lv("inode_size"), knownvalue.Null()),
				},
				Check: func(*terraform.State) error {
					puts := env.Requests(http.MethodPut, "/v3/tasks/")
					if len(puts) != 1 {
						return fmt.Errorf("want 1 PUT, got %d", len(puts))
					}
					var body struct {
						TargetServer struct {
							Networks     []map[string]any `json:"networks"`
							VolumeGroups []struct {
								LogicalVolumes []map[string]any `json:"logical_volumes"`
							} `json:"volume_groups"`
						} `json:"target_server"`
					}
					if err := json.Unmarshal(puts[0].Body, &body); err != nil {
						return err
					}
					ts := body.TargetServer
					if len(ts.Networks) != 1 || len(ts.VolumeGroups) != 1 || len(ts.VolumeGroups[0].LogicalVolumes) != 1 {
						return fmt.Errorf("PUT target_server: %s", puts[0].Body)
					}
					if got, want := slices.Sorted(maps.Keys(ts.Networks[0])), []string{"ip", "ipv6", "mac"}; !slices.Equal(got, want) {
						return fmt.Errorf("PUT target_server.networks[0] keys %v, want %v", got, want)
					}
					// block_count and block_size have a documented default (0), which is planned and sent.
					got, want := slices.Sorted(maps.Keys(ts.VolumeGroups[0].LogicalVolumes[0])), []string{"block_count", "block_size", "inode_nums", "mount_point", "name"}
					if !slices.Equal(got, want) {
						return fmt.Errorf("PUT logical_volumes[0] keys %v, want %v", got, want)
					}
					return nil
				},
			},
			{ResourceName: testAccTaskAddress, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: ImportVerifyIgnore(env)},
		},
	})
}
