package emulator

import (
	"fmt"
	"net/http"
)

// Error codes of the migration-project, source-management, consistency and Agent calls.
// They are numbered apart from errors.go's so that codes added there never collide.
const (
	CodeMigprojectNotFound = "SMS.1101"
	CodeDefaultMigproject  = "SMS.1102"
	CodeSourceBusy         = "SMS.1103"
	CodeCopyStateRejected  = "SMS.1104"
)

func migprojectNotFound(id string) *apiError {
	return &apiError{Status: http.StatusNotFound, Code: CodeMigprojectNotFound, Msg: fmt.Sprintf("migration project %q does not exist", id)}
}
