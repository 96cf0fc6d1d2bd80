package task_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
	smstask "github.com/sms-migration/terraform-provider-sms/internal/service/task"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// What today's ShowTask never returns (its source_server is a summary, its target_server
// a subset), as ImportStateVerifyIgnore prefixes: an import cannot recover these.
var (
	currentSourceServerNotReturned = []string{"hostname", "virtualization_type", "linux_block_check", "firmware",
		"cpu_quantity", "memory", "disks", "btrfs_list", "networks", "domain_id", "has_rsync", "paravirtualization",
		"raw_devices", "driver_files", "system_services", "account_rights", "boot_loader", "system_dir",
		"volume_groups", "agent_version", "kernel_version", "start_type"}
	currentTargetServerNotReturned = []string{"hostname", "firmware", "cpu_quantity", "memory", "networks",
		"domain_id", "has_rsync", "paravirtualization", "raw_devices", "driver_files", "system_services",
		"account_rights", "boot_loader", "flavor", "snapshot_ids"}
)

// importVerifyIgnore is extra plus, under the current model, every attribute its
// ShowTask never returns.
func ImportVerifyIgnore(e *acctest.AccEnv, extra ...string) []string {
	if e.APIModel != conns.APIModelCurrent {
		return extra
	}
	out := append([]string{}, extra...)
	for _, k := range currentSourceServerNotReturned {
		out = append(out, "source_server."+k)
	}
	for _, k := range currentTargetServerNotReturned {
		out = append(out, "target_server."+k)
	}
	for _, f := range smstask.MigrationTaskCurrentModelFields() {
		out = append(out, f.Key)
	}
	return append(out, "target_server.btrfs_file_systems")
}

// enterpriseProjectKey is the update body's enterprise-project key in the env's model.
func enterpriseProjectKey(e *acctest.AccEnv) string {
	if e.APIModel == conns.APIModelCurrent {
		return "enterprise_project"
	}
	return "enterprise_project_id"
}

// enterpriseProjectBody is a PUT body that sets the enterprise project under the API
// model of e.
func enterpriseProjectBody(e *acctest.AccEnv, id string) client.UpdateTaskBody {
	if e.APIModel == conns.APIModelCurrent {
		return client.UpdateTaskBody{EnterpriseProject: &id}
	}
	return client.UpdateTaskBody{EnterpriseProjectID: &id}
}

func testAccMigrationTaskConfig_priority(env *acctest.AccEnv, priority int) string {
	return env.ProviderBlock + fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name          = "task-model"
  type          = "MIGRATE_FILE"
  os_type       = "LINUX"
  priority      = %d
  speed_limit   = 10
  source_server = { id = %q }
}
`, priority, env.SourceServerID)
}

// A change of priority, which only the seed's update body has, under each pairing of
// the provider's api_model and the endpoint's model: applied (seed, seed); refused at
// plan time (current); and when the provider is told "seed" but the endpoint speaks
// today's API, either the service's 400 (a strict endpoint) or, for one that answers 200
// and ignores the key, an error naming what was sent and what the service holds, with
// state holding the latter. The same table runs in either profile of make testacc.
func TestAccMigrationTaskResource_apiModels(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name          string
		providerModel string
		emulator      emulator.Options
		wantErr       string // "" = applied
		wantPriority  int64  // in state after the step
	}{
		{"seed endpoint applies it", conns.APIModelSeed, emulator.Options{APIModel: emulator.APIModelSeed}, "", 2},
		{"current refuses it at plan time", conns.APIModelCurrent, emulator.Options{APIModel: emulator.APIModelCurrent},
			`(?s)priority cannot be changed in place.*set\s+priority\s+back\s+to\s+1.*terraform\s+apply\s+-replace=sms_migration_task`, 1},
		{"ignored by a current endpoint", conns.APIModelSeed, emulator.Options{APIModel: emulator.APIModelCurrent},
			`(?s)SMS did not apply priority.*priority was sent\s+as\s+2,\s+and\s+the\s+service\s+reports\s+1.*set\s+api_model\s+=\s+"current"`, 1},
		{"rejected by a strict current endpoint", conns.APIModelSeed, emulator.Options{APIModel: emulator.APIModelCurrent, RejectSeedOnlyKeys: true},
			`(?s)status: 400.*error_code: SMS.1011.*priority\s+is\s+not\s+in\s+the\s+update\s+body`, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.emulator.ClockSpeed = 600
			env := acctest.NewAccEnvFor(t, tc.providerModel, tc.emulator)
			env.RequireEmulator(t)
			changed := resource.TestStep{Config: testAccMigrationTaskConfig_priority(env, 2)}
			if tc.wantErr != "" {
				changed.ExpectError = regexp.MustCompile(tc.wantErr)
			} else {
				changed.ConfigPlanChecks = updateInPlace()
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
				CheckDestroy:             env.CheckDestroy,
				Steps: []resource.TestStep{
					{Config: testAccMigrationTaskConfig_priority(env, 1)},
					changed,
					{
						// State holds what the service reports: with that value configured, nothing to do.
						Config: testAccMigrationTaskConfig_priority(env, int(tc.wantPriority)),
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
						},
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("priority"), knownvalue.Int64Exact(tc.wantPriority)),
						},
					},
				},
			})
		})
	}
}

// Under either model: the keys only today's update body has are sent (current) or
// refused at plan time (seed); enterprise_project_id goes under the model's key; and
// target_server.btrfs_list goes in the model's shape, so the update is applied.
func TestAccMigrationTaskResource_currentModelKeys(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	cfg := func(diskIDs, ep string, btrfs string) string {
		extra := ""
		if diskIDs != "" {
			extra = fmt.Sprintf("  target_disk_ids = %q\n  snapshot_ids = \"snap-1;snap-2\"\n", diskIDs)
		}
		return env.ProviderBlock + fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name                  = "task-keys"
  type                  = "MIGRATE_FILE"
  os_type               = "LINUX"
  enterprise_project_id = %q
  source_server         = { id = %q }
  target_server = {
    name       = "target-keys"
    vm_id      = ""
    btrfs_list = [%s]
  }
%s}
`, ep, env.SourceServerID, btrfs, extra)
	}
	lastPut := func() (map[string]json.RawMessage, error) {
		puts := env.Requests(http.MethodPut, "/v3/tasks/")
		if len(puts) == 0 {
			return nil, errors.New("no PUT was sent")
		}
		var body map[string]json.RawMessage
		err := json.Unmarshal(puts[len(puts)-1].Body, &body)
		return body, err
	}
	steps := []resource.TestStep{
		{Config: cfg("", "0", "")},
		{
			// Renamed key and Btrfs shape follow the model; the update is applied.
			PreConfig:        func() { env.Emu.ResetJournal() },
			Config:           cfg("", "ep-2", `"fs1", "fs2"`),
			ConfigPlanChecks: updateInPlace(),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("enterprise_project_id"), knownvalue.StringExact("ep-2")),
				statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("target_server").AtMapKey("btrfs_list"),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("fs1"), knownvalue.StringExact("fs2")})),
			},
			Check: func(*terraform.State) error {
				body, err := lastPut()
				if err != nil {
					return err
				}
				if string(body[enterpriseProjectKey(env)]) != `"ep-2"` {
					return fmt.Errorf("PUT %s: want %s = \"ep-2\"", testcheck.MustJSON(body), enterpriseProjectKey(env))
				}
				var target struct {
					BtrfsList []json.RawMessage `json:"btrfs_list"`
				}
				if err := json.Unmarshal(body["target_server"], &target); err != nil {
					return err
				}
				want := map[string]string{conns.APIModelSeed: `"fs1"`, conns.APIModelCurrent: `{"name":"fs1"}`}[env.APIModel]
				if len(target.BtrfsList) != 2 || string(target.BtrfsList[0]) != want {
					return fmt.Errorf("PUT target_server.btrfs_list = %s, want 2 items, the first %s", body["target_server"], want)
				}
				return nil
			},
		},
	}
	withIDs := resource.TestStep{PreConfig: func() { env.Emu.ResetJournal() }, Config: cfg("vol-1 vol-2", "ep-2", `"fs1", "fs2"`)}
	if env.APIModel == conns.APIModelCurrent {
		withIDs.ConfigPlanChecks = updateInPlace()
		withIDs.ConfigStateChecks = []statecheck.StateCheck{
			// Never returned by the service: state keeps what was set.
			statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("target_disk_ids"), knownvalue.StringExact("vol-1 vol-2")),
			statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("snapshot_ids"), knownvalue.StringExact("snap-1;snap-2")),
		}
		withIDs.Check = func(*terraform.State) error {
			body, err := lastPut()
			if err != nil {
				return err
			}
			if keys := conns.SortedKeys(body); fmt.Sprint(keys) != "[snapshot_ids target_disk_ids]" {
				return fmt.Errorf("PUT %s: want exactly snapshot_ids and target_disk_ids", testcheck.MustJSON(body))
			}
			return nil
		}
	} else {
		withIDs.ExpectError = regexp.MustCompile(`(?s)Attribute needs api_model "current".*snapshot_ids\s+is\s+a\s+key\s+of\s+today's\s+SMS\s+update\s+body\s+only`)
	}
	steps = append(steps, withIDs,
		resource.TestStep{ResourceName: testAccTaskAddress, ImportState: true, ImportStateVerify: true,
			ImportStateVerifyIgnore: ImportVerifyIgnore(env, "target_server.btrfs_list")})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps:                    steps,
	})
}

// The current ShowTask returns a summary of source_server and a subset of target_server:
// what it never returns keeps what the configuration set (no diff, no inconsistent
// result), and the summary's values fill what the configuration leaves out. Under the
// seed model everything set is returned. Either way a refresh shows no change.
func TestAccMigrationTaskResource_summaryShowTask(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	config := env.ProviderBlock + fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name    = "task-summary"
  type    = "MIGRATE_FILE"
  os_type = "LINUX"
  source_server = {
    id             = %q
    cpu_quantity   = 4
    kernel_version = "5.14.0-70"
  }
  target_server = {
    name     = "target-summary"
    vm_id    = ""
    hostname = "web-01"
    flavor   = "s6.large.2"
  }
}
`, env.SourceServerID)
	src := func(k string) tfjsonpath.Path { return tfjsonpath.New("source_server").AtMapKey(k) }
	tgt := func(k string) tfjsonpath.Path { return tfjsonpath.New("target_server").AtMapKey(k) }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, src("cpu_quantity"), knownvalue.Int64Exact(4)),
					statecheck.ExpectKnownValue(testAccTaskAddress, src("kernel_version"), knownvalue.StringExact("5.14.0-70")),
					statecheck.ExpectKnownValue(testAccTaskAddress, src("name"), knownvalue.StringExact("web-linux-01")),
					statecheck.ExpectKnownValue(testAccTaskAddress, src("ip"), knownvalue.StringExact("10.0.0.21")),
					statecheck.ExpectKnownValue(testAccTaskAddress, tgt("hostname"), knownvalue.StringExact("web-01")),
					statecheck.ExpectKnownValue(testAccTaskAddress, tgt("flavor"), knownvalue.StringExact("s6.large.2")),
				},
				Check: func(*terraform.State) error {
					task, err := showTaskRaw(env)
					if err != nil {
						return err
					}
					_, hasCPU := task.SourceServer["cpu_quantity"]
					_, hasHostname := task.TargetServer["hostname"]
					if wantReturned := env.APIModel == conns.APIModelSeed; hasCPU != wantReturned || hasHostname != wantReturned {
						return fmt.Errorf("api model %s: ShowTask returned source_server.cpu_quantity %t, target_server.hostname %t",
							env.APIModel, hasCPU, hasHostname)
					}
					return nil
				},
			},
			{Config: config, PlanOnly: true}, // refresh, then an empty plan
			{ResourceName: testAccTaskAddress, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: ImportVerifyIgnore(env)},
		},
	})
}

// rawTask is the parts of ShowTask's answer the summary test looks at.
type rawTask struct {
	SourceServer map[string]any `json:"source_server"`
	TargetServer map[string]any `json:"target_server"`
}

// showTaskRaw reads the only task of the env's emulator as ShowTask answers it.
func showTaskRaw(e *acctest.AccEnv) (rawTask, error) {
	var task rawTask
	id, err := e.TaskIDByName("task-summary")
	if err != nil {
		return task, err
	}
	req, err := http.NewRequestWithContext(testcheck.TestCtx(), http.MethodGet, e.Emu.URL+"/v3/tasks/"+id, nil)
	if err != nil {
		return task, err
	}
	req.Header.Set("X-Auth-Token", emulator.DefaultAuthToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return task, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return task, fmt.Errorf("GET /v3/tasks/%s: %s", id, resp.Status)
	}
	return task, json.NewDecoder(resp.Body).Decode(&task)
}

// refusingTransport fails every request and counts them: a test that must send none
// configures the provider with it.
type refusingTransport struct{ requests atomic.Int64 }

func (rt *refusingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	rt.requests.Add(1)
	return nil, fmt.Errorf("test transport: no request may be sent (%s %s)", req.Method, req.URL)
}

// A task migrating into any region plans with no endpoint configured: SMS is a global
// service, so the endpoint comes from the site, not from the task's region, and a plan of
// a new task sends nothing.
func TestAccMigrationTaskResource_planAnyRegion(t *testing.T) {
	env := acctest.NewAccEnv(t) // only for the model of this run; its emulator is never called
	transport := &refusingTransport{}
	factories := map[string]func() (tfprotov6.ProviderServer, error){
		"sms": acctest.ProtocolServerFactory(transport),
	}
	config := acctest.TestAccRequiredProviders + fmt.Sprintf(`
provider "sms" {
  region     = "cn-east-3"
  access_key = %q
  secret_key = %q
  project_id = %q
  api_model  = %q
}

resource "sms_migration_task" "test" {
  name          = "task-cn-east-3"
  type          = "MIGRATE_FILE"
  os_type       = "LINUX"
  source_server = { id = %q }
}
`, acctest.EmulatorAccessKey, acctest.EmulatorSecretKey, acctest.EmulatorProjectID, env.APIModel, env.SourceServerID)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		Steps: []resource.TestStep{{
			Config:             config,
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
			ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(testAccTaskAddress, plancheck.ResourceActionCreate),
				plancheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("region_id"), knownvalue.StringExact("cn-east-3")),
				plancheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("region_name"), knownvalue.StringExact("cn-east-3")),
			}},
		}},
	})
	if n := transport.requests.Load(); n != 0 {
		t.Fatalf("the plan sent %d requests, want none", n)
	}
}

// target_server.btrfs_file_systems: under the current model the objects go as the PUT's
// btrfs_list, and btrfs_list is planned (and read back) as their names; under the seed
// model, whose btrfs_list holds strings, they are refused at plan time.
func TestAccMigrationTaskResource_btrfsObjects(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	cfg := func(objects string) string {
		return env.ProviderBlock + fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name          = "task-btrfs"
  type          = "MIGRATE_FILE"
  os_type       = "LINUX"
  source_server = { id = %q }
  target_server = {
    name  = "target-btrfs"
    vm_id = ""
    %s
  }
}
`, env.SourceServerID, objects)
	}
	objects := `btrfs_file_systems = [{
      name = "fs3", label = "", uuid = "b-3", device = "/dev/vdc", size = 1073741824, nodesize = 16384, sectorsize = 4096,
      data_profile = "single", system_profile = "DUP", metadata_profile = "DUP", global_reserve1 = "3.25MiB",
      g_vol_used_size = 1048576, default_subvolid = "5", default_subvol_name = "top", default_subvol_mountpath = "/mnt",
      subvolumn = [{ uuid = "b-3", is_snapshot = "false", subvol_id = "256", parent_id = "5", subvol_name = "home", subvol_mount_path = "/home" }]
    }]`
	withObjects := resource.TestStep{PreConfig: func() { env.Emu.ResetJournal() }, Config: cfg(objects)}
	if env.APIModel == conns.APIModelCurrent {
		withObjects.ConfigPlanChecks = resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
			plancheck.ExpectResourceAction(testAccTaskAddress, plancheck.ResourceActionUpdate),
			plancheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("target_server").AtMapKey("btrfs_list"),
				knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("fs3")})),
		}}
		withObjects.ConfigStateChecks = []statecheck.StateCheck{
			statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("target_server").AtMapKey("btrfs_list"),
				knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("fs3")})),
			statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("target_server").AtMapKey("btrfs_file_systems").AtSliceIndex(0).AtMapKey("uuid"),
				knownvalue.StringExact("b-3")),
		}
		withObjects.Check = func(*terraform.State) error {
			puts := env.Requests(http.MethodPut, "/v3/tasks/")
			if len(puts) != 1 {
				return fmt.Errorf("want 1 PUT, got %d", len(puts))
			}
			var body struct {
				TargetServer map[string]json.RawMessage `json:"target_server"`
			}
			if err := json.Unmarshal(puts[0].Body, &body); err != nil {
				return err
			}
			var systems []map[string]any
			if err := json.Unmarshal(body.TargetServer["btrfs_list"], &systems); err != nil || len(systems) != 1 ||
				systems[0]["uuid"] != "b-3" || systems[0]["subvolumn"] == nil {
				return fmt.Errorf("PUT target_server.btrfs_list = %s, want the one file system as an object", body.TargetServer["btrfs_list"])
			}
			if _, sent := body.TargetServer["btrfs_file_systems"]; sent {
				return errors.New("PUT target_server carries btrfs_file_systems, which is no API key")
			}
			return nil
		}
	} else {
		withObjects.ExpectError = regexp.MustCompile(`(?s)Attribute needs api_model "current".*target_server.btrfs_file_systems\s+is\s+sent\s+only`)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{Config: cfg("")},
			withObjects,
			{ResourceName: testAccTaskAddress, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: ImportVerifyIgnore(env)},
		},
	})
}
