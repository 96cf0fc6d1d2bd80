package client

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"unicode/utf8"
)

// maxErrorMsgLen bounds a raw (non-JSON) error body kept as ErrorMsg.
const maxErrorMsgLen = 1024

// APIError is an HTTP response with status >= 400.
type APIError struct {
	StatusCode int
	ErrorCode  string // e.g. SMS.6302 or APIGW.0301; empty when the body names none
	ErrorMsg   string // the body's message, or the raw body text
	RequestID  string // the X-Request-Id response header
	Method     string
	Path       string
}

func (e *APIError) Error() string {
	return fmt.Sprintf("SMS API error: %s %s: status %d, error_code %s, error_msg %q, request id %s",
		e.Method, e.Path, e.StatusCode, orNone(e.ErrorCode), e.ErrorMsg, orNone(e.RequestID))
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// RequestError is a request that got no HTTP response after every allowed attempt
// (connection refused, reset, timeout, ...).
type RequestError struct {
	Method, Path string
	Attempts     int
	// Sent is false only when the last attempt provably never reached the server.
	Sent bool
	Err  error
}

func (e *RequestError) Error() string {
	return fmt.Sprintf("SMS API request %s %s failed after %d attempt(s): %v", e.Method, e.Path, e.Attempts, e.Err)
}

func (e *RequestError) Unwrap() error { return e.Err }

// IsNotFound reports whether err is (or wraps) an *APIError with status 404.
func IsNotFound(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusNotFound
}

// IsOutcomeUnknown reports whether the server may have applied a request that failed:
// a transport failure after the request was sent, or a 5xx answer. A caller retrying a
// non-idempotent call must first check whether it took effect.
func IsOutcomeUnknown(err error) bool {
	var reqErr *RequestError
	if errors.As(err, &reqErr) {
		return reqErr.Sent
	}
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.StatusCode >= 500
}

// newAPIError applies the SDK's parsing rules (huaweicloud-sdk-go-v3's sdkerr): top-level
// error_code/error_msg, else code/message, else the first such pair in a nested
// object, else the raw body text as the message.
func newAPIError(method, path string, status int, header http.Header, body []byte) *APIError {
	e := &APIError{StatusCode: status, RequestID: header.Get(headerRequestID), Method: method, Path: path}
	var doc map[string]any
	if json.Unmarshal(body, &doc) == nil {
		if code, msg, ok := findErrorPair(doc); ok {
			e.ErrorCode, e.ErrorMsg = code, msg
			return e
		}
	}
	e.ErrorMsg = truncate(strings.TrimSpace(string(body)), maxErrorMsgLen)
	if e.ErrorMsg == "" {
		e.ErrorMsg = http.StatusText(status)
	}
	return e
}

func findErrorPair(doc map[string]any) (code, msg string, ok bool) {
	if code, msg, ok := stringPair(doc, "error_code", "error_msg"); ok {
		return code, msg, true
	}
	if code, msg, ok := stringPair(doc, "code", "message"); ok {
		return code, msg, true
	}
	// Map order is random; sorted keys keep the choice stable.
	keys := make([]string, 0, len(doc))
	for k := range doc {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if nested, isObject := doc[k].(map[string]any); isObject {
			if code, msg, ok := findErrorPair(nested); ok {
				return code, msg, true
			}
		}
	}
	return "", "", false
}

func stringPair(doc map[string]any, codeKey, msgKey string) (string, string, bool) {
	code, _ := doc[codeKey].(string)
	msg, _ := doc[msgKey].(string)
	return code, msg, code != "" && msg != ""
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "..."
}
