package acctest

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"testing"
)

// TerraformCLI is the CLI the acceptance tests run: TF_ACC_TERRAFORM_PATH, as
// terraform-plugin-testing reads it, else terraform on PATH.
func TerraformCLI() string {
	if p := os.Getenv("TF_ACC_TERRAFORM_PATH"); p != "" {
		return p
	}
	return "terraform"
}

// SkipCLIBelow skips t when the CLI under test is older than minimum (e.g. "1.14.0"), as
// tfversion.SkipBelow does for a TestCase, for tests that run the CLI themselves.
func SkipCLIBelow(t *testing.T, minimum string) {
	t.Helper()
	out, err := exec.Command(TerraformCLI(), "version", "-json").Output()
	if err != nil {
		t.Fatalf("%s version -json: %v", TerraformCLI(), err)
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("%s version -json: %v\n%s", TerraformCLI(), err, out)
	}
	if compareVersions(v.Version, minimum) < 0 {
		t.Skipf("Terraform CLI version %s is below minimum version %s: skipping test", v.Version, minimum)
	}
}

// compareVersions compares the major, minor and patch numbers of two versions such as
// "1.14.5" (a pre-release suffix is ignored).
func compareVersions(a, b string) int {
	var x, y [3]int
	_, _ = fmt.Sscanf(a, "%d.%d.%d", &x[0], &x[1], &x[2])
	_, _ = fmt.Sscanf(b, "%d.%d.%d", &y[0], &y[1], &y[2])
	for i := range x {
		if x[i] != y[i] {
			return x[i] - y[i]
		}
	}
	return 0
}

// TryRunCLI runs the CLI under test (TerraformCLI) in the work folder, as TryRun runs
// terraform from PATH.
func (w *cliWorkdir) TryRunCLI(args ...string) (string, error) {
	cmd := exec.Command(TerraformCLI(), append(args, "-no-color")...)
	cmd.Dir = w.dir
	cmd.Env = w.Env
	out, err := cmd.CombinedOutput()
	return string(out), err
}
