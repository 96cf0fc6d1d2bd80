package task_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
	"github.com/sms-migration/terraform-provider-sms/internal/service/task"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

func testAccMigrationTaskConfig_action(sourceServerID, action string, wait bool) string {
	actionLine := ""
	if action != "" {
		actionLine = fmt.Sprintf("action              = %q\n  wait_for_completion = %t", action, wait)
	}
	return fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name          = "task-action"
  type          = "MIGRATE_FILE"
  os_type       = "LINUX"
  source_server = { id = %q }
  %s
}
`, sourceServerID, actionLine)
}

func TestAccMigrationTaskResource_startAndWait(t *testing.T) {
	env := acctest.NewAccEnv(t) // a sped-up clock: the ten simulated minutes pass in about a second
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				Config: env.ProviderBlock + testAccMigrationTaskConfig_action(env.SourceServerID, "start", true),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("state"), knownvalue.StringExact("MIGRATE_SUCCESS")),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("sub_tasks").AtSliceIndex(0).AtMapKey("progress"), knownvalue.Int64Exact(100)),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("finish_date"), knownvalue.NotNull()),
				},
			},
		},
	})
}

func TestAccMigrationTaskResource_startStopDestroy(t *testing.T) {
	env := acctest.NewAccEnvWith(t, emulator.Options{ClockSpeed: 1}) // real time: the task is still running when stopped
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				Config: env.ProviderBlock + testAccMigrationTaskConfig_action(env.SourceServerID, "start", false),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("state"), knownvalue.StringExact("RUNNING")),
				},
			},
			{
				Config: env.ProviderBlock + testAccMigrationTaskConfig_action(env.SourceServerID, "stop", false),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testAccTaskAddress, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("state"), knownvalue.StringExact("ABORT")),
				},
			},
			{
				// Removing the action runs nothing and replaces nothing.
				Config: env.ProviderBlock + testAccMigrationTaskConfig_action(env.SourceServerID, "", false),
				Check: func(*terraform.State) error {
					if env.Emu == nil {
						return nil
					}
					return env.NoWrites(http.MethodPost, http.MethodDelete)
				},
				PreConfig: func() {
					if env.Emu != nil {
						env.Emu.ResetJournal()
					}
				},
			},
		},
	})
}

func TestAccMigrationTaskResource_cloneTest(t *testing.T) {
	env := acctest.NewAccEnv(t)
	cfg := func(action string) string {
		return env.ProviderBlock + fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name                = "task-clone-test"
  type                = "MIGRATE_BLOCK"
  os_type             = "LINUX"
  source_server       = { id = %q }
  action              = %q
  wait_for_completion = true
}
`, env.SourceServerID, action)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{Config: cfg("start")},
			{
				Config: cfg("clone_test"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("clone_server").AtMapKey("clone_state"), knownvalue.StringExact("FINISHED")),
					statecheck.ExpectKnownValue(testAccTaskAddress, tfjsonpath.New("clone_server").AtMapKey("vm_id"), knownvalue.NotNull()),
				},
			},
		},
	})
}

func TestAccMigrationTaskResource_speedLimitWindows(t *testing.T) {
	env := acctest.NewAccEnv(t)
	cfg := func(windows string) string {
		return env.ProviderBlock + fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name          = "task-windows"
  type          = "MIGRATE_FILE"
  os_type       = "LINUX"
  source_server = { id = %q }
  %s
}
`, env.SourceServerID, windows)
	}
	windowsPath := tfjsonpath.New("speed_limit_windows")
	speedLimitPosts := func(want int, body string) resource.TestCheckFunc {
		return func(*terraform.State) error {
			if env.Emu == nil {
				return nil
			}
			posts := env.Requests(http.MethodPost, "/v3/tasks/")
			var got []string
			for _, p := range posts {
				if strings.HasSuffix(p.Path, "/speed-limit") {
					got = append(got, string(bytes.TrimSpace(p.Body)))
				}
			}
			if len(got) != want || (want == 1 && !testcheck.JSONEqual(got[0], body)) {
				return fmt.Errorf("speed-limit POSTs = %q, want %d with body %s", got, want, body)
			}
			return nil
		}
	}
	reset := func() {
		if env.Emu != nil {
			env.Emu.ResetJournal()
		}
	}
	twoWindows := cfg(`speed_limit_windows = [
    { start = "08:00", end = "18:00", speed = 50 },
    { start = "18:00", end = "23:59", speed = 500, over_speed_threshold = 20 },
  ]`)
	twoWindowsBody := `{"speed_limit":[{"start":"08:00","end":"18:00","speed":50},{"start":"18:00","end":"23:59","speed":500,"over_speed_threshold":20}]}`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				PreConfig: reset,
				Config:    cfg(`speed_limit_windows = [{ start = "08:00", end = "18:00", speed = 100 }]`),
				Check:     speedLimitPosts(1, `{"speed_limit":[{"start":"08:00","end":"18:00","speed":100}]}`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, windowsPath, knownvalue.ListSizeExact(1)),
				},
			},
			{
				PreConfig: reset,
				Config:    twoWindows,
				Check:     speedLimitPosts(1, twoWindowsBody),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, windowsPath.AtSliceIndex(1).AtMapKey("over_speed_threshold"), knownvalue.Float64Exact(20)),
				},
			},
			{
				// Drift: someone changes the windows outside Terraform; the refresh reads
				// them back (they are configured), so the plan puts them back.
				PreConfig: func() {
					if err := outOfBandWindows(env); err != nil {
						t.Fatal(err)
					}
					reset()
				},
				Config: twoWindows,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testAccTaskAddress, plancheck.ResourceActionUpdate)},
				},
				Check: speedLimitPosts(1, twoWindowsBody),
			},
			{
				PreConfig: reset,
				Config:    cfg(""),
				Check:     speedLimitPosts(1, `{"speed_limit":[]}`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTaskAddress, windowsPath, knownvalue.Null()),
				},
			},
			{
				// Not configured: a refresh makes no speed-limit request.
				PreConfig:    reset,
				RefreshState: true,
				Check: func(*terraform.State) error {
					if env.Emu == nil {
						return nil
					}
					if got := env.Requests(http.MethodGet, "/v3/tasks/"); len(got) != 1 {
						return fmt.Errorf("refresh made %d GETs (%v), want 1", len(got), testcheck.Paths(got))
					}
					return nil
				},
			},
		},
	})
}

// outOfBandWindows replaces the windows of the test's only task through the API.
func outOfBandWindows(e *acctest.AccEnv) error {
	id, err := e.TaskIDByName("task-windows")
	if err != nil {
		return err
	}
	return e.Client.UpdateSpeedLimits(context.Background(), id,
		[]client.SpeedLimitWindow{{Start: "00:00", End: "06:00", Speed: testcheck.Ptr(int64(10))}})
}

func TestLogMigrationProgress(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &out)
	task.LogMigrationProgress(ctx, &client.Task{
		ID: testcheck.Ptr("t1"), State: testcheck.Ptr("RUNNING"), MigrateSpeed: testcheck.Ptr(42.5), RemainSeconds: testcheck.Ptr(int64(300)),
		SubTasks: []client.SubTask{
			{Name: testcheck.Ptr("CREATE_CLOUD_SERVER"), Progress: testcheck.Ptr(int64(100)), StartDate: testcheck.Ptr(int64(1)), EndDate: testcheck.Ptr(int64(2))},
			{Name: testcheck.Ptr("MIGRATE_LINUX_FILE"), Progress: testcheck.Ptr(int64(37)), StartDate: testcheck.Ptr(int64(3))},
		},
	})
	task.LogMigrationProgress(ctx, &client.Task{ID: testcheck.Ptr("t1"), State: testcheck.Ptr("READY")}) // not moving: nothing
	entries, err := tflogtest.MultilineJSONDecode(&out)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Fatalf("got %d log entries, want 1: %v", len(entries), entries)
	}
	e := entries[0]
	for k, want := range map[string]any{"@level": "info", "sub_task": "MIGRATE_LINUX_FILE", "progress_percent": float64(37), "migrate_speed": 42.5, "remain_seconds": float64(300)} {
		if e[k] != want {
			t.Errorf("%s = %v, want %v (entry %v)", k, e[k], want, e)
		}
	}
}
