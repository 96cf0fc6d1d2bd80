package emulator

import (
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var tokenHeader = http.Header{"X-Auth-Token": {DefaultAuthToken}}

func TestFaults_loseReplyAfterApplyAppliesOnce(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	env.e.SetFaults("/v3/tasks", Faults{LoseReplyAfterApply: 1, Methods: []string{"POST"}})

	if _, err := env.try(http.MethodPost, "/v3/tasks", createBody("web-01", linuxSourceID), tokenHeader); err == nil {
		t.Fatal("the first POST got a reply, want the connection closed")
	}
	if n := env.e.TaskCount(); n != 1 {
		t.Fatalf("after the lost reply there are %d tasks, want 1 (applied once)", n)
	}
	env.do(http.MethodGet, "/v3/tasks", nil).wantOK(t) // GET is not matched
	env.createTask(createBody("web-02", linuxSourceID))
	if n := env.e.TaskCount(); n != 2 {
		t.Fatalf("%d tasks, want 2", n)
	}
	j := env.e.Journal()
	if j[0].Fault != "lose-reply" || j[0].Status != http.StatusOK || j[2].Fault != "" {
		t.Fatalf("journal faults %q/%d then %q, want lose-reply with status 200, then none", j[0].Fault, j[0].Status, j[2].Fault)
	}
}

func TestFaults_dropDoesNotApply(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	env.e.SetFaults("", Faults{DropRate: 1})
	if _, err := env.try(http.MethodPost, "/v3/tasks", createBody("web-01", linuxSourceID), tokenHeader); err == nil {
		t.Fatal("a dropped request got a reply")
	}
	if n := env.e.TaskCount(); n != 0 {
		t.Fatalf("a dropped create stored %d tasks", n)
	}
	if j := env.e.Journal(); len(j) != 1 || j[0].Fault != "drop" || j[0].Status != 0 {
		t.Fatalf("journal = %+v, want one dropped entry with status 0", j)
	}
	env.e.ClearFaults()
	env.createTask(createBody("web-01", linuxSourceID))
}

func TestFaults_injectedStatuses(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name       string
		faults     Faults
		wantStatus int
		wantCode   string
		retryAfter string
	}{
		{"429", Faults{Rate429: 1}, http.StatusTooManyRequests, CodeGatewayThrottled, "1"},
		{"500", Faults{Rate500: 1}, http.StatusInternalServerError, CodeInternal, ""},
		{"503", Faults{Rate503: 1}, http.StatusServiceUnavailable, CodeUnavailable, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := newTestEnv(t, Options{})
			env.e.SetFaults("/v3/", tc.faults)
			resp := env.do(http.MethodPost, "/v3/tasks", createBody("web-01", linuxSourceID))
			resp.wantError(t, tc.wantStatus, tc.wantCode, "injected fault")
			if got := resp.header.Get("Retry-After"); got != tc.retryAfter {
				t.Fatalf("Retry-After = %q, want %q", got, tc.retryAfter)
			}
			if resp.header.Get("X-Request-Id") == "" {
				t.Fatal("an injected error has no X-Request-Id")
			}
			if n := env.e.TaskCount(); n != 0 {
				t.Fatalf("a faulted create stored %d tasks", n)
			}
		})
	}
}

func TestFaults_matching(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	env.e.SetFaults("", Faults{Rate500: 1})
	env.e.SetFaults("/v3/tasks/", Faults{})                                     // longer prefix, no faults
	env.e.SetFaults("/v3/tasks", Faults{Rate503: 1, Methods: []string{"post"}}) // method match ignores case

	env.do(http.MethodGet, "/v3/tasks/x", nil).wantError(t, http.StatusNotFound, CodeTaskNotFound, "x")
	env.do(http.MethodPost, "/v3/tasks", createBody("a", linuxSourceID)).wantError(t, http.StatusServiceUnavailable, CodeUnavailable, "injected")
	env.do(http.MethodGet, "/v3/tasks", nil).wantError(t, http.StatusInternalServerError, CodeInternal, "injected")
	env.e.ClearFaults()
	env.do(http.MethodGet, "/v3/tasks", nil).wantOK(t)
}

func TestFaults_latency(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	env.e.SetFaults("/v3/tasks", Faults{Latency: 80 * time.Millisecond})
	start := time.Now()
	env.do(http.MethodGet, "/v3/tasks", nil).wantOK(t)
	if elapsed := time.Since(start); elapsed < 80*time.Millisecond {
		t.Fatalf("request took %v, want at least the 80ms latency", elapsed)
	}
}

func TestFaults_seedIsDeterministic(t *testing.T) {
	t.Parallel()
	statuses := func() []int {
		env := newTestEnv(t, Options{FaultSeed: 42})
		env.e.SetFaults("", Faults{Rate500: 0.5})
		var out []int
		for range 30 {
			out = append(out, env.do(http.MethodGet, "/v3/tasks", nil).status)
		}
		return out
	}
	first, second := statuses(), statuses()
	if diff := cmp.Diff(first, second); diff != "" {
		t.Fatalf("same seed, different faults (-first +second):\n%s", diff)
	}
	if !slices.Contains(first, http.StatusInternalServerError) || !slices.Contains(first, http.StatusOK) {
		t.Fatalf("a 0.5 rate over 30 requests gave %v, want both 200 and 500", first)
	}
}

func TestOutOfBand(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	id := env.createTask(createBody("web-01", linuxSourceID))

	if err := env.e.ModifyTaskOutOfBand(id, map[string]any{"name": "changed", "speed_limit": 7, "migration_ip": nil}); err != nil {
		t.Fatal(err)
	}
	got := env.task(id)
	if got["name"] != "changed" || got["speed_limit"] != float64(7) {
		t.Fatalf("task after out-of-band change: %v", got)
	}
	for _, tc := range []struct {
		fields map[string]any
		want   string
	}{
		{map[string]any{"nmae": "typo"}, `unknown field "nmae"`}, //nolint:misspell // deliberate typo: an unknown field must be refused
		{map[string]any{"speed_limit": "fast"}, "cannot unmarshal string"},
		{map[string]any{"id": "other"}, "the task id cannot be changed"},
	} {
		if err := env.e.ModifyTaskOutOfBand(id, tc.fields); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ModifyTaskOutOfBand(%v) = %v, want an error containing %q", tc.fields, err, tc.want)
		}
	}
	if err := env.e.ModifyTaskOutOfBand("nope", map[string]any{"name": "x"}); !errors.Is(err, ErrTaskNotFound) {
		t.Fatalf("modifying a missing task: %v, want ErrTaskNotFound", err)
	}

	// Out of band, even a running task can vanish.
	env.action(id, "start").wantOK(t)
	if !env.e.DeleteTaskOutOfBand(id) || env.e.DeleteTaskOutOfBand(id) {
		t.Fatal("DeleteTaskOutOfBand should report true once, then false")
	}
	env.do(http.MethodGet, "/v3/tasks/"+id, nil).wantError(t, http.StatusNotFound, CodeTaskNotFound, id)
}
