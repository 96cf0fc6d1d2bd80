package task

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

// privateKeyPendingAction holds, in the resource's private state, the action value a
// create could not record as done. Terraform requires a create's state to match its plan
// unless the create fails, and a failed create taints the task (the next apply would
// replace it); so a create records the planned action and this key, and the next refresh
// puts the prior value (none) back, which makes the next plan propose the action again.
const privateKeyPendingAction = "pending_action"

// pendingAction is the JSON held under privateKeyPendingAction.
type pendingAction struct {
	Prior *string `json:"prior"`
}

// privateStateSetter is the part of the framework's private state a create or read writes.
type privateStateSetter interface {
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// migrationTaskActionRun is what one apply did about the action.
type migrationTaskActionRun struct {
	task *client.Task
	// done says whether the planned action may be recorded as done; when false the
	// prior action is what state must hold, so the next plan proposes the action again.
	done bool
}

// actionDiagnostics reports action outcomes as errors, or as warnings during a create:
// any error returned by a create taints the task, and a tainted task is replaced (so a
// live migration would be destroyed) by the next apply.
type actionDiagnostics struct {
	diags    *diag.Diagnostics
	creating bool
}

func (a actionDiagnostics) add(summary, detail string) {
	if a.creating {
		a.diags.AddAttributeWarning(path.Root("action"), summary, detail)
		return
	}
	a.diags.AddAttributeError(path.Root("action"), summary, detail)
}

// runAction runs the planned action, or with resume only waits again for a migration an
// earlier apply started, and reports the outcome. It returns the task as last read (last
// when it could not be read at all).
func (r *migrationTaskResource) runAction(ctx context.Context, id string, plan migrationTaskResourceModel, resume bool, last *client.Task, out actionDiagnostics) migrationTaskActionRun {
	operation := plan.Action.ValueString()
	wait := plan.WaitForCompletion.ValueBool()
	var (
		task     *client.Task
		accepted = true
		err      error
	)
	if resume {
		tflog.Info(ctx, "resuming the wait for a running SMS migration; nothing is sent to the task", map[string]any{"id": id, "operation": operation})
		task, err = waitForMigrationTaskAction(ctx, r.client, id, operation, wait)
	} else {
		task, accepted, err = runMigrationTaskAction(ctx, r.client, id, operation, wait)
	}
	if task == nil {
		task = last
	}
	if err == nil {
		return migrationTaskActionRun{task: task, done: true}
	}

	var failed *migrationTaskActionFailedError
	switch {
	case !accepted:
		out.add(fmt.Sprintf("SMS did not take action %q", operation), apiErrorDetail(err)+
			"\n\nThe action is not recorded as done: the next plan proposes it again.")
		return migrationTaskActionRun{task: task, done: false}
	case errors.As(err, &failed):
		out.add("SMS migration task failed", err.Error()+"\n\n"+migrationFailedAdvice(failed.State, out.creating))
		return migrationTaskActionRun{task: task, done: false}
	}

	// SMS took the action but the wait did not end: read what the task is doing now with
	// a fresh context, since the apply's own may be the one that ran out.
	readCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
	defer cancel()
	if now, readErr := r.client.ShowTask(readCtx, id); readErr == nil {
		task = now
	}
	state := ""
	if task != nil {
		state = deref(task.State)
	}
	if errors.Is(err, context.DeadlineExceeded) {
		out.add("SMS migration still running", fmt.Sprintf(
			"The wait for action %q on migration task %s ran out of time; the task is in state %s and SMS goes on "+
				"migrating. The task stays in state (not tainted, nothing is deleted).\n\n"+
				"To keep waiting, run terraform apply again: while wait_for_completion is true and the migration runs, "+
				"the apply waits for it without sending the action again. Or raise timeouts, or set "+
				"wait_for_completion = false to stop waiting.", operation, id, withMigrationProgress(state, task)))
		return migrationTaskActionRun{task: task, done: true}
	}
	out.add(fmt.Sprintf("Error waiting for action %q on SMS migration task", operation), apiErrorDetail(err)+
		fmt.Sprintf("\n\nSMS took the action; the task is in state %s. The next apply reads it again.", state))
	return migrationTaskActionRun{task: task, done: true}
}

// migrationTaskWaitPending says whether an apply should go on waiting for a migration an
// earlier apply started: the action that starts it is unchanged, wait_for_completion is
// on, and the task still moves.
func migrationTaskWaitPending(action, priorAction types.String, wait types.Bool, priorState types.String) bool {
	op := action.ValueString()
	return (op == "start" || op == "restart") && action.Equal(priorAction) && wait.ValueBool() &&
		slices.Contains(migrationTaskMovingStates, priorState.ValueString())
}

// recordPendingAction keeps, in private state, the prior action value for the next refresh.
func recordPendingAction(ctx context.Context, private privateStateSetter, prior types.String) diag.Diagnostics {
	b, err := json.Marshal(pendingAction{Prior: prior.ValueStringPointer()})
	if err != nil {
		var diags diag.Diagnostics
		diags.AddError("Internal error recording the pending action", err.Error())
		return diags
	}
	return private.SetKey(ctx, privateKeyPendingAction, b)
}

// apiErrorDetail is the detail addAPIError would write for err.
func apiErrorDetail(err error) string {
	var d diag.Diagnostics
	conns.AddAPIError(&d, "", err)
	return d[0].Detail()
}

// migrationTaskPrivateKeys are every key the task resource keeps in private state: the
// fast path writes back these (and those it read).
var MigrationTaskPrivateKeys = []string{privateKeyImported, PrivateKeyImportedWindows, privateKeyPendingAction}

// migrationTaskRestartableStates are the states SMS takes restart in: a stopped or failed
// task (the API documents no transition table; this follows its state descriptions, as
// the emulator does).
var migrationTaskRestartableStates = []string{"ABORT", "MIGRATE_FAIL", "SYNC_FAIL"}

// migrationFailedAdvice is what a failed migration's diagnostic says to do: restart only
// where SMS allows it, and, for the create's warning, how to make the apply fail anyway.
func migrationFailedAdvice(state string, creating bool) string {
	advice := "The task stays in state with its real status (not tainted, nothing is deleted). The action is not " +
		"recorded as done, so the next plan proposes it again. "
	if slices.Contains(migrationTaskRestartableStates, state) {
		advice += fmt.Sprintf("To retry the migration, set action = \"restart\" (SMS restarts a task in state %s). ", state)
	} else {
		advice += fmt.Sprintf("SMS restarts a task only in state %s, not %s: read error_json, and wait for the task to "+
			"settle before setting action = \"restart\". ", strings.Join(migrationTaskRestartableStates, ", "), state)
	}
	advice += "Replacing the task is your explicit choice (terraform apply -replace)."
	if creating {
		advice += "\n\nThis is a warning, and the apply succeeds, because an error in the apply that creates a task " +
			"taints it and the next apply would replace it. To make the apply (and a CI pipeline) fail without " +
			"that, add a postcondition, which does not taint the task:\n\n" +
			"  lifecycle {\n    postcondition {\n      condition     = !contains([\"MIGRATE_FAIL\", \"SYNC_FAIL\"], self.state)\n" +
			"      error_message = \"The migration failed (state ${self.state}).\"\n    }\n  }"
	}
	return advice
}
