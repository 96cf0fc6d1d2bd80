package task

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A row's "[0]" step reaches the first item of a list only, "[]" every item.
func TestConfiguredAtListSteps(t *testing.T) {
	t.Parallel()
	nic := types.ObjectType{AttrTypes: map[string]attr.Type{"mac": types.StringType}}
	nics := types.ListValueMust(nic, []attr.Value{
		types.ObjectValueMust(nic.AttrTypes, map[string]attr.Value{"mac": types.StringValue("")}),
		types.ObjectValueMust(nic.AttrTypes, map[string]attr.Value{"mac": types.StringValue("")}),
	})
	for _, tc := range []struct {
		step string
		want []string
	}{
		{"networks[0]", []string{"networks[0].mac"}},
		{"networks[]", []string{"networks[0].mac", "networks[1].mac"}},
	} {
		var got []string
		configuredAt(path.Root("networks"), nics, []string{tc.step, "mac"}, func(at path.Path, _ attr.Value) {
			got = append(got, at.String())
		})
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.step, diff)
		}
	}
}
