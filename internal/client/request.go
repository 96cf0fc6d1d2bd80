package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/hashicorp/go-retryablehttp"
)

// maxResponseBody bounds how much of a response is read; task bodies are a few KiB.
const maxResponseBody = 16 << 20

// call describes one API operation.
type call struct {
	method   string
	segments []string // path segments after the endpoint's own path, unescaped
	query    url.Values
	body     any  // JSON-encoded when non-nil
	noRetry  bool // CreateTask decides about retries itself
	// replaceAll marks a POST whose repetition leaves the same state (it replaces a
	// whole resource), so it may be retried like PUT.
	replaceAll bool
}

func (c call) path() string { return "/" + strings.Join(c.segments, "/") }

// response is a completed HTTP exchange with its body read.
type response struct {
	StatusCode int
	Header     http.Header
	Body       []byte
	method     string
	path       string
}

// ResponseDecodeError is a 2xx response whose body is not what the operation returns.
type ResponseDecodeError struct {
	Method, Path, RequestID string
	Err                     error
}

func (e *ResponseDecodeError) Error() string {
	return fmt.Sprintf("SMS API %s %s: unexpected response body (request id %s): %v",
		e.Method, e.Path, orNone(e.RequestID), e.Err)
}

func (e *ResponseDecodeError) Unwrap() error { return e.Err }

// send performs the call through go-retryablehttp. A status >= 400 returns the
// response together with an *APIError; a transport failure returns a *RequestError.
func (c *Client) send(ctx context.Context, cl call) (*response, error) {
	method, path := cl.method, cl.path()
	payload, err := encodeBody(cl.body)
	if err != nil {
		return nil, fmt.Errorf("encoding request body of %s %s: %w", method, path, err)
	}

	u := *c.base
	u.Path = c.base.Path + path
	escaped := make([]string, len(cl.segments))
	for i, s := range cl.segments {
		escaped[i] = url.PathEscape(s)
	}
	u.RawPath = c.base.EscapedPath() + "/" + strings.Join(escaped, "/")
	if len(cl.query) > 0 {
		// The SDK's wire form: url.Values order (sorted keys) with spaces as %20.
		u.RawQuery = strings.ReplaceAll(cl.query.Encode(), "+", "%20")
	}

	policy := retryPolicy{idempotent: cl.method != http.MethodPost || cl.replaceAll, disabled: cl.noRetry}
	req, err := retryablehttp.NewRequestWithContext(withRetryPolicy(ctx, policy), method, u.String(), payload)
	if err != nil {
		return nil, fmt.Errorf("building request %s %s: %w", method, path, err)
	}
	req.Header.Set(headerContentType, contentTypeJSON)
	req.Header.Set(headerUserAgent, c.cfg.UserAgent)

	httpResp, err := c.retry.Do(req)
	if err != nil {
		return nil, requestFailure(ctx, method, path, err)
	}
	defer httpResp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(httpResp.Body, maxResponseBody))
	if err != nil {
		// The server answered, so the request was sent: an ambiguous failure.
		return nil, &RequestError{Method: method, Path: path, Attempts: 1, Sent: true,
			Err: fmt.Errorf("reading response body (status %d): %w", httpResp.StatusCode, err)}
	}
	if model := httpResp.Header.Get(APIModelHeader); model != "" {
		c.endpointAPIModel.Store(&model)
	}
	resp := &response{StatusCode: httpResp.StatusCode, Header: httpResp.Header, Body: body, method: method, path: path}
	if resp.StatusCode >= 400 {
		return resp, newAPIError(method, path, resp.StatusCode, resp.Header, body)
	}
	return resp, nil
}

func requestFailure(ctx context.Context, method, path string, err error) error {
	var reqErr *RequestError
	if errors.As(err, &reqErr) {
		reqErr.Method, reqErr.Path = method, path
	} else {
		// go-retryablehttp returns the bare context error when cancelled during a backoff.
		err = fmt.Errorf("SMS API request %s %s: %w", method, path, err)
	}
	if ctxErr := ctx.Err(); ctxErr != nil && !errors.Is(err, ctxErr) {
		return fmt.Errorf("%w: %w", ctxErr, err)
	}
	return err
}

func encodeBody(body any) ([]byte, error) {
	if body == nil {
		return nil, nil
	}
	// json.Encoder like the SDK: no HTML escaping and a trailing newline.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(body); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// decodeObject decodes a JSON object body into v; anything else is a decode error.
func (r *response) decodeObject(v any) error {
	trimmed := bytes.TrimSpace(r.Body)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return r.decodeError(fmt.Errorf("expected a JSON object, got %q", truncate(string(trimmed), 200)))
	}
	if err := json.Unmarshal(trimmed, v); err != nil {
		return r.decodeError(err)
	}
	return nil
}

func (r *response) decodeError(err error) error {
	return &ResponseDecodeError{Method: r.method, Path: r.path, RequestID: r.Header.Get(headerRequestID), Err: err}
}

// retryHint exposes the response headers to the backoff (Retry-After); nil when there
// was no response.
func (r *response) retryHint() http.Header {
	if r == nil {
		return nil
	}
	return r.Header
}
