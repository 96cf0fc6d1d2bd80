package client

import (
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestNew_validation(t *testing.T) {
	t.Parallel()
	good := Config{Endpoint: "http://127.0.0.1:1", AccessKey: "ak", SecretKey: "sk"}
	cases := []struct {
		name    string
		mutate  func(*Config)
		wantErr string
	}{
		{"valid ak/sk", func(*Config) {}, ""},
		{"valid token", func(c *Config) { c.AccessKey, c.SecretKey, c.AuthToken = "", "", "tok" }, ""},
		{"https with path", func(c *Config) { c.Endpoint = "https://sms.example.com/prefix/" }, ""},
		{"empty endpoint", func(c *Config) { c.Endpoint = "" }, "endpoint must be set"},
		{"relative endpoint", func(c *Config) { c.Endpoint = "sms.example.com" }, `endpoint "sms.example.com" must be an absolute http:// or https:// URL`},
		{"ftp endpoint", func(c *Config) { c.Endpoint = "ftp://sms.example.com" }, `endpoint "ftp://sms.example.com" must be an absolute http:// or https:// URL`},
		{"no host", func(c *Config) { c.Endpoint = "https://" }, `endpoint "https://" has no host`},
		{"query", func(c *Config) { c.Endpoint = "https://h/?a=b" }, `endpoint "https://h/?a=b" must not contain credentials, a query or a fragment`},
		{"unparseable", func(c *Config) { c.Endpoint = "http://[::1" }, `endpoint "http://[::1" is not a valid URL`},
		{"no credentials", func(c *Config) { c.AccessKey, c.SecretKey = "", "" }, "no credentials: set access key and secret key, or auth token"},
		{"ak without sk", func(c *Config) { c.SecretKey = "" }, "access key and secret key must be set together"},
		{"both modes", func(c *Config) { c.AuthToken = "tok" }, "access key/secret key and auth token are mutually exclusive: set only one"},
		{"security token with auth token", func(c *Config) {
			c.AccessKey, c.SecretKey, c.AuthToken, c.SecurityToken = "", "", "tok", "st"
		}, "security token is only used with access key/secret key, not with auth token"},
		{"wait min above max", func(c *Config) { c.RetryWaitMin, c.RetryWaitMax = 2*time.Second, time.Second }, "retry wait min (2s) must not exceed retry wait max (1s)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			cfg := good
			tc.mutate(&cfg)
			_, err := New(cfg)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tc.wantErr != "" && err == nil:
				t.Fatalf("want error %q, got nil", tc.wantErr)
			case tc.wantErr != "" && !strings.HasPrefix(err.Error(), tc.wantErr):
				t.Fatalf("error = %q, want prefix %q", err, tc.wantErr)
			}
		})
	}
}

func TestNew_defaults(t *testing.T) {
	t.Parallel()
	c, err := New(Config{Endpoint: "https://sms.example.com/", AccessKey: "ak", SecretKey: "sk", MaxRetries: -1})
	if err != nil {
		t.Fatal(err)
	}
	got := []any{c.cfg.MaxRetries, c.waitMin, c.waitMax, c.cfg.RequestTimeout, c.cfg.UserAgent, c.base.String()}
	want := []any{DefaultMaxRetries, DefaultRetryWaitMin, DefaultRetryWaitMax, DefaultRequestTimeout, DefaultUserAgent, "https://sms.example.com"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("defaults (-want +got):\n%s", diff)
	}
}

func TestClient_identityHeaders(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name          string
		mutate        func(*Config)
		wantSigned    string // "" = token mode, no Authorization
		wantHeaders   map[string]string
		absentHeaders []string
	}{
		{
			name:       "ak/sk",
			wantSigned: "user-agent;x-project-id;x-sdk-date",
			wantHeaders: map[string]string{
				"X-Project-Id": testProjectID, "User-Agent": "client-test", "Content-Type": "application/json",
			},
			absentHeaders: []string{"X-Auth-Token", "X-Security-Token"},
		},
		{
			name:       "ak/sk with security token",
			mutate:     func(c *Config) { c.SecurityToken = testSecurityToken },
			wantSigned: "user-agent;x-project-id;x-sdk-date;x-security-token",
			wantHeaders: map[string]string{
				"X-Project-Id": testProjectID, "X-Security-Token": testSecurityToken,
			},
			absentHeaders: []string{"X-Auth-Token"},
		},
		{
			name:          "auth token",
			mutate:        func(c *Config) { c.AccessKey, c.SecretKey, c.AuthToken = "", "", testToken },
			wantHeaders:   map[string]string{"X-Project-Id": testProjectID, "X-Auth-Token": testToken},
			absentHeaders: []string{"Authorization", "X-Sdk-Date"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeSMS(t, nil)
			f.addTask(map[string]any{"id": "t1", "name": "n"})
			c, _ := newTestClient(t, f, tc.mutate)
			ctx := testContext(t)
			if _, err := c.ShowTask(ctx, "t1"); err != nil {
				t.Fatalf("ShowTask: %v", err)
			}
			if err := c.UpdateTaskStatus(ctx, "t1", TaskAction{Operation: "start"}); err != nil {
				t.Fatalf("UpdateTaskStatus: %v", err)
			}
			if _, err := c.ListTasks(ctx, ListTasksFilter{Name: "web 01"}); err != nil {
				t.Fatalf("ListTasks: %v", err)
			}
			assertAllSigned(t, f)
			reqs := f.Requests()
			if len(reqs) != 3 {
				t.Fatalf("got %d requests, want 3", len(reqs))
			}
			for _, r := range reqs {
				for name, want := range tc.wantHeaders {
					if got := r.Header.Get(name); got != want {
						t.Errorf("%s %s: %s = %q, want %q", r.Method, r.Path, name, got, want)
					}
				}
				for _, name := range tc.absentHeaders {
					if got := r.Header.Get(name); got != "" {
						t.Errorf("%s %s: %s = %q, want absent", r.Method, r.Path, name, got)
					}
				}
				if tc.wantSigned != "" {
					if want := "SignedHeaders=" + tc.wantSigned + ","; !strings.Contains(r.Header.Get("Authorization"), want) {
						t.Errorf("%s %s: Authorization %q lacks %q", r.Method, r.Path, r.Header.Get("Authorization"), want)
					}
				}
			}
		})
	}
}

// The full client reproduces worked example E byte for byte: same headers signed, same
// body with its trailing newline, same Authorization.
func TestClient_workedExampleEOnTheWire(t *testing.T) {
	t.Parallel()
	var got *http.Request
	var gotBody []byte
	f := newFakeSMS(t, func(_ *fakeSMS, w http.ResponseWriter, r *http.Request, body []byte, _ int) bool {
		got, gotBody = r, body
		w.WriteHeader(http.StatusOK)
		return true
	})
	c, _ := newTestClient(t, f, nil)
	c.cfg.AccessKey, c.cfg.SecretKey = vectorAK, vectorSK
	c.cfg.SecurityToken = "EXAMPLE-SECURITY-TOKEN"
	c.cfg.UserAgent = "huaweicloud-usdk-go/3.0; example-ua"
	c.now = func() time.Time { return vectorDate }

	if err := c.UpdateTaskStatus(testContext(t), vectorTaskID, TaskAction{Operation: "start"}); err != nil {
		t.Fatalf("UpdateTaskStatus: %v", err)
	}
	want := map[string]string{
		"path":             "/v3/tasks/" + vectorTaskID + "/action",
		"body":             "{\"operation\":\"start\"}\n",
		"Content-Type":     "application/json",
		"User-Agent":       "huaweicloud-usdk-go/3.0; example-ua",
		"X-Project-Id":     vectorProjectID,
		"X-Sdk-Date":       "20250101T120000Z",
		"X-Security-Token": "EXAMPLE-SECURITY-TOKEN",
		"Authorization":    "SDK-HMAC-SHA256 Access=EXAMPLEAK0123456789A, SignedHeaders=user-agent;x-project-id;x-sdk-date;x-security-token, Signature=f56dbc5b5c34f6c548356eb21b41242f08f77868652d2b0cc9560c4b07350f9b",
		"Content-Length":   "22",
	}
	gotMap := map[string]string{"path": got.URL.Path, "body": string(gotBody)}
	for name := range want {
		if name != "path" && name != "body" {
			gotMap[name] = got.Header.Get(name)
		}
	}
	if diff := cmp.Diff(want, gotMap); diff != "" {
		t.Errorf("wire request (-want +got):\n%s", diff)
	}
}

func TestClient_TLS(t *testing.T) {
	t.Parallel()
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(t, w, http.StatusOK, map[string]any{"id": "t1"})
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshakes are expected
	srv.StartTLS()
	t.Cleanup(srv.Close)

	cases := []struct {
		name     string
		insecure bool
		wantErr  string // prefix; "" = success
	}{
		{"insecure skips verification", true, ""},
		{"self-signed certificate refused without retry", false, "SMS API request GET /v3/tasks/t1 failed after 1 attempt(s): "},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, err := New(Config{Endpoint: srv.URL, AuthToken: testToken, Insecure: tc.insecure,
				MaxRetries: 3, RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.ShowTask(testContext(t), "t1")
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("ShowTask: %v", err)
			case tc.wantErr != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.wantErr)):
				t.Fatalf("error = %v, want prefix %q", err, tc.wantErr)
			}
		})
	}
}
