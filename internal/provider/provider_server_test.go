package provider

import (
	"testing"
)

// TestFastPathServesTheTask fails when the fast path falls back to the framework for
// sms_migration_task (a schema or interface it cannot serve), or serves it when switched off.
func TestFastPathServesTheTask(t *testing.T) {
	t.Parallel()
	for _, fast := range []bool{true, false} {
		s, err := NewServer(ServerOptions{Version: "test", FastPath: fast})
		if err != nil {
			t.Fatal(err)
		}
		if got := ServedByFastPath(s); got != fast {
			t.Errorf("FastPath %v: sms_migration_task served by the fast path: %v", fast, got)
		}
	}
}

func TestFastPathEnabled(t *testing.T) {
	for value, want := range map[string]bool{"": true, "on": true, "off": false} {
		t.Setenv(envFastPath, value)
		if got := FastPathEnabled(); got != want {
			t.Errorf("%s=%q: FastPathEnabled() = %v, want %v", envFastPath, value, got, want)
		}
	}
}
