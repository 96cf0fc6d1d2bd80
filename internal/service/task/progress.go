package task

import (
	"fmt"
	"strings"
	"time"

	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

// migrationProgressSummary says in one line how far a migration got, for the diagnostic
// that ends a long wait (a timeout or a failed migration): the sub-task in progress, its
// percent and speed, the remaining time when the API gives one, and how many sub-tasks
// finished. "" when the task has no sub-tasks yet.
func migrationProgressSummary(t *client.Task) string {
	if t == nil || len(t.SubTasks) == 0 {
		return ""
	}
	var current *client.SubTask
	finished := 0
	for i := range t.SubTasks {
		st := &t.SubTasks[i]
		switch {
		case st.EndDate != nil:
			finished++
		case st.StartDate != nil && current == nil:
			current = st
		}
	}
	total := len(t.SubTasks)
	if current == nil {
		if finished == total {
			return fmt.Sprintf("all %d sub-tasks finished", total)
		}
		return fmt.Sprintf("no sub-task started yet (%d of %d finished)", finished, total)
	}
	parts := []string{fmt.Sprintf("sub-task %s at %d%%", deref(current.Name), deref(current.Progress))}
	speed := deref(t.MigrateSpeed)
	if speed <= 0 {
		speed = deref(current.MigrateSpeed) // a failed task reports 0 overall; its sub-task keeps the last speed
	}
	if speed > 0 {
		parts = append(parts, fmt.Sprintf("%g Mbit/s", speed))
	}
	if remain := deref(t.RemainSeconds); remain > 0 {
		parts = append(parts, fmt.Sprintf("about %s remaining", time.Duration(remain)*time.Second))
	}
	return fmt.Sprintf("%s; %d of %d sub-tasks finished", strings.Join(parts, ", "), finished, total)
}

// withMigrationProgress appends the progress summary of t to msg, when there is one.
func withMigrationProgress(msg string, t *client.Task) string {
	if summary := migrationProgressSummary(t); summary != "" {
		return msg + " (progress: " + summary + ")"
	}
	return msg
}
