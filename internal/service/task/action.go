package task

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
	Detail                          string // replaces the generic message when set
	Progress                        string // migrationProgressSummary of the task as it ended
}

func (e *migrationTaskActionFailedError) Error() string {
	if e.Detail != "" {
		return e.Detail
	}
	msg := fmt.Sprintf("migration task %s ended in state %s after %q", e.ID, e.State, e.Operation)
	if e.ErrorJSON != "" {
		msg += "; error_json: " + e.ErrorJSON
	}
	if e.Progress != "" {
		msg += "; progress: " + e.Progress
	}
	return msg
}

// runMigrationTaskAction posts operation and waits, within ctx, for the state it leads to
// (see the action attribute's description). It returns the task as last read, also on
// failure, so the caller can record what the task became, and whether SMS took the
// action: a refused action was not taken; an action whose reply was lost is settled by
// reading the task, never by guessing.
func runMigrationTaskAction(ctx context.Context, c *client.Client, id, operation string, waitForCompletion bool) (*client.Task, bool, error) {
	tflog.Info(ctx, "running SMS migration task action", map[string]any{"id": id, "operation": operation})
	if err := c.UpdateTaskStatus(ctx, id, client.TaskAction{Operation: operation}); err != nil {
		if !client.IsOutcomeUnknown(err) {
			return nil, false, err
		}
		task, readErr := c.ShowTask(ctx, id)
		if readErr != nil {
			return nil, false, fmt.Errorf("%w; reading the task to learn whether SMS took %q failed too: %v", err, operation, readErr) //nolint:errorlint // one error in the chain: the action's
		}
		if !migrationTaskActionTookEffect(operation, task) {
			return task, false, fmt.Errorf("the reply to %q was lost and the task (state %s) shows no sign of it, so it counts as not done: %w", operation, deref(task.State), err)
		}
		tflog.Info(ctx, "the reply to the action was lost, but the task shows it was taken", map[string]any{"id": id, "operation": operation, "state": deref(task.State)})
	}
	task, err := waitForMigrationTaskAction(ctx, c, id, operation, waitForCompletion)
	return task, true, err
}

// migrationTaskActionFrom lists the states start and restart lead out of.
func migrationTaskActionFrom(operation string) []string {
	from := []string{"READY", "ABORT"}
	if operation == "restart" {
		from = append(from, migrationTaskFailedStates...)
	}
	return from
}

// migrationTaskActionTookEffect says whether task, read after an action whose reply was
// lost, shows that SMS took it. Only start, restart and stop leave a trace that proves it.
func migrationTaskActionTookEffect(operation string, task *client.Task) bool {
	state := deref(task.State)
	switch operation {
	case "start", "restart":
		return !slices.Contains(migrationTaskActionFrom(operation), state)
	case "stop":
		return state == "ABORTING" || state == "ABORT"
	}
	return false
}

// waitForMigrationTaskAction waits for the state an operation SMS took leads to. It is
// also how a later apply resumes a wait that ran out of time: nothing is sent again.
func waitForMigrationTaskAction(ctx context.Context, c *client.Client, id, operation string, waitForCompletion bool) (*client.Task, error) {
	failed := func(t *client.Task) error {
		return &migrationTaskActionFailedError{ID: id, Operation: operation, State: deref(t.State), ErrorJSON: deref(t.ErrorJSON),
			Progress: migrationProgressSummary(t)}
	}
	switch operation {
	case "start", "restart":
		// First the task must leave where it was; then, if asked, finish.
		from := migrationTaskActionFrom(operation)
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
			return task, &migrationTaskActionFailedError{ID: id, Operation: operation, State: deref(task.State), Detail: msg}
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
// migration advancing while an apply waits for it, and to the context's progress reporter
// (an action's progress messages).
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
	reportMigrationProgress(ctx, t)
}
