package client

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func testCreateRequest() *CreateTaskRequest {
	return &CreateTaskRequest{
		Name: "task-web", Type: "MIGRATE_BLOCK",
		SourceServer: CreateSourceServer{ID: "2b1f4c3e-7a8d-4e21-9f6a-3c5d8e0a1b02"},
		TargetServer: CreateTargetServer{Name: "target", VMID: "vm-1"},
		RegionName:   "ap-southeast-3", RegionID: "ap-southeast-3",
		ProjectName: "ap-southeast-3", ProjectID: testProjectID,
	}
}

// onCreate intercepts only POST /v3/tasks.
func onCreate(fn func(f *fakeSMS, w http.ResponseWriter, body []byte, n int) bool) interceptFunc {
	return func(f *fakeSMS, w http.ResponseWriter, r *http.Request, body []byte, n int) bool {
		if r.Method != http.MethodPost || r.URL.Path != "/v3/tasks" {
			return false
		}
		return fn(f, w, body, n)
	}
}

func TestCreateTask_neverCreatesTwoTasks(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name      string
		intercept interceptFunc
		wantID    string
		wantPosts int
		wantLists int // the list before the first POST, then one per lookup
		wantTasks int
	}{
		{
			name:   "plain success",
			wantID: "task-001", wantPosts: 1, wantLists: 1, wantTasks: 1,
		},
		{
			name: "applied but reply lost: reconciled, one POST",
			intercept: onCreate(func(f *fakeSMS, w http.ResponseWriter, body []byte, n int) bool {
				if n == 1 {
					f.createTask(body)
					loseReply(f.t, w)
					return true
				}
				return false
			}),
			wantID: "task-001", wantPosts: 1, wantLists: 2, wantTasks: 1,
		},
		{
			name: "applied but 2xx body unreadable: reconciled",
			intercept: onCreate(func(f *fakeSMS, w http.ResponseWriter, body []byte, n int) bool {
				if n == 1 {
					f.createTask(body)
					writeBody(f.t, w, []byte("<html>proxy</html>"))
					return true
				}
				return false
			}),
			wantID: "task-001", wantPosts: 1, wantLists: 2, wantTasks: 1,
		},
		{
			name: "applied but 500: reconciled",
			intercept: onCreate(func(f *fakeSMS, w http.ResponseWriter, body []byte, n int) bool {
				if n == 1 {
					f.createTask(body)
					writeJSON(f.t, w, http.StatusInternalServerError, map[string]any{"error_code": "SMS.6301", "error_msg": "db"})
					return true
				}
				return false
			}),
			wantID: "task-001", wantPosts: 1, wantLists: 2, wantTasks: 1,
		},
		{
			name: "503 without applying: looked up, then a second POST",
			intercept: onCreate(func(f *fakeSMS, w http.ResponseWriter, _ []byte, n int) bool {
				if n == 1 {
					writeJSON(f.t, w, http.StatusServiceUnavailable, map[string]any{"error_code": "APIGW.0503", "error_msg": "busy"})
					return true
				}
				return false
			}),
			wantID: "task-001", wantPosts: 2, wantLists: 2, wantTasks: 1,
		},
		{
			name: "429: retried without a lookup",
			intercept: onCreate(func(f *fakeSMS, w http.ResponseWriter, _ []byte, n int) bool {
				if n <= 2 {
					writeJSON(f.t, w, http.StatusTooManyRequests, map[string]any{"error_code": "APIGW.0308", "error_msg": "throttled"})
					return true
				}
				return false
			}),
			wantID: "task-001", wantPosts: 3, wantLists: 1, wantTasks: 1,
		},
		{
			name: "reply lost twice without applying, then success",
			intercept: onCreate(func(f *fakeSMS, w http.ResponseWriter, _ []byte, n int) bool {
				if n <= 2 {
					loseReply(f.t, w)
					return true
				}
				return false
			}),
			wantID: "task-001", wantPosts: 3, wantLists: 3, wantTasks: 1,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeSMS(t, tc.intercept)
			c, _ := newTestClient(t, f, nil)
			id, err := c.CreateTask(testContext(t), testCreateRequest())
			if err != nil {
				t.Fatalf("CreateTask: %v", err)
			}
			got := []any{id, f.count(http.MethodPost, "/v3/tasks"), f.count(http.MethodGet, "/v3/tasks"), f.taskCount()}
			want := []any{tc.wantID, tc.wantPosts, tc.wantLists, tc.wantTasks}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("[id, POSTs, lists, tasks] (-want +got):\n%s", diff)
			}
			for _, r := range f.Requests() {
				if r.Method == http.MethodGet && r.RawQuery != "limit=100&name=task-web&offset=0&source_server_id=2b1f4c3e-7a8d-4e21-9f6a-3c5d8e0a1b02" {
					t.Errorf("lookup query = %q", r.RawQuery)
				}
			}
			assertAllSigned(t, f)
		})
	}
}

func TestCreateTask_failures(t *testing.T) {
	t.Parallel()
	lose := onCreate(func(f *fakeSMS, w http.ResponseWriter, _ []byte, _ int) bool {
		loseReply(f.t, w)
		return true
	})
	cases := []struct {
		name      string
		intercept interceptFunc
		setup     func(f *fakeSMS)
		wantErr   string // prefix
		wantPosts int
		check     func(t *testing.T, err error)
	}{
		{
			name: "400 is final",
			intercept: onCreate(func(f *fakeSMS, w http.ResponseWriter, _ []byte, _ int) bool {
				writeJSON(f.t, w, http.StatusBadRequest, map[string]any{"error_code": "SMS.1003", "error_msg": "bad type"})
				return true
			}),
			wantErr:   `SMS API error: POST /v3/tasks: status 400, error_code SMS.1003, error_msg "bad type", request id req-2`,
			wantPosts: 1,
		},
		{
			name:      "reply always lost and never applied: bounded by MaxRetries",
			intercept: lose,
			wantErr:   `create task "task-web": the task was not created: SMS API request POST /v3/tasks failed after 4 attempt(s): `,
			wantPosts: 4,
			check: func(t *testing.T, err error) {
				if IsOutcomeUnknown(err) {
					t.Errorf("the lookup proved no task exists; the outcome is known: %v", err)
				}
			},
		},
		{
			name: "429 every time: bounded by MaxRetries",
			intercept: onCreate(func(f *fakeSMS, w http.ResponseWriter, _ []byte, _ int) bool {
				writeJSON(f.t, w, http.StatusTooManyRequests, map[string]any{"error_code": "APIGW.0308", "error_msg": "throttled"})
				return true
			}),
			wantErr:   `create task "task-web": giving up after 4 attempt(s): SMS API error: POST /v3/tasks: status 429`,
			wantPosts: 4,
		},
		{
			name: "ambiguous and two new matching tasks: refuses to guess",
			intercept: onCreate(func(f *fakeSMS, w http.ResponseWriter, body []byte, _ int) bool {
				f.createTask(body)
				f.createTask(body) // someone else made the same task meanwhile
				loseReply(f.t, w)
				return true
			}),
			wantErr:   `create task "task-web": outcome unknown, the task may exist (look for it by name and source server 2b1f4c3e-7a8d-4e21-9f6a-3c5d8e0a1b02): SMS API request POST /v3/tasks failed after 1 attempt(s): `,
			wantPosts: 1,
			check: func(t *testing.T, err error) {
				if !strings.Contains(err.Error(), `looking the task up failed: 2 tasks named "task-web" appeared for source server 2b1f4c3e-7a8d-4e21-9f6a-3c5d8e0a1b02 during this create (task-001, task-002); refusing to pick one`) {
					t.Errorf("error does not explain the ambiguity: %v", err)
				}
			},
		},
		{
			name: "no list before the POST, a lost reply and a matching task: refuses to adopt it",
			intercept: func(f *fakeSMS, w http.ResponseWriter, r *http.Request, body []byte, n int) bool {
				switch {
				case r.Method == http.MethodGet && n == 1:
					writeJSON(f.t, w, http.StatusForbidden, map[string]any{"error_code": "SMS.0204", "error_msg": "denied"})
					return true
				case r.Method == http.MethodPost:
					f.createTask(body)
					loseReply(f.t, w)
					return true
				}
				return false
			},
			wantErr:   `create task "task-web": outcome unknown, the task may exist`,
			wantPosts: 1,
			check: func(t *testing.T, err error) {
				if !strings.Contains(err.Error(), `1 task(s) named "task-web" exist for source server 2b1f4c3e-7a8d-4e21-9f6a-3c5d8e0a1b02 (task-001), but the tasks that existed before this create could not be listed`) {
					t.Errorf("error does not explain why the task is not adopted: %v", err)
				}
			},
		},
		{
			name: "ambiguous and the lookup fails",
			intercept: func(f *fakeSMS, w http.ResponseWriter, r *http.Request, _ []byte, _ int) bool {
				if r.Method == http.MethodPost {
					loseReply(f.t, w)
				} else {
					writeJSON(f.t, w, http.StatusForbidden, map[string]any{"error_code": "SMS.0204", "error_msg": "denied"})
				}
				return true
			},
			wantErr:   `create task "task-web": outcome unknown, the task may exist`,
			wantPosts: 1,
			check: func(t *testing.T, err error) {
				var apiErr *APIError
				if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusForbidden {
					t.Errorf("the lookup's 403 should be in the chain: %v", err)
				}
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeSMS(t, tc.intercept)
			if tc.setup != nil {
				tc.setup(f)
			}
			c, _ := newTestClient(t, f, nil)
			_, err := c.CreateTask(testContext(t), testCreateRequest())
			if err == nil || !strings.HasPrefix(err.Error(), tc.wantErr) {
				t.Fatalf("error = %v\nwant prefix %q", err, tc.wantErr)
			}
			if got := f.count(http.MethodPost, "/v3/tasks"); got != tc.wantPosts {
				t.Errorf("POSTs = %d, want %d", got, tc.wantPosts)
			}
			if tc.check != nil {
				tc.check(t, err)
			}
			assertAllSigned(t, f)
		})
	}
}

func TestCreateTask_honoursRetryAfterOn429(t *testing.T) {
	t.Parallel()
	f := newFakeSMS(t, onCreate(func(f *fakeSMS, w http.ResponseWriter, _ []byte, n int) bool {
		if n == 1 {
			w.Header().Set("Retry-After", "3")
			writeJSON(f.t, w, http.StatusTooManyRequests, map[string]any{"error_code": "APIGW.0308", "error_msg": "throttled"})
			return true
		}
		return false
	}))
	c, rec := newTestClient(t, f, func(cfg *Config) { cfg.RetryWaitMax = 20 * time.Millisecond })
	if _, err := c.CreateTask(testContext(t), testCreateRequest()); err != nil {
		t.Fatalf("CreateTask: %v", err)
	}
	if diff := cmp.Diff([]time.Duration{20 * time.Millisecond}, rec.all()); diff != "" {
		t.Errorf("waits (-want +got):\n%s", diff)
	}
}

func TestCreateTask_cancelledWhileWaitingToReconcile(t *testing.T) {
	t.Parallel()
	f := newFakeSMS(t, onCreate(func(f *fakeSMS, w http.ResponseWriter, body []byte, _ int) bool {
		f.createTask(body)
		loseReply(f.t, w)
		return true
	}))
	c, _ := newTestClient(t, f, func(cfg *Config) { cfg.RetryWaitMin, cfg.RetryWaitMax = time.Hour, time.Hour })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c.onWait = func(int, time.Duration) { cancel() }
	_, err := c.CreateTask(ctx, testCreateRequest())
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error = %v, want context.Canceled", err)
	}
	if !strings.HasPrefix(err.Error(), `create task "task-web": outcome unknown, the task may exist`) {
		t.Errorf("error should warn that the task may exist: %v", err)
	}
	if got := f.count(http.MethodPost, "/v3/tasks"); got != 1 {
		t.Errorf("POSTs = %d, want 1", got)
	}
}

// A refused connection is a wrong endpoint or a stopped service: a few quick dials, no
// backoff, and one error that names the endpoint, where it came from and one count.
func TestCreateTask_refusedConnectionFailsFast(t *testing.T) {
	t.Parallel()
	endpoint := closedEndpoint(t)
	c, err := New(Config{Endpoint: endpoint, EndpointFrom: "HW_SMS_ENDPOINT", AccessKey: testAK, SecretKey: testSK,
		MaxRetries: 5, RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	c.refusedWait = time.Millisecond
	rec := &waitRecorder{}
	c.onWait = rec.record
	_, err = c.CreateTask(testContext(t), testCreateRequest())
	want := "SMS API request POST /v3/tasks failed after 3 attempt(s): the SMS endpoint " + endpoint +
		" (from HW_SMS_ENDPOINT) refused the connection: nothing is listening there. " +
		"Check the endpoint's host and port, and that the SMS API (or the emulator) is running: dial tcp "
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("error = %v\nwant prefix %q", err, want)
	}
	if n := strings.Count(err.Error(), "attempt"); n != 1 {
		t.Errorf("the error counts attempts %d times, want once: %v", n, err)
	}
	if IsOutcomeUnknown(err) {
		t.Error("refused dials must not read as an unknown outcome")
	}
	var refused *ConnectionRefusedError
	if !errors.As(err, &refused) || refused.Attempts != 3 {
		t.Errorf("error = %#v, want a *ConnectionRefusedError after 3 dials", err)
	}
	if got := len(rec.all()); got != 0 {
		t.Errorf("backoff waits = %v, want none: a refusal has its own quick budget", rec.all())
	}
}

// closedEndpoint is the URL of a loopback port nothing listens on.
func closedEndpoint(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return "http://" + addr
}

// After a lost reply, a task that existed before the create is never taken for the one the
// create made, even with the same name and source server.
func TestCreateTask_neverAdoptsATaskThatExistedBefore(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name      string
		applied   bool // whether the lost POST created the task
		wantID    string
		wantPosts int
	}{
		{name: "the lost POST created the task: the new one is adopted", applied: true, wantID: "task-001", wantPosts: 1},
		{name: "the lost POST created nothing: posted again", applied: false, wantID: "task-001", wantPosts: 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeSMS(t, onCreate(func(f *fakeSMS, w http.ResponseWriter, body []byte, n int) bool {
				if n > 1 {
					return false
				}
				if tc.applied {
					f.createTask(body)
				}
				loseReply(f.t, w)
				return true
			}))
			f.addTask(map[string]any{"id": "someone-elses", "name": "task-web", "state": "RUNNING",
				"source_server": map[string]any{"id": "2b1f4c3e-7a8d-4e21-9f6a-3c5d8e0a1b02"}})
			c, _ := newTestClient(t, f, nil)
			id, err := c.CreateTask(testContext(t), testCreateRequest())
			if err != nil {
				t.Fatalf("CreateTask: %v", err)
			}
			got := []any{id, f.count(http.MethodPost, "/v3/tasks")}
			if diff := cmp.Diff([]any{tc.wantID, tc.wantPosts}, got); diff != "" {
				t.Errorf("[id, POSTs] (-want +got):\n%s", diff)
			}
		})
	}
}

// RefuseExisting: a task of the same name for the same source server found by the list
// taken before the first POST ends the create with no POST and no further request;
// without one, a lost reply is still reconciled.
func TestCreateTask_refuseExisting(t *testing.T) {
	t.Parallel()
	t.Run("a task exists: refused, no POST, one list", func(t *testing.T) {
		t.Parallel()
		f := newFakeSMS(t, nil)
		f.addTask(map[string]any{"id": "task-orphan", "name": "task-web", "state": "READY",
			"source_server": map[string]any{"id": "2b1f4c3e-7a8d-4e21-9f6a-3c5d8e0a1b02"}})
		f.addTask(map[string]any{"id": "task-other-name", "name": "task-web-2", "state": "READY",
			"source_server": map[string]any{"id": "2b1f4c3e-7a8d-4e21-9f6a-3c5d8e0a1b02"}})
		c, _ := newTestClient(t, f, nil)
		req := testCreateRequest()
		req.RefuseExisting = true
		_, err := c.CreateTask(testContext(t), req)
		var existing *ExistingTaskError
		if !errors.As(err, &existing) {
			t.Fatalf("CreateTask error = %v, want an *ExistingTaskError", err)
		}
		want := `create task "task-web": not created: 1 task(s) of that name already exist for source server 2b1f4c3e-7a8d-4e21-9f6a-3c5d8e0a1b02: task-orphan (state READY)`
		if err.Error() != want {
			t.Errorf("error =\n%s\nwant\n%s", err, want)
		}
		got := []int{f.count(http.MethodPost, "/v3/tasks"), f.count(http.MethodGet, "/v3/tasks")}
		if diff := cmp.Diff([]int{0, 1}, got); diff != "" {
			t.Errorf("[POSTs, lists] (-want +got):\n%s", diff)
		}
	})
	t.Run("no task exists, reply lost: reconciled with the same lists as before", func(t *testing.T) {
		t.Parallel()
		f := newFakeSMS(t, onCreate(func(f *fakeSMS, w http.ResponseWriter, body []byte, n int) bool {
			if n == 1 {
				f.createTask(body)
				loseReply(f.t, w)
				return true
			}
			return false
		}))
		c, _ := newTestClient(t, f, nil)
		req := testCreateRequest()
		req.RefuseExisting = true
		id, err := c.CreateTask(testContext(t), req)
		if err != nil {
			t.Fatalf("CreateTask: %v", err)
		}
		got := []any{id, f.count(http.MethodPost, "/v3/tasks"), f.count(http.MethodGet, "/v3/tasks")}
		if diff := cmp.Diff([]any{"task-001", 1, 2}, got); diff != "" {
			t.Errorf("[id, POSTs, lists] (-want +got):\n%s", diff)
		}
	})
}
