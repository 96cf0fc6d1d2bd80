package values

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// testValuesObjTypes is a small object type with a list of objects and a list of
// strings, enough to exercise every branch of the generic helpers.
var (
	testValuesItemTypes = map[string]attr.Type{"a": types.StringType, "n": types.Int64Type}
	testValuesObjTypes  = map[string]attr.Type{
		"s":     types.StringType,
		"b":     types.BoolType,
		"items": types.ListType{ElemType: types.ObjectType{AttrTypes: testValuesItemTypes}},
		"tags":  types.ListType{ElemType: types.StringType},
	}
)

func testItem(a attr.Value, n attr.Value) attr.Value {
	return types.ObjectValueMust(testValuesItemTypes, map[string]attr.Value{"a": a, "n": n})
}

func testItems(items ...attr.Value) types.List {
	return types.ListValueMust(types.ObjectType{AttrTypes: testValuesItemTypes}, items)
}

func testObj(s, b, items, tags attr.Value) types.Object {
	return types.ObjectValueMust(testValuesObjTypes, map[string]attr.Value{"s": s, "b": b, "items": items, "tags": tags})
}

func testTags(tags ...string) types.List {
	var elems []attr.Value
	for _, t := range tags {
		elems = append(elems, types.StringValue(t))
	}
	return types.ListValueMust(types.StringType, elems)
}

var (
	testItemsUnknown = types.ListUnknown(types.ObjectType{AttrTypes: testValuesItemTypes})
	testItemsNull    = types.ListNull(types.ObjectType{AttrTypes: testValuesItemTypes})
	testTagsNull     = types.ListNull(types.StringType)
	testObjUnknown   = types.ObjectUnknown(testValuesObjTypes)
	testObjNull      = types.ObjectNull(testValuesObjTypes)
)

func TestValuesFillUnknownFromState(t *testing.T) {
	t.Parallel()
	sv, iv := types.StringValue, types.Int64Value
	state := testObj(sv("state"), types.BoolValue(true),
		testItems(testItem(sv("a0"), iv(0)), testItem(sv("a1"), iv(1))), testTags("x", "y"))

	tests := []struct {
		name        string
		plan, state attr.Value
		want        attr.Value
	}{
		{"unknown primitive takes state", types.StringUnknown(), sv("s"), sv("s")},
		{"unknown primitive with null state becomes null", types.StringUnknown(), types.StringNull(), types.StringNull()},
		{"known primitive wins", sv("p"), sv("s"), sv("p")},
		{"null plan stays null", types.StringNull(), sv("s"), types.StringNull()},
		{"unknown state leaves plan", types.StringUnknown(), types.StringUnknown(), types.StringUnknown()},
		{"type mismatch leaves plan", types.StringUnknown(), iv(1), types.StringUnknown()},
		{"nil plan", nil, sv("s"), nil},
		{"nil state", types.StringUnknown(), nil, types.StringUnknown()},
		{"unknown object takes state", testObjUnknown, state, state},
		{
			"unknown children take state per attribute and per element",
			testObj(types.StringUnknown(), types.BoolValue(false),
				testItems(testItem(sv("p0"), types.Int64Unknown()), types.ObjectUnknown(testValuesItemTypes)),
				types.ListUnknown(types.StringType)),
			state,
			testObj(sv("state"), types.BoolValue(false),
				testItems(testItem(sv("p0"), iv(0)), testItem(sv("a1"), iv(1))), testTags("x", "y")),
		},
		{
			"list of another length is not matched by position",
			testObj(sv("p"), types.BoolValue(true),
				testItems(testItem(types.StringUnknown(), iv(5))), testTags("x", "y")),
			state,
			testObj(sv("p"), types.BoolValue(true),
				testItems(testItem(types.StringUnknown(), iv(5))), testTags("x", "y")),
		},
		{
			"null state object leaves unknown children",
			testObj(types.StringUnknown(), types.BoolValue(true), testItemsNull, testTagsNull),
			testObjNull,
			testObj(types.StringUnknown(), types.BoolValue(true), testItemsNull, testTagsNull),
		},
		{"empty list stays empty", testItems(), testItems(testItem(sv("a"), iv(1))), testItems()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := FillUnknownFromState(tc.plan, tc.state)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("fillUnknownFromState (-want +got):\n%s", diff)
			}
		})
	}
}

func TestValuesKeepPriorWhereNull(t *testing.T) {
	t.Parallel()
	sv, iv := types.StringValue, types.Int64Value
	prior := testObj(sv("prior"), types.BoolValue(true),
		testItems(testItem(sv("a0"), iv(0)), testItem(sv("a1"), iv(1))), testTags("x"))

	tests := []struct {
		name         string
		fresh, prior attr.Value
		want         attr.Value
	}{
		{"null takes prior", types.StringNull(), sv("p"), sv("p")},
		{"value wins over prior", sv("f"), sv("p"), sv("f")},
		{"zero value wins over prior", sv(""), sv("p"), sv("")},
		{"null with null prior stays typed null", types.Int64Null(), types.Int64Null(), types.Int64Null()},
		{"null with unknown prior stays null", types.StringNull(), types.StringUnknown(), types.StringNull()},
		{"unknown fresh stays unknown", types.StringUnknown(), sv("p"), types.StringUnknown()},
		{"type mismatch keeps fresh", types.StringNull(), iv(1), types.StringNull()},
		{"untyped zero prior keeps typed fresh", testObjNull, types.Object{}, testObjNull},
		{"nil prior", sv("f"), nil, sv("f")},
		{"nil fresh", nil, sv("p"), nil},
		{"null object takes prior whole", testObjNull, prior, prior},
		{
			"object merges per attribute, lists per element at equal length",
			testObj(types.StringNull(), types.BoolValue(false),
				testItems(testItem(types.StringNull(), iv(7)), testItem(sv("f1"), types.Int64Null())), testTagsNull),
			prior,
			testObj(sv("prior"), types.BoolValue(false),
				testItems(testItem(sv("a0"), iv(7)), testItem(sv("f1"), iv(1))), testTags("x")),
		},
		{
			"list of another length wins whole, nulls and all",
			testObj(sv("f"), types.BoolValue(true), testItems(testItem(types.StringNull(), iv(9))), testTags("y", "z")),
			prior,
			testObj(sv("f"), types.BoolValue(true), testItems(testItem(types.StringNull(), iv(9))), testTags("y", "z")),
		},
		{
			"empty list from the API is kept, not replaced by prior",
			testObj(sv("f"), types.BoolValue(true), testItems(), testTags()),
			prior,
			testObj(sv("f"), types.BoolValue(true), testItems(), testTags()),
		},
		{"known object over null prior", prior, testObjNull, prior},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := KeepPriorWhereNull(tc.fresh, tc.prior)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("keepPriorWhereNull (-want +got):\n%s", diff)
			}
		})
	}
}

func TestValuesNullUnknowns(t *testing.T) {
	t.Parallel()
	sv, iv := types.StringValue, types.Int64Value
	tests := []struct {
		name string
		in   attr.Value
		want attr.Value
	}{
		{"unknown string", types.StringUnknown(), types.StringNull()},
		{"unknown int64", types.Int64Unknown(), types.Int64Null()},
		{"unknown bool", types.BoolUnknown(), types.BoolNull()},
		{"unknown float64", types.Float64Unknown(), types.Float64Null()},
		{"known stays", sv("s"), sv("s")},
		{"null stays", types.StringNull(), types.StringNull()},
		{"nil", nil, nil},
		{"unknown object keeps its type", testObjUnknown, testObjNull},
		{"unknown list keeps its type", testItemsUnknown, testItemsNull},
		{
			"nested unknowns at every depth",
			testObj(types.StringUnknown(), types.BoolValue(true),
				testItems(testItem(sv("a"), types.Int64Unknown()), types.ObjectUnknown(testValuesItemTypes)),
				types.ListUnknown(types.StringType)),
			testObj(types.StringNull(), types.BoolValue(true),
				testItems(testItem(sv("a"), types.Int64Null()), types.ObjectNull(testValuesItemTypes)),
				testTagsNull),
		},
		{"known nested stays", testItems(testItem(sv("a"), iv(1))), testItems(testItem(sv("a"), iv(1)))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := NullUnknowns(tc.in)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("nullUnknowns (-want +got):\n%s", diff)
			}
			if got != nil && testcheck.FirstUnknown(got) != "" {
				t.Errorf("result still has an unknown at %q", testcheck.FirstUnknown(got))
			}
		})
	}
}

func TestValuesPointers(t *testing.T) {
	t.Parallel()
	s, i, f, b := "x", int64(7), 1.5, false
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"string known", StringPointer(types.StringValue("x")), &s},
		{"string null", StringPointer(types.StringNull()), (*string)(nil)},
		{"string unknown", StringPointer(types.StringUnknown()), (*string)(nil)},
		{"int64 known", Int64Pointer(types.Int64Value(7)), &i},
		{"int64 null", Int64Pointer(types.Int64Null()), (*int64)(nil)},
		{"int64 unknown", Int64Pointer(types.Int64Unknown()), (*int64)(nil)},
		{"float64 known", Float64Pointer(types.Float64Value(1.5)), &f},
		{"float64 null", Float64Pointer(types.Float64Null()), (*float64)(nil)},
		{"float64 unknown", Float64Pointer(types.Float64Unknown()), (*float64)(nil)},
		{"bool known false", BoolPointer(types.BoolValue(false)), &b},
		{"bool null", BoolPointer(types.BoolNull()), (*bool)(nil)},
		{"bool unknown", BoolPointer(types.BoolUnknown()), (*bool)(nil)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tc.want, tc.got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
