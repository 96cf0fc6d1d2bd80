package client

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type logEntry struct {
	Level  LogLevel
	Msg    string
	Fields map[string]any
}

// logCapture is a LogFunc that keeps every entry.
type logCapture struct {
	mu      sync.Mutex
	entries []logEntry
}

func (l *logCapture) log(_ context.Context, level LogLevel, msg string, fields map[string]any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.entries = append(l.entries, logEntry{level, msg, fields})
}

func (l *logCapture) all() []logEntry {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]logEntry(nil), l.entries...)
}

// dump renders everything logged, at every level, as one string.
func (l *logCapture) dump() string {
	var b strings.Builder
	for _, e := range l.all() {
		fmt.Fprintf(&b, "%s %s %v\n", e.Level, e.Msg, e.Fields)
	}
	return b.String()
}

func TestLogging_neverLeaksSecrets(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		mutate  func(*Config)
		secrets []string
	}{
		{"ak/sk with security token", func(c *Config) { c.SecurityToken = testSecurityToken }, []string{testSK, testSecurityToken}},
		{"auth token", func(c *Config) { c.AccessKey, c.SecretKey, c.AuthToken = "", "", testToken }, []string{testToken}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeSMS(t, failFirst(1, http.StatusServiceUnavailable, nil)) // one retry, so two attempts are logged
			capture := &logCapture{}
			c, _ := newTestClient(t, f, func(cfg *Config) {
				tc.mutate(cfg)
				cfg.Log = capture.log
			})
			body := map[string]any{
				"name": "web", "password": "hunter2-not-configured",
				"source_server": map[string]any{"secret_key": "nested-secret-value", "sk": "short-sk-value"},
			}
			// Keys no typed body has: the masking must hold for whatever JSON is sent.
			if _, err := c.send(testContext(t), call{method: http.MethodPut, segments: taskSegments("t1"), body: body}); err != nil {
				t.Fatalf("PUT: %v", err)
			}

			logged := capture.dump()
			// The signatures the server received: not secrets we configured, so only the
			// structural masking of Authorization can keep them out of the log.
			leaks := append([]string{"hunter2-not-configured", "nested-secret-value", "short-sk-value"}, tc.secrets...)
			for _, r := range f.Requests() {
				if auth := r.Header.Get("Authorization"); auth != "" {
					leaks = append(leaks, auth[strings.Index(auth, "Signature="):])
				}
			}
			for _, secret := range leaks {
				if strings.Contains(logged, secret) {
					t.Errorf("log contains %q:\n%s", secret, logged)
				}
			}
			assertLoggedRequest(t, capture.all())
		})
	}
}

// assertLoggedRequest checks the DEBUG summary and the masked TRACE detail.
func assertLoggedRequest(t *testing.T, entries []logEntry) {
	t.Helper()
	var summaries []map[string]any
	var sentHeaders []map[string]string
	var sentBodies []string
	for _, e := range entries {
		switch {
		case e.Level == LogDebug && e.Msg == "SMS API response":
			summaries = append(summaries, map[string]any{
				"method": e.Fields["method"], "path": e.Fields["path"], "status": e.Fields["status"],
				"request_id": e.Fields["request_id"], "has_duration": e.Fields["duration"] != "",
			})
		case e.Level == LogTrace && e.Msg == "SMS API request detail":
			headers, ok := e.Fields["headers"].(map[string]string)
			if !ok {
				t.Fatalf("TRACE headers field is a %T, want map[string]string", e.Fields["headers"])
			}
			body, ok := e.Fields["body"].(string)
			if !ok {
				t.Fatalf("TRACE body field is a %T, want string", e.Fields["body"])
			}
			sentHeaders = append(sentHeaders, headers)
			sentBodies = append(sentBodies, body)
		}
	}
	wantSummaries := []map[string]any{
		{"method": "PUT", "path": "/v3/tasks/t1", "status": 503, "request_id": "req-1", "has_duration": true},
		{"method": "PUT", "path": "/v3/tasks/t1", "status": 200, "request_id": "req-2", "has_duration": true},
	}
	if diff := cmp.Diff(wantSummaries, summaries); diff != "" {
		t.Errorf("DEBUG summaries (-want +got):\n%s", diff)
	}
	wantBody := `{"name":"web","password":"***","source_server":{"secret_key":"***","sk":"***"}}`
	for i, h := range sentHeaders {
		for _, name := range []string{"Authorization", "X-Auth-Token", "X-Security-Token"} {
			if v, ok := h[name]; ok && v != "***" {
				t.Errorf("attempt %d: header %s logged as %q", i, name, v)
			}
		}
		if h["X-Project-Id"] != testProjectID {
			t.Errorf("attempt %d: X-Project-Id logged as %q", i, h["X-Project-Id"])
		}
		if sentBodies[i] != wantBody {
			t.Errorf("attempt %d: body logged as %s, want %s", i, sentBodies[i], wantBody)
		}
	}
	if len(sentHeaders) != 2 {
		t.Errorf("TRACE request details = %d, want 2", len(sentHeaders))
	}
}

func TestMaskBody(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"not json stays text", "plain text", "plain text"},
		{"nested and arrays", `{"a":[{"Password":"p"},{"x":1}],"security_token":"t","access_token":"u","token":"v","auth_token":"w","ak":"visible"}`,
			`{"a":[{"Password":"***"},{"x":1}],"access_token":"***","ak":"visible","auth_token":"***","security_token":"***","token":"***"}`},
		{"numbers keep their form", `{"size":12345678901234567890,"sk":7}`, `{"size":12345678901234567890,"sk":"***"}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := maskBody([]byte(tc.in)); got != tc.want {
				t.Errorf("maskBody = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestLogger_scrubsConfiguredSecretsEverywhere(t *testing.T) {
	t.Parallel()
	capture := &logCapture{}
	l := newLogger(Config{SecretKey: "sk-value-123", SecurityToken: "st-value-456", AuthToken: "tok", Log: capture.log})
	l.log(context.Background(), LogError, "failed with sk-value-123", map[string]any{
		"error":   fmt.Errorf("dial: st-value-456"),
		"headers": map[string]string{"X": "sk-value-123"},
		"count":   3,
		"short":   "tok", // shorter than minScrubbedSecretLen: left alone
	})
	want := []logEntry{{LogError, "failed with ***", map[string]any{
		"error": "dial: ***", "headers": map[string]string{"X": "***"}, "count": 3, "short": "tok",
	}}}
	if diff := cmp.Diff(want, capture.all()); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
}

func TestLogLevel_String(t *testing.T) {
	t.Parallel()
	got := []string{LogTrace.String(), LogDebug.String(), LogInfo.String(), LogWarn.String(), LogError.String(), LogLevel(9).String()}
	if diff := cmp.Diff([]string{"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "LogLevel(9)"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestMaskHeaders(t *testing.T) {
	t.Parallel()
	got := maskHeaders(http.Header{
		"Authorization":    {"SDK-HMAC-SHA256 Access=AK, SignedHeaders=x, Signature=abc"},
		"X-Auth-Token":     {"tok"},
		"x-security-token": {"st"}, // any spelling
		"X-Project-Id":     {"p"},
		"Accept":           {"a", "b"},
	})
	want := map[string]string{
		"Authorization": "***", "X-Auth-Token": "***", "x-security-token": "***",
		"X-Project-Id": "p", "Accept": "a, b",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
