package client

import (
	"net/http"
	"strings"
	"testing"
)

func TestSourceServers_renameMoveDelete(t *testing.T) {
	t.Parallel()
	var put string
	f := newFakeSMS(t, func(f *fakeSMS, w http.ResponseWriter, r *http.Request, body []byte, _ int) bool {
		switch r.Method + " " + r.URL.Path {
		case "PUT /v3/sources/s1":
			put = strings.TrimSpace(string(body))
			w.WriteHeader(http.StatusOK)
		case "DELETE /v3/sources/s1":
			w.WriteHeader(http.StatusOK)
		default:
			writeJSON(f.t, w, http.StatusNotFound, map[string]string{"error_code": "SMS.1012", "error_msg": "no such source"})
		}
		return true
	})
	c, _ := newTestClient(t, f, nil)
	ctx := testContext(t)
	name := "web-01"
	if err := c.UpdateSourceServer(ctx, "s1", PutSourceServerBody{Name: &name}); err != nil {
		t.Fatalf("UpdateSourceServer: %v", err)
	}
	if want := `{"name":"web-01"}`; put != want {
		t.Errorf("PUT body = %s, want %s", put, want)
	}
	if err := c.DeleteSourceServer(ctx, "s1"); err != nil {
		t.Fatalf("DeleteSourceServer: %v", err)
	}
	if err := c.DeleteSourceServer(ctx, "gone"); !IsNotFound(err) {
		t.Errorf("missing source: err = %v, want not found", err)
	}
	if err := c.UpdateSourceServer(ctx, "", PutSourceServerBody{}); err == nil {
		t.Error("empty id accepted")
	}
	assertAllSigned(t, f)
}

// The project of a source is found by asking ListServers which project lists it: the
// hint first, then the others; a source in no project has "".
func TestSourceServerProject(t *testing.T) {
	t.Parallel()
	members := map[string]string{"s1": "mp-2"}
	f := newFakeSMS(t, func(f *fakeSMS, w http.ResponseWriter, r *http.Request, _ []byte, _ int) bool {
		switch r.URL.Path {
		case "/v3/migprojects":
			writeBody(f.t, w, []byte(`{"count":3,"migprojects":[{"id":"mp-0"},{"id":"mp-1"},{"id":"mp-2"}]}`))
		case "/v3/sources":
			q := r.URL.Query()
			if members[q.Get("id")] == q.Get("migproject") {
				writeBody(f.t, w, []byte(`{"count":1,"source_servers":[{"id":"`+q.Get("id")+`"}]}`))
			} else {
				writeBody(f.t, w, []byte(`{"count":0,"source_servers":[]}`))
			}
		default:
			return false
		}
		return true
	})
	c, _ := newTestClient(t, f, nil)
	ctx := testContext(t)
	for _, tc := range []struct {
		id, hint, want string
		requests       int
	}{
		{"s1", "mp-2", "mp-2", 1}, // the hint holds: one request
		{"s1", "mp-0", "mp-2", 4}, // moved: the hint, the list, mp-1, mp-2 (mp-0 is not asked twice)
		{"s1", "", "mp-2", 4},     // no hint: the list, mp-0, mp-1, mp-2
		{"s9", "", "", 4},         // in no project
	} {
		before := len(f.Requests())
		got, err := c.SourceServerProject(ctx, tc.id, tc.hint)
		if err != nil || got != tc.want {
			t.Errorf("SourceServerProject(%s, %q) = %q, %v; want %q", tc.id, tc.hint, got, err, tc.want)
		}
		if n := len(f.Requests()) - before; n != tc.requests {
			t.Errorf("SourceServerProject(%s, %q) made %d requests, want %d", tc.id, tc.hint, n, tc.requests)
		}
	}
	assertAllSigned(t, f)
}
