package emulator

import (
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestJournal_recordsRequests(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	body := []byte(`{"speed_limit":[]}`)
	path := "/v3/tasks/abc/speed-limit"
	signed := signedHeader(t, path, body, DefaultSecretKey, time.Now())
	resp, err := env.try(http.MethodPost, path, body, signed)
	if err != nil {
		t.Fatal(err)
	}
	env.do(http.MethodGet, "/v3/tasks", nil)
	if _, err := env.try(http.MethodGet, "/v3/tasks", nil, http.Header{"X-Auth-Token": {"wrong"}}); err != nil {
		t.Fatal(err)
	}
	env.do(http.MethodGet, "/v3/tasks?limit=1&name=web%2001", nil)

	got := env.e.Journal()
	want := []JournalEntry{
		{RequestID: resp.header.Get("X-Request-Id"), Method: http.MethodPost, Path: path, Body: body,
			Status: http.StatusNotFound, SignatureValid: true, AuthMode: AuthModeAKSK},
		{Method: http.MethodGet, Path: "/v3/tasks", Body: []byte{}, Status: http.StatusOK, AuthMode: AuthModeToken},
		{Method: http.MethodGet, Path: "/v3/tasks", Body: []byte{}, Status: http.StatusUnauthorized, AuthMode: AuthModeToken},
		{Method: http.MethodGet, Path: "/v3/tasks", RawQuery: "limit=1&name=web%2001", Body: []byte{}, Status: http.StatusOK, AuthMode: AuthModeToken},
	}
	ignore := cmpopts.IgnoreFields(JournalEntry{}, "Time", "Header", "RequestID")
	if diff := cmp.Diff(want, got, ignore); diff != "" {
		t.Fatalf("journal (-want +got):\n%s", diff)
	}
	if got[0].RequestID != want[0].RequestID {
		t.Errorf("journal request id %q, answered %q", got[0].RequestID, want[0].RequestID)
	}
	if got[0].Header.Get("X-Project-Id") != DefaultProjectID || got[0].Header.Get("Authorization") == "" {
		t.Errorf("journal headers %v lack the signed request's headers", got[0].Header)
	}
	if got[1].Header.Get("X-Auth-Token") != DefaultAuthToken {
		t.Errorf("journal headers %v lack the token", got[1].Header)
	}

	// Journal returns a copy.
	got[0].Body[0] = 'X'
	got[0].Header.Set("X-Project-Id", "changed")
	again := env.e.Journal()
	if string(again[0].Body) != string(body) || again[0].Header.Get("X-Project-Id") != DefaultProjectID {
		t.Fatal("changing the returned journal changed the emulator's")
	}

	env.e.ResetJournal()
	if n := len(env.e.Journal()); n != 0 {
		t.Fatalf("%d entries after ResetJournal", n)
	}
}

func TestRequestIDs_areUnique(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	seen := map[string]bool{}
	for range 50 {
		id := env.do(http.MethodGet, "/v3/tasks", nil).header.Get("X-Request-Id")
		if len(id) != 32 || seen[id] {
			t.Fatalf("X-Request-Id %q is malformed or repeated", id)
		}
		seen[id] = true
	}
}
