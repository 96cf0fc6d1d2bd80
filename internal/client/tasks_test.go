package client

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestListTasks_pagesThroughEveryTask(t *testing.T) {
	t.Parallel()
	f := newFakeSMS(t, nil)
	for i := 1; i <= 5; i++ {
		f.addTask(map[string]any{"id": fmt.Sprintf("t%d", i), "name": "web 01", "state": "READY",
			"source_server": map[string]any{"id": "src-1"}})
	}
	f.addTask(map[string]any{"id": "other", "name": "db", "state": "READY"})
	c, _ := newTestClient(t, f, nil)
	c.listPageSize = 2

	tasks, err := c.ListTasks(testContext(t), ListTasksFilter{Name: "web 01", State: "READY", SourceServerID: "src-1"})
	if err != nil {
		t.Fatalf("ListTasks: %v", err)
	}
	var ids []string
	for _, task := range tasks {
		ids = append(ids, *task.ID)
	}
	if diff := cmp.Diff([]string{"t1", "t2", "t3", "t4", "t5"}, ids); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	var queries []string
	for _, r := range f.Requests() {
		queries = append(queries, r.RawQuery)
	}
	want := []string{
		"limit=2&name=web%2001&offset=0&source_server_id=src-1&state=READY",
		"limit=2&name=web%2001&offset=2&source_server_id=src-1&state=READY",
		"limit=2&name=web%2001&offset=4&source_server_id=src-1&state=READY",
	}
	if diff := cmp.Diff(want, queries); diff != "" {
		t.Errorf("wire queries (-want +got):\n%s", diff)
	}
	assertAllSigned(t, f)
}

func TestListTasks_emptyAndShrinkingLists(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name      string
		pages     []string
		wantIDs   []string
		wantCalls int
	}{
		{"no tasks", []string{`{"count":0,"tasks":[]}`}, []string{}, 1},
		{"null tasks", []string{`{"count":0,"tasks":null}`}, []string{}, 1},
		{"list shrank while paging stops on an empty page", []string{`{"count":4,"tasks":[{"id":"a"},{"id":"b"}]}`, `{"count":4,"tasks":[]}`}, []string{"a", "b"}, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeSMS(t, func(f *fakeSMS, w http.ResponseWriter, _ *http.Request, _ []byte, n int) bool {
				writeBody(f.t, w, []byte(tc.pages[n-1]))
				return true
			})
			c, _ := newTestClient(t, f, nil)
			c.listPageSize = 2
			tasks, err := c.ListTasks(testContext(t), ListTasksFilter{})
			if err != nil {
				t.Fatalf("ListTasks: %v", err)
			}
			ids := []string{}
			for _, task := range tasks {
				ids = append(ids, *task.ID)
			}
			if diff := cmp.Diff(tc.wantIDs, ids); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
			if got := len(f.Requests()); got != tc.wantCalls {
				t.Errorf("requests = %d, want %d", got, tc.wantCalls)
			}
		})
	}
}

// Every 2xx body that is not the operation's shape is an error naming the problem.
func TestDecoding_unexpectedBodies(t *testing.T) {
	t.Parallel()
	list := func(c *Client) error { _, err := c.ListTasks(testContext(t), ListTasksFilter{}); return err }
	show := func(c *Client) error { _, err := c.ShowTask(testContext(t), "t1"); return err }
	speed := func(c *Client) error { _, err := c.ShowSpeedLimits(testContext(t), "t1"); return err }
	update := func(c *Client) error { return c.UpdateTask(testContext(t), "t1", UpdateTaskBody{Name: ptrTo("n")}) }
	cases := []struct {
		name    string
		body    string
		call    func(*Client) error
		wantErr string
	}{
		{"show empty", "", show, `SMS API GET /v3/tasks/t1: unexpected response body (request id req-1): expected a JSON object, got ""`},
		{"show array", `[1,2]`, show, `SMS API GET /v3/tasks/t1: unexpected response body (request id req-1): expected a JSON object, got "[1,2]"`},
		{"show null", `null`, show, `SMS API GET /v3/tasks/t1: unexpected response body (request id req-1): expected a JSON object, got "null"`},
		{"show no id", `{"name":"x"}`, show, `SMS API GET /v3/tasks/t1: unexpected response body (request id req-1): the task has no id`},
		{"show wrong type", `{"id":"t1","priority":"high"}`, show, `SMS API GET /v3/tasks/t1: unexpected response body (request id req-1): json: cannot unmarshal string into Go struct field Task.priority of type int64`},
		{"show truncated", `{"id":"t1"`, show, `SMS API GET /v3/tasks/t1: unexpected response body (request id req-1): unexpected end of JSON input`},
		{"list no count", `{"tasks":[]}`, list, `SMS API GET /v3/tasks: unexpected response body (request id req-1): the task list has no count`},
		{"list tasks not array", `{"count":1,"tasks":{"id":"a"}}`, list, `SMS API GET /v3/tasks: unexpected response body (request id req-1): json: cannot unmarshal object into Go struct field listTasksPage.tasks of type []client.Task`},
		{"speed not object", `"ok"`, speed, `SMS API GET /v3/tasks/t1/speed-limit: unexpected response body (request id req-1): expected a JSON object, got "\"ok\""`},
		{"update text", `done`, update, `SMS API PUT /v3/tasks/t1: unexpected response body (request id req-1): expected a JSON object, got "done"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeSMS(t, func(f *fakeSMS, w http.ResponseWriter, _ *http.Request, _ []byte, _ int) bool {
				writeBody(f.t, w, []byte(tc.body))
				return true
			})
			c, _ := newTestClient(t, f, nil)
			err := tc.call(c)
			if err == nil {
				t.Fatal("want an error, got nil")
			}
			if diff := cmp.Diff(tc.wantErr, err.Error()); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
}

func TestOperations_wireRequests(t *testing.T) {
	t.Parallel()
	f := newFakeSMS(t, nil)
	f.addTask(map[string]any{"id": "t1", "name": "n", "priority": 2, "target_server": map[string]any{"btrfs_list": []string{"a"}}})
	c, _ := newTestClient(t, f, nil)
	ctx := testContext(t)
	speed := int64(100)
	windows := []SpeedLimitWindow{{Start: "00:00", End: "23:59", Speed: &speed}}

	task, err := c.ShowTask(ctx, "t1")
	if err != nil || *task.Priority != 2 || task.TargetServer.BtrfsList[0] != "a" {
		t.Fatalf("ShowTask = %+v, %v", task, err)
	}
	if err := c.UpdateTask(ctx, "t1", UpdateTaskBody{Priority: ptrTo(int64(0)), MigrationIP: ptrTo("10.0.0.9"), SourceServer: &PutSourceServer{ID: ptrTo("s")}}); err != nil {
		t.Fatalf("UpdateTask: %v", err)
	}
	if err := c.DeleteTask(ctx, "t1"); err != nil {
		t.Fatalf("DeleteTask: %v", err)
	}
	if err := c.UpdateTaskStatus(ctx, "t1", TaskAction{Operation: "stop"}); err != nil {
		t.Fatalf("UpdateTaskStatus: %v", err)
	}
	if err := c.UpdateSpeedLimits(ctx, "t1", windows); err != nil {
		t.Fatalf("UpdateSpeedLimits: %v", err)
	}
	got, err := c.ShowSpeedLimits(ctx, "t1")
	if err != nil {
		t.Fatalf("ShowSpeedLimits: %v", err)
	}
	if diff := cmp.Diff(windows, got); diff != "" {
		t.Errorf("speed limits round trip (-want +got):\n%s", diff)
	}
	if err := c.UpdateSpeedLimits(ctx, "t2", nil); err != nil {
		t.Fatalf("UpdateSpeedLimits(nil): %v", err)
	}

	type wire struct{ Method, Path, Body string }
	var gotWire []wire
	for _, r := range f.Requests() {
		gotWire = append(gotWire, wire{r.Method, r.Path, string(r.Body)})
	}
	want := []wire{
		{"GET", "/v3/tasks/t1", ""},
		{"PUT", "/v3/tasks/t1", `{"priority":0,"migration_ip":"10.0.0.9","source_server":{"id":"s","ip":"","name":"","os_type":"","agent_version":""}}` + "\n"},
		{"DELETE", "/v3/tasks/t1", ""},
		{"POST", "/v3/tasks/t1/action", `{"operation":"stop"}` + "\n"},
		{"POST", "/v3/tasks/t1/speed-limit", `{"speed_limit":[{"start":"00:00","end":"23:59","speed":100}]}` + "\n"},
		{"GET", "/v3/tasks/t1/speed-limit", ""},
		{"POST", "/v3/tasks/t2/speed-limit", `{"speed_limit":[]}` + "\n"},
	}
	if diff := cmp.Diff(want, gotWire); diff != "" {
		t.Errorf("wire requests (-want +got):\n%s", diff)
	}
	assertAllSigned(t, f)
}

func TestOperations_escapedTaskIDIsSigned(t *testing.T) {
	t.Parallel()
	f := newFakeSMS(t, nil)
	f.addTask(map[string]any{"id": "a b%c"})
	c, _ := newTestClient(t, f, nil)
	task, err := c.ShowTask(testContext(t), "a b%c")
	if err != nil {
		t.Fatalf("ShowTask: %v", err)
	}
	if *task.ID != "a b%c" {
		t.Errorf("id = %q", *task.ID)
	}
	assertAllSigned(t, f)
}

func TestOperations_badInput(t *testing.T) {
	t.Parallel()
	f := newFakeSMS(t, nil)
	c, _ := newTestClient(t, f, nil)
	ctx := testContext(t)
	cases := []struct {
		name    string
		call    func() error
		wantErr string
	}{
		{"show empty id", func() error { _, err := c.ShowTask(ctx, ""); return err }, "ShowTask: task id must not be empty"},
		{"update empty id", func() error { return c.UpdateTask(ctx, "", UpdateTaskBody{Name: ptrTo("a")}) }, "UpdateTask: task id must not be empty"},
		{"update empty body", func() error { return c.UpdateTask(ctx, "t", UpdateTaskBody{}) }, "UpdateTask: the body has no fields to update"},
		{"put unencodable", func() error {
			_, err := c.send(ctx, call{method: http.MethodPut, segments: taskSegments("t"), body: map[string]any{"f": func() {}}})
			return err
		}, "encoding request body of PUT /v3/tasks/t: json: unsupported type: func()"},
		{"delete empty id", func() error { return c.DeleteTask(ctx, "") }, "DeleteTask: task id must not be empty"},
		{"action empty op", func() error { return c.UpdateTaskStatus(ctx, "t", TaskAction{}) }, "UpdateTaskStatus: operation must not be empty"},
		{"speed empty id", func() error { return c.UpdateSpeedLimits(ctx, "", nil) }, "UpdateSpeedLimits: task id must not be empty"},
		{"show speed empty id", func() error { _, err := c.ShowSpeedLimits(ctx, ""); return err }, "ShowSpeedLimits: task id must not be empty"},
		{"create nil", func() error { _, err := c.CreateTask(ctx, nil); return err }, "CreateTask: request must not be nil"},
		{"create no source", func() error { _, err := c.CreateTask(ctx, &CreateTaskRequest{Name: "n"}); return err },
			"CreateTask: name and source_server.id must be set (they identify the task if a retry is needed)"},
	}
	// Registered before the parallel subtests run, checked after they finish.
	t.Cleanup(func() {
		if got := len(f.Requests()); got != 0 {
			t.Errorf("bad input sent %d requests", got)
		}
	})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := tc.call()
			if err == nil || err.Error() != tc.wantErr {
				t.Errorf("error = %v, want %q", err, tc.wantErr)
			}
		})
	}
}

// The body UpdateTask sends has exactly the top-level keys set, nested mandatory
// children included, and no HTML escaping at any depth.
func TestUpdateTask_bodyExactlyAsGiven(t *testing.T) {
	t.Parallel()
	f := newFakeSMS(t, nil)
	c, _ := newTestClient(t, f, nil)
	body := UpdateTaskBody{Name: ptrTo("x<y>"), TargetServer: &PutTargetServer{
		OSType: "LINUX", Disks: MandatoryList[PutTargetDisk]{{Name: ptrTo("a&b")}},
	}}
	if err := c.UpdateTask(testContext(t), "t1", body); err != nil {
		t.Fatal(err)
	}
	reqs := f.Requests()
	want := `{"name":"x<y>","target_server":{"ip":"","os_type":"LINUX","disks":[{"name":"a&b"}]}}` + "\n"
	if diff := cmp.Diff(want, string(reqs[0].Body)); diff != "" {
		t.Errorf("sent body (-want +got):\n%s", diff)
	}
}
