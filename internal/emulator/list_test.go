package emulator

import (
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestListTasks_filtersAndPaging(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, seedModel)
	ids := map[string]string{}
	for _, tc := range []struct{ name, source string }{
		{"t1", linuxSourceID}, {"t2", windowsSourceID}, {"t3", linuxSourceID}, {"t4", failingSourceID}, {"t5", linuxSourceID},
	} {
		ids[tc.name] = env.createTask(createBody(tc.name, tc.source))
	}
	env.action(ids["t3"], "start").wantOK(t)
	env.do(http.MethodPut, "/v3/tasks/"+ids["t5"], map[string]any{"enterprise_project_id": "ep-1"}).wantOK(t)

	cases := []struct {
		query     string
		wantCount float64
		wantNames []string
	}{
		{"", 5, []string{"t1", "t2", "t3", "t4", "t5"}},
		{"?limit=2", 5, []string{"t1", "t2"}},
		{"?limit=2&offset=2", 5, []string{"t3", "t4"}},
		{"?offset=4", 5, []string{"t5"}},
		{"?offset=10&limit=3", 5, nil},
		{"?state=RUNNING", 1, []string{"t3"}},
		{"?state=READY&limit=1&offset=1", 4, []string{"t2"}},
		{"?state=MIGRATE_SUCCESS", 0, nil},
		{"?name=t4", 1, []string{"t4"}},
		{"?name=t", 0, nil},
		{"?id=" + ids["t2"], 1, []string{"t2"}},
		{"?source_server_id=" + linuxSourceID, 3, []string{"t1", "t3", "t5"}},
		{"?source_server_id=" + linuxSourceID + "&name=t5", 1, []string{"t5"}},
		{"?enterprise_project_id=0", 4, []string{"t1", "t2", "t3", "t4"}},
		{"?enterprise_project_id=ep-1", 1, []string{"t5"}},
	}
	for _, tc := range cases {
		t.Run(tc.query, func(t *testing.T) {
			t.Parallel() // reads only
			resp := env.do(http.MethodGet, "/v3/tasks"+tc.query, nil)
			resp.wantOK(t)
			got := resp.json(t)
			var names []string
			for _, task := range jsonArray(t, got, "tasks") {
				names = append(names, jsonString(t, task, "name"))
			}
			if got["count"] != tc.wantCount {
				t.Errorf("count = %v, want %v", got["count"], tc.wantCount)
			}
			if diff := cmp.Diff(tc.wantNames, names); diff != "" {
				t.Errorf("tasks (-want +got):\n%s", diff)
			}
		})
	}
}

func TestListTasks_summaryShape(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	id := env.createTask(createBody("web-01", linuxSourceID))
	got := jsonObject(t, env.do(http.MethodGet, "/v3/tasks", nil).json(t), "tasks.0")
	created := env.task(id)["create_date"]
	want := map[string]any{
		"id": id, "name": "web-01", "type": "MIGRATE_BLOCK", "os_type": "LINUX", "state": stateReady, "create_date": created,
		"priority": float64(1), "speed_limit": float64(0), "start_target_server": true, "sub_tasks": []any{},
		"enterprise_project_id": "0", "syncing": false, "need_migration_test": false,
		"source_server": map[string]any{"id": linuxSourceID, "ip": "10.0.0.21", "name": "web-linux-01", "os_type": "LINUX",
			"os_version": "CENTOS7_64BIT"},
		"target_server": map[string]any{"vm_id": "vm-web-01", "name": "target-web-01", "ip": "", "os_type": "LINUX"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("listed task (-want +got):\n%s", diff)
	}
}

func TestListTasks_rejectsBadQueries(t *testing.T) {
	t.Parallel()
	cases := []struct{ query, code, msg string }{
		{"?limit=ten", CodeWrongType, `limit must be an integer, got "ten"`},
		{"?offset=1.5", CodeWrongType, `offset must be an integer, got "1.5"`},
		{"?limit=-1", CodeOutOfRange, "limit must be between 0 and 2147483647"},
		{"?offset=2147483648", CodeOutOfRange, "offset must be between 0 and 2147483647"},
		{"?state=DONE", CodeNotAllowed, `state must be one of READY, RUNNING`},
	}
	for _, tc := range cases {
		t.Run(tc.query, func(t *testing.T) {
			t.Parallel()
			env := newTestEnv(t, seedModel)
			env.do(http.MethodGet, "/v3/tasks"+tc.query, nil).wantError(t, http.StatusBadRequest, tc.code, tc.msg)
		})
	}
}
