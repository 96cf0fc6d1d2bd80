package emulator

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// signedHeader returns the headers of a POST without a query string, signed like the SDK
// does with DefaultAccessKey and the secret key sk, at time at.
func signedHeader(t *testing.T, path string, body []byte, sk string, at time.Time) http.Header {
	t.Helper()
	date := at.UTC().Format(sdkDateFormat)
	h := http.Header{"X-Project-Id": {DefaultProjectID}, "X-Sdk-Date": {date}, "Content-Type": {"application/json"}}
	signed := []string{"x-project-id", "x-sdk-date"}
	canonical, err := canonicalRequest(http.MethodPost, path, "", signed, func(n string) (string, bool) { return h.Get(n), true }, sha256Hex(body))
	if err != nil {
		t.Fatal(err)
	}
	h.Set("Authorization", "SDK-HMAC-SHA256 Access="+DefaultAccessKey+", SignedHeaders="+strings.Join(signed, ";")+
		", Signature="+signHex(sk, stringToSign(date, canonical)))
	return h
}

func TestAuthentication(t *testing.T) {
	t.Parallel()
	body := []byte(`{"operation":"start"}`)
	path := "/v3/tasks/" + exampleTaskID + "/action"
	cases := []struct {
		name       string
		header     func(t *testing.T) http.Header
		body       []byte
		wantStatus int
		wantMsg    string // for 401
		wantMode   string
		wantValid  bool
	}{
		{"default AK/SK", func(t *testing.T) http.Header {
			return signedHeader(t, path, body, DefaultSecretKey, time.Now())
		}, body, http.StatusNotFound, "", AuthModeAKSK, true},
		{"default token", func(*testing.T) http.Header { return http.Header{"X-Auth-Token": {DefaultAuthToken}} },
			body, http.StatusNotFound, "", AuthModeToken, false},
		{"wrong secret", func(t *testing.T) http.Header {
			return signedHeader(t, path, body, "wrong", time.Now())
		}, body, http.StatusUnauthorized, "verify aksk signature fail", AuthModeAKSK, false},
		{"body changed after signing", func(t *testing.T) http.Header {
			return signedHeader(t, path, body, DefaultSecretKey, time.Now())
		}, []byte(`{"operation":"stop"}`), http.StatusUnauthorized, "verify aksk signature fail", AuthModeAKSK, false},
		{"signed an hour ago", func(t *testing.T) http.Header {
			return signedHeader(t, path, body, DefaultSecretKey, time.Now().Add(-time.Hour))
		}, body, http.StatusUnauthorized, "is more than 15m0s away from the server time", AuthModeAKSK, false},
		{"wrong token", func(*testing.T) http.Header { return http.Header{"X-Auth-Token": {"nope"}} },
			body, http.StatusUnauthorized, "the X-Auth-Token is not valid", AuthModeToken, false},
		{"no credentials", func(*testing.T) http.Header { return http.Header{} },
			body, http.StatusUnauthorized, "neither an Authorization header nor an X-Auth-Token", AuthModeNone, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := newTestEnv(t, Options{})
			resp, err := env.try(http.MethodPost, path, tc.body, tc.header(t))
			if err != nil {
				t.Fatal(err)
			}
			if resp.status != tc.wantStatus {
				t.Fatalf("status = %d, want %d: %s", resp.status, tc.wantStatus, resp.body)
			}
			got := resp.json(t)
			if tc.wantStatus == http.StatusUnauthorized {
				want := map[string]any{"error_code": CodeGatewayAuth, "error_msg": got["error_msg"], "request_id": resp.header.Get("X-Request-Id")}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Fatalf("401 body (-want +got):\n%s", diff)
				}
				if msg := jsonString(t, got, "error_msg"); !strings.HasPrefix(msg, "Incorrect IAM authentication information: ") || !strings.Contains(msg, tc.wantMsg) {
					t.Fatalf("error_msg = %q, want the gateway prefix and %q", msg, tc.wantMsg)
				}
			} else if got["error_code"] != CodeTaskNotFound {
				t.Fatalf("an authenticated request for a missing task answered %s", resp.body)
			}
			j := env.e.Journal()
			if len(j) != 1 || j[0].AuthMode != tc.wantMode || j[0].SignatureValid != tc.wantValid || j[0].Status != tc.wantStatus {
				t.Fatalf("journal = %+v, want one entry with mode %s, valid %v, status %d", j, tc.wantMode, tc.wantValid, tc.wantStatus)
			}
		})
	}
}

// TestAuthentication_officialSDKRequest replays example E, the request the official SDK
// client sent, against an emulator that knows the example credentials.
func TestAuthentication_officialSDKRequest(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{Credentials: []Credential{{AccessKey: exampleAK, SecretKey: exampleSK}}})
	env.e.verifier.now = func() time.Time { return time.Date(2025, 1, 1, 12, 5, 0, 0, time.UTC) }
	v := signingVectors()[4]
	header := http.Header{"Authorization": {"SDK-HMAC-SHA256 Access=" + v.accessKey + ", SignedHeaders=" + v.signed + ", Signature=" + v.signature}}
	for k, val := range v.header {
		header.Set(k, val)
	}
	resp, err := env.try(http.MethodPost, "/v3/tasks/"+exampleTaskID+"/action", v.body, header)
	if err != nil {
		t.Fatal(err)
	}
	resp.wantError(t, http.StatusNotFound, CodeTaskNotFound, exampleTaskID)
	if j := env.e.Journal(); len(j) != 1 || !j[0].SignatureValid {
		t.Fatalf("journal = %+v, want the signature recorded as valid", j)
	}
}

func TestNoSuchAPI(t *testing.T) {
	t.Parallel()
	cases := []struct{ method, path string }{
		{http.MethodDelete, "/v3/tasks"},
		{http.MethodGet, "/v3/tasks/"},
		{http.MethodPatch, "/v3/tasks/abc"},
		{http.MethodGet, "/v3/tasks/abc/action"},
		{http.MethodGet, "/v3/tasks/abc/log/x"},
		{http.MethodGet, "/v2/tasks"},
	}
	for _, tc := range cases {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			t.Parallel()
			env := newTestEnv(t, Options{})
			resp := env.do(tc.method, tc.path, nil)
			resp.wantError(t, http.StatusNotFound, CodeGatewayNoSuchAPI, "The API does not exist")
			if resp.json(t)["request_id"] != resp.header.Get("X-Request-Id") {
				t.Fatalf("gateway error body %s lacks the X-Request-Id %s", resp.body, resp.header.Get("X-Request-Id"))
			}
		})
	}
}
