package task

import (
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

// migrationTaskLookupLimits are the limits of the task IDs the data sources and the list
// resource look tasks up by, under each model: ShowTask's task_id and ListTasks' id and
// source_server_id are 1 to 36 characters today (sms-v3-task-constraints-today.md, "ListTasks
// query" and task_id), 1 to 255 in the seed. The schema holds the looser bound; a lookup
// checks the model's own before it sends anything.
var migrationTaskLookupLimits = map[string]migrationTaskLimitRow{
	"id": {path: "id", seed: chars(1, 255), current: chars(1, 36),
		doc: "task_id (UpdateTask, ShowTask); ListTasks query: id"},
	"source_server_id": {path: "source_server_id", seed: chars(1, 255), current: chars(1, 36),
		doc: "ListTasks query: source_server_id"},
}

// checkLookupLimits refuses the configured lookup values (by attribute name) that the
// endpoint's model does not take, before anything is sent. Before the provider is
// configured the model is not known, and nothing is checked.
func checkLookupLimits(model string, values map[string]attr.Value) diag.Diagnostics {
	var diags diag.Diagnostics
	if !slices.Contains(conns.APIModels, model) {
		return diags
	}
	for _, name := range conns.SortedKeys(values) { // one order for the diagnostics
		row, known := migrationTaskLookupLimits[name]
		if v := values[name]; known && v != nil && !v.IsUnknown() {
			addModelLimitError(&diags, path.Root(name), row, model, v)
		}
	}
	return diags
}
