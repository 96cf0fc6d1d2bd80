package client

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"sync/atomic"
)

// signingTransport adds the identity headers and signs every attempt afresh, so each
// retry carries a new X-Sdk-Date. go-retryablehttp rewinds the body before each attempt;
// this transport reads it once per attempt to hash the exact bytes that are sent.
type signingTransport struct {
	client *Client
	next   http.RoundTripper
}

func (t *signingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	body, err := drainRequestBody(req)
	if err != nil {
		return nil, fmt.Errorf("reading request body of %s %s: %w", req.Method, req.URL.Path, err)
	}
	c := t.client
	for refused := 1; ; refused++ {
		resp, err := t.roundTripOnce(req, body)
		if endpointErr := c.endpointFailure(req, resp, err); endpointErr != nil {
			// Not sent even when some bytes were written: a server that does not speak
			// the request's protocol, or is not trusted, never hands it to the API.
			return nil, &notSentError{err: endpointErr}
		}
		var notSent *notSentError
		if err == nil || !errors.As(err, &notSent) || !isConnectionRefused(err) {
			return resp, err
		}
		if refused >= c.refusedAttempts {
			return nil, &notSentError{err: &ConnectionRefusedError{
				Endpoint: c.cfg.Endpoint, Source: c.cfg.EndpointFrom, Attempts: refused, Err: notSent.err,
			}}
		}
		if waitErr := sleep(req.Context(), c.refusedWait); waitErr != nil {
			return nil, err
		}
	}
}

// roundTripOnce signs and sends one attempt.
func (t *signingTransport) roundTripOnce(req *http.Request, body []byte) (*http.Response, error) {
	// Clone so the caller's header map (shared between attempts) is never mutated.
	out := req.Clone(req.Context())
	setRequestBody(out, body)

	cfg := t.client.cfg
	if cfg.ProjectID != "" {
		out.Header.Set(headerProjectID, cfg.ProjectID)
	}
	if cfg.AuthToken != "" {
		out.Header.Set(headerAuthToken, cfg.AuthToken)
	} else {
		if cfg.SecurityToken != "" {
			out.Header.Set(headerSecurityToken, cfg.SecurityToken)
		}
		if err := Sign(out, body, cfg.AccessKey, cfg.SecretKey, t.client.now()); err != nil {
			return nil, err
		}
	}

	// Whether the request headers were written tells a retry-safe failure (nothing
	// reached the server) from an ambiguous one (the server may have acted on it).
	var wroteHeaders atomic.Bool
	trace := &httptrace.ClientTrace{WroteHeaders: func() { wroteHeaders.Store(true) }}
	out = out.WithContext(httptrace.WithClientTrace(out.Context(), trace))

	resp, err := t.next.RoundTrip(out)
	if err != nil && !wroteHeaders.Load() {
		return nil, &notSentError{err: err}
	}
	return resp, err
}

// notSentError marks a transport failure that happened before any byte of the request
// was written (dial, DNS, TLS handshake, ...): retrying it is safe for every method.
type notSentError struct{ err error }

func (e *notSentError) Error() string { return e.err.Error() }
func (e *notSentError) Unwrap() error { return e.err }

func drainRequestBody(req *http.Request) ([]byte, error) {
	if req.Body == nil || req.Body == http.NoBody {
		return nil, nil
	}
	defer req.Body.Close()
	return io.ReadAll(req.Body)
}

func setRequestBody(req *http.Request, body []byte) {
	req.ContentLength = int64(len(body))
	if len(body) == 0 {
		req.Body, req.GetBody = http.NoBody, nil
		return
	}
	req.Body = io.NopCloser(bytes.NewReader(body))
	req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
}
