package client

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestShowConsistencyResults: today's string items are kept as they are, an item in the
// older object shape as its JSON text, and anything else is a decode error.
func TestShowConsistencyResults(t *testing.T) {
	t.Parallel()
	f := newFakeSMS(t, func(f *fakeSMS, w http.ResponseWriter, r *http.Request, _ []byte, _ int) bool {
		switch r.Method + " " + r.URL.Path {
		case "GET /v3/tasks/t1/consistency-result":
			writeBody(f.t, w, []byte(`{"task_id":"t1","result_list":["{\"dir_check\":\"/\"}", {"check_result": "ok",
				"consistency_result": [ {"dir_check":"/srv"} ]}]}`))
		case "GET /v3/tasks/t2/consistency-result":
			writeBody(f.t, w, []byte(`{"task_id":"t2"}`))
		case "GET /v3/tasks/t3/consistency-result":
			writeBody(f.t, w, []byte(`{"task_id":"t3","result_list":[42]}`))
		case "GET /v3/tasks/gone/consistency-result":
			writeJSON(f.t, w, http.StatusNotFound, map[string]string{"error_code": "SMS.1801", "error_msg": "task not found"})
		default:
			return false
		}
		return true
	})
	c, _ := newTestClient(t, f, nil)
	ctx := testContext(t)

	got, err := c.ShowConsistencyResults(ctx, "t1")
	want := &ConsistencyResults{TaskID: ptrTo("t1"), Items: []string{
		`{"dir_check":"/"}`, `{"check_result":"ok","consistency_result":[{"dir_check":"/srv"}]}`,
	}}
	if diff := cmp.Diff(want, got); err != nil || diff != "" {
		t.Errorf("ShowConsistencyResults(t1): %v (-want +got):\n%s", err, diff)
	}
	got, err = c.ShowConsistencyResults(ctx, "t2")
	if err != nil || got.Items == nil || len(got.Items) != 0 {
		t.Errorf("no result_list: want an empty list, got %#v, %v", got, err)
	}
	if _, err = c.ShowConsistencyResults(ctx, "t3"); err == nil || !strings.Contains(err.Error(), "result_list[0]: expected a string or an object, got 42") {
		t.Errorf("a number item: err = %v", err)
	}
	if _, err = c.ShowConsistencyResults(ctx, "gone"); !IsNotFound(err) {
		t.Errorf("404: err = %v, want not found", err)
	}
	if _, err = c.ShowConsistencyResults(ctx, ""); err == nil || !strings.Contains(err.Error(), "task id must not be empty") {
		t.Errorf("empty id: err = %v", err)
	}
	assertAllSigned(t, f)
}

func TestShowSourceOverview(t *testing.T) {
	t.Parallel()
	f := newFakeSMS(t, func(f *fakeSMS, w http.ResponseWriter, r *http.Request, _ []byte, _ int) bool {
		if r.Method+" "+r.URL.Path != "GET /v3/sources/overview" {
			return false
		}
		writeBody(f.t, w, []byte(`{"waiting":3,"error":1,"finished":2,"unconfigured":4}`))
		return true
	})
	c, _ := newTestClient(t, f, nil)
	got, err := c.ShowSourceOverview(testContext(t))
	want := &SourceOverview{Waiting: ptrTo[int64](3), Error: ptrTo[int64](1), Finished: ptrTo[int64](2), Unconfigured: ptrTo[int64](4)}
	if diff := cmp.Diff(want, got); err != nil || diff != "" {
		t.Errorf("ShowSourceOverview: %v (-want +got):\n%s", err, diff)
	}
	assertAllSigned(t, f)
}

// TestListSourceServerErrors pages through GET /v3/errors with offset always sent, as the
// SDK does, and passes the enterprise project filter.
func TestListSourceServerErrors(t *testing.T) {
	t.Parallel()
	var queries []url.Values
	f := newFakeSMS(t, func(f *fakeSMS, w http.ResponseWriter, r *http.Request, _ []byte, _ int) bool {
		if r.Method+" "+r.URL.Path != "GET /v3/errors" {
			return false
		}
		q := r.URL.Query()
		queries = append(queries, q)
		if q.Get("offset") == "0" {
			writeBody(f.t, w, []byte(`{"count":3,"migration_errors":[{"source_id":"s1","name":"a","error_json":"{}"},{"source_id":"s2"}]}`))
		} else {
			writeBody(f.t, w, []byte(`{"count":3,"migration_errors":[{"source_id":"s3","target_ip":"192.168.0.9"}]}`))
		}
		return true
	})
	c, _ := newTestClient(t, f, nil)
	c.listPageSize = 2
	got, err := c.ListSourceServerErrors(testContext(t), "ep-1")
	want := []SourceMigrationError{
		{SourceID: ptrTo("s1"), Name: ptrTo("a"), ErrorJSON: ptrTo("{}")}, {SourceID: ptrTo("s2")},
		{SourceID: ptrTo("s3"), TargetIP: ptrTo("192.168.0.9")},
	}
	if diff := cmp.Diff(want, got); err != nil || diff != "" {
		t.Errorf("ListSourceServerErrors: %v (-want +got):\n%s", err, diff)
	}
	wantQueries := []url.Values{
		{"enterprise_project_id": {"ep-1"}, "limit": {"2"}, "offset": {"0"}},
		{"enterprise_project_id": {"ep-1"}, "limit": {"2"}, "offset": {"2"}},
	}
	if diff := cmp.Diff(wantQueries, queries); diff != "" {
		t.Errorf("queries (-want +got):\n%s", diff)
	}
	f2 := newFakeSMS(t, func(f *fakeSMS, w http.ResponseWriter, r *http.Request, _ []byte, _ int) bool {
		writeBody(f.t, w, []byte(`{"migration_errors":[]}`))
		return true
	})
	c2, _ := newTestClient(t, f2, nil)
	if _, err := c2.ListSourceServerErrors(testContext(t), ""); err == nil || !strings.Contains(err.Error(), "has no count") {
		t.Errorf("an answer without count: err = %v", err)
	}
	assertAllSigned(t, f)
}
