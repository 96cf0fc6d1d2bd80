package client

import (
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// When the list before the create works but the POST meets the endpoint error, the
// POST is not repeated and the task is reported not created.
func TestCreateTask_endpointErrorOnThePOST(t *testing.T) {
	t.Parallel()
	f := newFakeSMS(t, onCreate(func(f *fakeSMS, w http.ResponseWriter, _ []byte, _ int) bool {
		w.WriteHeader(http.StatusBadRequest)
		writeBody(f.t, w, []byte(goTLSServerAnswer+"\n"))
		return true
	}))
	c, rec := newTestClient(t, f, func(cfg *Config) { cfg.EndpointFrom = "HW_SMS_ENDPOINT" })
	_, err := c.CreateTask(testContext(t), testCreateRequest())
	want := `create task "task-web": the task was not created: SMS API request POST /v3/tasks failed after 1 attempt(s): ` +
		"the SMS endpoint " + f.srv.URL + " (from HW_SMS_ENDPOINT) speaks only HTTPS: the server refused the plain http:// request. " +
		"Check the endpoint's scheme: this server needs https://: status 400: Client sent an HTTP request to an HTTPS server."
	if err == nil || err.Error() != want {
		t.Fatalf("error = %v\nwant    %s", err, want)
	}
	if got := f.count(http.MethodPost, "/v3/tasks"); got != 1 {
		t.Errorf("POSTs = %d, want 1", got)
	}
	if diff := cmp.Diff([]time.Duration(nil), rec.all()); diff != "" {
		t.Errorf("backoff waits (-want +got):\n%s", diff)
	}
	if IsOutcomeUnknown(err) {
		t.Error("the outcome is known: not created")
	}
}
