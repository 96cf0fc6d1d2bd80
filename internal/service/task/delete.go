package task

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

// deleteMigrationTask stops a running task, deletes it and waits until the API no longer
// knows it. A 404 at any point means the task is already gone, which is success.
func deleteMigrationTask(ctx context.Context, c *client.Client, id string) error {
	if err := stopMigrationTask(ctx, c, id); err != nil {
		if client.IsNotFound(err) {
			return nil
		}
		return fmt.Errorf("stopping the task before deleting it: %w", err)
	}
	if err := c.DeleteTask(ctx, id); err != nil && !client.IsNotFound(err) {
		return err
	}
	_, err := waitForTask(ctx, c, id, func(*client.Task) bool { return false })
	if client.IsNotFound(err) {
		return nil
	}
	return fmt.Errorf("waiting for the task to disappear: %w", err)
}

// stopMigrationTask returns once the task is in a state SMS lets a delete through. A stop
// whose outcome is unknown (its reply lost, a 5xx) is not an error: the task is read again
// and the stop sent again while it still runs.
func stopMigrationTask(ctx context.Context, c *client.Client, id string) error {
	wait := pollInterval.min
	for {
		task, err := c.ShowTask(ctx, id)
		if err != nil {
			return err
		}
		state := deref(task.State)
		if !slices.Contains(conns.TaskRunningStates, state) {
			return nil
		}
		if state == "RUNNING" || state == "SYNCING" {
			tflog.Info(ctx, "stopping running SMS migration task before deleting it", map[string]any{"id": id, "state": state})
			err := c.UpdateTaskStatus(ctx, id, client.TaskAction{Operation: "stop"})
			if err != nil && !client.IsOutcomeUnknown(err) {
				return err
			}
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("task %s is still in state %s: %w", id, state, ctx.Err())
		case <-time.After(wait):
		}
		wait = min(wait*2, pollInterval.max)
	}
}

// pollInterval bounds how long a wait sleeps between GETs: short at first, because the
// emulator and quick transitions settle in well under a second, then backing off.
var pollInterval = struct{ min, max time.Duration }{200 * time.Millisecond, 5 * time.Second}

// waitForTask polls ShowTask until done reports true, the context ends, or the API errs
// (a 404 included: callers that wait for a delete treat it as success).
func waitForTask(ctx context.Context, c *client.Client, id string, done func(*client.Task) bool) (*client.Task, error) {
	wait := pollInterval.min
	for {
		task, err := c.ShowTask(ctx, id)
		if err != nil {
			return nil, err
		}
		if done(task) {
			return task, nil
		}
		logMigrationProgress(ctx, task)
		select {
		case <-ctx.Done():
			return task, fmt.Errorf("%s: %w", withMigrationProgress(fmt.Sprintf("task %s is still in state %s", id, deref(task.State)), task), ctx.Err())
		case <-time.After(wait):
		}
		wait = min(wait*2, pollInterval.max)
	}
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
