package sourceserver

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/dsschema"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
)

type listedTestItem struct {
	ID   *string `json:"id"`
	Name any     `json:"name"`
}

func TestListedItemsFromWire(t *testing.T) {
	t.Parallel()
	l := listedItems[listedTestItem]{
		attrs:     map[string]dschema.Attribute{"id": dsschema.ComputedString("id"), "name": dsschema.ComputedString("name")},
		attribute: "things", what: "thing list", id: func(i *listedTestItem) *string { return i.ID },
		adjust: func(generic any) {
			if m, ok := generic.(map[string]any); ok {
				m["name"] = "adjusted"
			}
		},
	}
	a, b := "a", "b"
	list, ids, diags := l.fromWire([]listedTestItem{{ID: &a, Name: "x"}, {ID: &b}})
	if diags.HasError() {
		t.Fatal(diags)
	}
	if got := ids.Elements(); len(got) != 2 || !got[1].Equal(types.StringValue("b")) {
		t.Errorf("ids = %v", ids)
	}
	if got, ok := list.Elements()[1].(types.Object); !ok || !got.Attributes()["name"].Equal(types.StringValue("adjusted")) {
		t.Errorf("things[1] = %v, want the adjusted name", list.Elements()[1])
	}

	l.adjust = nil
	list, ids, diags = l.fromWire([]listedTestItem{{ID: &a, Name: "x"}, {ID: &b, Name: 7}})
	if !diags.HasError() || !strings.Contains(diags[0].Detail(), "The thing list cannot be read:") ||
		!strings.Contains(diags[0].Detail(), "things[1]") {
		t.Errorf("an unreadable item: %v", diags)
	}
	if !list.IsNull() || !ids.IsNull() {
		t.Errorf("after an error: list %v, ids %v, want null", list, ids)
	}
}
