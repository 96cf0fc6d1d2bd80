package task_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/service/task"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// window is one speed_limit_windows element; speed < 0 leaves speed null, "?" is unknown.
func window(start, end string, speed int64) attr.Value {
	clock := func(s string) types.String {
		if s == "?" {
			return types.StringUnknown()
		}
		return types.StringValue(s)
	}
	sp := types.Int64Value(speed)
	if speed < 0 {
		sp = types.Int64Null()
	}
	return types.ObjectValueMust(task.MigrationTaskSpeedLimitWindowAttrTypes(), map[string]attr.Value{
		"start": clock(start), "end": clock(end), "speed": sp, "over_speed_threshold": types.Float64Null(),
	})
}

func TestMigrationTaskSpeedLimitWindowRules(t *testing.T) {
	t.Parallel()
	root := path.Root("speed_limit_windows")
	type want struct {
		path   path.Path
		detail string
	}
	cases := []struct {
		name    string
		windows []attr.Value
		want    []want
	}{
		{name: "adjacent windows", windows: []attr.Value{window("08:00", "18:00", 50), window("18:00", "23:59", 500), window("00:00", "08:00", 10)}},
		{name: "one window without speed", windows: []attr.Value{window("00:00", "23:59", -1)}},
		{name: "unknown bounds are skipped", windows: []attr.Value{window("?", "08:00", 10), window("07:00", "?", 10)}},
		{name: "crosses midnight", windows: []attr.Value{window("18:00", "08:00", 100)}, want: []want{{
			root.AtListIndex(0).AtName("end"),
			"The window 18:00–08:00 ends before it starts, so it would cross midnight, which the API does not document. Split it into two windows: 18:00–23:59 and 00:00–08:00.",
		}}},
		{name: "empty", windows: []attr.Value{window("08:00", "08:00", 100)}, want: []want{{
			root.AtListIndex(0).AtName("end"), "The window 08:00–08:00 starts and ends at the same minute. A window must end after it starts.",
		}}},
		{name: "speed 0", windows: []attr.Value{window("08:00", "09:00", 0)}, want: []want{{
			root.AtListIndex(0).AtName("speed"),
			"A window's speed must be 1 to 1000 Mbit/s, got 0: the API does not say whether 0 means no limit or no transfer at all. To leave hours unlimited, leave them out of every window (speed_limit applies there).",
		}}},
		{name: "overlap, reported on the later element", windows: []attr.Value{window("12:00", "20:00", 10), window("08:00", "13:00", 10)}, want: []want{{
			root.AtListIndex(1),
			"The window 08:00–13:00 (speed_limit_windows[1]) overlaps the window 12:00–20:00 (speed_limit_windows[0]). Windows must not overlap; one may start at the minute another ends.",
		}}},
		{name: "a window inside a long one", windows: []attr.Value{window("00:00", "23:00", 10), window("01:00", "02:00", 10), window("03:00", "04:00", 10)}, want: []want{
			{root.AtListIndex(1), "The window 01:00–02:00 (speed_limit_windows[1]) overlaps the window 00:00–23:00 (speed_limit_windows[0])."},
			{root.AtListIndex(2), "The window 03:00–04:00 (speed_limit_windows[2]) overlaps the window 00:00–23:00 (speed_limit_windows[0])."},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			list := types.ListValueMust(types.ObjectType{AttrTypes: task.MigrationTaskSpeedLimitWindowAttrTypes()}, tc.windows)
			resp := &validator.ListResponse{}
			task.MigrationTaskSpeedLimitWindowRules{}.ValidateList(context.Background(), validator.ListRequest{Path: root, ConfigValue: list}, resp)
			if len(resp.Diagnostics) != len(tc.want) {
				t.Fatalf("diagnostics = %v, want %d", resp.Diagnostics, len(tc.want))
			}
			for i, w := range tc.want {
				d := resp.Diagnostics[i]
				if d.Severity() != diag.SeverityError || testcheck.DiagPath(d) != w.path.String() || !strings.HasPrefix(d.Detail(), w.detail) {
					t.Errorf("diagnostic %d = %s at %s: %q\nwant an error at %s: %q", i, d.Severity(), testcheck.DiagPath(d), d.Detail(), w.path, w.detail)
				}
			}
		})
	}

	t.Run("thousands of copies of one window: a few reports", func(t *testing.T) {
		t.Parallel()
		list := task.SpeedWindows(2000)
		resp := &validator.ListResponse{}
		task.MigrationTaskSpeedLimitWindowRules{}.ValidateList(context.Background(), validator.ListRequest{Path: root, ConfigValue: list}, resp)
		if got := resp.Diagnostics.ErrorsCount(); got != task.MaxOverlapReports {
			t.Errorf("errors = %d, want %d", got, task.MaxOverlapReports)
		}
	})
}

// The rules through the CLI: each mistake is refused at plan time with its explanation,
// before any request; the windows they ask for instead apply.
func TestAccMigrationTaskResource_speedLimitWindowRules(t *testing.T) {
	env := acctest.NewAccEnv(t)
	cfg := func(windows string) string {
		return env.ProviderBlock + fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name                = "task-window-rules"
  type                = "MIGRATE_FILE"
  os_type             = "LINUX"
  source_server       = { id = %q }
  speed_limit_windows = %s
}
`, env.SourceServerID, windows)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				Config: cfg(`[{ start = "18:00", end = "08:00", speed = 100 }]`),
				ExpectError: testcheck.CLIText("Speed-limit window crosses midnight",
					"The window 18:00–08:00 ends before it starts, so it would cross midnight, which the API does not document. Split it into two windows: 18:00–23:59 and 00:00–08:00."),
			},
			{
				Config: cfg(`[{ start = "08:00", end = "18:00", speed = 100 }, { start = "17:00", end = "20:00", speed = 10 }]`),
				ExpectError: testcheck.CLIText("Overlapping speed-limit windows",
					"The window 17:00–20:00 (speed_limit_windows[1]) overlaps the window 08:00–18:00 (speed_limit_windows[0])."),
			},
			{
				Config:      cfg(`[{ start = "08:00", end = "18:00", speed = 0 }]`),
				ExpectError: testcheck.CLIText("Invalid speed-limit window speed", "A window's speed must be 1 to 1000 Mbit/s, got 0"),
			},
			{
				Config:      cfg(`[{ start = "08:00", end = "18:00", speed = -5 }]`),
				ExpectError: testcheck.CLIText("Invalid speed-limit window speed", "A window's speed must be 1 to 1000 Mbit/s, got -5."),
			},
			{
				Config:      cfg(`[{ start = "08:00", end = "18:00", speed = 1001 }]`),
				ExpectError: testcheck.CLIText("speed_limit_windows[0].speed", "value must be at most 1000, got: 1001"),
			},
			{
				PreConfig: func() {
					if env.Emu == nil {
						return
					}
					if err := env.NoWrites("POST", "PUT", "DELETE"); err != nil {
						t.Fatalf("refused windows reached the API: %v", err)
					}
				},
				Config: cfg(`[{ start = "18:00", end = "23:59", speed = 100 }, { start = "00:00", end = "08:00", speed = 100 }, { start = "08:00", end = "18:00", speed = 20 }]`),
			},
		},
	})
}
