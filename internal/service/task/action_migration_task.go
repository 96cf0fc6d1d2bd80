package task

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	aschema "github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

// defaultActionTimeout bounds an action's wait when its configuration sets no timeout: the
// resource's own default (defaultCreateTimeout), so either way of starting a migration
// waits as long.
const defaultActionTimeout = defaultCreateTimeout

// migrationTaskOperationAction describes the action of one operation of
// POST /v3/tasks/{task_id}/action: sms_migration_task_<operation>.
type migrationTaskOperationAction struct {
	operation string
	// waitsFor is what the action waits for after SMS takes the operation ("" for nothing),
	// for its description; a timeout attribute bounds the wait.
	waitsFor string
	// canWaitForCompletion: start and restart may go on waiting until the migration ends.
	canWaitForCompletion bool
	summary              string
}

// migrationTaskOperationActions are the actions, one per operation in migrationTaskActions
// (the resource's action attribute), in that order.
var migrationTaskOperationActions = []migrationTaskOperationAction{
	{operation: "start", canWaitForCompletion: true, waitsFor: "until the task leaves `READY` or `ABORT` (it runs), or with `wait = true` until the migration ends",
		summary: "Starts the migration of an SMS migration task."},
	{operation: "stop", waitsFor: "until the task stops moving (`ABORT`)",
		summary: "Stops (pauses) a running SMS migration task."},
	{operation: "restart", canWaitForCompletion: true, waitsFor: "until the task leaves `READY`, `ABORT`, `MIGRATE_FAIL` or `SYNC_FAIL` (it runs), or with `wait = true` until the migration ends",
		summary: "Restarts the migration of an SMS migration task, e.g. after it failed."},
	{operation: "test", summary: "Runs the `test` operation on an SMS migration task (the API documents it only as \"Test\"; see the cut-over guide)."},
	{operation: "clone_test", waitsFor: "until `clone_server.clone_state` is `FINISHED` (`ERROR` fails the action)",
		summary: "Clones the target server of an SMS migration task for a test."},
	{operation: "network_check", summary: "Runs a network check on an SMS migration task."},
	{operation: "clear", summary: "Cleans up the snapshot resources of an SMS migration task (the API does not say which snapshots; see the cut-over guide)."},
	{operation: "skip", summary: "Skips the consistency-check subtask of an SMS migration task."},
	{operation: "migration_test", summary: "Runs a migration drill on an SMS migration task."},
}

// NewMigrationTaskActions are the action constructors the provider registers.
func NewMigrationTaskActions() []func() action.Action {
	actions := make([]func() action.Action, 0, len(migrationTaskOperationActions))
	for _, spec := range migrationTaskOperationActions {
		actions = append(actions, func() action.Action { return &migrationTaskAction{spec: spec} })
	}
	return actions
}

var (
	_ action.ActionWithConfigure = &migrationTaskAction{}
)

// migrationTaskAction runs one operation on a task. It changes nothing in any resource's
// state: a failure fails the apply, and sms_migration_task is neither tainted nor replaced.
type migrationTaskAction struct {
	spec   migrationTaskOperationAction
	client *client.Client
}

func (a *migrationTaskAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_migration_task_" + a.spec.operation
}

func (a *migrationTaskAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	s := a.spec
	description := s.summary + " Sends `{\"operation\": \"" + s.operation + "\"}` to `POST /v3/tasks/{task_id}/action`"
	if s.waitsFor != "" {
		description += " and waits " + s.waitsFor
	}
	description += ". A refused operation fails with the API's error (status, `error_code`, `error_msg`, request id)"
	if s.waitsFor != "" {
		description += "; a task that ends in `MIGRATE_FAIL`, `SYNC_FAIL` or an unasked `ABORT` fails with its `error_json`"
	}
	description += ". The action never changes the `sms_migration_task` resource: it is not tainted or replaced when " +
		"the action fails. Needs Terraform 1.14 or later; on older CLIs and on OpenTofu use the resource's `action` " +
		"attribute instead."
	attributes := map[string]aschema.Attribute{
		"task_id": aschema.StringAttribute{MarkdownDescription: migrationTaskIDArgument.description, Required: true, Validators: migrationTaskIDArgument.validators},
	}
	if s.waitsFor != "" {
		attributes["timeout"] = aschema.StringAttribute{
			MarkdownDescription: "How long to wait: a [duration](https://pkg.go.dev/time#ParseDuration) such as \"30s\", " +
				"\"10m\" or \"2h\". Defaults to `" + fmt.Sprintf("%dm", int(defaultActionTimeout.Minutes())) + "`. A wait that runs out of time fails " +
				"the action with the task's progress; the task goes on as SMS runs it.",
			Optional:   true,
			Validators: []validator.String{durationValidator{}},
		}
	}
	if s.canWaitForCompletion {
		attributes["wait"] = aschema.BoolAttribute{
			MarkdownDescription: "Wait until the migration ends in `MIGRATE_SUCCESS` or `SYNC_SUCCESS`, sending its progress " +
				"(sub-task, percent, speed, remaining time) to the CLI at every poll; `MIGRATE_FAIL`, `SYNC_FAIL` or `ABORT` " +
				"fail the action with the task's `error_json`. Defaults to `false`: the action ends once the task runs.",
			Optional: true,
		}
	}
	resp.Schema = aschema.Schema{MarkdownDescription: description, Attributes: attributes}
}

func (a *migrationTaskAction) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	if data := conns.ConfiguredProviderData(req.ProviderData, &resp.Diagnostics); data != nil {
		a.client = data.Client
	}
}

func (a *migrationTaskAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	s := a.spec
	var (
		taskID  types.String
		timeout = types.StringNull()
		wait    = types.BoolNull()
	)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("task_id"), &taskID)...)
	if s.waitsFor != "" {
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("timeout"), &timeout)...)
	}
	if s.canWaitForCompletion {
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("wait"), &wait)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	limit := defaultActionTimeout
	if !timeout.IsNull() {
		limit, _ = time.ParseDuration(timeout.ValueString()) // durationValidator checked it
	}
	id := taskID.ValueString()

	progress := func(msg string) {
		if resp.SendProgress != nil {
			resp.SendProgress(action.InvokeProgressEvent{Message: msg})
		}
	}
	last := ""
	ctx = withMigrationProgressReporter(ctx, func(t *client.Task) {
		if msg := migrationProgressMessage(t); msg != last { // one line per change, not per poll
			last = msg
			progress(msg)
		}
	})
	waitCtx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()

	progress(fmt.Sprintf("sending %q to migration task %s", s.operation, id))
	task, accepted, err := runMigrationTaskAction(waitCtx, a.client, id, s.operation, wait.ValueBool())
	if err == nil {
		if task != nil {
			progress(fmt.Sprintf("%q done; %s", s.operation, migrationProgressMessage(task)))
		}
		return
	}
	addMigrationTaskActionError(&resp.Diagnostics, s.operation, id, task, accepted, err)
}

// addMigrationTaskActionError reports why an action failed, as the resource's action
// attribute does (runAction), but as an error always: an action has no state to protect.
func addMigrationTaskActionError(diags interface{ AddError(string, string) }, operation, id string, task *client.Task, accepted bool, err error) {
	unchanged := "\n\nThe sms_migration_task resource is unchanged: an action neither taints nor replaces it."
	var failed *migrationTaskActionFailedError
	switch {
	case !accepted:
		diags.AddError(fmt.Sprintf("SMS did not take action %q", operation), apiErrorDetail(err)+unchanged)
	case errors.As(err, &failed):
		hint := ""
		if operation == "start" || operation == "restart" {
			hint = " Run action sms_migration_task_restart to retry the migration."
		}
		diags.AddError("SMS migration task failed", err.Error()+unchanged+hint)
	case errors.Is(err, context.DeadlineExceeded):
		state := ""
		if task != nil {
			state = deref(task.State)
		}
		diags.AddError("SMS migration still running", fmt.Sprintf(
			"The wait for action %q on migration task %s ran out of time (%v); SMS took the action and goes on with the task "+
				"(last seen in state %s). Raise timeout to wait longer.", operation, id, err, withMigrationProgress(state, task))+unchanged)
	default:
		diags.AddError(fmt.Sprintf("Error waiting for action %q on SMS migration task", operation),
			apiErrorDetail(err)+"\n\nSMS took the action."+unchanged)
	}
}

// durationValidator accepts a Go duration (time.ParseDuration) greater than zero.
type durationValidator struct{}

func (durationValidator) Description(context.Context) string {
	return "must be a duration such as 30s, 10m or 2h"
}

func (v durationValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (durationValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	d, err := time.ParseDuration(req.ConfigValue.ValueString())
	if err != nil || d <= 0 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid duration",
			fmt.Sprintf("%q is not a positive duration such as \"30s\", \"10m\" or \"2h\".", req.ConfigValue.ValueString()))
	}
}
