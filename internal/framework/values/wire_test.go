package values

import (
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type testWireItem struct {
	Name  string  `json:"name"`
	Size  *int64  `json:"size,omitempty"`
	Ratio float64 `json:"ratio"`
}

type testWire struct {
	Label *string        `json:"label,omitempty"`
	On    *bool          `json:"on,omitempty"`
	Items []testWireItem `json:"items,omitempty"`
	Tags  []string       `json:"tags,omitempty"`
	Extra *string        `json:"extra,omitempty"`
}

var testItemType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"name": types.StringType, "size": types.Int64Type, "ratio": types.Float64Type,
}}

var testWireType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"label": types.StringType, "on": types.BoolType, "items": types.ListType{ElemType: testItemType},
	"tags": types.SetType{ElemType: types.StringType}, "missing": types.StringType,
}}

func TestAppendJSONAndToWire(t *testing.T) {
	t.Parallel()
	item := types.ObjectValueMust(testItemType.AttrTypes, map[string]attr.Value{
		"name": types.StringValue("a\"b\\c\n\x01é"), "size": types.Int64Null(), "ratio": types.Float64Value(0.1),
	})
	v := types.ObjectValueMust(testWireType.AttrTypes, map[string]attr.Value{
		"label":   types.StringUnknown(),
		"on":      types.BoolValue(false),
		"items":   types.ListValueMust(testItemType, []attr.Value{item, types.ObjectUnknown(testItemType.AttrTypes)}),
		"tags":    types.SetValueMust(types.StringType, []attr.Value{}),
		"missing": types.StringValue("ignored"),
	})
	var got testWire
	if err := ToWire(v, &got); err != nil {
		t.Fatal(err)
	}
	want := testWire{
		On:    new(false),
		Items: []testWireItem{{Name: "a\"b\\c\n\x01é", Ratio: 0.1}, {}}, // unknown element: the zero element
		Tags:  []string{},                                               // a known empty set stays empty, not nil
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ToWire (-want +got):\n%s", diff)
	}
	var none *testWire
	if err := ToWire(types.ObjectNull(testWireType.AttrTypes), &none); err != nil || none != nil {
		t.Errorf("null object: %v, %v; want nil", none, err)
	}
}

func TestWireReader(t *testing.T) {
	t.Parallel()
	r, err := NewWireReader(testWireType, reflect.TypeFor[*testWire]())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"missing"}, r.Unmatched()); diff != "" {
		t.Errorf("Unmatched (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"extra"}, r.Unused()); diff != "" {
		t.Errorf("Unused (-want +got):\n%s", diff)
	}
	got, err := r.Read(&testWire{Label: new("x"), Items: []testWireItem{{Name: "n", Size: new(int64(7)), Ratio: 2.5}}})
	if err != nil {
		t.Fatal(err)
	}
	want := types.ObjectValueMust(testWireType.AttrTypes, map[string]attr.Value{
		"label": types.StringValue("x"), "on": types.BoolNull(), "missing": types.StringNull(),
		"items": types.ListValueMust(testItemType, []attr.Value{types.ObjectValueMust(testItemType.AttrTypes, map[string]attr.Value{
			"name": types.StringValue("n"), "size": types.Int64Value(7), "ratio": types.Float64Value(2.5),
		})}),
		"tags": types.SetNull(types.StringType), // nil: absent
	})
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Read (-want +got):\n%s", diff)
	}
	empty, err := r.Read(&testWire{Tags: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	if tags := empty.(types.Object).Attributes()["tags"]; !tags.Equal(types.SetValueMust(types.StringType, []attr.Value{})) { //nolint:forcetypeassert // an object type
		t.Errorf("[] read as %v, want an empty set", tags)
	}
	if null, err := r.Read((*testWire)(nil)); err != nil || !null.IsNull() {
		t.Errorf("nil read as %v, %v; want null", null, err)
	}
	if _, err := NewWireReader(types.ObjectType{AttrTypes: map[string]attr.Type{"label": types.Int64Type}}, reflect.TypeFor[testWire]()); err == nil {
		t.Error("a string field read as an integer: no error")
	}
}
