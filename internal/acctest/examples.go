package acctest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// ExamplesDir is the folder of the examples the docs show.
var ExamplesDir = filepath.Join(testcheck.RepoRoot(), "examples")

// readExample returns an example's configuration as users would copy it, with the
// required_providers block added where the example (a docs snippet) leaves it out.
func ReadExample(t *testing.T, rel string) string {
	t.Helper()
	s := ReadExampleAsIs(t, rel)
	if !strings.Contains(s, "required_providers") {
		s = TestAccRequiredProviders + s
	}
	return s
}

// ReadExampleAsIs is an example file as written: for a .tfquery.hcl file, or a part of a
// configuration that another part declares the providers of.
func ReadExampleAsIs(t *testing.T, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(ExamplesDir, rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// withEmulatorEnv points the provider's environment fallbacks at env's emulator, the
// way a user runs an example against it. t.Setenv keeps these tests sequential.
func WithEmulatorEnv(t *testing.T, env *AccEnv) {
	t.Setenv("HW_SMS_ENDPOINT", env.Emu.URL)
	t.Setenv("HW_REGION_NAME", EmulatorRegion)
	t.Setenv("HW_PROJECT_ID", EmulatorProjectID)
	t.Setenv("HW_ACCESS_KEY", EmulatorAccessKey)
	t.Setenv("HW_SECRET_KEY", EmulatorSecretKey)
}
