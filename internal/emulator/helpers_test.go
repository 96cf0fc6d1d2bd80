package emulator

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Shared test scaffolding: an emulator on a manual clock behind an httptest server, and
// small helpers to call it with the default token.

var testEpoch = time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)

const (
	windowsSourceID = "1cce5dab-df33-4abe-b2ac-e94fa05d6a01"
	linuxSourceID   = "2b1f4c3e-7a8d-4e21-9f6a-3c5d8e0a1b02"
	failingSourceID = "3c2e5d4f-8b9e-4f32-a07b-4d6e9f1b2c03"
)

// seedModel is an emulator of the seed's task API; Options{} speaks the current one.
var seedModel = Options{APIModel: APIModelSeed}

type testEnv struct {
	t      *testing.T
	e      *Emulator
	clock  *ManualClock
	url    string
	client *http.Client
}

func newTestEnv(t *testing.T, opts Options) *testEnv {
	t.Helper()
	clock := NewManualClock(testEpoch)
	if opts.Clock == nil {
		opts.Clock = clock
	}
	e, err := New(opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	srv := httptest.NewServer(e)
	t.Cleanup(srv.Close)
	// No keep-alive: a dropped connection must not be retried by the transport.
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 10 * time.Second}
	return &testEnv{t: t, e: e, clock: clock, url: srv.URL, client: client}
}

type response struct {
	status int
	header http.Header
	body   []byte
}

// json decodes the answer into a generic value (numbers as float64).
func (r response) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("answer %d is not a JSON object: %v: %s", r.status, err, r.body)
	}
	return m
}

// do sends a request authenticated with the default token. body may be nil, a string
// (sent as is) or any value (sent as JSON).
func (env *testEnv) do(method, path string, body any) response {
	env.t.Helper()
	resp, err := env.try(method, path, body, http.Header{"X-Auth-Token": {DefaultAuthToken}})
	if err != nil {
		env.t.Fatalf("%s %s: %v", method, path, err)
	}
	return resp
}

func (env *testEnv) try(method, path string, body any, header http.Header) (response, error) {
	req, err := http.NewRequest(method, env.url+path, bytes.NewReader(encodeBody(env.t, body)))
	if err != nil {
		env.t.Fatal(err)
	}
	req.Header = header.Clone()
	req.Header.Set("Content-Type", "application/json")
	resp, err := env.client.Do(req)
	if err != nil {
		return response{}, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return response{}, err
	}
	return response{status: resp.StatusCode, header: resp.Header, body: data}, nil
}

func encodeBody(t *testing.T, body any) []byte {
	t.Helper()
	switch b := body.(type) {
	case nil:
		return nil
	case string:
		return []byte(b)
	case []byte:
		return b
	default:
		data, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
}

// wantStatus fails the test unless the answer has the status (and, for errors, the code
// and a message containing msg).
func (r response) wantError(t *testing.T, status int, code, msg string) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status = %d, want %d; body %s", r.status, status, r.body)
	}
	got := r.json(t)
	gotMsg, isString := got["error_msg"].(string)
	if got["error_code"] != code || !isString || !strings.Contains(gotMsg, msg) {
		t.Fatalf("error = %s, want code %s with message containing %q", r.body, code, msg)
	}
}

func (r response) wantOK(t *testing.T) {
	t.Helper()
	if r.status != http.StatusOK {
		t.Fatalf("status = %d, want 200; body %s", r.status, r.body)
	}
}

// createBody is a minimal valid CreateTask body for a source server.
func createBody(name, sourceID string) map[string]any {
	return map[string]any{
		"name":          name,
		"type":          "MIGRATE_BLOCK",
		"source_server": map[string]any{"id": sourceID},
		"target_server": map[string]any{"name": "target-" + name, "vm_id": "vm-" + name},
		"region_name":   DefaultRegion,
		"region_id":     DefaultRegion,
		"project_name":  DefaultRegion,
		"project_id":    DefaultProjectID,
	}
}

// createTask creates a task and returns its ID.
func (env *testEnv) createTask(body map[string]any) string {
	env.t.Helper()
	resp := env.do(http.MethodPost, "/v3/tasks", body)
	resp.wantOK(env.t)
	id, _ := resp.json(env.t)["id"].(string)
	if id == "" {
		env.t.Fatalf("create answered no id: %s", resp.body)
	}
	return id
}

func (env *testEnv) task(id string) map[string]any {
	env.t.Helper()
	resp := env.do(http.MethodGet, "/v3/tasks/"+id, nil)
	resp.wantOK(env.t)
	return resp.json(env.t)
}

func (env *testEnv) action(id, operation string) response {
	env.t.Helper()
	return env.do(http.MethodPost, "/v3/tasks/"+id+"/action", map[string]any{"operation": operation})
}

// snapshot is the emulator's whole state, to prove a rejected request changed nothing.
func (env *testEnv) snapshot() string {
	env.e.mu.Lock()
	defer env.e.mu.Unlock()
	return string(encodeJSON(env.e.st))
}

// seedPutExample is the seed document's example request body, byte for byte.
func seedPutExample(t *testing.T) map[string]any {
	t.Helper()
	data, err := os.ReadFile("testdata/seed_put_example.json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber() // keep the seed's large integers exact
	if err := dec.Decode(&m); err != nil {
		t.Fatal(err)
	}
	return m
}

// setPath changes body at a dotted path ("target_server.disks.0.size"); a value of
// deleteKey removes the key.
func setPath(t *testing.T, body map[string]any, path string, value any) {
	t.Helper()
	parts := strings.Split(path, ".")
	var cur any = body
	for _, p := range parts[:len(parts)-1] {
		switch c := cur.(type) {
		case map[string]any:
			cur = c[p]
		case []any:
			i, _ := strconv.Atoi(p)
			cur = c[i]
		}
	}
	last := parts[len(parts)-1]
	switch c := cur.(type) {
	case map[string]any:
		if value == deleteKey {
			delete(c, last)
		} else {
			c[last] = value
		}
	case []any:
		i, _ := strconv.Atoi(last)
		c[i] = value
	default:
		t.Fatalf("setPath: %s does not lead to an object or array", path)
	}
}

type deleteMarker struct{}

var deleteKey = deleteMarker{}

// deepCopy returns an independent copy of a JSON value.
func deepCopy(t *testing.T, v map[string]any) map[string]any {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&out); err != nil {
		t.Fatal(err)
	}
	return out
}

// jsonAt follows a dotted path ("sub_tasks.3.id") through a decoded JSON value: object
// keys and array indexes; "" is v itself. A missing object key gives nil, like a map
// index; a step into something that is not an object or array, or an index out of
// range, fails the test.
func jsonAt(t *testing.T, v any, path string) any {
	t.Helper()
	if path == "" {
		return v
	}
	cur := v
	for _, step := range strings.Split(path, ".") {
		switch c := cur.(type) {
		case map[string]any:
			cur = c[step]
		case []any:
			i, err := strconv.Atoi(step)
			if err != nil || i < 0 || i >= len(c) {
				t.Fatalf("%s: %q is not an index of an array of %d", path, step, len(c))
			}
			cur = c[i]
		default:
			t.Fatalf("%s: cannot take %q of %T %v", path, step, cur, cur)
		}
	}
	return cur
}

// jsonAs is jsonAt that also fails the test unless the value is a T.
func jsonAs[T any](t *testing.T, v any, path string) T {
	t.Helper()
	got := jsonAt(t, v, path)
	typed, ok := got.(T)
	if !ok {
		t.Fatalf("%s is %T %v, want %T", path, got, got, typed)
	}
	return typed
}

func jsonObject(t *testing.T, v any, path string) map[string]any {
	t.Helper()
	return jsonAs[map[string]any](t, v, path)
}

func jsonArray(t *testing.T, v any, path string) []any {
	t.Helper()
	return jsonAs[[]any](t, v, path)
}

func jsonNumber(t *testing.T, v any, path string) float64 {
	t.Helper()
	return jsonAs[float64](t, v, path)
}

func jsonString(t *testing.T, v any, path string) string {
	t.Helper()
	return jsonAs[string](t, v, path)
}
