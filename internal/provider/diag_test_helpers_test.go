package provider

import "github.com/hashicorp/terraform-plugin-framework/diag"

// diagPath returns the attribute path of a diagnostic, or "" when it has none.
func diagPath(d diag.Diagnostic) string {
	if wp, ok := d.(diag.DiagnosticWithPath); ok {
		return wp.Path().String()
	}
	return ""
}
