package task_test

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	smstask "github.com/sms-migration/terraform-provider-sms/internal/service/task"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
)

func testMigrationTasksDataSourceSchema(t *testing.T) dschema.Schema {
	t.Helper()
	var resp datasource.SchemaResponse
	smstask.NewMigrationTasksDataSource().Schema(t.Context(), datasource.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("schema diagnostics: %v", resp.Diagnostics)
	}
	return resp.Schema
}

func TestMigrationTasksDataSourceSchema(t *testing.T) {
	t.Parallel()
	s := testMigrationTasksDataSourceSchema(t)
	if diags := s.ValidateImplementation(t.Context()); diags.HasError() {
		t.Fatalf("ValidateImplementation: %v", diags)
	}
	if strings.TrimSpace(s.MarkdownDescription) == "" {
		t.Error("the data source has no MarkdownDescription")
	}
	for _, name := range []string{"state", "name", "id", "source_server_id", "enterprise_project_id"} {
		if a := s.Attributes[name]; a == nil || !a.IsOptional() || a.IsComputed() {
			t.Errorf("filter %s: want an Optional, not Computed, attribute, got %#v", name, a)
		}
	}
	tasks, ok := s.Attributes["tasks"].(dschema.ListNestedAttribute)
	if !ok || !tasks.Computed {
		t.Fatalf("tasks: want a Computed list nested attribute, got %#v", s.Attributes["tasks"])
	}
	var summary []string
	for name, a := range tasks.NestedObject.Attributes {
		summary = append(summary, name)
		if !a.IsComputed() || strings.TrimSpace(a.GetMarkdownDescription()) == "" {
			t.Errorf("tasks.%s: want Computed with a MarkdownDescription", name)
		}
	}
	sort.Strings(summary)
	wantSummary := []string{
		"create_date", "enterprise_project_id", "error_json", "estimate_complete_time", "id", "migrate_speed",
		"migration_ip", "name", "os_type", "priority", "source_server_id", "source_server_ip", "source_server_name",
		"speed_limit", "start_target_server", "state", "target_server_name", "target_server_vm_id", "total_time", "type",
	}
	if diff := cmp.Diff(wantSummary, summary); diff != "" {
		t.Errorf("tasks attributes (-want +got):\n%s", diff)
	}
	for name, a := range s.Attributes {
		if strings.TrimSpace(a.GetMarkdownDescription()) == "" {
			t.Errorf("%s: no MarkdownDescription", name)
		}
	}
	if ids, ok := s.Attributes["ids"].(dschema.ListAttribute); !ok || !ids.Computed || !ids.ElementType.Equal(types.StringType) {
		t.Errorf("ids: want a Computed list of strings, got %#v", s.Attributes["ids"])
	}
}

func TestMigrationTasksDataSource_filterValidation(t *testing.T) {
	t.Parallel()
	s := testMigrationTasksDataSourceSchema(t)
	const allowed = `["READY" "RUNNING" "SYNCING" "MIGRATE_SUCCESS" "MIGRATE_FAIL" "ABORTING" "ABORT" "DELETING" "SYNC_F_ROLLBACKING" "SYNC_F_ROLLBACK_SUCCESS"]`
	cases := []struct {
		attribute string
		value     types.String
		want      []string // error details, in order
	}{
		{"state", types.StringValue("RUNNING"), nil},
		{"state", types.StringValue("SYNC_F_ROLLBACK_SUCCESS"), nil},
		{"state", types.StringNull(), nil},
		{"state", types.StringUnknown(), nil},
		// A state a task can report but the ListTasks filter does not accept.
		{"state", types.StringValue("SYNC_SUCCESS"), []string{`Attribute state value must be one of: ` + allowed + `, got: "SYNC_SUCCESS"`}},
		{"state", types.StringValue("running"), []string{`Attribute state value must be one of: ` + allowed + `, got: "running"`}},
		{"name", types.StringValue("web-linux-01-migration"), nil},
		{"name", types.StringValue(strings.Repeat("迁", 255)), nil}, // 765 bytes, 255 characters
		{"name", types.StringValue(""), []string{`Attribute name UTF-8 character count must be between 1 and 255, got: 0`}},
		{"source_server_id", types.StringValue(strings.Repeat("x", 256)), []string{`Attribute source_server_id UTF-8 character count must be between 1 and 255, got: 256`}},
		{"id", types.StringValue(""), []string{`Attribute id UTF-8 character count must be between 1 and 255, got: 0`}},
		{"enterprise_project_id", types.StringValue("0"), nil},
	}
	for _, tc := range cases {
		t.Run(tc.attribute+"="+tc.value.String(), func(t *testing.T) {
			t.Parallel()
			a, ok := s.Attributes[tc.attribute].(dschema.StringAttribute)
			if !ok {
				t.Fatalf("%s is not a string attribute", tc.attribute)
			}
			var got []string
			for _, v := range a.Validators {
				req := validator.StringRequest{Path: path.Root(tc.attribute), ConfigValue: tc.value}
				var resp validator.StringResponse
				v.ValidateString(t.Context(), req, &resp)
				for _, d := range resp.Diagnostics {
					if testcheck.DiagPath(d) != tc.attribute {
						t.Errorf("diagnostic path %q, want %q", testcheck.DiagPath(d), tc.attribute)
					}
					got = append(got, d.Detail())
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("validation errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMigrationTasksDataSource_sortOrder(t *testing.T) {
	t.Parallel()
	task := func(id string, created *int64) client.Task {
		return client.Task{ID: testcheck.Ptr(id), CreateDate: created}
	}
	cases := []struct {
		name string
		in   []client.Task
		want []string
	}{
		{"empty", nil, nil},
		{"by create_date", []client.Task{task("a", testcheck.Ptr(int64(3))), task("b", testcheck.Ptr(int64(1))), task("c", testcheck.Ptr(int64(2)))}, []string{"b", "c", "a"}},
		{"ties broken by id", []client.Task{task("z", testcheck.Ptr(int64(5))), task("m", testcheck.Ptr(int64(5))), task("a", testcheck.Ptr(int64(9)))}, []string{"m", "z", "a"}},
		{"no create_date first", []client.Task{task("b", testcheck.Ptr(int64(1))), task("c", nil), task("a", nil)}, []string{"a", "c", "b"}},
		{"no id first among equals", []client.Task{task("b", testcheck.Ptr(int64(1))), {CreateDate: testcheck.Ptr(int64(1))}}, []string{"", "b"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tasks := slices.Clone(tc.in)
			smstask.SortMigrationTasks(tasks)
			var got []string
			for _, tk := range tasks {
				got = append(got, testcheck.Deref(tk.ID))
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("order (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMigrationTasksDataSource_flatten(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	full := client.Task{
		ID: testcheck.Ptr("t-2"), Name: testcheck.Ptr("web"), Type: testcheck.Ptr("MIGRATE_FILE"), OSType: testcheck.Ptr("LINUX"), State: testcheck.Ptr("RUNNING"),
		Priority: testcheck.Ptr(int64(2)), SpeedLimit: testcheck.Ptr(int64(100)), MigrateSpeed: testcheck.Ptr(87.5), StartTargetServer: testcheck.Ptr(false),
		ErrorJSON: testcheck.Ptr(""), CreateDate: testcheck.Ptr(int64(2000)), EstimateCompleteTime: testcheck.Ptr(int64(9000)), TotalTime: testcheck.Ptr(int64(12)),
		MigrationIP: testcheck.Ptr("192.0.2.10"), EnterpriseProjectID: testcheck.Ptr("0"),
		SourceServer: &client.SourceServer{ID: testcheck.Ptr("src-1"), Name: testcheck.Ptr("web-linux-01"), IP: testcheck.Ptr("10.0.0.21")},
		TargetServer: &client.TargetServer{Name: testcheck.Ptr("web-target"), VMID: testcheck.Ptr("ecs-1")},
	}
	bare := client.Task{ID: testcheck.Ptr("t-1"), CreateDate: testcheck.Ptr(int64(1000))} // no servers, no status
	tasks, ids, diags := smstask.FlattenMigrationTasks(ctx, []client.Task{full, bare})
	if diags.HasError() {
		t.Fatal(diags)
	}
	var got []smstask.MigrationTasksSummaryModel
	if diags := tasks.ElementsAs(ctx, &got, false); diags.HasError() {
		t.Fatal(diags)
	}
	null := types.StringNull()
	want := []smstask.MigrationTasksSummaryModel{
		{
			ID: types.StringValue("t-1"), CreateDate: types.Int64Value(1000),
			Name: null, Type: null, OSType: null, State: null, Priority: types.Int64Null(), SpeedLimit: types.Int64Null(),
			MigrateSpeed: types.Float64Null(), StartTargetServer: types.BoolNull(), ErrorJSON: null,
			EstimateCompleteTime: types.Int64Null(), TotalTime: types.Int64Null(), MigrationIP: null, EnterpriseProjectID: null,
			SourceServerID: null, SourceServerName: null, SourceServerIP: null, TargetServerName: null, TargetServerVMID: null,
		},
		{
			ID: types.StringValue("t-2"), Name: types.StringValue("web"), Type: types.StringValue("MIGRATE_FILE"),
			OSType: types.StringValue("LINUX"), State: types.StringValue("RUNNING"), Priority: types.Int64Value(2),
			SpeedLimit: types.Int64Value(100), MigrateSpeed: types.Float64Value(87.5), StartTargetServer: types.BoolValue(false),
			ErrorJSON: types.StringValue(""), CreateDate: types.Int64Value(2000), EstimateCompleteTime: types.Int64Value(9000),
			TotalTime: types.Int64Value(12), MigrationIP: types.StringValue("192.0.2.10"), EnterpriseProjectID: types.StringValue("0"),
			SourceServerID: types.StringValue("src-1"), SourceServerName: types.StringValue("web-linux-01"),
			SourceServerIP: types.StringValue("10.0.0.21"), TargetServerName: types.StringValue("web-target"),
			TargetServerVMID: types.StringValue("ecs-1"),
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tasks (-want +got):\n%s", diff)
	}
	var gotIDs []string
	if diags := ids.ElementsAs(ctx, &gotIDs, false); diags.HasError() {
		t.Fatal(diags)
	}
	if diff := cmp.Diff([]string{"t-1", "t-2"}, gotIDs); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}

	// No tasks: empty lists, not null, so length() and for expressions work.
	tasks, ids, diags = smstask.FlattenMigrationTasks(ctx, nil)
	if diags.HasError() || tasks.IsNull() || len(tasks.Elements()) != 0 || ids.IsNull() || len(ids.Elements()) != 0 {
		t.Errorf("no tasks: got tasks=%s ids=%s diags=%v, want two empty lists", tasks, ids, diags)
	}
}

// TestAccMigrationTasksDataSource_filters lists 105 tasks (more than the client's
// 100-task page), checks the order, and applies each filter.
func TestAccMigrationTasksDataSource_filters(t *testing.T) {
	// A manual clock: the started task stays RUNNING, and create_date moves only when
	// the test says, so several tasks share one and the id tie-break is exercised.
	clock := emulator.NewManualClock(time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC))
	env := acctest.NewAccEnvWith(t, emulator.Options{Clock: clock})
	env.RequireEmulator(t)
	ctx := testcheck.TestCtx()

	const taskCount, perSecond = 105, 15
	sources := []string{acctest.EmulatorWindowsSrc, acctest.EmulatorLinuxSrc, acctest.EmulatorFailingSrc}
	type created struct {
		second int
		id     string
		source string
	}
	tasks := make([]created, taskCount)
	for i := range tasks {
		if i > 0 && i%perSecond == 0 {
			clock.Advance(time.Second)
		}
		src := sources[i%len(sources)]
		tasks[i] = created{second: i / perSecond, source: src, id: acctest.CreateTask(t, env, fmt.Sprintf("list-task-%03d", i), src)}
	}
	// The expected order, worked out from how the tasks were made: by creation second, then id.
	sorted := slices.Clone(tasks)
	slices.SortFunc(sorted, func(a, b created) int {
		if a.second != b.second {
			return a.second - b.second
		}
		return strings.Compare(a.id, b.id)
	})
	idsOf := func(keep func(created) bool) knownvalue.Check {
		checks := []knownvalue.Check{}
		for _, c := range sorted {
			if keep(c) {
				checks = append(checks, knownvalue.StringExact(c.id))
			}
		}
		return knownvalue.ListExact(checks)
	}

	// Task 4 migrates the Linux server, 42 the Windows one, 77 the failing one.
	started, named, enterprise := tasks[4], tasks[42], tasks[77]
	if err := env.Client.UpdateTaskStatus(ctx, started.id, client.TaskAction{Operation: "start"}); err != nil {
		t.Fatal(err)
	}
	const projectID = "5d1c7a3e-2b4f-4c6d-8e9f-0a1b2c3d4e5f"
	if err := env.Client.UpdateTask(ctx, enterprise.id, enterpriseProjectBody(env, projectID)); err != nil {
		t.Fatal(err)
	}
	env.Emu.ResetJournal()

	ds := func(name string) string { return "data.sms_migration_tasks." + name }
	ids := func(name string, want knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(ds(name), tfjsonpath.New("ids"), want)
	}
	only := func(id string) knownvalue.Check {
		return knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(id)})
	}
	bySource := func(src string) knownvalue.Check { return idsOf(func(c created) bool { return c.source == src }) }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: env.ProviderBlock + testAccMigrationTasksDataSourceConfig_filters(started.id, projectID),
				Check:  checkListPaging(env, taskCount),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(ds("all"), tfjsonpath.New("tasks"), knownvalue.ListSizeExact(taskCount)),
					ids("all", idsOf(func(created) bool { return true })),
					// The same order in tasks as in ids.
					statecheck.ExpectKnownValue(ds("all"), tfjsonpath.New("tasks").AtSliceIndex(0).AtMapKey("id"), knownvalue.StringExact(sorted[0].id)),
					statecheck.ExpectKnownValue(ds("all"), tfjsonpath.New("tasks").AtSliceIndex(taskCount-1).AtMapKey("id"), knownvalue.StringExact(sorted[taskCount-1].id)),

					ids("running", only(started.id)),
					statecheck.ExpectKnownValue(ds("running"), tfjsonpath.New("tasks").AtSliceIndex(0).AtMapKey("state"), knownvalue.StringExact("RUNNING")),
					ids("ready", idsOf(func(c created) bool { return c.id != started.id })),

					ids("by_name", only(named.id)),
					statecheck.ExpectKnownValue(ds("by_name"), tfjsonpath.New("tasks").AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"id":                     knownvalue.StringExact(named.id),
						"name":                   knownvalue.StringExact("list-task-042"),
						"type":                   knownvalue.StringExact("MIGRATE_FILE"),
						"os_type":                knownvalue.StringExact("WINDOWS"),
						"state":                  knownvalue.StringExact("READY"),
						"priority":               knownvalue.Int64Exact(1),
						"speed_limit":            knownvalue.Int64Exact(0),
						"migrate_speed":          knownvalue.Null(),
						"start_target_server":    knownvalue.Bool(true),
						"error_json":             knownvalue.Null(),
						"create_date":            knownvalue.Int64Exact(time.Date(2025, 3, 1, 9, 0, 2, 0, time.UTC).UnixMilli()),
						"estimate_complete_time": knownvalue.Null(),
						"total_time":             knownvalue.Null(),
						"migration_ip":           knownvalue.Null(),
						"enterprise_project_id":  knownvalue.StringExact("0"),
						"source_server_id":       knownvalue.StringExact(acctest.EmulatorWindowsSrc),
						"source_server_name":     knownvalue.StringExact("name-win16"),
						"source_server_ip":       knownvalue.StringExact("192.168.0.154"),
						"target_server_name":     knownvalue.StringExact("list-task-042-target"),
						"target_server_vm_id":    knownvalue.StringExact("ecs-list-task-042"),
					})),

					ids("by_id", only(started.id)),
					ids("windows", bySource(acctest.EmulatorWindowsSrc)),
					ids("linux", bySource(acctest.EmulatorLinuxSrc)),
					ids("failing", bySource(acctest.EmulatorFailingSrc)),
					statecheck.ExpectKnownValue(ds("windows"), tfjsonpath.New("tasks"), knownvalue.ListSizeExact(taskCount/len(sources))),
					ids("by_enterprise_project", only(enterprise.id)),
					statecheck.ExpectKnownValue(ds("by_enterprise_project"), tfjsonpath.New("tasks").AtSliceIndex(0).AtMapKey("enterprise_project_id"), knownvalue.StringExact(projectID)),
					ids("default_enterprise_project", idsOf(func(c created) bool { return c.id != enterprise.id })),
					ids("running_linux", only(started.id)),
					ids("running_windows", knownvalue.ListExact([]knownvalue.Check{})),
					statecheck.ExpectKnownValue(ds("none"), tfjsonpath.New("tasks"), knownvalue.ListExact([]knownvalue.Check{})),
				},
			},
		},
	})
}

func TestAccMigrationTasksDataSource_invalidFilter(t *testing.T) {
	env := acctest.NewAccEnv(t)
	allowed := make([]string, len(smstask.MigrationTasksStateFilterValues))
	for i, v := range smstask.MigrationTasksStateFilterValues {
		allowed[i] = regexp.QuoteMeta(fmt.Sprintf("%q", v))
	}
	parts := append([]string{`Invalid Attribute Value Match`, `data\.sms_migration_tasks\.bad`, `state = "SYNC_SUCCESS"`,
		`Attribute state value must be one of:`}, allowed...)
	parts = append(parts, `got: "SYNC_SUCCESS"`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: env.ProviderBlock + `
data "sms_migration_tasks" "bad" {
  state = "SYNC_SUCCESS"
}
`,
				ExpectError: testcheck.ErrorPattern(parts...),
			},
		},
	})
}

// checkListPaging asserts, from the emulator's journal, that listing total tasks took
// more than one page: a first GET at offset 0 and a later one at offset 100.
func checkListPaging(e *acctest.AccEnv, total int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		offsets := map[string]int{}
		for _, j := range e.Emu.Journal() {
			if j.Method != "GET" || j.Path != "/v3/tasks" {
				continue
			}
			q, err := url.ParseQuery(j.RawQuery)
			if err != nil {
				return err
			}
			if q.Get("limit") != "100" {
				return fmt.Errorf("list GET with limit %q, want 100: %s", q.Get("limit"), j.RawQuery)
			}
			offsets[q.Get("offset")]++
		}
		if offsets["0"] == 0 || offsets["100"] == 0 {
			return fmt.Errorf("listing %d tasks should GET offset 0 and offset 100; offsets requested: %v", total, offsets)
		}
		return nil
	}
}

func testAccMigrationTasksDataSourceConfig_filters(taskID, enterpriseProjectID string) string {
	return fmt.Sprintf(`
data "sms_migration_tasks" "all" {}

data "sms_migration_tasks" "running" {
  state = "RUNNING"
}

data "sms_migration_tasks" "ready" {
  state = "READY"
}

data "sms_migration_tasks" "by_name" {
  name = "list-task-042"
}

data "sms_migration_tasks" "by_id" {
  id = %[1]q
}

data "sms_migration_tasks" "windows" {
  source_server_id = %[3]q
}

data "sms_migration_tasks" "linux" {
  source_server_id = %[4]q
}

data "sms_migration_tasks" "failing" {
  source_server_id = %[5]q
}

data "sms_migration_tasks" "by_enterprise_project" {
  enterprise_project_id = %[2]q
}

data "sms_migration_tasks" "default_enterprise_project" {
  enterprise_project_id = "0"
}

data "sms_migration_tasks" "running_linux" {
  state            = "RUNNING"
  source_server_id = %[4]q
}

data "sms_migration_tasks" "running_windows" {
  state            = "RUNNING"
  source_server_id = %[3]q
}

data "sms_migration_tasks" "none" {
  name = "no-such-task"
}
`, taskID, enterpriseProjectID, acctest.EmulatorWindowsSrc, acctest.EmulatorLinuxSrc, acctest.EmulatorFailingSrc)
}
