package sourceserver

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/dsschema"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/values"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
)

// listedItems describes how a list data source shows the items of a list call.
type listedItems[T any] struct {
	attrs     map[string]dschema.Attribute // of one item, named as the API's JSON keys
	attribute string                       // the list attribute, for error messages
	what      string                       // the list, e.g. "source server list"
	id        func(*T) *string
	// adjust, when set, changes an item's generic JSON before it becomes a value.
	adjust func(generic any)
}

// fromWire is the list attribute's value and the ids, in the items' order. The first item
// that cannot be read ends it with one error.
func (l listedItems[T]) fromWire(items []T) (list, ids types.List, diags diag.Diagnostics) {
	itemType := types.ObjectType{AttrTypes: dsschema.AttrTypesOf(l.attrs)}
	listed := make([]attr.Value, len(items))
	idValues := make([]attr.Value, len(items))
	for i := range items {
		generic, err := values.WireToGeneric(items[i])
		if err == nil {
			if l.adjust != nil {
				l.adjust(generic)
			}
			listed[i], err = values.ValueFromJSON(itemType, generic, fmt.Sprintf("%s[%d]", l.attribute, i))
		}
		if err != nil {
			diags.AddError("Unexpected SMS API answer", fmt.Sprintf("The %s cannot be read: %v.", l.what, err))
			return types.ListNull(itemType), types.ListNull(types.StringType), diags
		}
		idValues[i] = types.StringPointerValue(l.id(&items[i]))
	}
	return types.ListValueMust(itemType, listed), types.ListValueMust(types.StringType, idValues), diags
}
