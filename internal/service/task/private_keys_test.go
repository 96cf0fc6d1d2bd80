package task

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestPrivateKeysListed fails when a private-state key of the package is missing from
// migrationTaskPrivateKeys: the fast path could not write it back, and the framework's
// server would.
func TestPrivateKeysListed(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	constant := regexp.MustCompile(`(?m)^\s*(?:const\s+)?privateKey\w+\s*=\s*"([^"]+)"`)
	var found []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range constant.FindAllStringSubmatch(string(src), -1) {
			found = append(found, m[1])
		}
	}
	if len(found) == 0 {
		t.Fatal("no privateKey constants found: the pattern is stale")
	}
	for _, k := range found {
		if !slices.Contains(MigrationTaskPrivateKeys, k) {
			t.Errorf("private-state key %q is not in migrationTaskPrivateKeys", k)
		}
	}
}
