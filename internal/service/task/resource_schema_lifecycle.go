package task

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

// migrationTaskActions are the operations of POST /v3/tasks/{task_id}/action.
var migrationTaskActions = []string{"start", "stop", "restart", "test", "clone_test", "network_check", "clear", "skip", "migration_test"}

// migrationTaskClockPattern is a speed-limit window bound: "HH:MM", 00:00 to 23:59.
var migrationTaskClockPattern = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]$`)

// migrationTaskMaxWindowSpeed is the documented range of a window's speed, in Mbit/s.
const migrationTaskMaxWindowSpeed = 1000

// migrationTaskLifecycleAttributes drive the migration itself rather than describe the
// task: the action to run, whether to wait for it, and the speed-limit time windows.
// None of them is part of the task body; each has its own endpoint.
func migrationTaskLifecycleAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"action": schema.StringAttribute{
			MarkdownDescription: "An operation to run on the task (`POST /v3/tasks/{task_id}/action`) after it is created and " +
				"whenever this value changes; changing it never replaces the task, and removing it runs nothing. The apply then " +
				"waits, within the timeouts, for the state the operation leads to: `start` and `restart` until the task runs " +
				"(`RUNNING`), or with `wait_for_completion` until `MIGRATE_SUCCESS` or `SYNC_SUCCESS`; `stop` until `ABORT`; " +
				"`clone_test` until `clone_server.clone_state` is `FINISHED` (`ERROR` fails the apply); `test`, `network_check`, " +
				"`clear`, `skip` and `migration_test` have no state to wait for. A task that lands in `MIGRATE_FAIL`, `SYNC_FAIL` " +
				"or an unasked `ABORT` fails the apply with its `error_json` (a warning when the task was created in the same " +
				"apply, since Terraform would otherwise taint and replace it). An action SMS refused or that failed is not " +
				"recorded as done, so the next plan proposes it again; an action whose reply was lost is settled by reading " +
				"the task. One of `" + conns.JoinQuoted(migrationTaskActions) + "`. For CLIs without actions (Terraform before " +
				"1.14, OpenTofu); with Terraform 1.14 or later prefer the actions `sms_migration_task_<operation>`, which run " +
				"whenever invoked or triggered and fail the apply without tainting the task.",
			Optional:   true,
			Validators: []validator.String{stringvalidator.OneOf(migrationTaskActions...)},
		},
		"wait_for_completion": schema.BoolAttribute{
			MarkdownDescription: "When `action` is `start` or `restart`, wait until the migration ends in `MIGRATE_SUCCESS` or " +
				"`SYNC_SUCCESS`; `MIGRATE_FAIL`, `SYNC_FAIL` or `ABORT` fail the apply with the task's `error_json`. A wait that " +
				"runs out of time keeps the task (untainted, with its real status); while this stays `true` and the migration " +
				"runs, the next apply waits again without sending the action again. Progress " +
				"(current sub-task, percent, speed, remaining time) is logged at INFO while waiting (`TF_LOG=INFO`). " +
				"Bounded by `timeouts.create` / `timeouts.update`. Defaults to `false`.",
			Optional: true,
			Computed: true,
			Default:  booldefault.StaticBool(false),
		},
		"speed_limit_windows": schema.ListNestedAttribute{
			MarkdownDescription: "Time-window rate limits (`/v3/tasks/{task_id}/speed-limit`), set with one request whenever they " +
				"change and read back on refresh when configured and once after an import. An empty list or removing the " +
				"attribute clears them. Each window limits the migration to `speed` Mbit/s every day from `start` until `end`. " +
				"**Time zone:** the API documents none and the provider converts nothing; the times are sent as written. Write " +
				"them in the source server's local time, where the SMS Agent throttles the traffic, and check the first window " +
				"in the SMS console. **Outside every window** the task's `speed_limit` applies (`0` there means no limit). " +
				"**Rules checked at plan time**, where the API is silent and the provider takes the reading that cannot " +
				"surprise: a window ends after it starts on the same day, so one that would cross midnight (`18:00` to " +
				"`08:00`) is refused and must be written as two (`18:00`-`23:59` and `00:00`-`08:00`); windows must not " +
				"overlap, though one may start at the minute another ends; a window `speed` of `0` is refused, because the API " +
				"does not say whether it means no limit or no transfer (leave unlimited hours out of every window instead).",
			Optional:   true,
			Validators: []validator.List{listvalidator.SizeAtMost(conns.MigrationTaskMaxArrayLength), migrationTaskSpeedLimitWindowRules{}},
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"start": schema.StringAttribute{
					MarkdownDescription: "The window's start time, `HH:MM` (00:00 to 23:59), before `end`.",
					Required:            true,
					Validators:          []validator.String{stringvalidator.RegexMatches(migrationTaskClockPattern, "must be a time of day as HH:MM, 00:00 to 23:59")},
				},
				"end": schema.StringAttribute{
					MarkdownDescription: "The window's end time, `HH:MM` (00:00 to 23:59), after `start` on the same day: a window never crosses midnight.",
					Required:            true,
					Validators:          []validator.String{stringvalidator.RegexMatches(migrationTaskClockPattern, "must be a time of day as HH:MM, 00:00 to 23:59")},
				},
				"speed": schema.Int64Attribute{
					MarkdownDescription: "The rate limit inside the window, in Mbit/s, 1 to 1000 (`0` is refused: the API does not say whether it means no limit or no transfer).",
					Optional:            true,
					Validators:          []validator.Int64{int64validator.AtMost(migrationTaskMaxWindowSpeed)}, // below 1: speedLimitWindowsValidator, with its reason
				},
				"over_speed_threshold": schema.Float64Attribute{
					MarkdownDescription: "The overspeed threshold in percent: the task is stopped when the rate exceeds it. At least 0.",
					Optional:            true,
					Validators:          []validator.Float64{float64validator.AtLeast(0)},
				},
			}},
		},
	}
}
