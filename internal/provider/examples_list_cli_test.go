package provider_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

// listedAccountConfig is what the listed account holds besides the emulator's registered
// sources: the full example's task (every nested object populated), a minimal task on
// the other source server, the template example and the projects example.
func listedAccountConfig(t *testing.T, env *acctest.AccEnv) string {
	t.Helper()
	full := regexp.MustCompile(`(?m)^provider "sms" \{\}\n`).ReplaceAllString(acctest.ReadExampleAsIs(t, "full/main.tf"), "")
	return env.ProviderBlock + full +
		acctest.ReadExampleAsIs(t, "resources/sms_server_template/resource.tf") +
		acctest.ReadExampleAsIs(t, "resources/sms_migration_project/resource.tf") + fmt.Sprintf(`
resource "sms_migration_task" "minimal" {
  name          = "win-file-01"
  type          = "MIGRATE_FILE"
  os_type       = "WINDOWS"
  source_server = { id = %q }
}
`, acctest.EmulatorWindowsSrc)
}

// TestAccExamples_listResources applies the list-resource examples: the user journey of
// `terraform query` (Terraform >= 1.14). It finds every task, template, migration project
// and source server by display name, the filtered example only its own; with
// -generate-config-out it writes an import block (by identity) and a configuration for
// each; `terraform apply` of that imports them all and changes nothing, and the plan after
// it is empty.
func TestAccExamples_listResources(t *testing.T) {
	acctest.SkipCLIBelow(t, "1.14.0")
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	t.Parallel()

	owner := acctest.NewDevOverrideWorkdir(t)
	owner.Write("main.tf", listedAccountConfig(t, env))
	owner.Run("apply", "-auto-approve")

	ctx := context.Background()
	projects, err := env.Client.ListMigprojects(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sources, err := env.Client.ListSourceServers(ctx, client.ListSourceServersFilter{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"sms_migration_task": 2, "sms_server_template": 1, "sms_migration_project": len(projects), "sms_source_server": len(sources)}
	if len(projects) < 2 || len(sources) < 3 {
		t.Fatalf("the account holds %d projects and %d sources, want at least 2 and 3", len(projects), len(sources))
	}

	var all strings.Builder
	for kind := range want {
		all.WriteString(acctest.ReadExampleAsIs(t, "list-resources/"+kind+"/list-resource.tfquery.hcl"))
	}
	filtered := acctest.ReadExampleAsIs(t, "list-resources/sms_migration_task/list-resource-with-filter.tfquery.hcl")

	finder := acctest.NewDevOverrideWorkdir(t)
	finder.Write("main.tf", env.ProviderBlock)
	finder.Write("all.tfquery.hcl", all.String()+filtered)
	out := finder.Run("query")
	for _, shown := range []string{
		"web-linux-01-block (web-linux-01)", "win-file-01 (", "web-target", "wave-1", "landing", "web-linux-01 (",
	} {
		if !strings.Contains(out, shown) {
			t.Errorf("terraform query lacks %q:\n%s", shown, out)
		}
	}
	for kind, n := range want {
		if got := strings.Count(out, "list."+kind+".all"); got != n {
			t.Errorf("terraform query listed %d %s, want %d:\n%s", got, kind, n, out)
		}
	}
	if n := strings.Count(out, "list.sms_migration_task.web_linux_01"); n != 1 {
		t.Errorf("the source_server_id filter listed %d tasks, want 1:\n%s", n, out)
	}

	// Without the filtered list: the same task found twice would be imported twice.
	finder.Write("all.tfquery.hcl", all.String())
	finder.Run("query", "-generate-config-out=generated.tf")
	generated, err := os.ReadFile(filepath.Join(finder.Dir(), "generated.tf"))
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for kind, n := range want {
		total += n
		if got := strings.Count(string(generated), `resource "`+kind+`"`); got != n {
			t.Errorf("generated.tf has %d %s, want %d", got, kind, n)
		}
	}
	if got := strings.Count(string(generated), "identity = {"); got != total {
		t.Errorf("generated.tf has %d import blocks by identity, want %d", got, total)
	}
	if t.Failed() {
		t.Fatalf("generated.tf:\n%s", generated)
	}

	putsBefore := len(env.Requests("PUT", "/v3/"))
	out = finder.Run("apply", "-auto-approve")
	if !strings.Contains(out, fmt.Sprintf("%d imported, 0 added, 0 changed, 0 destroyed", total)) {
		t.Errorf("applying the generated configuration did more than import %d:\n%s", total, out)
	}
	if out, err := finder.TryRun("plan", "-detailed-exitcode"); err != nil {
		t.Errorf("the plan after importing the generated configuration is not empty (%v):\n%s", err, out)
	}
	if puts := len(env.Requests("PUT", "/v3/")); puts != putsBefore {
		t.Errorf("importing the generated configuration sent %d updates", puts-putsBefore)
	}
}
