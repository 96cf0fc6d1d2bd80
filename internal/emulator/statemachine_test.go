package emulator

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func subTaskNames(t *testing.T, task map[string]any) []string {
	t.Helper()
	var names []string
	for _, st := range jsonArray(t, task, "sub_tasks") {
		names = append(names, jsonString(t, st, "name"))
	}
	return names
}

func subTaskProgress(t *testing.T, task map[string]any) []float64 {
	t.Helper()
	var out []float64
	for _, st := range jsonArray(t, task, "sub_tasks") {
		out = append(out, jsonNumber(t, st, "progress"))
	}
	return out
}

func TestMigration_subTasksByKind(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		source string
		change func(t *testing.T, body map[string]any)
		want   []string
	}{
		{"linux block, existing target", linuxSourceID, func(*testing.T, map[string]any) {},
			[]string{"SSL_CONFIG", "ATTACH_AGENT_IMAGE", "FORMAT_DISK_LINUX_BLOCK", "MIGRATE_LINUX_BLOCK", "CONFIGURE_LINUX_BLOCK", "DETTACH_AGENT_IMAGE"}},
		{"linux file, new target", linuxSourceID, func(t *testing.T, b map[string]any) {
			b["type"] = "MIGRATE_FILE"
			jsonObject(t, b, "target_server")["vm_id"] = ""
		}, []string{"CREATE_CLOUD_SERVER", "SSL_CONFIG", "ATTACH_AGENT_IMAGE", "FORMAT_DISK_LINUX_FILE", "MIGRATE_LINUX_FILE",
			"CONFIGURE_LINUX_FILE", "DETTACH_AGENT_IMAGE"}},
		{"windows, new target", windowsSourceID, func(t *testing.T, b map[string]any) { jsonObject(t, b, "target_server")["vm_id"] = "" },
			[]string{"CREATE_CLOUD_SERVER", "SSL_CONFIG", "ATTACH_AGENT_IMAGE", "FORMAT_DISK_WINDOWS", "MIGRATE_WINDOWS_BLOCK",
				"CONFIGURE_WINDOWS", "DETTACH_AGENT_IMAGE"}},
		{"linux block with syncing", linuxSourceID, func(_ *testing.T, b map[string]any) { b["syncing"] = true },
			[]string{"SSL_CONFIG", "ATTACH_AGENT_IMAGE", "FORMAT_DISK_LINUX_BLOCK", "MIGRATE_LINUX_BLOCK", "CONFIGURE_LINUX_BLOCK",
				"DETTACH_AGENT_IMAGE", "SYNC_LINUX_BLOCK"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := newTestEnv(t, Options{})
			body := createBody("task-1", tc.source)
			tc.change(t, body)
			id := env.createTask(body)
			if got := env.task(id)["sub_tasks"]; !cmp.Equal(got, []any{}) {
				t.Fatalf("a READY task has sub_tasks %v, want []", got)
			}
			env.action(id, "start").wantOK(t)
			if diff := cmp.Diff(tc.want, subTaskNames(t, env.task(id))); diff != "" {
				t.Fatalf("sub_tasks (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMigration_runsToSuccess(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	id := env.createTask(createBody("web-01", linuxSourceID))
	if got := env.task(id)["state"]; got != stateReady {
		t.Fatalf("new task state = %v, want READY", got)
	}
	env.action(id, "start").wantOK(t)

	env.clock.Advance(2 * time.Minute) // into MIGRATE_LINUX_BLOCK (starts at 80s)
	early := env.task(id)
	if early["state"] != stateRunning || jsonNumber(t, early, "migrate_speed") <= 0 {
		t.Fatalf("2 minutes in: state %v, migrate_speed %v; want RUNNING and moving data", early["state"], early["migrate_speed"])
	}
	if diff := cmp.Diff([]float64{100, 100, 100, 9, 0, 0}, subTaskProgress(t, early)); diff != "" {
		t.Fatalf("progress 2 minutes in (-want +got):\n%s", diff)
	}
	migrate := jsonObject(t, early, "sub_tasks.3")
	if _, ended := migrate["end_date"]; ended || jsonNumber(t, migrate, "start_date") != float64(testEpoch.UnixMilli()+80_000) {
		t.Fatalf("the running subtask is %v, want start_date at 80s and no end_date", migrate)
	}
	if jsonNumber(t, early, "total_time") != 120 || jsonNumber(t, early, "remain_seconds") != 480 {
		t.Fatalf("total_time %v remain_seconds %v, want 120 and 480", early["total_time"], early["remain_seconds"])
	}
	if want := float64(testEpoch.Add(10 * time.Minute).UnixMilli()); jsonNumber(t, early, "estimate_complete_time") != want {
		t.Fatalf("estimate_complete_time = %v, want %v", early["estimate_complete_time"], want)
	}
	env.do(http.MethodDelete, "/v3/tasks/"+id, nil).wantError(t, http.StatusBadRequest, CodeTaskNotDeletable, "is RUNNING and cannot be deleted")

	env.clock.Advance(3 * time.Minute)
	if later := env.task(id); jsonNumber(t, later, "remain_seconds") >= jsonNumber(t, early, "remain_seconds") {
		t.Fatalf("remain_seconds did not decrease: %v then %v", early["remain_seconds"], later["remain_seconds"])
	}

	env.clock.Advance(6 * time.Minute)
	done := env.task(id)
	if done["state"] != stateMigrateSuccess || jsonNumber(t, done, "remain_seconds") != 0 || jsonNumber(t, done, "migrate_speed") != 0 {
		t.Fatalf("after 11 minutes: %v", done)
	}
	if diff := cmp.Diff([]float64{100, 100, 100, 100, 100, 100}, subTaskProgress(t, done)); diff != "" {
		t.Fatalf("final progress (-want +got):\n%s", diff)
	}
	if want := float64(testEpoch.Add(10 * time.Minute).UnixMilli()); jsonNumber(t, done, "finish_date") != want {
		t.Fatalf("finish_date = %v, want %v", done["finish_date"], want)
	}
	env.do(http.MethodDelete, "/v3/tasks/"+id, nil).wantOK(t)
	env.do(http.MethodGet, "/v3/tasks/"+id, nil).wantError(t, http.StatusNotFound, CodeTaskNotFound, id)
	env.do(http.MethodDelete, "/v3/tasks/"+id, nil).wantError(t, http.StatusNotFound, CodeTaskNotFound, id)
}

func TestMigration_syncingEndsInSyncSuccess(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	body := createBody("web-01", linuxSourceID)
	body["syncing"] = true
	id := env.createTask(body)
	env.action(id, "start").wantOK(t)
	env.clock.Advance(11 * time.Minute)
	if got := env.task(id)["state"]; got != stateSyncing {
		t.Fatalf("state after 11 minutes = %v, want SYNCING", got)
	}
	env.do(http.MethodDelete, "/v3/tasks/"+id, nil).wantError(t, http.StatusBadRequest, CodeTaskNotDeletable, "is SYNCING")
	env.clock.Advance(2 * time.Minute)
	if got := env.task(id)["state"]; got != stateSyncSuccess {
		t.Fatalf("state after 13 minutes = %v, want SYNC_SUCCESS", got)
	}
}

func TestMigration_failingSourceServer(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	id := env.createTask(createBody("db-01", failingSourceID))
	env.action(id, "start").wantOK(t)
	env.clock.Advance(11 * time.Minute)
	failed := env.task(id)
	if failed["state"] != stateMigrateFail {
		t.Fatalf("state = %v, want MIGRATE_FAIL", failed["state"])
	}
	wantError := `{"error_code":"SMS.3802","error_param":["MIGRATE_LINUX_BLOCK","read timed out on the source disk"]}`
	if failed["error_json"] != wantError {
		t.Fatalf("error_json = %v, want %s", failed["error_json"], wantError)
	}
	if diff := cmp.Diff([]float64{100, 100, 100, 40, 0, 0}, subTaskProgress(t, failed)); diff != "" {
		t.Fatalf("progress at failure (-want +got):\n%s", diff)
	}
	firstIDs := jsonAt(t, failed, "sub_tasks.0.id")

	env.action(id, "start").wantError(t, http.StatusBadRequest, CodeOperationNotAllowed, `operation "start" is not allowed while the task is in state MIGRATE_FAIL`)
	env.action(id, "restart").wantOK(t)
	restarted := env.task(id)
	if restarted["state"] != stateRunning {
		t.Fatalf("state after restart = %v", restarted["state"])
	}
	if _, has := restarted["error_json"]; has {
		t.Fatalf("restart kept error_json %v", restarted["error_json"])
	}
	if jsonAt(t, restarted, "sub_tasks.0.id") == firstIDs {
		t.Fatal("restart reused the subtask ids of the failed run")
	}
	// A failed task can be deleted.
	env.clock.Advance(11 * time.Minute)
	env.do(http.MethodDelete, "/v3/tasks/"+id, nil).wantOK(t)
}

func TestMigration_stopAndResume(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	id := env.createTask(createBody("web-01", linuxSourceID))
	env.action(id, "start").wantOK(t)
	env.clock.Advance(4 * time.Minute)
	env.action(id, "stop").wantOK(t)
	if got := env.task(id)["state"]; got != stateAborting {
		t.Fatalf("state right after stop = %v, want ABORTING", got)
	}
	env.do(http.MethodDelete, "/v3/tasks/"+id, nil).wantError(t, http.StatusBadRequest, CodeTaskNotDeletable, "is ABORTING")
	env.clock.Advance(3 * time.Second)
	stopped := env.task(id)
	if stopped["state"] != stateAbort || jsonNumber(t, stopped, "total_time") != 240 {
		t.Fatalf("after stop: state %v total_time %v, want ABORT at 240", stopped["state"], stopped["total_time"])
	}
	env.clock.Advance(time.Hour) // a paused task does not progress
	if got := jsonNumber(t, env.task(id), "total_time"); got != 240 {
		t.Fatalf("total_time moved while stopped: %v", got)
	}
	env.action(id, "start").wantOK(t)
	env.clock.Advance(time.Minute)
	resumed := env.task(id)
	if resumed["state"] != stateRunning || jsonNumber(t, resumed, "total_time") != 300 {
		t.Fatalf("resumed: state %v total_time %v, want RUNNING at 300", resumed["state"], resumed["total_time"])
	}
	env.clock.Advance(5 * time.Minute)
	if got := env.task(id)["state"]; got != stateMigrateSuccess {
		t.Fatalf("state = %v, want MIGRATE_SUCCESS", got)
	}
}

func TestActions_allowedByState(t *testing.T) {
	t.Parallel()
	// reach brings a fresh task into the named state.
	reach := map[string]func(env *testEnv, id string){
		stateReady:   func(*testEnv, string) {},
		stateRunning: func(env *testEnv, id string) { env.action(id, "start").wantOK(env.t) },
		stateAborting: func(env *testEnv, id string) {
			env.action(id, "start").wantOK(env.t)
			env.action(id, "stop").wantOK(env.t)
		},
		stateAbort: func(env *testEnv, id string) {
			env.action(id, "start").wantOK(env.t)
			env.action(id, "stop").wantOK(env.t)
			env.clock.Advance(5 * time.Second)
		},
		stateMigrateSuccess: func(env *testEnv, id string) {
			env.action(id, "start").wantOK(env.t)
			env.clock.Advance(11 * time.Minute)
		},
	}
	cases := []struct {
		state, operation, wantState string // wantState "" = the action is rejected
	}{
		{stateReady, "start", stateRunning},
		{stateReady, "stop", ""},
		{stateReady, "restart", ""},
		{stateReady, "test", ""},
		{stateReady, "skip", ""},
		{stateReady, "clear", ""},
		{stateReady, "network_check", stateReady},
		{stateRunning, "start", ""},
		{stateRunning, "stop", stateAborting},
		{stateRunning, "skip", stateRunning},
		{stateRunning, "clone_test", ""},
		{stateRunning, "network_check", ""},
		{stateAborting, "start", ""},
		{stateAborting, "stop", ""},
		{stateAborting, "restart", ""},
		{stateAbort, "start", stateRunning},
		{stateAbort, "restart", stateRunning},
		{stateAbort, "clear", stateAbort},
		{stateAbort, "test", ""},
		{stateMigrateSuccess, "test", stateMigrateSuccess},
		{stateMigrateSuccess, "migration_test", stateMigrateSuccess},
		{stateMigrateSuccess, "clear", stateMigrateSuccess},
		{stateMigrateSuccess, "start", ""},
		{stateMigrateSuccess, "stop", ""},
		{stateMigrateSuccess, "restart", ""},
	}
	for _, tc := range cases {
		t.Run(tc.state+" "+tc.operation, func(t *testing.T) {
			t.Parallel()
			env := newTestEnv(t, Options{})
			id := env.createTask(createBody("web-01", linuxSourceID))
			reach[tc.state](env, id)
			if got := env.task(id)["state"]; got != tc.state {
				t.Fatalf("setup reached %v, want %s", got, tc.state)
			}
			before := env.snapshot()
			resp := env.action(id, tc.operation)
			if tc.wantState == "" {
				resp.wantError(t, http.StatusBadRequest, CodeOperationNotAllowed,
					`operation "`+tc.operation+`" is not allowed while the task is in state `+tc.state)
				if env.snapshot() != before {
					t.Fatal("a rejected action changed the state")
				}
				return
			}
			resp.wantOK(t)
			if got := env.task(id)["state"]; got != tc.wantState {
				t.Fatalf("state after %s = %v, want %s", tc.operation, got, tc.wantState)
			}
		})
	}
}

func TestActions_effects(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	id := env.createTask(createBody("web-01", linuxSourceID))
	env.do(http.MethodPost, "/v3/tasks/"+id+"/action", map[string]any{"operation": "start", "switch_hce": true}).wantOK(t)
	env.clock.Advance(11 * time.Minute)

	env.action(id, "clone_test").wantOK(t)
	clone := jsonObject(t, env.task(id), "clone_server")
	if clone["clone_state"] != "CREATING" || clone["name"] != "web-01-clone" || clone["vm_id"] == "" {
		t.Fatalf("clone_server right after clone_test = %v", clone)
	}
	env.clock.Advance(time.Minute)
	if got := jsonAt(t, env.task(id), "clone_server.clone_state"); got != "FINISHED" {
		t.Fatalf("clone_state a minute later = %v, want FINISHED", got)
	}
	env.action(id, "migration_test").wantOK(t)
	if got := env.task(id)["need_migration_test"]; got != true {
		t.Fatalf("need_migration_test after migration_test = %v", got)
	}

	win := newTestEnv(t, Options{})
	winID := win.createTask(createBody("win-01", windowsSourceID))
	win.do(http.MethodPost, "/v3/tasks/"+winID+"/action", map[string]any{"operation": "start", "switch_hce": true}).
		wantError(t, http.StatusBadRequest, CodeOperationNotAllowed, "switch_hce is allowed only for LINUX tasks, this task's os_type is WINDOWS")
}

func TestCreateTask_autoStart(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	body := createBody("web-01", linuxSourceID)
	body["auto_start"] = true
	id := env.createTask(body)
	if got := env.task(id)["state"]; got != stateRunning {
		t.Fatalf("auto_start task state = %v, want RUNNING", got)
	}
}

func TestProgressReports(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	id := env.createTask(createBody("web-01", linuxSourceID))
	report := func(name string, progress int) response {
		return env.do(http.MethodPut, "/v3/tasks/"+id+"/progress", map[string]any{"subtask_name": name, "progress": progress,
			"replicatesize": 1, "totalsize": 2, "process_trace": "agent says " + name, "need_migration_test": true})
	}
	report("MIGRATE_LINUX_BLOCK", 10).wantError(t, http.StatusBadRequest, CodeOperationNotAllowed,
		"progress can be reported only while the task is RUNNING or SYNCING, the task is READY")
	env.action(id, "start").wantOK(t)
	report("MIGRATE_WINDOWS_BLOCK", 10).wantError(t, http.StatusBadRequest, CodeInvalidSubtask,
		"subtask_name MIGRATE_WINDOWS_BLOCK is not a subtask of task "+id)
	report("MIGRATE_LINUX_BLOCK", 90).wantOK(t)
	task := env.task(id)
	migrate := jsonObject(t, task, "sub_tasks.3")
	if jsonNumber(t, migrate, "progress") != 90 || migrate["process_trace"] != "agent says MIGRATE_LINUX_BLOCK" || task["need_migration_test"] != true {
		t.Fatalf("after the report: subtask %v, need_migration_test %v", migrate, task["need_migration_test"])
	}
}

func TestSpeedLimits(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	id := env.createTask(createBody("web-01", linuxSourceID))
	path := "/v3/tasks/" + id + "/speed-limit"
	if got := env.do(http.MethodGet, path, nil).json(t); len(jsonArray(t, got, "speed_limit")) != 0 {
		t.Fatalf("speed limits before any is set = %v, want []", got)
	}
	windows := []any{
		map[string]any{"start": "00:00", "end": "08:00", "speed": float64(100)},
		map[string]any{"start": "08:00", "end": "23:59", "speed": float64(20), "over_speed_threshold": 12.5},
	}
	resp := env.do(http.MethodPost, path, map[string]any{"speed_limit": windows})
	resp.wantOK(t)
	if len(resp.body) != 0 {
		t.Fatalf("UpdateSpeed answered a body %q, want the empty raw answer", resp.body)
	}
	got := env.do(http.MethodGet, path, nil)
	got.wantOK(t)
	if diff := cmp.Diff(map[string]any{"speed_limit": windows}, got.json(t)); diff != "" {
		t.Fatalf("speed limits (-want +got):\n%s", diff)
	}
	env.do(http.MethodGet, "/v3/tasks/nope/speed-limit", nil).wantError(t, http.StatusNotFound, CodeTaskNotFound, "nope")
	if !strings.Contains(jsonString(t, env.do(http.MethodPost, "/v3/tasks/nope/speed-limit", map[string]any{"speed_limit": windows}).json(t), "error_code"), CodeTaskNotFound) {
		t.Fatal("setting speed limits of a missing task did not answer SMS.1008")
	}
}

// The API documents no rule against overlapping windows, a window that ends before it
// starts, or a speed of 0, so the emulator accepts them as the documents allow (the
// provider refuses them at plan time, which is its own choice).
func TestSpeedLimits_whatTheDocumentsDoNotForbid(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	id := env.createTask(createBody("web-01", linuxSourceID))
	path := "/v3/tasks/" + id + "/speed-limit"
	windows := []any{
		map[string]any{"start": "18:00", "end": "08:00", "speed": float64(100)},
		map[string]any{"start": "07:00", "end": "09:00", "speed": float64(0)},
	}
	env.do(http.MethodPost, path, map[string]any{"speed_limit": windows}).wantOK(t)
	got := env.do(http.MethodGet, path, nil)
	got.wantOK(t)
	if diff := cmp.Diff(map[string]any{"speed_limit": windows}, got.json(t)); diff != "" {
		t.Fatalf("speed limits (-want +got):\n%s", diff)
	}
}
