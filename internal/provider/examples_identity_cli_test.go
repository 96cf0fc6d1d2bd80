package provider_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
)

// importBlock is an example's import block, which the owner of the resource leaves out.
var importBlock = regexp.MustCompile(`(?s)import \{.*?\n\}\n`)

// identityPlaceholder is the id an example's import block names.
var identityPlaceholder = regexp.MustCompile(`identity = \{\s*id = "([^"]+)"`)

// TestAccExamples_importByIdentity applies the resources' import-by-identity examples
// (Terraform >= 1.12): resources made by another configuration are adopted by identity,
// with nothing to add or change.
func TestAccExamples_importByIdentity(t *testing.T) {
	acctest.SkipCLIBelow(t, "1.12.0")
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	t.Parallel()

	taskExample := acctest.ReadExampleAsIs(t, "resources/sms_migration_task/import-by-identity.tf")
	templateImport := acctest.ReadExampleAsIs(t, "resources/sms_server_template/import-by-identity.tf")
	// The template as its resource example describes it, without the write-only
	// password, whose version no read returns.
	template := regexp.MustCompile(`(?m)^\s*target_password_wo.*\n`).ReplaceAllString(
		acctest.ReadExampleAsIs(t, "resources/sms_server_template/resource.tf"), "")

	owner := acctest.NewDevOverrideWorkdir(t)
	owner.Write("main.tf", env.ProviderBlock+importBlock.ReplaceAllString(taskExample, "")+template)
	owner.Run("apply", "-auto-approve")
	ids := map[string]string{}
	for _, addr := range []string{"sms_migration_task.example", "sms_server_template.web"} {
		out := owner.Run("state", "show", addr)
		m := regexp.MustCompile(`(?m)^\s+id\s+= "([^"]+)"`).FindStringSubmatch(out)
		if m == nil {
			t.Fatalf("no id in the state of %s:\n%s", addr, out)
		}
		ids[addr] = m[1]
	}

	adopter := acctest.NewDevOverrideWorkdir(t)
	withID := func(example, id string) string {
		m := identityPlaceholder.FindStringSubmatch(example)
		if m == nil {
			t.Fatalf("an import-by-identity example has no identity id:\n%s", example)
		}
		return strings.Replace(example, `"`+m[1]+`"`, `"`+id+`"`, 1)
	}
	adopter.Write("main.tf", env.ProviderBlock+
		withID(taskExample, ids["sms_migration_task.example"])+
		withID(templateImport, ids["sms_server_template.web"])+template)
	out := adopter.Run("apply", "-auto-approve")
	if !strings.Contains(out, "2 imported, 0 added, 0 changed, 0 destroyed") {
		t.Errorf("the import-by-identity examples did more than import:\n%s", out)
	}
	if out, err := adopter.TryRun("plan", "-detailed-exitcode"); err != nil {
		t.Errorf("the plan after the import by identity is not empty (%v):\n%s", err, out)
	}
}
