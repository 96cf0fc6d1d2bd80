package acctest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// TerraformCLI is the CLI the acceptance tests drive, as terraform-plugin-testing picks
// it: TF_ACC_TERRAFORM_PATH when set (a Terraform or OpenTofu binary), else terraform on
// PATH. Tests that run the CLI themselves use it, so they run under the CLI under test.
func TerraformCLI() string {
	if p := os.Getenv("TF_ACC_TERRAFORM_PATH"); p != "" {
		return p
	}
	return "terraform"
}

// ProviderAddress is the address the CLI under test gives source = "sms-migration/sms":
// TF_ACC_PROVIDER_HOST's registry (registry.opentofu.org under OpenTofu), else
// registry.terraform.io, as terraform-plugin-testing resolves it for the in-process
// provider. Set TF_ACC_PROVIDER_HOST=registry.opentofu.org when TF_ACC_TERRAFORM_PATH is
// an OpenTofu binary.
func ProviderAddress() string {
	host := os.Getenv("TF_ACC_PROVIDER_HOST")
	if host == "" {
		host = "registry.terraform.io"
	}
	return host + "/sms-migration/sms"
}

// cliWorkdir runs the real Terraform CLI on a configuration of its own, with a provider
// binary built from this tree: for what the testing framework cannot show, such as
// warnings and what a user types by hand.
type cliWorkdir struct {
	t   *testing.T
	dir string
	Env []string
}

// newDevOverrideWorkdir builds the provider and points the CLI at it through
// dev_overrides, the way a developer runs a local build.
func NewDevOverrideWorkdir(t *testing.T) *cliWorkdir {
	t.Helper()
	bin := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "terraform-provider-sms"), testcheck.RepoRoot())
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cliConfig := filepath.Join(bin, "dev.tfrc")
	WriteFile(t, cliConfig, fmt.Sprintf(`provider_installation {
  dev_overrides { %q = %q }
  direct {}
}
`, ProviderAddress(), bin))
	return NewCLIWorkdir(t, cliConfig)
}

func NewCLIWorkdir(t *testing.T, cliConfig string) *cliWorkdir {
	t.Helper()
	dir := t.TempDir()
	return &cliWorkdir{t: t, dir: dir, Env: append(os.Environ(),
		"TF_CLI_CONFIG_FILE="+cliConfig, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1",
		"TF_PLUGIN_CACHE_DIR=", "TF_DATA_DIR="+filepath.Join(dir, ".terraform"))}
}

func (w *cliWorkdir) Write(name, content string) {
	w.t.Helper()
	WriteFile(w.t, filepath.Join(w.dir, name), content)
}

// run runs the CLI under test (TerraformCLI) with args and returns its combined output; a failure fails the test.
func (w *cliWorkdir) Run(args ...string) string {
	w.t.Helper()
	out, err := w.TryRun(args...)
	if err != nil {
		w.t.Fatalf("terraform %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

func (w *cliWorkdir) TryRun(args ...string) (string, error) {
	cmd := exec.Command(TerraformCLI(), append(args, "-no-color")...)
	cmd.Dir = w.dir
	cmd.Env = w.Env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func WriteFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// Dir is the work folder, for reading what the CLI wrote there.
func (w *cliWorkdir) Dir() string { return w.dir }
