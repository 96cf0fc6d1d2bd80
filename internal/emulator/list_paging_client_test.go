package emulator

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

// Today's ListTasks takes limit 0 to 200 and offset 0 to 65535, and the current model
// answers 400 past them; the provider's client asks for 100 a page at the offset read so
// far, so listing more than two pages of tasks stays within both, and gets every task.
func TestListTasks_clientPagingWithinTodaysLimits(t *testing.T) {
	t.Parallel()
	// A clock at the real time: the client signs with it.
	env := newTestEnv(t, Options{Clock: NewManualClock(time.Now())})
	const tasks = 250
	for i := range tasks {
		env.createTask(createBody("t"+strconv.Itoa(i), linuxSourceID))
	}
	for _, q := range []struct{ query, code, msg string }{
		{"?limit=201", CodeOutOfRange, "limit must be between 0 and 200"},
		{"?offset=65536", CodeOutOfRange, "offset must be between 0 and 65535"},
		{"?state=SYNC_SUCCESS", CodeNotAllowed, "state must be one of READY"},
	} {
		env.do(http.MethodGet, "/v3/tasks"+q.query, nil).wantError(t, http.StatusBadRequest, q.code, q.msg)
	}
	c, err := client.New(client.Config{Endpoint: env.url, AccessKey: DefaultAccessKey, SecretKey: DefaultSecretKey,
		ProjectID: DefaultProjectID})
	if err != nil {
		t.Fatal(err)
	}
	env.e.ResetJournal()
	got, err := c.ListTasks(t.Context(), client.ListTasksFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != tasks {
		t.Fatalf("listed %d tasks, want %d", len(got), tasks)
	}
	var offsets []string
	for _, j := range env.e.Journal() {
		q, err := url.ParseQuery(j.RawQuery)
		if err != nil || j.Method != http.MethodGet || j.Path != "/v3/tasks" {
			t.Fatalf("unexpected request %s %s?%s (%v)", j.Method, j.Path, j.RawQuery, err)
		}
		if j.Status != http.StatusOK || q.Get("limit") != "100" {
			t.Errorf("page %s: status %d, limit %q; want 200 and 100", j.RawQuery, j.Status, q.Get("limit"))
		}
		offsets = append(offsets, q.Get("offset"))
	}
	if want := []string{"0", "100", "200"}; !slices.Equal(offsets, want) {
		t.Errorf("offsets %v, want %v", offsets, want)
	}
}
