package task_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
)

// The listed account: the full example's task (every nested object populated), a
// minimal task on the other source server, and the template example.
func listedAccountConfig(t *testing.T, env *acctest.AccEnv) string {
	t.Helper()
	full := regexp.MustCompile(`(?m)^provider "sms" \{\}\n`).ReplaceAllString(acctest.ReadExample(t, "full/main.tf"), "")
	template := acctest.ReadExample(t, "resources/sms_server_template/resource.tf")
	full = strings.Replace(full, acctest.TestAccRequiredProviders, "", 1)
	template = strings.Replace(template, acctest.TestAccRequiredProviders, "", 1)
	return env.ProviderBlock + full + template + fmt.Sprintf(`
resource "sms_migration_task" "minimal" {
  name          = "win-file-01"
  type          = "MIGRATE_FILE"
  os_type       = "WINDOWS"
  source_server = { id = %q }
}
`, acctest.EmulatorWindowsSrc)
}

// TestAccMigrationTaskList_generateConfig is the list resources' user journey (Terraform
// ≥ 1.14): `terraform query` finds every task and template by display name;
// -generate-config-out writes an import block (by identity) and a configuration for each;
// `terraform apply` of that imports them all and changes nothing, and the plan after it
// is empty.
func TestAccMigrationTaskList_generateConfig(t *testing.T) {
	acctest.SkipCLIBelow(t, "1.14.0")
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	t.Parallel()

	owner := acctest.NewDevOverrideWorkdir(t)
	owner.Write("main.tf", listedAccountConfig(t, env))
	owner.Run("apply", "-auto-approve")

	finder := acctest.NewDevOverrideWorkdir(t)
	finder.Write("main.tf", env.ProviderBlock)
	taskLists := acctest.ReadExampleAsIs(t, "list-resources/sms_migration_task/list-resource.tfquery.hcl")
	filtered := acctest.ReadExampleAsIs(t, "list-resources/sms_migration_task/list-resource-with-filter.tfquery.hcl")
	templateLists := acctest.ReadExampleAsIs(t, "list-resources/sms_server_template/list-resource.tfquery.hcl")
	finder.Write("all.tfquery.hcl", taskLists+filtered+templateLists)
	out := finder.Run("query")
	for _, want := range []string{
		"list.sms_migration_task.all", "web-linux-01-block (web-linux-01)", "win-file-01 (",
		"list.sms_server_template.all", "web-target",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("terraform query lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "list.sms_migration_task.web_linux_01"); n != 1 {
		t.Errorf("the source_server_id filter listed %d tasks, want 1:\n%s", n, out)
	}

	// Without the filtered list: the same task found twice would be imported twice.
	finder.Write("all.tfquery.hcl", taskLists+templateLists)
	finder.Run("query", "-generate-config-out=generated.tf")
	generated, err := os.ReadFile(filepath.Join(finder.Dir(), "generated.tf"))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("generated.tf:\n%s", generated)
	for want, n := range map[string]int{`resource "sms_migration_task"`: 2, `resource "sms_server_template"`: 1, "import {": 3, "identity = {": 3} {
		if got := strings.Count(string(generated), want); got != n {
			t.Errorf("generated.tf has %d %q, want %d", got, want, n)
		}
	}

	putsBefore := len(env.Requests("PUT", "/v3/tasks/"))
	out = finder.Run("apply", "-auto-approve")
	if !strings.Contains(out, "3 imported, 0 added, 0 changed, 0 destroyed") {
		t.Errorf("applying the generated configuration did more than import:\n%s", out)
	}
	out, err = finder.TryRun("plan", "-detailed-exitcode")
	if err != nil {
		t.Errorf("the plan after importing the generated configuration is not empty (%v):\n%s", err, out)
	}
	if puts := len(env.Requests("PUT", "/v3/tasks/")); puts != putsBefore {
		t.Errorf("importing the generated configuration sent %d task updates", puts-putsBefore)
	}
}
