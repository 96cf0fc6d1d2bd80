package sourceserver_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

func TestAccSourceServerDataSource_basic(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	const win, web = "data.sms_source_server.win", "data.sms_source_server.web"
	config := env.ProviderBlock + fmt.Sprintf(`
data "sms_source_server" "win" {
  id = %q
}

data "sms_source_server" "web" {
  name = "web-linux-01"
}
`, acctest.EmulatorWindowsSrc)
	volume := func(i int) tfjsonpath.Path {
		return tfjsonpath.New("disks").AtSliceIndex(0).AtMapKey("physical_volumes").AtSliceIndex(i).AtMapKey("name")
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					// The seed's Windows server: one disk with volumes Z: and Y:.
					statecheck.ExpectKnownValue(win, tfjsonpath.New("name"), knownvalue.StringExact("name-win16")),
					statecheck.ExpectKnownValue(win, volume(0), knownvalue.StringExact("Z:")),
					statecheck.ExpectKnownValue(win, volume(1), knownvalue.StringExact("Y:")),
					statecheck.ExpectKnownValue(win, tfjsonpath.New("firmware"), knownvalue.StringExact("BIOS")),
					statecheck.ExpectKnownValue(win, tfjsonpath.New("memory"), knownvalue.Int64Exact(8192)),
					statecheck.ExpectKnownValue(win, tfjsonpath.New("volume_groups"), knownvalue.ListSizeExact(0)),
					statecheck.ExpectKnownValue(win, tfjsonpath.New("init_target_server").AtMapKey("disks").AtSliceIndex(0).
						AtMapKey("physical_volumes").AtSliceIndex(1).AtMapKey("name"), knownvalue.StringExact("Y:")),
					// A Linux server found by name: LVM, Btrfs, boot loader, Agent.
					statecheck.ExpectKnownValue(web, tfjsonpath.New("id"), knownvalue.StringExact(acctest.EmulatorLinuxSrc)),
					statecheck.ExpectKnownValue(web, tfjsonpath.New("boot_loader"), knownvalue.Null()),
					statecheck.ExpectKnownValue(web, tfjsonpath.New("agent_version"), knownvalue.StringExact("24.3.0")),
					statecheck.ExpectKnownValue(web, tfjsonpath.New("state"), knownvalue.StringExact("waiting")),
					statecheck.ExpectKnownValue(web, tfjsonpath.New("volume_groups").AtSliceIndex(0).AtMapKey("logical_volumes").AtSliceIndex(0).AtMapKey("mount_point"), knownvalue.StringExact("/")),
					statecheck.ExpectKnownValue(web, tfjsonpath.New("btrfs_list").AtSliceIndex(0).AtMapKey("subvolumn").AtSliceIndex(0).AtMapKey("subvol_mount_path"), knownvalue.StringExact("/data/www")),
					statecheck.ExpectKnownValue(web, tfjsonpath.New("networks").AtSliceIndex(0).AtMapKey("ip"), knownvalue.StringExact("10.0.0.21")),
					statecheck.ExpectKnownValue(web, tfjsonpath.New("init_target_server").AtMapKey("volume_groups").AtSliceIndex(0).AtMapKey("name"), knownvalue.StringExact("centos")),
				},
			},
			{
				// Reading by id costs one GET; by name, the list and then the details.
				PreConfig: env.Emu.ResetJournal,
				Config:    config,
				Check: func(*terraform.State) error {
					got := testcheck.Paths(env.Emu.Journal())
					want := map[string]int{
						"GET /v3/sources/" + acctest.EmulatorWindowsSrc: 1, "GET /v3/sources": 1, "GET /v3/sources/" + acctest.EmulatorLinuxSrc: 1,
					}
					counts := map[string]int{}
					for _, p := range got {
						counts[p]++
					}
					if fmt.Sprint(counts) != fmt.Sprint(want) {
						return fmt.Errorf("requests = %v, want %v", got, want)
					}
					return env.NoWrites(http.MethodPost, http.MethodPut, http.MethodDelete)
				},
			},
		},
	})
}

func TestAccSourceServerDataSource_badInput(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	cases := []struct {
		name, body string
		want       []string
	}{
		{"neither id nor name", ``, []string{`Exactly one of these attributes must be configured: \[id,name\]`}},
		{"both", `id = "x"
  name = "y"`, []string{`Invalid Attribute Combination`, `Exactly one of these attributes must be configured: \[id,name\]`}},
		{"unknown name", `name = "web-linux"`, []string{`No such SMS source server`, `No registered source server is named "web-linux"`}},
		{"unknown id", `id = "no-such-source"`, []string{`Error reading SMS source server no-such-source`, `status: 404`, `error_code: SMS.1012`}},
		{"empty name", `name = ""`, []string{`Attribute name UTF-8 character count must be between 1 and 255, got: 0`}},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      env.ProviderBlock + fmt.Sprintf("data \"sms_source_server\" \"test\" {\n  %s\n}\n", c.body),
			PlanOnly:    true,
			ExpectError: testcheck.ErrorPattern(c.want...),
		})
	}
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories, Steps: steps})
}

// TestAccSourceServerDataSource_ambiguousName registers two servers with one name.
func TestAccSourceServerDataSource_ambiguousName(t *testing.T) {
	env := acctest.NewAccEnvWith(t, emulatorOptionsWithSources(
		emulatorSource("dup-1", "twin", "10.0.9.1"), emulatorSource("dup-2", "twin", "10.0.9.2")))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      env.ProviderBlock + "data \"sms_source_server\" \"test\" {\n  name = \"twin\"\n}\n",
			ExpectError: testcheck.ErrorPattern(`Ambiguous SMS source server name`, `2 registered source servers are named "twin" \(IDs dup-1, dup-2\)`),
		}},
	})
}

func TestAccSourceServersDataSource_basic(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	const all, linux = "data.sms_source_servers.all", "data.sms_source_servers.linux"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: env.ProviderBlock + `
data "sms_source_servers" "all" {}

data "sms_source_servers" "linux" {
  name      = "linux"
  state     = "waiting"
  connected = true
}

data "sms_source_servers" "none" {
  ip = "10.9.9.9"
}
`,
				ConfigStateChecks: []statecheck.StateCheck{
					// Ordered by add_date: the Windows server registered first.
					statecheck.ExpectKnownValue(all, tfjsonpath.New("ids"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact(acctest.EmulatorWindowsSrc), knownvalue.StringExact(acctest.EmulatorLinuxSrc), knownvalue.StringExact(acctest.EmulatorFailingSrc),
					})),
					statecheck.ExpectKnownValue(all, tfjsonpath.New("source_servers").AtSliceIndex(0).AtMapKey("memory"), knownvalue.Int64Exact(8192)),
					statecheck.ExpectKnownValue(all, tfjsonpath.New("source_servers").AtSliceIndex(1).AtMapKey("init_target_server").AtMapKey("disks"), knownvalue.ListSizeExact(2)),
					statecheck.ExpectKnownValue(linux, tfjsonpath.New("ids"), knownvalue.ListSizeExact(2)),
					statecheck.ExpectKnownValue("data.sms_source_servers.none", tfjsonpath.New("source_servers"), knownvalue.ListSizeExact(0)),
					statecheck.CompareValuePairs(all, tfjsonpath.New("source_servers").AtSliceIndex(1).AtMapKey("id"),
						linux, tfjsonpath.New("ids").AtSliceIndex(0), compare.ValuesSame()),
				},
			},
		},
	})
}

// TestAccSourceServersDataSource_badInput: filters are checked at plan time.
func TestAccSourceServersDataSource_badInput(t *testing.T) {
	env := acctest.NewAccEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				PlanOnly:    true,
				Config:      env.ProviderBlock + "data \"sms_source_servers\" \"bad\" {\n  state = \"running\"\n}\n",
				ExpectError: testcheck.ErrorPattern(`Attribute state value must be one of`, `"waiting"`, `got: "running"`),
			},
			{
				PlanOnly:    true,
				Config:      env.ProviderBlock + "data \"sms_source_servers\" \"bad\" {\n  ip = \"10.0.0\"\n}\n",
				ExpectError: testcheck.ErrorPattern(`Attribute ip must be an IPv4 address \(such as 192.168.0.10\), got: "10.0.0"`),
			},
		},
	})
}

// TestAccSourceServerDataSource_initTargetServerToTask assigns the recommended layout to
// a task's target_server, as the data source's documentation shows, for a Windows and a
// Linux (LVM) source: the task is created with those disks and re-plans empty.
func TestAccSourceServerDataSource_initTargetServerToTask(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	config := env.ProviderBlock + fmt.Sprintf(`
data "sms_source_server" "web" {
  name = "web-linux-01"
}

data "sms_source_server" "win" {
  id = %q
}

resource "sms_migration_task" "web" {
  name          = "web-01-migration"
  type          = "MIGRATE_FILE"
  os_type       = data.sms_source_server.web.os_type
  source_server = { id = data.sms_source_server.web.id }
  target_server = merge(data.sms_source_server.web.init_target_server, { name = "web-01" })
}

resource "sms_migration_task" "win" {
  name          = "win-01-migration"
  type          = "MIGRATE_BLOCK"
  os_type       = data.sms_source_server.win.os_type
  source_server = { id = data.sms_source_server.win.id }
  target_server = merge(data.sms_source_server.win.init_target_server, { name = "win-01" })
}
`, acctest.EmulatorWindowsSrc)
	disk := func(i int) tfjsonpath.Path { return tfjsonpath.New("target_server").AtMapKey("disks").AtSliceIndex(i) }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("sms_migration_task.web", tfjsonpath.New("target_server").AtMapKey("name"), knownvalue.StringExact("web-01")),
					statecheck.ExpectKnownValue("sms_migration_task.web", disk(0).AtMapKey("size"), knownvalue.Int64Exact(42949672960)),
					statecheck.ExpectKnownValue("sms_migration_task.web", disk(0).AtMapKey("physical_volumes").AtSliceIndex(0).AtMapKey("mount_point"), knownvalue.StringExact("/boot")),
					statecheck.ExpectKnownValue("sms_migration_task.web", tfjsonpath.New("target_server").AtMapKey("volume_groups").AtSliceIndex(0).AtMapKey("name"), knownvalue.StringExact("centos")),
					statecheck.ExpectKnownValue("sms_migration_task.win", disk(0).AtMapKey("physical_volumes").AtSliceIndex(0).AtMapKey("name"), knownvalue.StringExact("Z:")),
					statecheck.ExpectKnownValue("sms_migration_task.win", disk(0).AtMapKey("physical_volumes").AtSliceIndex(1).AtMapKey("name"), knownvalue.StringExact("Y:")),
				},
				Check: func(*terraform.State) error {
					// The layout went out with the create, as CreateTask's target disks.
					for _, p := range env.Requests(http.MethodPost, "/v3/tasks") {
						if !testcheck.ContainsAll(string(p.Body), `"disks":[`, `"size":42949672960`) {
							return fmt.Errorf("create body carries no target disks: %s", p.Body)
						}
					}
					return nil
				},
			},
			{Config: config, PlanOnly: true},
		},
	})
}

// emulatorSource is a Linux source server the emulator registers besides its built-ins.
func emulatorSource(id, name, ip string) emulator.SourceServer {
	return emulator.SourceServer{ID: id, Name: name, IP: ip, OSType: "LINUX", OSVersion: "CENTOS7_64BIT", AgentVersion: "24.3.0"}
}

func emulatorOptionsWithSources(sources ...emulator.SourceServer) emulator.Options {
	return emulator.Options{ClockSpeed: 600, SourceServers: sources}
}

// TestAccSourceServerDataSource_retriesLostReplies: a read whose reply is lost, or that
// is throttled, is retried like every GET; the journal shows each attempt.
func TestAccSourceServerDataSource_retriesLostReplies(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	env.Emu.SetFaults("/v3/sources/"+acctest.EmulatorLinuxSrc, emulator.Faults{LoseReplyAfterApply: 1})
	env.Emu.SetFaults("/v3/sources", emulator.Faults{LoseReplyAfterApply: 1, Methods: []string{http.MethodGet}})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.ProviderBlock + "data \"sms_source_server\" \"web\" {\n  name = \"web-linux-01\"\n}\n",
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.sms_source_server.web", tfjsonpath.New("id"), knownvalue.StringExact(acctest.EmulatorLinuxSrc)),
			},
			Check: func(*terraform.State) error {
				lost := 0
				for _, j := range env.Emu.Journal() {
					if j.Fault == "lose-reply" {
						lost++
					}
				}
				if lost != 2 {
					return fmt.Errorf("want the list and the show each to lose one reply, journal: %v", testcheck.Paths(env.Emu.Journal()))
				}
				return nil
			},
		}},
	})
}
