package provider

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

// Task states the action waits distinguish.
var (
	migrationTaskSuccessStates = []string{"MIGRATE_SUCCESS", "SYNC_SUCCESS"}
	migrationTaskFailedStates  = []string{"MIGRATE_FAIL", "SYNC_FAIL"}
	migrationTaskMovingStates  = []string{"RUNNING", "SYNCING", "ABORTING"}
)

// migrationTaskActionFailedError is a task that ended somewhere the action did not lead:
// the user needs the state and the API's own error_json to know why.
type migrationTaskActionFailedError struct {
	ID, Operation, State, ErrorJSON string
}

func (e *migrationTaskActionFailedError) Error() string {
	msg := fmt.Sprintf("migration task %s ended in state %s after %q", e.ID, e.State, e.Operation)
	if e.ErrorJSON != "" {
		msg += "; error_json: " + e.ErrorJSON
	}
	return msg
}

// runMigrationTaskAction posts operation and waits, within ctx, for the state it leads to
// (see the action attribute's description). It returns the task as last read, also on
// failure, so the caller can record what the task became.
func runMigrationTaskAction(ctx context.Context, c *client.Client, id, operation string, waitForCompletion bool) (*client.Task, error) {
	tflog.Info(ctx, "running SMS migration task action", map[string]any{"id": id, "operation": operation})
	if err := c.UpdateTaskStatus(ctx, id, client.TaskAction{Operation: operation}); err != nil {
		return nil, err
	}
	failed := func(t *client.Task) error {
		return &migrationTaskActionFailedError{ID: id, Operation: operation, State: deref(t.State), ErrorJSON: deref(t.ErrorJSON)}
	}
	switch operation {
	case "start", "restart":
		// First the task must leave where it was; then, if asked, finish.
		from := []string{"READY", "ABORT"}
		if operation == "restart" {
			from = append(from, migrationTaskFailedStates...)
		}
		task, err := waitForTask(ctx, c, id, func(t *client.Task) bool { return !slices.Contains(from, deref(t.State)) })
		if err != nil {
			return task, err
		}
		if waitForCompletion {
			task, err = waitForTask(ctx, c, id, func(t *client.Task) bool { return !slices.Contains(migrationTaskMovingStates, deref(t.State)) })
			if err != nil {
				return task, err
			}
			if !slices.Contains(migrationTaskSuccessStates, deref(task.State)) {
				return task, failed(task)
			}
		}
		if slices.Contains(migrationTaskFailedStates, deref(task.State)) || deref(task.State) == "ABORT" {
			return task, failed(task)
		}
		return task, nil
	case "stop":
		return waitForTask(ctx, c, id, func(t *client.Task) bool { return !slices.Contains(migrationTaskMovingStates, deref(t.State)) })
	case "clone_test":
		task, err := waitForTask(ctx, c, id, func(t *client.Task) bool {
			state := cloneState(t)
			return state == "FINISHED" || state == "ERROR"
		})
		if err == nil && cloneState(task) == "ERROR" {
			msg := fmt.Sprintf("clone of migration task %s failed", id)
			if t := task.CloneServer; t != nil {
				msg += fmt.Sprintf(": clone_error %q, error_msg %q", deref(t.CloneError), deref(t.ErrorMsg))
			}
			return task, fmt.Errorf("%s", msg)
		}
		return task, err
	default:
		// Accepted operations with no state of their own to wait for.
		return c.ShowTask(ctx, id)
	}
}

func cloneState(t *client.Task) string {
	if t == nil || t.CloneServer == nil {
		return ""
	}
	return deref(t.CloneServer.CloneState)
}

// logMigrationProgress reports a moving task's progress at INFO, so TF_LOG=INFO shows the
// migration advancing while an apply waits for it.
func logMigrationProgress(ctx context.Context, t *client.Task) {
	state := deref(t.State)
	if !slices.Contains(migrationTaskMovingStates, state) {
		return
	}
	fields := map[string]any{
		"id":             deref(t.ID),
		"state":          state,
		"migrate_speed":  deref(t.MigrateSpeed),
		"remain_seconds": deref(t.RemainSeconds),
	}
	for _, st := range t.SubTasks {
		if st.StartDate != nil && st.EndDate == nil {
			fields["sub_task"] = deref(st.Name)
			fields["progress_percent"] = deref(st.Progress)
			break
		}
	}
	tflog.Info(ctx, "SMS migration in progress", fields)
}
