package client

import (
	"context"
	"errors"
	"testing"
	"time"
)

// newFixtureClient builds a client for f whose endpoint came from source.
func newFixtureClient(t *testing.T, f endpointFixture, source string) (*Client, *waitRecorder) {
	t.Helper()
	c, err := New(Config{Endpoint: f.endpoint, EndpointFrom: source, AccessKey: testAK, SecretKey: testSK,
		MaxRetries: 3, RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond, Transport: f.seam.transport(f.tls)})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	rec := &waitRecorder{}
	c.onWait = rec.record
	return c, rec
}

// Every permanent problem ends a request on its first dial, without backoff, in an
// *EndpointError that names the endpoint and its source. A create that meets one sent
// nothing the API saw: "not created", never "outcome unknown", and no POST at all,
// since the list before it already failed the same way.
func TestEndpointError_failsOnTheFirstAttempt(t *testing.T) {
	t.Parallel()
	calls := []struct {
		name, source, prefix string
		call                 func(*Client, context.Context) error
	}{
		{"ShowTask", "HW_SMS_ENDPOINT", "SMS API request GET /v3/tasks/t1 failed after 1 attempt(s): ", showT1},
		{"CreateTask", "the provider's endpoint attribute",
			`create task "task-web": the task was not created: SMS API request GET /v3/tasks failed after 1 attempt(s): `,
			func(c *Client, ctx context.Context) error {
				_, err := c.CreateTask(ctx, testCreateRequest())
				return err
			}},
	}
	for _, cl := range calls {
		for _, tc := range endpointCases {
			t.Run(cl.name+"/"+tc.name, func(t *testing.T) {
				t.Parallel()
				f := tc.start(t)
				c, rec := newFixtureClient(t, f, cl.source)
				err := cl.call(c, testContext(t))
				want := cl.prefix + "the SMS endpoint " + f.endpoint + " (from " + cl.source + ") " + tc.tail
				if err == nil || err.Error() != want {
					t.Fatalf("error = %v\nwant    %s", err, want)
				}
				if got := f.seam.dials.Load(); got != 1 {
					t.Errorf("dials = %d, want 1", got)
				}
				if waits := rec.all(); len(waits) != 0 {
					t.Errorf("backoff waits = %v, want none", waits)
				}
				if got := f.served.Load(); got != 0 {
					t.Errorf("requests served = %d, want 0", got)
				}
				var endpointErr *EndpointError
				if !errors.As(err, &endpointErr) || endpointErr.Problem != tc.problem {
					t.Errorf("error = %#v, want an *EndpointError with problem %d", err, tc.problem)
				}
				if IsOutcomeUnknown(err) {
					t.Error("the request never reached the API; the outcome must be known")
				}
			})
		}
	}
}
