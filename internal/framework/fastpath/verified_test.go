package fastpath

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
)

// TestVerifiedModules fails when go.mod moves the framework or terraform-plugin-go to a
// version the fast path was not verified against: the fast path reproduces their
// behaviour, and an upgrade may change it.
func TestVerifiedModules(t *testing.T) {
	gomod, err := os.ReadFile(filepath.Join("..", "..", "..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	for module, verified := range verifiedModules {
		m := regexp.MustCompile(`(?m)^\s*(?:require\s+)?` + regexp.QuoteMeta(module) + `\s+(v\S+)`).FindSubmatch(gomod)
		if m == nil {
			t.Errorf("go.mod does not require %s: drop it from verifiedModules if the fast path no longer depends on it", module)
			continue
		}
		if got := string(m[1]); !slices.Contains(verified, got) {
			t.Errorf("go.mod requires %s %s, but the fast path was verified against %v only.\n"+
				"Run the differential tests (go test ./internal/service/task -run 'TestFastPath') and the acceptance suite "+
				"with the fast path on and off (make testacc); when both pass, add %s to verifiedModules in "+
				"internal/framework/fastpath/verified.go.", module, got, verified, got)
		}
	}
}
