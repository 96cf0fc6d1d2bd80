package testcheck

import (
	"path/filepath"
	"runtime"
)

// RepoRoot is the repository's top folder, wherever a test runs from.
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// SeedDocument is the path of the seed API document (PUT /v3/tasks/{task_id}), the
// contract for the task body.
func SeedDocument() string {
	return filepath.Join(RepoRoot(), "internal", "testcheck", "testdata", "seed", "update-migration-task.txt")
}
