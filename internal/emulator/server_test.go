package emulator

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

func adminCall(t *testing.T, method, url, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(data)
}

func TestServer_adminEndpoints(t *testing.T) {
	t.Parallel()
	clock := NewManualClock(testEpoch)
	srv, err := Start(Options{Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	if !strings.HasPrefix(srv.URL, "http://127.0.0.1:") {
		t.Fatalf("URL = %s, want 127.0.0.1", srv.URL)
	}
	admin := srv.URL + "/__emulator/"

	status, body := adminCall(t, http.MethodGet, admin+"health", "")
	if status != http.StatusOK || body != `{"api_model":"current","now":"2025-01-01T12:00:00Z","status":"ok","tasks":0}` {
		t.Fatalf("health = %d %s", status, body)
	}
	// The API still needs credentials.
	if status, _ := adminCall(t, http.MethodGet, srv.URL+"/v3/tasks", ""); status != http.StatusUnauthorized {
		t.Fatalf("unauthenticated API call answered %d", status)
	}

	status, body = adminCall(t, http.MethodPost, admin+"faults", `{"path":"/v3/tasks","rate503":1,"methods":["GET"]}`)
	if status != http.StatusNoContent {
		t.Fatalf("set faults = %d %s", status, body)
	}
	env := &testEnv{t: t, e: srv.Emulator, clock: clock, url: srv.URL, client: &http.Client{Timeout: 10 * time.Second}}
	env.do(http.MethodGet, "/v3/tasks", nil).wantError(t, http.StatusServiceUnavailable, CodeUnavailable, "injected")
	if status, body := adminCall(t, http.MethodPost, admin+"faults", `{"rate503":2}`); status != http.StatusBadRequest ||
		!strings.Contains(body, "rate503 must be between 0 and 1") {
		t.Fatalf("bad fault = %d %s", status, body)
	}
	if status, _ := adminCall(t, http.MethodDelete, admin+"faults", ""); status != http.StatusNoContent {
		t.Fatalf("clear faults = %d", status)
	}
	id := env.createTask(createBody("web-01", linuxSourceID))

	status, body = adminCall(t, http.MethodGet, admin+"journal", "")
	var journal []map[string]any
	if err := json.Unmarshal([]byte(body), &journal); err != nil || status != http.StatusOK {
		t.Fatalf("journal = %d %s (%v)", status, body, err)
	}
	last := journal[len(journal)-1]
	lastBody, _ := last["Body"].(string) // not a string: the Contains below fails
	if last["Method"] != "POST" || !strings.Contains(lastBody, `"name":"web-01"`) || last["AuthMode"] != AuthModeToken {
		t.Fatalf("last journal entry = %v", last)
	}
	if status, _ := adminCall(t, http.MethodDelete, admin+"journal", ""); status != http.StatusNoContent || len(srv.Journal()) != 0 {
		t.Fatalf("clearing the journal = %d, %d entries left", status, len(srv.Journal()))
	}

	env.action(id, "start").wantOK(t)
	if status, body := adminCall(t, http.MethodPost, admin+"clock", `{"advance":"11m"}`); status != http.StatusOK ||
		!strings.Contains(body, "2025-01-01T12:11:00Z") {
		t.Fatalf("advance clock = %d %s", status, body)
	}
	if got := env.task(id)["state"]; got != stateMigrateSuccess {
		t.Fatalf("state after advancing 11m = %v", got)
	}

	if status, body := adminCall(t, http.MethodPatch, admin+"tasks/"+id, `{"name":"drifted"}`); status != http.StatusNoContent {
		t.Fatalf("patch task = %d %s", status, body)
	}
	if got := env.task(id)["name"]; got != "drifted" {
		t.Fatalf("name after admin patch = %v", got)
	}
	if status, _ := adminCall(t, http.MethodPatch, admin+"tasks/nope", `{"name":"x"}`); status != http.StatusNotFound {
		t.Fatalf("patch of a missing task = %d", status)
	}
	if status, _ := adminCall(t, http.MethodDelete, admin+"tasks/"+id, ""); status != http.StatusNoContent {
		t.Fatalf("delete task = %d", status)
	}
	if status, _ := adminCall(t, http.MethodDelete, admin+"tasks/"+id, ""); status != http.StatusNotFound {
		t.Fatalf("second delete = %d", status)
	}
	if status, _ := adminCall(t, http.MethodGet, admin+"nothing", ""); status != http.StatusNotFound {
		t.Fatalf("unknown admin endpoint = %d", status)
	}
}

func TestNew_rejectsBadOptions(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		opts Options
		want string
	}{
		{"negative clock", Options{ClockSpeed: -1}, "ClockSpeed must not be negative"},
		{"half credential", Options{Credentials: []Credential{{AccessKey: "AK"}}}, "Credentials[0] needs both an access key and a secret key"},
		{"source without ip", Options{SourceServers: []SourceServer{{ID: "s", Name: "n", OSType: "LINUX"}}}, "SourceServers[0] needs an id, a name and an ip"},
		{"source os_type", Options{SourceServers: []SourceServer{{ID: "s", Name: "n", IP: "1.2.3.4", OSType: "BSD"}}}, `SourceServers[0].os_type must be WINDOWS or LINUX, got "BSD"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if _, err := New(tc.opts); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("New error = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestOptions_customCredentialsAndSources(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{
		AuthTokens:    []string{"tok-a"},
		SourceServers: []SourceServer{{ID: "custom-1", Name: "custom", IP: "10.1.1.1", OSType: "WINDOWS", FailMigration: true}},
	})
	body := createBody("c-1", "custom-1")
	resp, err := env.try(http.MethodPost, "/v3/tasks", body, http.Header{"X-Auth-Token": {DefaultAuthToken}})
	if err != nil || resp.status != http.StatusUnauthorized {
		t.Fatalf("the default token was accepted although AuthTokens is set: %v %d", err, resp.status)
	}
	resp, err = env.try(http.MethodPost, "/v3/tasks", body, http.Header{"X-Auth-Token": {"tok-a"}})
	if err != nil || resp.status != http.StatusOK {
		t.Fatalf("create with the custom token and source: %v %d %s", err, resp.status, resp.body)
	}
	if n := env.e.TaskCount(); n != 1 {
		t.Fatalf("%d tasks", n)
	}
}
