package task

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

// existingTaskSummary is the summary of the error that refuses a create because a task of
// the same name already exists for the same source server.
const existingTaskSummary = "An SMS migration task of this name already exists for this source server"

// addExistingTaskError turns a create refused by the client (client.ExistingTaskError:
// a task of the configured name for the same source server, in no Terraform state, e.g.
// left by an interrupted apply) into a diagnostic that says how to adopt it or to rename.
// It reports false when err is something else.
func addExistingTaskError(diags *diag.Diagnostics, err error) bool {
	var existing *client.ExistingTaskError
	if !errors.As(err, &existing) || len(existing.Tasks) == 0 {
		return false
	}
	var b strings.Builder
	fmt.Fprintf(&b, "No task was created: SMS already holds %d task(s) named %q for source server %s:\n\n",
		len(existing.Tasks), existing.Name, existing.SourceServerID)
	for _, t := range existing.Tasks {
		state := t.State
		if state == "" {
			state = "unknown"
		}
		fmt.Fprintf(&b, "  id: %s  state: %s\n", t.ID, state)
	}
	adopt := existing.Tasks[0].ID
	fmt.Fprintf(&b, "\nA task like this is usually left by an earlier apply that was interrupted after SMS "+
		"created the task (Ctrl-C, a timeout, a lost reply), so it is in no Terraform state. Creating "+
		"another would make two tasks of the same name for one source server, so the provider refuses.\n\n"+
		"To adopt it, import it (replace NAME by this resource's name in your configuration):\n\n"+
		"  terraform import sms_migration_task.NAME %s\n\n"+
		"or, with Terraform 1.5 or later, add this block and apply again:\n\n"+
		"  import {\n    to = sms_migration_task.NAME\n    id = %q\n  }\n\n"+
		"To keep it apart and create a new task, give this resource another name (a task's name "+
		"can be changed in place afterwards). Under create_before_destroy, a replacement of a task "+
		"needs a new name too.", adopt, adopt)
	diags.AddError(existingTaskSummary, b.String())
	return true
}
