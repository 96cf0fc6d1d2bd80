package provider

import (
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// diagPath returns the attribute path of a diagnostic, or "" when it has none.
func diagPath(d diag.Diagnostic) string {
	if wp, ok := d.(diag.DiagnosticWithPath); ok {
		return wp.Path().String()
	}
	return ""
}

// cliText matches each of parts, in order, in the CLI's output, whatever lines the CLI
// wrapped them over; anything may come between two parts.
func cliText(parts ...string) *regexp.Regexp {
	quoted := make([]string, len(parts))
	for i, p := range parts {
		quoted[i] = strings.Join(strings.Fields(regexp.QuoteMeta(p)), `\s+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(quoted, ".*"))
}
