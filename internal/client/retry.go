package client

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// retryPolicy travels in the request context because go-retryablehttp hands CheckRetry
// only the context, the response and the error.
type retryPolicy struct {
	// idempotent requests are retried after 5xx and after any connection error;
	// the others only when the request never left (notSentError) or got 429.
	idempotent bool
	// disabled turns automatic retries off (CreateTask retries by itself).
	disabled bool
}

type retryPolicyKey struct{}

func withRetryPolicy(ctx context.Context, p retryPolicy) context.Context {
	return context.WithValue(ctx, retryPolicyKey{}, p)
}

func retryPolicyFrom(ctx context.Context) retryPolicy {
	p, _ := ctx.Value(retryPolicyKey{}).(retryPolicy)
	return p
}

// retryableStatus reports the statuses worth another attempt.
func retryableStatus(code int) bool {
	switch code {
	case http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusBadGateway,
		http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// checkRetry is the go-retryablehttp CheckRetry. It never returns an error for a
// status so that the last response reaches the caller and becomes an *APIError.
func checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return false, ctxErr
	}
	policy := retryPolicyFrom(ctx)
	if policy.disabled {
		return false, nil
	}
	if err != nil {
		var refused *ConnectionRefusedError
		if errors.As(err, &refused) {
			return false, nil // the transport has spent the refusal's own budget
		}
		var endpointErr *EndpointError
		if errors.As(err, &endpointErr) {
			return false, nil // waiting cannot fix the endpoint
		}
		var notSent *notSentError
		if errors.As(err, &notSent) {
			return !isPermanentTransportError(err), nil
		}
		return policy.idempotent && !isPermanentTransportError(err), nil
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		return true, nil
	}
	return policy.idempotent && retryableStatus(resp.StatusCode), nil
}

// isPermanentTransportError spots requests Go refuses to send, whatever the server; the
// endpoint's own permanent failures are *EndpointError.
func isPermanentTransportError(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "unsupported protocol scheme") || strings.Contains(msg, "invalid header")
}

// backoff is the go-retryablehttp Backoff: Retry-After when the server sent one
// (capped by waitMax), else waitMin*2^attempt capped at waitMax with equal jitter, so a
// wait is never below half its exponential step and herds of clients still spread out.
func (c *Client) backoff(waitMin, waitMax time.Duration, attempt int, resp *http.Response) time.Duration {
	var header http.Header
	if resp != nil {
		header = resp.Header
	}
	wait := c.computeBackoff(waitMin, waitMax, attempt, header)
	if c.onWait != nil {
		c.onWait(attempt, wait)
	}
	if resp != nil && resp.Request != nil {
		c.log.log(resp.Request.Context(), LogDebug, "SMS API backing off before retry", map[string]any{
			"method": resp.Request.Method, "path": resp.Request.URL.Path,
			"status": resp.StatusCode, "attempt": attempt + 1, "wait": wait.String(),
		})
	}
	return wait
}

// computeBackoff is backoff without the logging; header holds the response headers
// (nil when there was no response) and is read only for Retry-After.
func (c *Client) computeBackoff(waitMin, waitMax time.Duration, attempt int, header http.Header) time.Duration {
	if wait, ok := parseRetryAfter(header.Get("Retry-After"), c.now()); ok {
		return capDuration(wait, waitMax)
	}
	step := waitMin
	for i := 0; i < attempt && step < waitMax; i++ {
		step *= 2
	}
	step = capDuration(step, waitMax)
	half := step / 2
	return half + time.Duration(c.jitter(int64(step-half)+1))
}

// parseRetryAfter reads both Retry-After forms: delay-seconds and HTTP-date.
func parseRetryAfter(value string, now time.Time) (time.Duration, bool) {
	value = strings.TrimSpace(value)
	if value == "" {
		return 0, false
	}
	if seconds, err := strconv.ParseInt(value, 10, 64); err == nil {
		if seconds < 0 {
			return 0, false
		}
		if seconds > int64(24*time.Hour/time.Second) {
			seconds = int64(24 * time.Hour / time.Second) // avoids Duration overflow; capped later anyway
		}
		return time.Duration(seconds) * time.Second, true
	}
	at, err := http.ParseTime(value)
	if err != nil {
		return 0, false
	}
	if wait := at.Sub(now); wait > 0 {
		return wait, true
	}
	return 0, true
}

func capDuration(d, limit time.Duration) time.Duration {
	if d > limit || d < 0 {
		return limit
	}
	return d
}

// giveUp is the go-retryablehttp ErrorHandler, called when no further attempt will be
// made. A last HTTP response is passed through (the caller turns it into *APIError);
// a transport failure becomes a *RequestError that remembers whether it was sent.
func giveUp(resp *http.Response, err error, attempts int) (*http.Response, error) {
	if err == nil && resp != nil {
		return resp, nil
	}
	if resp != nil {
		resp.Body.Close()
	}
	if err == nil {
		err = errors.New("request failed without a response")
	}
	var notSent *notSentError
	sent := !errors.As(err, &notSent)
	var refused *ConnectionRefusedError
	if errors.As(err, &refused) {
		// The last of go-retryablehttp's attempts was itself several quick dials; the
		// refusal names the endpoint already, so the URL wrapper would only repeat it.
		attempts += refused.Attempts - 1
		err = refused
	}
	var endpointErr *EndpointError
	if errors.As(err, &endpointErr) {
		err = endpointErr // it names the endpoint; the URL wrapper would only repeat it
	}
	return nil, &RequestError{Attempts: attempts, Sent: sent, Err: err}
}

// logRetry is the go-retryablehttp RequestLogHook; attempt 0 is the first try.
func (c *Client) logRetry(_ retryablehttp.Logger, req *http.Request, attempt int) {
	if attempt == 0 {
		return
	}
	c.log.log(req.Context(), LogInfo, "SMS API retrying request", map[string]any{
		"method": req.Method, "path": req.URL.Path, "attempt": attempt + 1,
	})
}

// sleep waits d or until ctx is done, whichever is first.
func sleep(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}
