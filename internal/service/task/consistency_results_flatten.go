package task

import (
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/dsschema"
)

// consistencyResultItem is what an item of result_list may hold: ConsistencyResult's
// fields, and the verdict and finish time of the older object shape. Every field is a
// pointer: a field the item lacks stays null rather than reading as 0.
type consistencyResultItem struct {
	DirCheck           *string `json:"dir_check"`
	NumTotalFiles      *int64  `json:"num_total_files"`
	NumDifferentFiles  *int64  `json:"num_different_files"`
	NumTargetMissFiles *int64  `json:"num_target_miss_files"`
	NumTargetMoreFiles *int64  `json:"num_target_more_files"`
	CheckResult        *string `json:"check_result"`
	FinishedTime       *int64  `json:"finished_time"`
}

// flattenConsistencyResults turns the items into the results list and the consistent
// verdict. An item that is not a JSON object of those fields keeps only raw.
func flattenConsistencyResults(items []string) (types.List, types.Bool) {
	itemType := types.ObjectType{AttrTypes: dsschema.AttrTypesOf(consistencyResultAttributes())}
	values := make([]attr.Value, len(items))
	allCounted, anyDiffers := len(items) > 0, false
	for i, raw := range items {
		var r consistencyResultItem
		if json.Unmarshal([]byte(raw), &r) != nil {
			r = consistencyResultItem{}
		}
		if r.NumDifferentFiles == nil || r.NumTargetMissFiles == nil || r.NumTargetMoreFiles == nil {
			allCounted = false
		} else if *r.NumDifferentFiles+*r.NumTargetMissFiles+*r.NumTargetMoreFiles > 0 {
			anyDiffers = true
		}
		values[i] = types.ObjectValueMust(itemType.AttrTypes, map[string]attr.Value{
			"raw":                   types.StringValue(raw),
			"dir_check":             types.StringPointerValue(r.DirCheck),
			"num_total_files":       types.Int64PointerValue(r.NumTotalFiles),
			"num_different_files":   types.Int64PointerValue(r.NumDifferentFiles),
			"num_target_miss_files": types.Int64PointerValue(r.NumTargetMissFiles),
			"num_target_more_files": types.Int64PointerValue(r.NumTargetMoreFiles),
			"check_result":          types.StringPointerValue(r.CheckResult),
			"finished_time":         types.Int64PointerValue(r.FinishedTime),
		})
	}
	consistent := types.BoolNull()
	switch {
	case anyDiffers:
		consistent = types.BoolValue(false)
	case allCounted:
		consistent = types.BoolValue(true)
	}
	return types.ListValueMust(itemType, values), consistent
}
