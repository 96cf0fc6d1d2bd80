package task

import (
	"context"

	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

// migrationProgressReporterKey is the context key of the function a wait hands each poll
// of a moving task to, beside the INFO log line (logMigrationProgress).
type migrationProgressReporterKey struct{}

// withMigrationProgressReporter makes every wait under ctx report each poll of a moving
// task to report: how an action shows progress in the CLI while it waits.
func withMigrationProgressReporter(ctx context.Context, report func(*client.Task)) context.Context {
	return context.WithValue(ctx, migrationProgressReporterKey{}, report)
}

// reportMigrationProgress hands t to the reporter of ctx, if it has one.
func reportMigrationProgress(ctx context.Context, t *client.Task) {
	if report, ok := ctx.Value(migrationProgressReporterKey{}).(func(*client.Task)); ok {
		report(t)
	}
}

// migrationProgressMessage is one progress line for a task: its state and
// migrationProgressSummary (sub-task, percent, speed, remaining time, sub-tasks finished).
func migrationProgressMessage(t *client.Task) string {
	msg := "migration task " + deref(t.ID) + " is " + deref(t.State)
	if summary := migrationProgressSummary(t); summary != "" {
		msg += ": " + summary
	}
	return msg
}
