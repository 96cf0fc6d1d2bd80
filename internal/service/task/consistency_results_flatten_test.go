package task

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestFlattenConsistencyResults(t *testing.T) {
	t.Parallel()
	const clean = `{"dir_check":"/","num_total_files":10,"num_different_files":0,"num_target_miss_files":0,"num_target_more_files":0,"finished_time":5,"check_result":"consistent"}`
	const differs = `{"dir_check":"/srv","num_total_files":10,"num_different_files":0,"num_target_miss_files":1,"num_target_more_files":0}`
	const partial = `{"dir_check":"/opt","num_total_files":10}`
	cases := []struct {
		name       string
		items      []string
		consistent types.Bool
	}{
		{"no results yet", []string{}, types.BoolNull()},
		{"all clean", []string{clean, clean}, types.BoolValue(true)},
		{"one missing file", []string{clean, differs}, types.BoolValue(false)},
		{"a difference wins over an unreadable item", []string{"not json", differs}, types.BoolValue(false)},
		{"counts missing", []string{clean, partial}, types.BoolNull()},
		{"plain text", []string{"all files match"}, types.BoolNull()},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			list, consistent := flattenConsistencyResults(c.items)
			if !consistent.Equal(c.consistent) {
				t.Errorf("consistent = %v, want %v", consistent, c.consistent)
			}
			if len(list.Elements()) != len(c.items) {
				t.Fatalf("%d results for %d items", len(list.Elements()), len(c.items))
			}
			for i, e := range list.Elements() {
				if raw := resultAttributes(t, e)["raw"]; !raw.Equal(types.StringValue(c.items[i])) {
					t.Errorf("results[%d].raw = %v, want %q", i, raw, c.items[i])
				}
			}
		})
	}
}

// TestFlattenConsistencyResults_fields: every field is read from the item, and a field
// the item lacks is null, not 0; an item that is not JSON keeps only raw.
func TestFlattenConsistencyResults_fields(t *testing.T) {
	t.Parallel()
	list, _ := flattenConsistencyResults([]string{
		`{"dir_check":"/","num_total_files":10,"num_different_files":2,"num_target_miss_files":1,"num_target_more_files":3,"finished_time":5,"check_result":"inconsistent"}`,
		`{"dir_check":"/opt"}`,
		`[1,2]`,
	})
	want := []map[string]attr.Value{
		{"raw": nil, "dir_check": types.StringValue("/"), "num_total_files": types.Int64Value(10), "num_different_files": types.Int64Value(2),
			"num_target_miss_files": types.Int64Value(1), "num_target_more_files": types.Int64Value(3),
			"finished_time": types.Int64Value(5), "check_result": types.StringValue("inconsistent")},
		{"raw": nil, "dir_check": types.StringValue("/opt"), "num_total_files": types.Int64Null(), "num_different_files": types.Int64Null(),
			"num_target_miss_files": types.Int64Null(), "num_target_more_files": types.Int64Null(),
			"finished_time": types.Int64Null(), "check_result": types.StringNull()},
		{"raw": nil, "dir_check": types.StringNull(), "num_total_files": types.Int64Null(), "num_different_files": types.Int64Null(),
			"num_target_miss_files": types.Int64Null(), "num_target_more_files": types.Int64Null(),
			"finished_time": types.Int64Null(), "check_result": types.StringNull()},
	}
	for i, e := range list.Elements() {
		got := resultAttributes(t, e)
		for name, w := range want[i] {
			if w != nil && !got[name].Equal(w) {
				t.Errorf("results[%d].%s = %v, want %v", i, name, got[name], w)
			}
		}
	}
}

func resultAttributes(t *testing.T, v attr.Value) map[string]attr.Value {
	t.Helper()
	obj, ok := v.(types.Object)
	if !ok {
		t.Fatalf("a result is a %T, not an object", v)
	}
	return obj.Attributes()
}
