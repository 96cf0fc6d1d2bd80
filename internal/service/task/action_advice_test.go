package task

import (
	"strings"
	"testing"
)

// A failed migration's diagnostic advises restart only in a state SMS restarts from, and
// the create's warning shows the postcondition that fails the apply without a taint.
func TestMigrationFailedAdvice(t *testing.T) {
	t.Parallel()
	restart := `To retry the migration, set action = "restart" (SMS restarts a task in state MIGRATE_FAIL).`
	noRestart := `SMS restarts a task only in state ABORT, MIGRATE_FAIL, SYNC_FAIL, not RESETING: read error_json, and wait for the task to settle before setting action = "restart".`
	postcondition := `condition     = !contains(["MIGRATE_FAIL", "SYNC_FAIL"], self.state)`
	cases := []struct {
		state       string
		creating    bool
		want, never []string
	}{
		{"MIGRATE_FAIL", true, []string{restart, "This is a warning, and the apply succeeds", postcondition}, []string{noRestart}},
		{"MIGRATE_FAIL", false, []string{restart}, []string{postcondition}},
		{"RESETING", false, []string{noRestart}, []string{restart}},
	}
	for _, tc := range cases {
		got := migrationFailedAdvice(tc.state, tc.creating)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s (creating %v): advice lacks %q:\n%s", tc.state, tc.creating, w, got)
			}
		}
		for _, n := range tc.never {
			if strings.Contains(got, n) {
				t.Errorf("%s (creating %v): advice has %q:\n%s", tc.state, tc.creating, n, got)
			}
		}
	}
}
