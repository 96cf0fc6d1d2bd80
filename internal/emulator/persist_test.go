package emulator

import (
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestPersistence_survivesRestart(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	dataFile := filepath.Join(dir, "state.json")
	clock := NewManualClock(testEpoch)

	first := newTestEnv(t, Options{DataFile: dataFile, Clock: clock})
	id := first.createTask(createBody("web-01", linuxSourceID))
	first.do(http.MethodPut, "/v3/tasks/"+id, map[string]any{"name": "web-renamed", "target_server": map[string]any{
		"ip": "10.9.9.9", "os_type": "LINUX", "disks": []any{map[string]any{"name": "d1"}}}}).wantOK(t)
	first.do(http.MethodPost, "/v3/tasks/"+id+"/speed-limit", map[string]any{"speed_limit": []any{
		map[string]any{"start": "00:00", "end": "12:00", "speed": 10}}}).wantOK(t)
	first.action(id, "start").wantOK(t)
	gone := first.createTask(createBody("web-02", linuxSourceID))
	first.do(http.MethodDelete, "/v3/tasks/"+gone, nil).wantOK(t)
	clock.Advance(2 * time.Minute)
	want := first.task(id)

	second := newTestEnv(t, Options{DataFile: dataFile, Clock: clock})
	if diff := cmp.Diff(want, second.task(id)); diff != "" {
		t.Fatalf("task after restart (-before +after):\n%s", diff)
	}
	if n := second.e.TaskCount(); n != 1 {
		t.Fatalf("%d tasks after restart, want 1 (the deleted one stays deleted)", n)
	}
	second.do(http.MethodGet, "/v3/tasks/"+id+"/speed-limit", nil).wantOK(t)
	// The migration keeps running on the restored plan.
	clock.Advance(10 * time.Minute)
	if got := second.task(id)["state"]; got != stateMigrateSuccess {
		t.Fatalf("state after restart and 10 more minutes = %v, want MIGRATE_SUCCESS", got)
	}
	// Fresh IDs continue after the restored ones.
	other := second.createTask(createBody("web-03", linuxSourceID))
	second.do(http.MethodPut, "/v3/tasks/"+other, map[string]any{"target_server": map[string]any{
		"ip": "", "os_type": "LINUX", "disks": []any{map[string]any{"name": "d1"}}}}).wantOK(t)
	diskID := jsonAt(t, second.task(other), "target_server.disks.0.id")
	if diskID != float64(1000002) {
		t.Fatalf("a disk created after the restart got id %v, want 1000002", diskID)
	}

	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "state.json" {
		t.Fatalf("data directory holds %v, want only state.json (no temporary files left)", entries)
	}
}

func TestPersistence_badDataFile(t *testing.T) {
	t.Parallel()
	dataFile := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(dataFile, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Options{DataFile: dataFile}); err == nil {
		t.Fatal("New accepted a corrupt data file")
	}
}

func TestPersistence_failedSaveChangesNothing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	env := newTestEnv(t, Options{DataFile: filepath.Join(dir, "missing-dir", "state.json")})
	env.do(http.MethodPost, "/v3/tasks", createBody("web-01", linuxSourceID)).wantError(t, http.StatusInternalServerError, CodeInternal,
		"persisting the task")
	if n := env.e.TaskCount(); n != 0 {
		t.Fatalf("a create that could not be saved left %d tasks", n)
	}
}

func TestScaledClock_doesNotRunBackwardsAcrossRestart(t *testing.T) {
	t.Parallel()
	dataFile := filepath.Join(t.TempDir(), "state.json")
	first, err := New(Options{DataFile: dataFile, ClockSpeed: 600})
	if err != nil {
		t.Fatal(err)
	}
	first.Advance(24 * time.Hour)
	first.mu.Lock()
	if err := first.saveLocked(); err != nil {
		t.Fatal(err)
	}
	saved := first.st.SimNowMS
	first.mu.Unlock()

	second, err := New(Options{DataFile: dataFile, ClockSpeed: 600})
	if err != nil {
		t.Fatal(err)
	}
	if now := second.Now().UnixMilli(); now < saved {
		t.Fatalf("restarted clock reads %d, before the saved %d", now, saved)
	}
}
