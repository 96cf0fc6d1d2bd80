package conns

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// OneNamed is the lookup by name of a single-item data source: ids are the IDs of the
// items named exactly name (the API cannot filter, or matches parts of names), and one
// of them must be there. noun names the items ("registered source server"), lister the
// data source that lists them. None, or several, is an error on the name attribute.
func OneNamed(ids []string, name, noun, lister string) (string, diag.Diagnostics) {
	var diags diag.Diagnostics
	switch len(ids) {
	case 0:
		diags.AddAttributeError(path.Root("name"), "No such SMS "+strings.TrimPrefix(noun, "registered "),
			fmt.Sprintf("No %s is named %q. The %s data source lists them.", noun, name, lister))
	case 1:
		return ids[0], diags
	default:
		diags.AddAttributeError(path.Root("name"), "Ambiguous SMS "+strings.TrimPrefix(noun, "registered ")+" name",
			fmt.Sprintf("%d %ss are named %q (IDs %s). Look it up by id instead.", len(ids), noun, name, strings.Join(ids, ", ")))
	}
	return "", diags
}
