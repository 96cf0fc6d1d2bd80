package testcheck

import (
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// diagPath returns the attribute path of a diagnostic, or "" when it has none.
func DiagPath(d diag.Diagnostic) string {
	if wp, ok := d.(diag.DiagnosticWithPath); ok {
		return wp.Path().String()
	}
	return ""
}

// cliText is errorPattern for literal text: each part matches as written, whatever lines
// the CLI wrapped it over.
func CLIText(parts ...string) *regexp.Regexp {
	quoted := make([]string, len(parts))
	for i, p := range parts {
		quoted[i] = regexp.QuoteMeta(p)
	}
	return ErrorPattern(quoted...)
}

// errorPattern matches a Terraform error that contains every part in order. Terraform
// wraps long lines, so each space in a part matches any run of whitespace.
func ErrorPattern(parts ...string) *regexp.Regexp {
	quoted := make([]string, len(parts))
	for i, p := range parts {
		quoted[i] = strings.ReplaceAll(p, " ", `\s+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(quoted, `.*`))
}
