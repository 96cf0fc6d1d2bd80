package provider_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// TestAccProviderSchemaThroughCLI builds the provider, points the CLI under test
// (acctest.TerraformCLI) at it through dev_overrides at the address that CLI resolves
// (acctest.ProviderAddress), and checks that `terraform providers schema -json` shows every
// field of the seed's object types at its nested path with the seed's type.
func TestAccProviderSchemaThroughCLI(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance tests run with TF_ACC=1")
	}
	t.Parallel()
	tables := testcheck.ParseSeedTables(t, testcheck.SeedDocument())
	bodyTable := "Request" // "Table 3 Request body parameters"
	if len(tables[bodyTable]) < 30 || len(tables) < 14 {
		t.Fatalf("seed parsing found %d tables (request body: %d fields): %v", len(tables), len(tables[bodyTable]), tables)
	}

	dir := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(dir, "terraform-provider-sms"), testcheck.RepoRoot())
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cliConfig := filepath.Join(dir, "cli.tfrc")
	acctest.WriteFile(t, cliConfig, fmt.Sprintf(`provider_installation {
  dev_overrides { %q = %q }
  direct {}
}
`, acctest.ProviderAddress(), dir))
	work := filepath.Join(dir, "work")
	acctest.WriteFile(t, filepath.Join(work, "main.tf"), acctest.TestAccRequiredProviders)
	cmd := exec.Command(acctest.TerraformCLI(), "providers", "schema", "-json")
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+cliConfig, "CHECKPOINT_DISABLE=1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("terraform providers schema -json: %v", err)
	}
	var doc struct {
		ProviderSchemas map[string]struct {
			ResourceSchemas map[string]struct {
				Block struct {
					Attributes map[string]cliAttribute `json:"attributes"`
				} `json:"block"`
			} `json:"resource_schemas"`
			DataSourceSchemas map[string]json.RawMessage `json:"data_source_schemas"`
		} `json:"provider_schemas"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	task := doc.ProviderSchemas[acctest.ProviderAddress()].ResourceSchemas["sms_migration_task"].Block.Attributes
	if len(task) == 0 {
		t.Fatalf("no sms_migration_task in the CLI's schema: %s", out)
	}

	provider := doc.ProviderSchemas[acctest.ProviderAddress()]
	for _, name := range []string{"sms_server_template", "sms_migration_project", "sms_source_server"} {
		if _, ok := provider.ResourceSchemas[name]; !ok {
			t.Errorf("no %s resource in the CLI's schema", name)
		}
	}
	if _, ok := task["configurations"]; !ok {
		t.Error("no configurations attribute on sms_migration_task in the CLI's schema")
	}
	for _, name := range []string{"sms_source_server", "sms_source_servers", "sms_server_templates", "sms_migration_task_passphrase",
		"sms_migration_project", "sms_migration_projects"} {
		if _, ok := provider.DataSourceSchemas[name]; !ok {
			t.Errorf("no %s data source in the CLI's schema", name)
		}
	}

	seen := map[string]bool{}
	checked := 0
	var walk func(table, prefix string, attrs map[string]cliAttribute)
	walk = func(table, prefix string, attrs map[string]cliAttribute) {
		seen[table] = true
		for _, f := range tables[table] {
			checked++
			at := prefix + f.Name
			a, ok := attrs[f.Name]
			if !ok {
				t.Errorf("%s (seed %s, %s) is not in the CLI's schema", at, table, f.Typ)
				continue
			}
			if err := a.matches(f.Typ); err != nil {
				t.Errorf("%s: %v", at, err)
				continue
			}
			if m := testcheck.SeedObjectType.FindStringSubmatch(f.Typ); m != nil && a.NestedType != nil {
				walk(m[1], at+".", a.NestedType.Attributes)
			}
		}
	}
	walk(bodyTable, "", task)
	for _, want := range []string{"PostSourceServerBody", "ServerDisk", "PhysicalVolume", "BtrfsFileSystem", "BtrfsSubvolumn",
		"NetWork", "VolumeGroups", "LogicalVolumes", "TargetServer", "TargetDisk", "TargetPhysicalVolumes", "CloneServer", "SubTask"} {
		if !seen[want] {
			t.Errorf("seed object type %s was never reached", want)
		}
	}
	t.Logf("checked %d seed fields at their nested paths across %d object types", checked, len(seen)-1)
}

// cliAttribute is an attribute of `terraform providers schema -json`.
type cliAttribute struct {
	Type       json.RawMessage `json:"type"`
	NestedType *struct {
		NestingMode string                  `json:"nesting_mode"`
		Attributes  map[string]cliAttribute `json:"attributes"`
	} `json:"nested_type"`
}

// matches checks the attribute against a seed type: String, Integer, Long, Double,
// Boolean, Array of strings, X object, Array of X objects.
func (a cliAttribute) matches(seedType string) error {
	want := map[string]string{"String": `"string"`, "Integer": `"number"`, "Long": `"number"`, "Double": `"number"`,
		"Boolean": `"bool"`, "Array of strings": `["list","string"]`}[seedType]
	switch {
	case want != "":
		if got := string(a.Type); got != want {
			return fmt.Errorf("type %s, want %s (seed %s)", got, want, seedType)
		}
	case strings.HasPrefix(seedType, "Array of "):
		if a.NestedType == nil || a.NestedType.NestingMode != "list" {
			return fmt.Errorf("want a list of nested objects (seed %s)", seedType)
		}
	case strings.HasSuffix(seedType, " object"):
		if a.NestedType == nil || a.NestedType.NestingMode != "single" {
			return fmt.Errorf("want a single nested object (seed %s)", seedType)
		}
	default:
		return fmt.Errorf("unknown seed type %q", seedType)
	}
	return nil
}
