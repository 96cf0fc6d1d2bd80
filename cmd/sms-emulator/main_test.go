package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer lets the test read what run prints while run is still going.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestRun_servesUntilCancelled(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	urlFile := filepath.Join(dir, "url")
	sources := filepath.Join(dir, "sources.json")
	if err := os.WriteFile(sources, []byte(`[{"id":"s-1","name":"extra","ip":"10.2.2.2","os_type":"LINUX"}]`), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-url-file", urlFile, "-data", filepath.Join(dir, "state.json"), "-clock-speed", "600",
			"-token", "t-1", "-ak", "AK1", "-sk", "SK1", "-source-servers", sources,
			"-fault", "path=/v3/tasks,methods=DELETE,rate503=1"}, &stdout)
	}()

	var url string
	for deadline := time.Now().Add(10 * time.Second); url == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		data, _ := os.ReadFile(urlFile)
		url = strings.TrimSpace(string(data))
	}
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Fatalf("url file holds %q", url)
	}
	if got, want := stdout.String(), "sms-emulator listening on "+url+" (api model current, seed-only update keys ignored)\n"; got != want {
		t.Fatalf("stdout = %q, want %q", got, want)
	}

	resp, err := http.Get(url + "/__emulator/health")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `"status":"ok"`) {
		t.Fatalf("health = %d %s", resp.StatusCode, body)
	}

	call := func(method, path, body string) int {
		req, _ := http.NewRequest(method, url+path, strings.NewReader(body))
		req.Header.Set("X-Auth-Token", "t-1")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	create := `{"name":"x","type":"MIGRATE_FILE","source_server":{"id":"s-1"},"target_server":{"name":"t","vm_id":"v"},` +
		`"region_name":"r","region_id":"r","project_name":"p","project_id":"p"}`
	if status := call(http.MethodPost, "/v3/tasks", create); status != http.StatusOK {
		t.Fatalf("create with the -token and -source-servers answered %d", status)
	}
	if status := call(http.MethodDelete, "/v3/tasks/any", ""); status != http.StatusServiceUnavailable {
		t.Fatalf("DELETE under the -fault answered %d, want 503", status)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run returned %v after cancel", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not stop after cancel")
	}
	if _, err := os.Stat(filepath.Join(dir, "state.json")); err != nil {
		t.Fatalf("the -data file was not written: %v", err)
	}
}

func TestRun_rejectsBadFlags(t *testing.T) {
	t.Parallel()
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"-ak", "AK"}, "-ak and -sk must come in pairs: got 1 -ak and 0 -sk"},
		{[]string{"-fault", "rate503=2"}, "rate503 must be between 0 and 1"},
		{[]string{"-source-servers", "/nonexistent/file.json"}, "no such file"},
		{[]string{"-clock-speed", "-1"}, "ClockSpeed must not be negative"},
		{[]string{"extra"}, `unexpected arguments ["extra"]`},
		{[]string{"-api-model", "2024"}, `-api-model: API model must be one of seed, current, got "2024"`},
		{[]string{"-api-model", "seed", "-reject-seed-keys"}, "-reject-seed-keys needs -api-model current"},
	}
	for _, tc := range cases {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			t.Parallel()
			err := run(context.Background(), tc.args, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("run error = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// The current model with rejection: the startup line says so, and a PUT of a seed-only key
// is refused while one of PutTaskReq's keys is applied.
func TestRun_currentModelRejectingSeedKeys(t *testing.T) {
	t.Parallel()
	urlFile := filepath.Join(t.TempDir(), "url")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-url-file", urlFile, "-api-model", "current", "-reject-seed-keys"}, &stdout)
	}()
	var url string
	for deadline := time.Now().Add(10 * time.Second); url == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		data, _ := os.ReadFile(urlFile)
		url = strings.TrimSpace(string(data))
	}
	if got, want := stdout.String(), "sms-emulator listening on "+url+" (api model current, seed-only update keys rejected)\n"; got != want {
		t.Fatalf("stdout = %q, want %q", got, want)
	}
	call := func(method, path, body string) (int, string) {
		req, _ := http.NewRequest(method, url+path, strings.NewReader(body))
		req.Header.Set("X-Auth-Token", "emulator-token")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		data, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(data)
	}
	// No target_server name or vm_id: the current model accepts that with a vm_template_id.
	create := `{"name":"x","type":"MIGRATE_FILE","source_server":{"id":"2b1f4c3e-7a8d-4e21-9f6a-3c5d8e0a1b02"},` +
		`"target_server":{},"vm_template_id":"tpl-1","region_name":"r","region_id":"r","project_name":"p","project_id":"p"}`
	status, body := call(http.MethodPost, "/v3/tasks", create)
	if status != http.StatusOK {
		t.Fatalf("create = %d %s", status, body)
	}
	id := strings.TrimSuffix(strings.TrimPrefix(body, `{"id":"`), `"}`)
	if status, body := call(http.MethodPut, "/v3/tasks/"+id, `{"priority":2}`); status != http.StatusBadRequest ||
		!strings.Contains(body, `"error_code":"SMS.1011"`) {
		t.Fatalf("PUT priority = %d %s, want 400 SMS.1011", status, body)
	}
	if status, body := call(http.MethodGet, "/__emulator/health", ""); !strings.Contains(body, `"api_model":"current"`) {
		t.Fatalf("health = %d %s", status, body)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("run returned %v", err)
	}
}
