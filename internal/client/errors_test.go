package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAPIError_mappingFromTheWire(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name      string
		status    int
		body      string
		requestID string
		want      APIError
		wantText  string
	}{
		{
			name: "error_code and error_msg", status: 400, requestID: "abc",
			body:     `{"error_code":"SMS.1003","error_msg":"bad priority","encoded_authorization_message":""}`,
			want:     APIError{StatusCode: 400, ErrorCode: "SMS.1003", ErrorMsg: "bad priority", RequestID: "abc", Method: "PUT", Path: "/v3/tasks/x"},
			wantText: `SMS API error: PUT /v3/tasks/x: status 400, error_code SMS.1003, error_msg "bad priority", request id abc`,
		},
		{
			name: "code and message", status: 403, requestID: "r2",
			body:     `{"code":"SMS.0204","message":"insufficient permissions"}`,
			want:     APIError{StatusCode: 403, ErrorCode: "SMS.0204", ErrorMsg: "insufficient permissions", RequestID: "r2", Method: "PUT", Path: "/v3/tasks/x"},
			wantText: `SMS API error: PUT /v3/tasks/x: status 403, error_code SMS.0204, error_msg "insufficient permissions", request id r2`,
		},
		{
			name: "API gateway nested shape", status: 401, requestID: "r3",
			body:     `{"error":{"code":"APIGW.0301","message":"Incorrect IAM authentication information"}}`,
			want:     APIError{StatusCode: 401, ErrorCode: "APIGW.0301", ErrorMsg: "Incorrect IAM authentication information", RequestID: "r3", Method: "PUT", Path: "/v3/tasks/x"},
			wantText: `SMS API error: PUT /v3/tasks/x: status 401, error_code APIGW.0301, error_msg "Incorrect IAM authentication information", request id r3`,
		},
		{
			name: "top-level pair wins over nested", status: 400, requestID: "r4",
			body:     `{"error":{"code":"N.1","message":"nested"},"error_code":"SMS.1","error_msg":"top"}`,
			want:     APIError{StatusCode: 400, ErrorCode: "SMS.1", ErrorMsg: "top", RequestID: "r4", Method: "PUT", Path: "/v3/tasks/x"},
			wantText: `SMS API error: PUT /v3/tasks/x: status 400, error_code SMS.1, error_msg "top", request id r4`,
		},
		{
			name: "raw text body", status: 502, requestID: "",
			body:     "  <html>Bad Gateway</html>\n",
			want:     APIError{StatusCode: 502, ErrorMsg: "<html>Bad Gateway</html>", Method: "PUT", Path: "/v3/tasks/x"},
			wantText: `SMS API error: PUT /v3/tasks/x: status 502, error_code (none), error_msg "<html>Bad Gateway</html>", request id (none)`,
		},
		{
			name: "JSON without a pair is raw text", status: 400, requestID: "r6",
			body:     `{"error_code":"SMS.1"}`,
			want:     APIError{StatusCode: 400, ErrorMsg: `{"error_code":"SMS.1"}`, RequestID: "r6", Method: "PUT", Path: "/v3/tasks/x"},
			wantText: `SMS API error: PUT /v3/tasks/x: status 400, error_code (none), error_msg "{\"error_code\":\"SMS.1\"}", request id r6`,
		},
		{
			name: "empty body uses the status text", status: 404, requestID: "r7",
			want:     APIError{StatusCode: 404, ErrorMsg: "Not Found", RequestID: "r7", Method: "PUT", Path: "/v3/tasks/x"},
			wantText: `SMS API error: PUT /v3/tasks/x: status 404, error_code (none), error_msg "Not Found", request id r7`,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeSMS(t, func(_ *fakeSMS, w http.ResponseWriter, _ *http.Request, _ []byte, _ int) bool {
				if tc.requestID == "" {
					w.Header().Del("X-Request-Id")
				} else {
					w.Header().Set("X-Request-Id", tc.requestID)
				}
				w.WriteHeader(tc.status)
				fmt.Fprint(w, tc.body)
				return true
			})
			c, _ := newTestClient(t, f, func(cfg *Config) { cfg.MaxRetries = 0 })
			err := c.UpdateTask(testContext(t), "x", UpdateTaskBody{Name: ptrTo("n")})
			var apiErr *APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("error = %v, want *APIError", err)
			}
			if diff := cmp.Diff(tc.want, *apiErr); diff != "" {
				t.Errorf("APIError (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantText, err.Error()); diff != "" {
				t.Errorf("Error() (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAPIError_longRawBodyTruncated(t *testing.T) {
	t.Parallel()
	e := newAPIError("GET", "/p", 500, http.Header{}, []byte(strings.Repeat("é", 1000)))
	if len(e.ErrorMsg) > maxErrorMsgLen+3 || !strings.HasSuffix(e.ErrorMsg, "é...") {
		t.Errorf("ErrorMsg not truncated on a rune boundary: len %d, tail %q", len(e.ErrorMsg), e.ErrorMsg[len(e.ErrorMsg)-8:])
	}
}

func TestErrorPredicates(t *testing.T) {
	t.Parallel()
	notFound := &APIError{StatusCode: 404}
	cases := []struct {
		name                   string
		err                    error
		wantNotFound, wantUnkn bool
	}{
		{"nil", nil, false, false},
		{"404", notFound, true, false},
		{"wrapped 404", fmt.Errorf("reading: %w", notFound), true, false},
		{"400", &APIError{StatusCode: 400}, false, false},
		{"500", &APIError{StatusCode: 500}, false, true},
		{"string that says 404", errors.New("status 404 not found"), false, false},
		{"sent request error", &RequestError{Sent: true, Err: errors.New("reset")}, false, true},
		{"unsent request error", &RequestError{Sent: false, Err: errors.New("refused")}, false, false},
		{"context error", context.Canceled, false, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := IsNotFound(tc.err); got != tc.wantNotFound {
				t.Errorf("IsNotFound = %v, want %v", got, tc.wantNotFound)
			}
			if got := IsOutcomeUnknown(tc.err); got != tc.wantUnkn {
				t.Errorf("IsOutcomeUnknown = %v, want %v", got, tc.wantUnkn)
			}
		})
	}
}

func TestShowTask_notFoundFromServer(t *testing.T) {
	t.Parallel()
	f := newFakeSMS(t, nil)
	c, _ := newTestClient(t, f, nil)
	_, err := c.ShowTask(testContext(t), "missing")
	if !IsNotFound(err) {
		t.Fatalf("IsNotFound(%v) = false", err)
	}
	want := `SMS API error: GET /v3/tasks/missing: status 404, error_code SMS.9999, error_msg "task not found", request id req-1`
	if diff := cmp.Diff(want, err.Error()); diff != "" {
		t.Errorf("error (-want +got):\n%s", diff)
	}
}
