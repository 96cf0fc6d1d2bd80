package provider

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"

	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

var updateDocs = flag.Bool("update-docs", false, "rewrite the generated parts of templates/ (then run make generate)")

// The provider docs' environment-variable table is the one rendered from the lists the
// provider reads, and lists every argument of the schema.
func TestProviderEnvVarTable(t *testing.T) {
	var resp fwprovider.SchemaResponse
	(&smsProvider{}).Schema(context.Background(), fwprovider.SchemaRequest{}, &resp)
	var inSchema, inTable []string
	for name := range resp.Schema.Attributes {
		inSchema = append(inSchema, name)
	}
	for _, s := range providerEnvSettings {
		inTable = append(inTable, s.Attribute)
	}
	slices.Sort(inSchema)
	slices.Sort(inTable)
	if !slices.Equal(inSchema, inTable) {
		t.Errorf("providerEnvSettings lists %v, the provider schema has %v: add the argument to provider_env_doc.go", inTable, inSchema)
	}

	checkGeneratedBlock(t, "env-table", "TestProviderEnvVarTable", renderEnvVarTable())
}

// The provider docs' table of regions with an SMS endpoint is regionEndpoints.
func TestProviderRegionTable(t *testing.T) {
	checkGeneratedBlock(t, "region-table", "TestProviderRegionTable", renderRegionTable())
}

// The provider docs say how many resources the provider has.
func TestProviderDocsResourceCount(t *testing.T) {
	t.Parallel()
	n := len((&smsProvider{}).Resources(context.Background()))
	words := []string{"no", "one", "two", "three", "four", "five"}
	if n >= len(words) {
		t.Fatalf("%d resources: extend the words", n)
	}
	b, err := os.ReadFile(filepath.Join(testcheck.RepoRoot(), "templates", "index.md.tmpl"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "The provider has " + words[n] + " resources."; !strings.Contains(string(b), want) {
		t.Errorf("templates/index.md.tmpl lacks %q: the provider has %d resources", want, n)
	}
}

// checkGeneratedBlock compares the block between the markers named name in
// templates/index.md.tmpl with want; with -update-docs it rewrites the block.
func checkGeneratedBlock(t *testing.T, name, test, want string) {
	t.Helper()
	file := filepath.Join(testcheck.RepoRoot(), "templates", "index.md.tmpl")
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	beginMarker, endMarker := "<!-- "+name+": generated", "<!-- end "+name+" -->\n"
	begin, end := strings.Index(text, beginMarker), strings.Index(text, endMarker)
	if begin < 0 || end < begin {
		t.Fatalf("%s lacks the markers %q ... %q", file, beginMarker, endMarker)
	}
	begin += strings.Index(text[begin:], "\n") + 1
	got := text[begin:end]
	if got == want {
		return
	}
	if *updateDocs {
		if err := os.WriteFile(file, []byte(text[:begin]+want+text[end:]), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("rewrote the %s block in %s; now run make generate", name, file)
		return
	}
	t.Errorf("the %s block in %s is not what the provider's code gives.\n"+
		"Regenerate it: go test ./internal/provider -run %s -update-docs && make generate\n\nwant:\n%s\ngot:\n%s", name, file, test, want, got)
}

// README's provider-configuration table names every environment variable of every
// argument.
func TestReadmeEnvVars(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile(filepath.Join(testcheck.RepoRoot(), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	for _, s := range providerEnvSettings {
		for _, name := range s.Names {
			short := name
			if i := strings.LastIndex(name, "_"); strings.HasPrefix(name, "HUAWEICLOUD_SDK_") || strings.HasPrefix(name, "CLOUD_SDK_") {
				short = name[i:] // README writes `HUAWEICLOUD_SDK_AK` / `_SK`
			}
			if !strings.Contains(readme, "`"+name+"`") && !strings.Contains(readme, "`"+short+"`") {
				t.Errorf("README.md does not name %s, an environment variable of %s", name, s.Attribute)
			}
		}
	}
}
