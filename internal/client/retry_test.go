package client

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// failFirst answers the first n requests of every route with status (and header).
func failFirst(n, status int, header map[string]string) interceptFunc {
	return func(f *fakeSMS, w http.ResponseWriter, r *http.Request, _ []byte, count int) bool {
		if count > n {
			return false
		}
		for k, v := range header {
			w.Header().Set(k, v)
		}
		writeJSON(f.t, w, status, map[string]any{"error_code": "SMS.9001", "error_msg": "transient"})
		return true
	}
}

func TestRetry_retryableStatusesEventuallySucceed(t *testing.T) {
	t.Parallel()
	for _, status := range []int{429, 500, 502, 503, 504} {
		t.Run(http.StatusText(status), func(t *testing.T) {
			t.Parallel()
			f := newFakeSMS(t, failFirst(2, status, nil))
			f.addTask(map[string]any{"id": "t1"})
			c, rec := newTestClient(t, f, nil)
			tick := vectorDate
			c.now = func() time.Time { tick = tick.Add(time.Second); return tick } // one caller: the transport, sequentially

			task, err := c.ShowTask(testContext(t), "t1")
			if err != nil {
				t.Fatalf("ShowTask: %v", err)
			}
			if *task.ID != "t1" {
				t.Errorf("id = %q", *task.ID)
			}
			if got := f.count(http.MethodGet, "/v3/tasks/t1"); got != 3 {
				t.Errorf("attempts = %d, want 3", got)
			}
			if got := len(rec.all()); got != 2 {
				t.Errorf("backoff waits = %d, want 2", got)
			}
			assertAllSigned(t, f)
			dates := map[string]bool{}
			for _, r := range f.Requests() {
				dates[r.Header.Get("X-Sdk-Date")] = true
			}
			if len(dates) != 3 {
				t.Errorf("X-Sdk-Date values = %v, want 3 distinct (signed afresh per attempt)", dates)
			}
		})
	}
}

func TestRetry_retryAfterHonouredAndCapped(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name       string
		retryAfter string
		wantWait   time.Duration
	}{
		// RetryWaitMax is 5ms in tests, so a 1s Retry-After is capped to it...
		{"seconds capped", "1", 5 * time.Millisecond},
		// ...and a date in the past means no wait at all.
		{"past http date", "Mon, 02 Jan 2006 15:04:05 GMT", 0},
		// Without Retry-After, attempt 0 waits in [min/2, min] = [0.5ms, 1ms]; jitter 0 gives 0.5ms.
		{"absent", "", 500 * time.Microsecond},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			header := map[string]string{}
			if tc.retryAfter != "" {
				header["Retry-After"] = tc.retryAfter
			}
			f := newFakeSMS(t, failFirst(1, http.StatusTooManyRequests, header))
			f.addTask(map[string]any{"id": "t1"})
			c, rec := newTestClient(t, f, nil)
			c.jitter = func(int64) int64 { return 0 }
			if _, err := c.ShowTask(testContext(t), "t1"); err != nil {
				t.Fatalf("ShowTask: %v", err)
			}
			if diff := cmp.Diff([]time.Duration{tc.wantWait}, rec.all()); diff != "" {
				t.Errorf("waits (-want +got):\n%s", diff)
			}
		})
	}
}

func TestComputeBackoff(t *testing.T) {
	t.Parallel()
	now := time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)
	retryAfter := func(v string) http.Header {
		return http.Header{"Retry-After": {v}}
	}
	cases := []struct {
		name     string
		attempt  int
		header   http.Header
		jitterUp bool // jitter at its maximum instead of 0
		want     time.Duration
	}{
		{"attempt 0 low jitter", 0, nil, false, 500 * time.Millisecond},
		{"attempt 0 high jitter", 0, nil, true, time.Second},
		{"attempt 2 low jitter", 2, nil, false, 2 * time.Second},
		{"attempt 2 high jitter", 2, nil, true, 4 * time.Second},
		{"attempt 10 capped at max", 10, nil, true, 30 * time.Second},
		{"attempt 10 capped low jitter", 10, nil, false, 15 * time.Second},
		{"huge attempt does not overflow", 1000, nil, true, 30 * time.Second},
		{"retry-after seconds", 0, retryAfter("7"), false, 7 * time.Second},
		{"retry-after seconds capped", 0, retryAfter("120"), false, 30 * time.Second},
		{"retry-after http date", 0, retryAfter("Wed, 01 Jan 2025 12:00:12 GMT"), false, 12 * time.Second},
		{"retry-after past date", 0, retryAfter("Wed, 01 Jan 2025 11:00:00 GMT"), false, 0},
		{"retry-after negative ignored", 0, retryAfter("-3"), false, 500 * time.Millisecond},
		{"retry-after garbage ignored", 1, retryAfter("soon"), true, 2 * time.Second},
		{"503 without header", 1, http.Header{}, false, time.Second},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := &Client{now: func() time.Time { return now }, jitter: func(n int64) int64 {
				if tc.jitterUp {
					return n - 1
				}
				return 0
			}}
			if got := c.computeBackoff(time.Second, 30*time.Second, tc.attempt, tc.header); got != tc.want {
				t.Errorf("wait = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestRetry_maxRetriesBound(t *testing.T) {
	t.Parallel()
	for _, maxRetries := range []int{0, 1, 3} {
		t.Run(fmt.Sprintf("max_retries_%d", maxRetries), func(t *testing.T) {
			t.Parallel()
			f := newFakeSMS(t, failFirst(100, http.StatusServiceUnavailable, nil))
			c, _ := newTestClient(t, f, func(cfg *Config) { cfg.MaxRetries = maxRetries })
			_, err := c.ShowTask(testContext(t), "t1")
			var apiErr *APIError
			if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusServiceUnavailable {
				t.Fatalf("error = %v, want *APIError 503", err)
			}
			if got := f.count(http.MethodGet, "/v3/tasks/t1"); got != maxRetries+1 {
				t.Errorf("attempts = %d, want %d", got, maxRetries+1)
			}
		})
	}
}

func TestRetry_contextCancelledDuringBackoff(t *testing.T) {
	t.Parallel()
	f := newFakeSMS(t, failFirst(100, http.StatusServiceUnavailable, nil))
	c, _ := newTestClient(t, f, func(cfg *Config) { cfg.RetryWaitMin, cfg.RetryWaitMax = time.Hour, time.Hour })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c.onWait = func(int, time.Duration) { cancel() } // cancel as soon as the client starts to back off

	start := time.Now()
	_, err := c.ShowTask(ctx, "t1")
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error = %v, want context.Canceled", err)
	}
	if elapsed := time.Since(start); elapsed > 10*time.Second {
		t.Errorf("returned after %s; the hour-long backoff was not interrupted", elapsed)
	}
	if got := f.count(http.MethodGet, "/v3/tasks/t1"); got != 1 {
		t.Errorf("attempts = %d, want 1", got)
	}
}

func TestRetry_policyByMethodAndStatus(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name         string
		status       int
		call         func(*Client, context.Context) error
		method, path string
		wantAttempts int
	}{
		{"GET 400 not retried", 400, showT1, http.MethodGet, "/v3/tasks/t1", 1},
		{"GET 404 not retried", 404, showT1, http.MethodGet, "/v3/tasks/t1", 1},
		{"GET 501 not retried", 501, showT1, http.MethodGet, "/v3/tasks/t1", 1},
		{"PUT 502 retried", 502, updateT1, http.MethodPut, "/v3/tasks/t1", 2},
		{"DELETE 504 retried", 504, deleteT1, http.MethodDelete, "/v3/tasks/t1", 2},
		{"POST action 500 not retried", 500, startT1, http.MethodPost, "/v3/tasks/t1/action", 1},
		{"POST action 503 not retried", 503, startT1, http.MethodPost, "/v3/tasks/t1/action", 1},
		{"POST action 429 retried", 429, startT1, http.MethodPost, "/v3/tasks/t1/action", 2},
		{"POST speed-limit 400 not retried", 400, speedT1, http.MethodPost, "/v3/tasks/t1/speed-limit", 1},
		{"POST speed-limit 503 retried (replaces all rules)", 503, speedT1, http.MethodPost, "/v3/tasks/t1/speed-limit", 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeSMS(t, failFirst(1, tc.status, nil))
			f.addTask(map[string]any{"id": "t1"})
			c, _ := newTestClient(t, f, nil)
			err := tc.call(c, testContext(t))
			if got := f.count(tc.method, tc.path); got != tc.wantAttempts {
				t.Errorf("attempts = %d, want %d (err %v)", got, tc.wantAttempts, err)
			}
			var apiErr *APIError
			switch {
			case tc.wantAttempts == 1 && (!errors.As(err, &apiErr) || apiErr.StatusCode != tc.status):
				t.Errorf("error = %v, want *APIError %d", err, tc.status)
			case tc.wantAttempts == 2 && err != nil:
				t.Errorf("error = %v, want success after a retry", err)
			}
		})
	}
}

func showT1(c *Client, ctx context.Context) error   { _, err := c.ShowTask(ctx, "t1"); return err }
func deleteT1(c *Client, ctx context.Context) error { return c.DeleteTask(ctx, "t1") }
func updateT1(c *Client, ctx context.Context) error {
	return c.UpdateTask(ctx, "t1", UpdateTaskBody{Name: ptrTo("x")})
}
func startT1(c *Client, ctx context.Context) error {
	return c.UpdateTaskStatus(ctx, "t1", TaskAction{Operation: "start"})
}
func speedT1(c *Client, ctx context.Context) error {
	return c.UpdateSpeedLimits(ctx, "t1", nil)
}

func TestRetry_connectionErrors(t *testing.T) {
	t.Parallel()
	dropFirst := func(f *fakeSMS, w http.ResponseWriter, _ *http.Request, _ []byte, n int) bool {
		if n == 1 {
			loseReply(f.t, w)
			return true
		}
		return false
	}
	t.Run("GET retried after a lost reply", func(t *testing.T) {
		t.Parallel()
		f := newFakeSMS(t, dropFirst)
		f.addTask(map[string]any{"id": "t1"})
		c, _ := newTestClient(t, f, nil)
		if err := showT1(c, testContext(t)); err != nil {
			t.Fatalf("ShowTask: %v", err)
		}
		if got := f.count(http.MethodGet, "/v3/tasks/t1"); got != 2 {
			t.Errorf("attempts = %d, want 2", got)
		}
	})
	t.Run("POST not retried after a lost reply", func(t *testing.T) {
		t.Parallel()
		f := newFakeSMS(t, dropFirst)
		c, _ := newTestClient(t, f, nil)
		err := startT1(c, testContext(t))
		var reqErr *RequestError
		if !errors.As(err, &reqErr) || !reqErr.Sent || !IsOutcomeUnknown(err) {
			t.Fatalf("error = %#v, want a sent *RequestError", err)
		}
		if got := f.count(http.MethodPost, "/v3/tasks/t1/action"); got != 1 {
			t.Errorf("attempts = %d, want 1", got)
		}
		if !strings.HasPrefix(err.Error(), "SMS API request POST /v3/tasks/t1/action failed after 1 attempt(s): ") {
			t.Errorf("error text = %q", err)
		}
	})
	t.Run("a refused connection: quick dials, then one error", func(t *testing.T) {
		t.Parallel()
		endpoint := closedEndpoint(t)
		c, err := New(Config{Endpoint: endpoint, EndpointFrom: "the endpoint attribute", AccessKey: testAK, SecretKey: testSK,
			MaxRetries: 2, RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		c.refusedWait = time.Millisecond
		err = startT1(c, testContext(t))
		var reqErr *RequestError
		if !errors.As(err, &reqErr) {
			t.Fatalf("error = %v, want *RequestError", err)
		}
		if diff := cmp.Diff(RequestError{Method: "POST", Path: "/v3/tasks/t1/action", Attempts: 3, Sent: false},
			RequestError{Method: reqErr.Method, Path: reqErr.Path, Attempts: reqErr.Attempts, Sent: reqErr.Sent}); diff != "" {
			t.Errorf("RequestError (-want +got):\n%s", diff)
		}
		want := "SMS API request POST /v3/tasks/t1/action failed after 3 attempt(s): the SMS endpoint " + endpoint +
			" (from the endpoint attribute) refused the connection: nothing is listening there."
		if !strings.HasPrefix(err.Error(), want) {
			t.Errorf("error = %q\nwant prefix %q", err, want)
		}
		if IsOutcomeUnknown(err) {
			t.Error("a refused dial must not count as an unknown outcome")
		}
	})
	t.Run("a refusal then an answer: the quick retry succeeds", func(t *testing.T) {
		t.Parallel()
		f := newFakeSMS(t, nil)
		f.addTask(map[string]any{"id": "t1"})
		c, rec := newTestClient(t, f, nil)
		c.refusedWait = time.Millisecond
		refusals := 1
		inner, ok := c.retry.HTTPClient.Transport.(*signingTransport)
		if !ok {
			t.Fatalf("transport is a %T", c.retry.HTTPClient.Transport)
		}
		inner.next = roundTripFunc(func(r *http.Request) (*http.Response, error) {
			if refusals > 0 {
				refusals--
				return nil, &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
			}
			return http.DefaultTransport.RoundTrip(r)
		})
		if err := showT1(c, testContext(t)); err != nil {
			t.Fatalf("ShowTask: %v", err)
		}
		if got := len(rec.all()); got != 0 {
			t.Errorf("backoff waits = %v, want none", rec.all())
		}
	})
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
