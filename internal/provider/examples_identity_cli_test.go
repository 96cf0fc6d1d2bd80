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

// resourceBlock is the block of one resource in an example (no nested block braces).
func resourceBlock(t *testing.T, example, address string) string {
	t.Helper()
	typ, name, _ := strings.Cut(address, ".")
	m := regexp.MustCompile(`(?s)resource "` + typ + `" "` + name + `" \{.*?\n\}\n`).FindString(example)
	if m == "" {
		t.Fatalf("no resource %s in the example", address)
	}
	return m
}

// TestAccExamples_importByIdentity applies every resource's import-by-identity example
// (Terraform >= 1.12): resources made by another configuration are adopted by identity,
// with nothing to add or change.
func TestAccExamples_importByIdentity(t *testing.T) {
	acctest.SkipCLIBelow(t, "1.12.0")
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	t.Parallel()

	// What each example adopts, as its owner made it: the example's own resource block or
	// the resource example's (the template without its write-only password, whose version
	// no read returns).
	withoutPassword := regexp.MustCompile(`(?m)^\s*target_password_wo.*\n`)
	owned := map[string]string{
		"sms_migration_task.example": importBlock.ReplaceAllString(acctest.ReadExampleAsIs(t, "resources/sms_migration_task/import-by-identity.tf"), ""),
		"sms_server_template.web": withoutPassword.ReplaceAllString(
			resourceBlock(t, acctest.ReadExampleAsIs(t, "resources/sms_server_template/resource.tf"), "sms_server_template.web"), ""),
		"sms_migration_project.wave1": resourceBlock(t, acctest.ReadExampleAsIs(t, "resources/sms_migration_project/resource.tf"), "sms_migration_project.wave1"),
		"sms_source_server.web": `
resource "sms_source_server" "web" {
  id   = "` + acctest.EmulatorLinuxSrc + `"
  name = "web-01-wave1"
}
`,
	}
	imports := map[string]string{
		"sms_migration_task.example":  "resources/sms_migration_task/import-by-identity.tf",
		"sms_server_template.web":     "resources/sms_server_template/import-by-identity.tf",
		"sms_migration_project.wave1": "resources/sms_migration_project/import-by-identity.tf",
		"sms_source_server.web":       "resources/sms_source_server/import-by-identity.tf",
	}

	owner := acctest.NewDevOverrideWorkdir(t)
	var ownerConfig strings.Builder
	for _, addr := range []string{"sms_migration_task.example", "sms_server_template.web", "sms_migration_project.wave1", "sms_source_server.web"} {
		ownerConfig.WriteString(owned[addr])
	}
	owner.Write("main.tf", env.ProviderBlock+ownerConfig.String())
	owner.Run("apply", "-auto-approve")

	adopterConfig := env.ProviderBlock
	for addr, file := range imports {
		out := owner.Run("state", "show", addr)
		id := regexp.MustCompile(`(?m)^    id\s+= "([^"]+)"`).FindStringSubmatch(out) // top level: nested ids sit deeper
		if id == nil {
			t.Fatalf("no id in the state of %s:\n%s", addr, out)
		}
		example := acctest.ReadExampleAsIs(t, file)
		placeholder := identityPlaceholder.FindStringSubmatch(example)
		if placeholder == nil {
			t.Fatalf("%s has no identity id", file)
		}
		adopted := strings.Replace(example, `"`+placeholder[1]+`"`, `"`+id[1]+`"`, 1)
		if !strings.Contains(adopted, `resource "`) {
			adopted += owned[addr]
		}
		adopterConfig += adopted
	}
	adopter := acctest.NewDevOverrideWorkdir(t)
	adopter.Write("main.tf", adopterConfig)
	out := adopter.Run("apply", "-auto-approve")
	if !strings.Contains(out, "4 imported, 0 added, 0 changed, 0 destroyed") {
		t.Errorf("the import-by-identity examples did more than import:\n%s", out)
	}
	if out, err := adopter.TryRun("plan", "-detailed-exitcode"); err != nil {
		t.Errorf("the plan after the import by identity is not empty (%v):\n%s", err, out)
	}
}
