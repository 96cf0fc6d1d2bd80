package task

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

// migrationTaskConfigKeys are the config_key values of the task's advanced settings
// (/v3/tasks/{task_id}/configuration-setting).
var migrationTaskConfigKeys = []string{"MIGRATE_EXCLUDE_DIR", "SYNC_EXCLUDE_DIR", "ONLY_SYNC_DIR", "CONSISTENCY_DIR",
	"CONSISTENCY_DIR_ILLEGAL", "LINUX_BLOCK_COMPRESS_THREAD_NUM", "LINUX_BLOCK_CACHE_SIZE", "MIGRATE_DST_IP",
	"LINUX_CPU_LIMIT", "LINUX_MEM_LIMIT", "LINUX_IO_LIMIT", "NUM_PROCESS_MIGRATE", "NUM_PROCESS_SYNC",
	"CONSISTENCY_RECHECK", "CONSISTENCY_MODE", "DYNAMIC_PORT"}

func migrationTaskConfigurationsAttribute() schema.Attribute {
	return schema.SetNestedAttribute{
		MarkdownDescription: "The task's advanced settings, read by its Agent (`/v3/tasks/{task_id}/configuration-setting`): " +
			"directories to exclude or to sync only, Agent CPU, memory and I/O limits, process counts, and so on. Written " +
			"with one request after the task is created and whenever they change (the whole set replaces the task's " +
			"settings), and read back on refresh only when configured, so a task without them costs no second request. " +
			"An empty set or removing the attribute clears them. Not read by an import.",
		Optional: true,
		Validators: []validator.Set{
			setvalidator.SizeAtMost(len(migrationTaskConfigKeys)),
			uniqueConfigKeysValidator{},
		},
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"config_key": schema.StringAttribute{
				MarkdownDescription: "The setting, one of `" + conns.JoinQuoted(migrationTaskConfigKeys) + "`. Each key at most once.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.OneOf(migrationTaskConfigKeys...)},
			},
			"config_value": schema.StringAttribute{
				MarkdownDescription: "The setting's value as the Agent reads it, e.g. `/tmp,/var/cache` for `MIGRATE_EXCLUDE_DIR` " +
					"or `50` for `LINUX_CPU_LIMIT`.",
				Required: true,
			},
		}},
	}
}

// uniqueConfigKeysValidator: the set is keyed by config_key; two values for one key
// would leave the Agent to pick one.
type uniqueConfigKeysValidator struct{}

func (uniqueConfigKeysValidator) Description(_ context.Context) string {
	return "each config_key may appear at most once"
}

func (v uniqueConfigKeysValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (uniqueConfigKeysValidator) ValidateSet(_ context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	seen := map[string]bool{}
	for _, e := range req.ConfigValue.Elements() {
		obj, ok := e.(types.Object)
		if !ok || obj.IsUnknown() {
			continue
		}
		key, ok := obj.Attributes()["config_key"].(types.String)
		if !ok || key.IsNull() || key.IsUnknown() {
			continue
		}
		if seen[key.ValueString()] {
			resp.Diagnostics.AddAttributeError(req.Path, "Duplicate config_key in "+req.Path.String(),
				fmt.Sprintf("Attribute %s sets config_key %s more than once; each key may appear at most once.", req.Path, key.ValueString()))
			return
		}
		seen[key.ValueString()] = true
	}
}

// expandMigrationTaskConfigurations: null (the attribute removed) and an empty set both
// mean "no settings".
func expandMigrationTaskConfigurations(_ context.Context, s types.Set) ([]client.TaskConfiguration, diag.Diagnostics) {
	out, _, diags := expandWire[[]client.TaskConfiguration](s)
	if out == nil {
		out = []client.TaskConfiguration{}
	}
	return out, diags
}

// readMigrationTaskConfigurations reads the settings back; a task with none reads as an
// empty set.
func readMigrationTaskConfigurations(ctx context.Context, c *client.Client, id string) (types.Set, error) {
	elemType := migrationTaskElemObjectType("configurations")
	configs, err := c.ShowTaskConfigurations(ctx, id)
	if err != nil {
		return types.SetNull(elemType), err
	}
	if configs == nil {
		configs = []client.TaskConfiguration{}
	}
	v, diags := flattenWire("configurations", configs)
	s, ok := v.(types.Set)
	if diags.HasError() || !ok {
		return types.SetNull(elemType), errors.New("unexpected configurations in the API response")
	}
	return s, nil
}

// setConfigurations replaces the task's settings with the planned ones (none when null).
func (r *migrationTaskResource) setConfigurations(ctx context.Context, id string, configs types.Set, diags *diag.Diagnostics) {
	body, d := expandMigrationTaskConfigurations(ctx, configs)
	diags.Append(d...)
	if d.HasError() {
		return
	}
	if err := r.client.UpdateTaskConfigurations(ctx, id, body); err != nil {
		conns.AddAPIError(diags, "Error setting the SMS migration task's configurations", err)
	}
}
