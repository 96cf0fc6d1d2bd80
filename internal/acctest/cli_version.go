package acctest

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"testing"
)

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
