package client

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Test credentials (the emulator's defaults from the team contract).
const (
	testAK            = "EMULATORAK0123456789"
	testSK            = "EMULATORSKabcdefghijklmnopqrstuvwxyz0123"
	testToken         = "emulator-token"
	testSecurityToken = "TEST-SECURITY-TOKEN-42"
	testProjectID     = "0123456789abcdef0123456789abcdef"
)

// recorded is one request as the fake server saw it.
type recorded struct {
	Method, Path, RawQuery string
	Header                 http.Header
	Body                   []byte
	AuthErr                string // "" when the signature (or token) verified
}

// interceptFunc may answer a request itself (faults); n counts the requests with the
// same method and path so far, starting at 1. It returns true when it answered.
type interceptFunc func(f *fakeSMS, w http.ResponseWriter, r *http.Request, body []byte, n int) bool

// fakeSMS is a small in-memory SMS v3 task API that verifies every signature with the
// package's own signer and records every request.
type fakeSMS struct {
	t         *testing.T
	srv       *httptest.Server
	intercept interceptFunc

	mu       sync.Mutex
	requests []recorded
	counts   map[string]int
	tasks    []map[string]any // stored task bodies, in creation order
	nextID   int
	speed    map[string]json.RawMessage
}

func newFakeSMS(t *testing.T, intercept interceptFunc) *fakeSMS {
	t.Helper()
	f := &fakeSMS{t: t, intercept: intercept, counts: map[string]int{}, speed: map[string]json.RawMessage{}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

// newTestClient builds a client for f with millisecond waits and a wait recorder.
func newTestClient(t *testing.T, f *fakeSMS, mutate func(*Config)) (*Client, *waitRecorder) {
	t.Helper()
	cfg := Config{
		Endpoint: f.srv.URL, AccessKey: testAK, SecretKey: testSK, ProjectID: testProjectID,
		MaxRetries: 3, RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond,
		UserAgent: "client-test",
	}
	if mutate != nil {
		mutate(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	rec := &waitRecorder{}
	c.onWait = rec.record
	return c, rec
}

// waitRecorder collects every backoff wait the client chose.
type waitRecorder struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (w *waitRecorder) record(_ int, d time.Duration) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.waits = append(w.waits, d)
}

func (w *waitRecorder) all() []time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]time.Duration(nil), w.waits...)
}

func (f *fakeSMS) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rec := recorded{Method: r.Method, Path: r.URL.Path, RawQuery: r.URL.RawQuery, Header: r.Header.Clone(), Body: body}
	if err := verifyAuth(r, body); err != nil {
		rec.AuthErr = err.Error()
	}
	f.mu.Lock()
	f.requests = append(f.requests, rec)
	key := r.Method + " " + r.URL.Path
	f.counts[key]++
	n := f.counts[key]
	f.mu.Unlock()

	w.Header().Set("X-Request-Id", fmt.Sprintf("req-%d", len(f.Requests())))
	if rec.AuthErr != "" {
		writeJSON(f.t, w, http.StatusUnauthorized, map[string]any{"error": map[string]any{"code": "APIGW.0301", "message": rec.AuthErr}})
		return
	}
	if f.intercept != nil && f.intercept(f, w, r, body, n) {
		return
	}
	f.route(w, r, body)
}

func (f *fakeSMS) route(w http.ResponseWriter, r *http.Request, body []byte) {
	parts := strings.Split(strings.TrimPrefix(r.URL.Path, "/v3/tasks"), "/")
	switch {
	case r.URL.Path == "/v3/tasks" && r.Method == http.MethodPost:
		writeJSON(f.t, w, http.StatusOK, map[string]any{"id": f.createTask(body)})
	case r.URL.Path == "/v3/tasks" && r.Method == http.MethodGet:
		f.list(w, r)
	case len(parts) == 2 && r.Method == http.MethodGet:
		if task := f.task(parts[1]); task != nil {
			writeJSON(f.t, w, http.StatusOK, task)
			return
		}
		writeJSON(f.t, w, http.StatusNotFound, map[string]any{"error_code": "SMS.9999", "error_msg": "task not found"})
	case len(parts) == 2 && (r.Method == http.MethodPut || r.Method == http.MethodDelete):
		writeJSON(f.t, w, http.StatusOK, map[string]any{"id": parts[1]})
	case len(parts) == 3 && parts[2] == "action" && r.Method == http.MethodPost:
		w.WriteHeader(http.StatusOK)
		writeBody(f.t, w, []byte("management operation succeeded"))
	case len(parts) == 3 && parts[2] == "speed-limit" && r.Method == http.MethodPost:
		f.mu.Lock()
		f.speed[parts[1]] = body
		f.mu.Unlock()
		writeBody(f.t, w, []byte("ok"))
	case len(parts) == 3 && parts[2] == "speed-limit" && r.Method == http.MethodGet:
		f.mu.Lock()
		stored := f.speed[parts[1]]
		f.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		writeBody(f.t, w, stored)
	default:
		writeJSON(f.t, w, http.StatusBadRequest, map[string]any{"error_code": "SMS.0000", "error_msg": "no route " + r.Method + " " + r.URL.Path})
	}
}

// createTask stores a task from a POST body and returns its id.
func (f *fakeSMS) createTask(body []byte) string {
	var req CreateTaskRequest
	if err := json.Unmarshal(body, &req); err != nil {
		f.t.Errorf("fake server: bad create body %q: %v", body, err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.nextID++
	id := fmt.Sprintf("task-%03d", f.nextID)
	f.tasks = append(f.tasks, map[string]any{
		"id": id, "name": req.Name, "type": req.Type, "state": "READY",
		"source_server": map[string]any{"id": req.SourceServer.ID},
	})
	return id
}

// addTask stores a task directly (test setup).
func (f *fakeSMS) addTask(task map[string]any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.tasks = append(f.tasks, task)
}

func (f *fakeSMS) task(id string) map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, task := range f.tasks {
		if task["id"] == id {
			return task
		}
	}
	return nil
}

func (f *fakeSMS) list(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f.mu.Lock()
	var matched []map[string]any
	for _, task := range f.tasks {
		src, _ := task["source_server"].(map[string]any)
		if name := q.Get("name"); name != "" && task["name"] != name {
			continue
		}
		if sid := q.Get("source_server_id"); sid != "" && (src == nil || src["id"] != sid) {
			continue
		}
		if state := q.Get("state"); state != "" && task["state"] != state {
			continue
		}
		matched = append(matched, task)
	}
	f.mu.Unlock()
	limit, _ := strconv.Atoi(q.Get("limit"))
	offset, _ := strconv.Atoi(q.Get("offset"))
	page := []map[string]any{}
	for i := offset; i < len(matched) && (limit == 0 || i < offset+limit); i++ {
		page = append(page, matched[i])
	}
	writeJSON(f.t, w, http.StatusOK, map[string]any{"count": len(matched), "tasks": page})
}

// Requests returns a copy of every request seen so far.
func (f *fakeSMS) Requests() []recorded {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]recorded(nil), f.requests...)
}

// count returns how many requests had this method and path.
func (f *fakeSMS) count(method, path string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.counts[method+" "+path]
}

func (f *fakeSMS) taskCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.tasks)
}

func writeJSON(t testing.TB, w http.ResponseWriter, status int, v any) {
	t.Helper()
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		t.Errorf("fake server: writing the JSON response: %v", err)
	}
}

// writeBody writes a raw response body (status 200 unless already set).
func writeBody(t testing.TB, w http.ResponseWriter, body []byte) {
	t.Helper()
	if _, err := w.Write(body); err != nil {
		t.Errorf("fake server: writing the response body: %v", err)
	}
}

// loseReply closes the connection without answering, as if the reply was lost.
func loseReply(t *testing.T, w http.ResponseWriter) {
	t.Helper()
	hijacker, ok := w.(http.Hijacker)
	if !ok {
		t.Errorf("hijack: %T is not an http.Hijacker", w)
		return
	}
	conn, _, err := hijacker.Hijack()
	if err != nil {
		t.Errorf("hijack: %v", err)
		return
	}
	conn.Close()
}

// verifyAuth recomputes the SDK-HMAC-SHA256 signature server side from the headers the
// client says it signed, or checks the X-Auth-Token.
func verifyAuth(r *http.Request, body []byte) error {
	if token := r.Header.Get("X-Auth-Token"); token != "" {
		if token != testToken {
			return fmt.Errorf("bad token")
		}
		if r.Header.Get("Authorization") != "" {
			return fmt.Errorf("token mode request also carries Authorization")
		}
		return nil
	}
	auth := r.Header.Get("Authorization")
	rest, ok := strings.CutPrefix(auth, SigningAlgorithm+" ")
	if !ok {
		return fmt.Errorf("missing or foreign Authorization %q", auth)
	}
	parts := map[string]string{}
	for _, kv := range strings.Split(rest, ", ") {
		k, v, _ := strings.Cut(kv, "=")
		parts[k] = v
	}
	sk, known := map[string]string{testAK: testSK, vectorAK: vectorSK}[parts["Access"]]
	if !known {
		return fmt.Errorf("unknown access key %q", parts["Access"])
	}
	header := http.Header{}
	for _, name := range strings.Split(parts["SignedHeaders"], ";") {
		if name == "host" {
			header["host"] = []string{r.Host}
			continue
		}
		values := r.Header.Values(name)
		if len(values) == 0 {
			return fmt.Errorf("signed header %q is missing", name)
		}
		header[name] = values
	}
	canonical, signed := CanonicalRequest(r.Method, r.URL.Path, r.URL.RawQuery, header, body)
	if signed != parts["SignedHeaders"] {
		return fmt.Errorf("signed headers %q, recomputed %q", parts["SignedHeaders"], signed)
	}
	date := r.Header.Get("X-Sdk-Date")
	if _, err := time.Parse(SDKDateFormat, date); err != nil {
		return fmt.Errorf("bad X-Sdk-Date %q", date)
	}
	if want := Signature(StringToSign(canonical, date), sk); want != parts["Signature"] {
		return fmt.Errorf("signature mismatch")
	}
	return nil
}

// assertAllSigned fails the test if any recorded request did not verify.
func assertAllSigned(t *testing.T, f *fakeSMS) {
	t.Helper()
	for i, r := range f.Requests() {
		if r.AuthErr != "" {
			t.Errorf("request %d %s %s: auth did not verify: %s", i, r.Method, r.Path, r.AuthErr)
		}
	}
}

func testContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}
