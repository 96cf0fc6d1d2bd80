package task

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The seed's bounds, written out independently of the schema: the tests below derive the
// cases from these tables and from walking the schema, so a validator that is missing,
// wrong, or added without a documented bound fails a test. Where the two API models
// differ (migrationTaskLimits), the schema holds the looser bound, and so do these
// tables; each model's own is tested in resource_limits_test.go.

// migrationTaskStringMaxLength: string attributes whose maximum is not the seed's usual 255.
var migrationTaskStringMaxLength = map[string]int{
	"clone_server.error_msg":                                  1024,
	"source_server.volume_groups.logical_volumes.name":        1024,
	"target_server.volume_groups.logical_volumes.name":        1024,
	"source_server.volume_groups.logical_volumes.mount_point": 256,
	"target_server.volume_groups.logical_volumes.mount_point": 256,
	"target_disk_ids":        16384, // today's; refused under "seed"
	"snapshot_ids":           1024,
	"cutovered_snapshot_ids": 1024,
}

// migrationTaskStringMinLength: string attributes with a minimum length above 0.
var migrationTaskStringMinLength = map[string]int{
	"name": 1,
}

// migrationTaskStringsWithoutLength: enum strings for which the seed documents no length.
var migrationTaskStringsWithoutLength = map[string]bool{
	"os_type":                                         true,
	"source_server.boot_loader":                       true,
	"source_server.migration_cycle":                   true,
	"source_server.disks.partition_style":             true,
	"source_server.disks.device_use":                  true,
	"target_server.boot_loader":                       true,
	"target_server.disks.device_use":                  true,
	"target_server.disks.partition_style":             true,
	"target_server.disks.physical_volumes.device_use": true,
}

var migrationTaskStringEnums = migrationTaskEnumSpec{
	"type":                          "MIGRATE_FILE MIGRATE_BLOCK",
	"os_type":                       "WINDOWS LINUX",
	"source_server.os_type":         "WINDOWS LINUX",
	"target_server.os_type":         "WINDOWS LINUX",
	"source_server.firmware":        "BIOS UEFI",
	"target_server.firmware":        "BIOS UEFI",
	"source_server.boot_loader":     "GRUB LILO",
	"target_server.boot_loader":     "GRUB LILO",
	"source_server.migration_cycle": "cutovering cutovered checking setting replicating syncing",
	// Today's 19 states and the seed's 12, sorted as the union of two models' values is.
	"source_server.state":                                    "cleared clearfailed clearing cloning cutovering deleting error finished initialize premiged premigfailed premigready replicate skipping stopped stopping syncing unavailable waiting",
	"source_server.disks.partition_style":                    "MBR GPT",
	"target_server.disks.partition_style":                    "MBR GPT",
	"source_server.disks.device_use":                         "BOOT OS",
	"source_server.disks.physical_volumes.device_use":        "NORMAL BOOT OS",
	"source_server.volume_groups.logical_volumes.device_use": "NORMAL BOOT OS",
	"target_server.disks.device_use":                         "NORMAL OS BOOT",
	"target_server.disks.physical_volumes.device_use":        "BOOT NORMAL OS", // a limits-table row: sorted
	"action": "start stop restart test clone_test network_check clear skip migration_test", // the action API's operations
}.split()

// migrationTaskInt64Max: Int64 attributes bounded above (every integer has minimum 0; the
// others are the seed's Long, whose maximum is the int64 maximum).
var migrationTaskInt64Max = map[string]int64{
	"speed_limit":                                             10000,
	"priority":                                                65535, // today's CreateTask; 0, 1 or 2 under "seed"
	"source_server.cpu_quantity":                              65535,
	"target_server.cpu_quantity":                              65535,
	"source_server.disks.inode_size":                          4294967296,
	"source_server.disks.physical_volumes.inode_size":         4294967296,
	"source_server.disks.physical_volumes.index":              2147483647,
	"source_server.disks.physical_volumes.size_per_cluster":   2147483647,
	"source_server.btrfs_list.sectorsize":                     2147483647,
	"target_server.btrfs_file_systems.sectorsize":             2147483647,
	"source_server.networks.mtu":                              2147483647,
	"target_server.networks.mtu":                              2147483647,
	"target_server.disks.physical_volumes.index":              2147483647,
	"source_server.volume_groups.logical_volumes.inode_size":  4294967296,
	"target_server.volume_groups.logical_volumes.inode_size":  4294967296,
	"source_server.volume_groups.logical_volumes.block_count": 4294967296,
	"target_server.volume_groups.logical_volumes.block_count": 4294967296,
	"source_server.volume_groups.logical_volumes.block_size":  1048576,
	"target_server.volume_groups.logical_volumes.block_size":  1048576,
}

// migrationTaskInt64Enums: integer attributes limited to a set of values.
var migrationTaskInt64Enums = map[string][]int64{}

// migrationTaskListMax: lists whose maximum is not the seed's usual 65535 items.
var migrationTaskListMax = map[string]int{
	"source_server.volume_groups.logical_volumes": 255,
	"target_server.volume_groups.logical_volumes": 255,
}

// migrationTaskFloat64AtLeastZero: Float64 attributes with a lower bound only.
var migrationTaskFloat64AtLeastZero = map[string]bool{"over_speed_threshold": true}

type migrationTaskEnumSpec map[string]string

// split turns the space-separated value lists into slices (a trailing space is the empty value).
func (m migrationTaskEnumSpec) split() map[string][]string {
	out := make(map[string][]string, len(m))
	for k, v := range m {
		out[k] = strings.Split(v, " ")
	}
	return out
}

// migrationTaskValidatorCase runs the validators of the attribute at key against value.
type migrationTaskValidatorCase struct {
	name  string
	key   string
	value attr.Value
	// wantErr, when set, must appear in the detail of an error diagnostic, and every
	// diagnostic must be on wantPath (the attribute's own path unless set).
	wantErr  string
	wantPath *path.Path
	// Without wantErr: the value is just inside a bound, so no diagnostic may mention
	// okUnlessText ("" means no diagnostic at all).
	okUnlessText string
}

// migrationTaskRunAttributeValidators runs every validator of a on value as the framework would.
func migrationTaskRunAttributeValidators(ctx context.Context, t *testing.T, a schema.Attribute, p path.Path, value attr.Value) diag.Diagnostics {
	t.Helper()
	var diags diag.Diagnostics
	switch a := a.(type) {
	case schema.StringAttribute:
		for _, v := range a.Validators {
			resp := validator.StringResponse{}
			v.ValidateString(ctx, validator.StringRequest{Path: p, PathExpression: p.Expression(), ConfigValue: testAs[types.String](t, value)}, &resp)
			diags.Append(resp.Diagnostics...)
		}
	case schema.Int64Attribute:
		for _, v := range a.Validators {
			resp := validator.Int64Response{}
			v.ValidateInt64(ctx, validator.Int64Request{Path: p, PathExpression: p.Expression(), ConfigValue: testAs[types.Int64](t, value)}, &resp)
			diags.Append(resp.Diagnostics...)
		}
	case schema.Float64Attribute:
		for _, v := range a.Validators {
			resp := validator.Float64Response{}
			v.ValidateFloat64(ctx, validator.Float64Request{Path: p, PathExpression: p.Expression(), ConfigValue: testAs[types.Float64](t, value)}, &resp)
			diags.Append(resp.Diagnostics...)
		}
	case schema.ListAttribute, schema.ListNestedAttribute:
		for _, v := range migrationTaskListValidators(a) {
			resp := validator.ListResponse{}
			v.ValidateList(ctx, validator.ListRequest{Path: p, PathExpression: p.Expression(), ConfigValue: testAs[types.List](t, value)}, &resp)
			diags.Append(resp.Diagnostics...)
		}
	default:
		t.Fatalf("no validator runner for %T", a)
	}
	return diags
}

func migrationTaskListValidators(a schema.Attribute) []validator.List {
	switch a := a.(type) {
	case schema.ListAttribute:
		return a.Validators
	case schema.ListNestedAttribute:
		return a.Validators
	}
	return nil
}

// migrationTaskComputedOnly: an attribute users cannot set.
func migrationTaskComputedOnly(a schema.Attribute) bool {
	return a.IsComputed() && !a.IsOptional() && !a.IsRequired()
}

// migrationTaskValidatorCount is how many validators an attribute carries (0 for kinds without any).
func migrationTaskValidatorCount(a schema.Attribute) int {
	switch a := a.(type) {
	case schema.StringAttribute:
		return len(a.Validators)
	case schema.Int64Attribute:
		return len(a.Validators)
	case schema.Float64Attribute:
		return len(a.Validators)
	case schema.BoolAttribute:
		return len(a.Validators)
	case schema.ListAttribute:
		return len(a.Validators)
	case schema.ListNestedAttribute:
		return len(a.Validators)
	case schema.SingleNestedAttribute:
		return len(a.Validators)
	}
	return -1
}

// migrationTaskListOf builds a list of n null elements of the attribute's element type.
func migrationTaskListOf(ctx context.Context, t *testing.T, a schema.Attribute, n int) types.List {
	t.Helper()
	elemType := migrationTaskListElemType(t, a)
	elem, err := elemType.ValueFromTerraform(ctx, tftypes.NewValue(elemType.TerraformType(ctx), nil))
	if err != nil {
		t.Fatalf("null element: %v", err)
	}
	elems := make([]attr.Value, n)
	for i := range elems {
		elems[i] = elem
	}
	list, diags := types.ListValue(elemType, elems)
	if diags.HasError() {
		t.Fatalf("list of %d: %v", n, diags)
	}
	return list
}

func migrationTaskListElemType(t *testing.T, a schema.Attribute) attr.Type {
	t.Helper()
	lt, ok := a.GetType().(types.ListType)
	if !ok {
		t.Fatalf("%T is not a list", a)
	}
	return lt.ElemType
}

// migrationTaskMisspell returns the value in the wrong case, as a typo would.
func migrationTaskMisspell(v string) string {
	if lower := strings.ToLower(v); lower != v {
		return lower
	}
	return strings.ToUpper(v)
}

// migrationTaskGeneratedCases walks the schema and, from the bound tables, builds for every
// validated attribute: one past each bound (error), each bound itself (no error), a
// misspelled value of each enum, a valid value, null and unknown.
func migrationTaskGeneratedCases(ctx context.Context, t *testing.T) []migrationTaskValidatorCase {
	t.Helper()
	var cases []migrationTaskValidatorCase
	add := func(c migrationTaskValidatorCase) { cases = append(cases, c) }
	for _, n := range migrationTaskSchemaNodes(t) {
		if strings.HasPrefix(n.key, "timeouts") || isMigrationTaskLifecycleKey(n.key) {
			continue // not seed fields (the timeouts library's, the lifecycle's): see the hand-written cases
		}
		if migrationTaskComputedOnly(n.attr) {
			continue // users cannot set it, so a validator would never see a value
		}
		switch a := n.attr.(type) {
		case schema.StringAttribute:
			add(migrationTaskValidatorCase{name: "null", key: n.key, value: types.StringNull()})
			add(migrationTaskValidatorCase{name: "unknown", key: n.key, value: types.StringUnknown()})
			valid := "a"
			if enum, ok := migrationTaskStringEnums[n.key]; ok {
				valid = enum[0]
				for _, v := range enum {
					add(migrationTaskValidatorCase{name: fmt.Sprintf("allowed %q", v), key: n.key,
						value: types.StringValue(v), okUnlessText: "value must be one of"})
					if v == "" {
						continue
					}
					add(migrationTaskValidatorCase{name: "misspelled " + v, key: n.key,
						value: types.StringValue(migrationTaskMisspell(v)), wantErr: "value must be one of: " + migrationTaskQuoted(enum)})
				}
				add(migrationTaskValidatorCase{name: "not in enum", key: n.key,
					value: types.StringValue("NOT_A_VALUE"), wantErr: "value must be one of: " + migrationTaskQuoted(enum)})
			}
			add(migrationTaskValidatorCase{name: "valid", key: n.key, value: types.StringValue(valid)})
			if migrationTaskStringsWithoutLength[n.key] {
				continue
			}
			maxLen, minLen := 255, migrationTaskStringMinLength[n.key]
			if m, ok := migrationTaskStringMaxLength[n.key]; ok {
				maxLen = m
			}
			lengthText := fmt.Sprintf("string length must be at most %d", maxLen)
			switch {
			case n.key == "name": // counted in characters: Chinese names are allowed
				lengthText = fmt.Sprintf("UTF-8 character count must be between %d and %d", minLen, maxLen)
			case minLen > 0:
				lengthText = fmt.Sprintf("string length must be between %d and %d", minLen, maxLen)
			}
			add(migrationTaskValidatorCase{name: "one too long", key: n.key,
				value: types.StringValue(strings.Repeat("a", maxLen+1)), wantErr: lengthText})
			add(migrationTaskValidatorCase{name: "longest", key: n.key,
				value: types.StringValue(strings.Repeat("a", maxLen)), okUnlessText: "length"})
			if minLen > 0 {
				add(migrationTaskValidatorCase{name: "one too short", key: n.key,
					value: types.StringValue(strings.Repeat("a", minLen-1)), wantErr: lengthText})
				add(migrationTaskValidatorCase{name: "shortest", key: n.key,
					value: types.StringValue(strings.Repeat("a", minLen)), okUnlessText: "length"})
			}

		case schema.Int64Attribute:
			add(migrationTaskValidatorCase{name: "null", key: n.key, value: types.Int64Null()})
			add(migrationTaskValidatorCase{name: "unknown", key: n.key, value: types.Int64Unknown()})
			if enum, ok := migrationTaskInt64Enums[n.key]; ok {
				quoted := make([]string, len(enum))
				for i, v := range enum {
					add(migrationTaskValidatorCase{name: fmt.Sprintf("allowed %d", v), key: n.key, value: types.Int64Value(v)})
					quoted[i] = fmt.Sprint(v)
				}
				want := "value must be one of: " + migrationTaskQuoted(quoted)
				add(migrationTaskValidatorCase{name: "below enum", key: n.key, value: types.Int64Value(enum[0] - 1), wantErr: want})
				add(migrationTaskValidatorCase{name: "above enum", key: n.key, value: types.Int64Value(enum[len(enum)-1] + 1), wantErr: want})
				continue
			}
			maxValue, bounded := migrationTaskInt64Max[n.key]
			text := "value must be at least 0"
			if bounded {
				text = fmt.Sprintf("value must be between 0 and %d", maxValue)
				add(migrationTaskValidatorCase{name: "one above max", key: n.key, value: types.Int64Value(maxValue + 1), wantErr: text})
			} else {
				maxValue = math.MaxInt64 // Long
			}
			add(migrationTaskValidatorCase{name: "max", key: n.key, value: types.Int64Value(maxValue)})
			add(migrationTaskValidatorCase{name: "one below min", key: n.key, value: types.Int64Value(-1), wantErr: text})
			add(migrationTaskValidatorCase{name: "min", key: n.key, value: types.Int64Value(0)})

		case schema.Float64Attribute:
			add(migrationTaskValidatorCase{name: "null", key: n.key, value: types.Float64Null()})
			add(migrationTaskValidatorCase{name: "unknown", key: n.key, value: types.Float64Unknown()})
			if !migrationTaskFloat64AtLeastZero[n.key] {
				t.Errorf("float attribute %s has no bound in the test tables", n.key)
				continue
			}
			add(migrationTaskValidatorCase{name: "just below min", key: n.key, value: types.Float64Value(-0.5),
				wantErr: "value must be at least 0.000000, got: -0.500000"})
			add(migrationTaskValidatorCase{name: "min", key: n.key, value: types.Float64Value(0)})
			add(migrationTaskValidatorCase{name: "large", key: n.key, value: types.Float64Value(150.5)})

		case schema.ListAttribute, schema.ListNestedAttribute:
			elemType := migrationTaskListElemType(t, a)
			add(migrationTaskValidatorCase{name: "null", key: n.key, value: types.ListNull(elemType)})
			add(migrationTaskValidatorCase{name: "unknown", key: n.key, value: types.ListUnknown(elemType)})
			add(migrationTaskValidatorCase{name: "empty", key: n.key, value: types.ListValueMust(elemType, nil)})
			maxItems := 65535
			if m, ok := migrationTaskListMax[n.key]; ok {
				maxItems = m
			}
			add(migrationTaskValidatorCase{name: "one item too many", key: n.key, value: migrationTaskListOf(ctx, t, a, maxItems+1),
				wantErr: fmt.Sprintf("list must contain at most %d elements", maxItems)})
			add(migrationTaskValidatorCase{name: "most items", key: n.key, value: migrationTaskListOf(ctx, t, a, maxItems)})
		}
	}
	return cases
}

func migrationTaskQuoted(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = fmt.Sprintf("%q", v)
	}
	return "[" + strings.Join(q, " ") + "]"
}

// migrationTaskHandWrittenCases are the bounds worth spelling out.
func migrationTaskHandWrittenCases() []migrationTaskValidatorCase {
	btrfsElement := path.Root("target_server").AtName("btrfs_list").AtListIndex(1)
	nameRule := "must contain only Chinese characters, letters, digits, underscores (_) and hyphens (-)"
	cases := []migrationTaskValidatorCase{
		{name: "chinese name", key: "name", value: types.StringValue("迁移任务_web-01")},
		{name: "255 chinese characters", key: "name", value: types.StringValue(strings.Repeat("迁", 255))},
		{name: "256 chinese characters", key: "name", value: types.StringValue(strings.Repeat("迁", 256)),
			wantErr: "UTF-8 character count must be between 1 and 255, got: 256"},
		{name: "name with a space", key: "name", value: types.StringValue("my task"), wantErr: nameRule},
		{name: "name with a slash", key: "name", value: types.StringValue("web/01"), wantErr: nameRule},
		{name: "name with a dot", key: "name", value: types.StringValue("web.01"), wantErr: nameRule},
		{name: "empty enterprise project (today's)", key: "enterprise_project_id", value: types.StringValue("")},
		{name: "priority 3 (today's)", key: "priority", value: types.Int64Value(3)},
		{name: "inode_size above int32", key: "source_server.disks.inode_size", value: types.Int64Value(4294967296)},
		{name: "block_count above 2^32", key: "target_server.volume_groups.logical_volumes.block_count",
			value: types.Int64Value(4294967297), wantErr: "value must be between 0 and 4294967296, got: 4294967297"},
		{name: "speed_limit 10001", key: "speed_limit", value: types.Int64Value(10001),
			wantErr: "value must be between 0 and 10000, got: 10001"},
		{name: "lowercase source os_type", key: "source_server.os_type", value: types.StringValue("windows"),
			wantErr: `value must be one of: ["WINDOWS" "LINUX"], got: "windows"`},
		{name: "start_type empty string", key: "source_server.start_type", value: types.StringValue("")},
		// Free text today, so the schema takes it; "seed" refuses it at plan time
		// (migrationTaskLimits, tested in resource_limits_test.go).
		{name: "start_type AUTO (free text today)", key: "source_server.start_type", value: types.StringValue("AUTO")},
		{name: "btrfs_list element too long", key: "target_server.btrfs_list",
			value: types.ListValueMust(types.StringType, []attr.Value{
				types.StringValue("ok"), types.StringValue(strings.Repeat("b", 256)),
			}),
			wantErr: "string length must be at most 255, got: 256", wantPath: &btrfsElement},
		{name: "btrfs_list longest element", key: "target_server.btrfs_list",
			value: types.ListValueMust(types.StringType, []attr.Value{types.StringValue(strings.Repeat("b", 255))})},
		{name: "btrfs_list unknown element", key: "target_server.btrfs_list",
			value: types.ListValueMust(types.StringType, []attr.Value{types.StringUnknown()})},
	}
	// The lifecycle attributes: bounds from the action and speed-limit API documents.
	clockRule := "must be a time of day as HH:MM, 00:00 to 23:59"
	for _, key := range []string{"speed_limit_windows.start", "speed_limit_windows.end"} {
		cases = append(cases,
			migrationTaskValidatorCase{name: "midnight", key: key, value: types.StringValue("00:00")},
			migrationTaskValidatorCase{name: "last minute", key: key, value: types.StringValue("23:59")},
			migrationTaskValidatorCase{name: "24:00", key: key, value: types.StringValue("24:00"), wantErr: clockRule},
			migrationTaskValidatorCase{name: "no leading zero", key: key, value: types.StringValue("7:30"), wantErr: clockRule},
			migrationTaskValidatorCase{name: "minute 60", key: key, value: types.StringValue("12:60"), wantErr: clockRule},
			migrationTaskValidatorCase{name: "with seconds", key: key, value: types.StringValue("12:00:00"), wantErr: clockRule},
		)
	}
	cases = append(cases,
		// Below 1 is the list validator's (speed_limit_rules_test.go), which says why 0 is refused.
		migrationTaskValidatorCase{name: "speed 0", key: "speed_limit_windows.speed", value: types.Int64Value(0)},
		migrationTaskValidatorCase{name: "speed 1000", key: "speed_limit_windows.speed", value: types.Int64Value(1000)},
		migrationTaskValidatorCase{name: "speed 1001", key: "speed_limit_windows.speed", value: types.Int64Value(1001),
			wantErr: "value must be at most 1000, got: 1001"},
		migrationTaskValidatorCase{name: "threshold 0", key: "speed_limit_windows.over_speed_threshold", value: types.Float64Value(0)},
		migrationTaskValidatorCase{name: "negative threshold", key: "speed_limit_windows.over_speed_threshold", value: types.Float64Value(-0.5),
			wantErr: "value must be at least 0.000000, got: -0.500000"},
		migrationTaskValidatorCase{name: "65536 windows", key: "speed_limit_windows", value: SpeedWindows(65536),
			wantErr: "list must contain at most 65535 elements, got: 65536"},
		migrationTaskValidatorCase{name: "65535 windows", key: "speed_limit_windows", value: SpeedWindows(65535),
			okUnlessText: "list must contain at most"}, // copies of one window: they overlap, which other cases test
		migrationTaskValidatorCase{name: "action start", key: "action", value: types.StringValue("start")},
		migrationTaskValidatorCase{name: "action migration_test", key: "action", value: types.StringValue("migration_test")},
		migrationTaskValidatorCase{name: "action capitalised", key: "action", value: types.StringValue("Start"),
			wantErr: `value must be one of: ["start" "stop" "restart" "test" "clone_test" "network_check" "clear" "skip" "migration_test"], got: "Start"`},
		migrationTaskValidatorCase{name: "action collect_log (not an operation)", key: "action", value: types.StringValue("collect_log"),
			wantErr: "value must be one of"},
		migrationTaskValidatorCase{name: "action cutover (not an SDK constant)", key: "action", value: types.StringValue("cutover"),
			wantErr: "value must be one of"},
	)
	for _, op := range []string{"create", "update", "delete"} {
		cases = append(cases,
			migrationTaskValidatorCase{name: "duration", key: "timeouts." + op, value: types.StringValue("45m")},
			migrationTaskValidatorCase{name: "not a duration", key: "timeouts." + op, value: types.StringValue("ten minutes"),
				wantErr: `"ten minutes" must be a string containing a sequence of decimal numbers`},
		)
	}
	return cases
}

func TestMigrationTaskResourceAttributeValidators(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	nodes := map[string]migrationTaskSchemaNode{}
	for _, n := range migrationTaskSchemaNodes(t) {
		nodes[n.key] = n
	}

	cases := append(migrationTaskGeneratedCases(ctx, t), migrationTaskHandWrittenCases()...)
	failing := map[string]int{}
	for _, c := range cases {
		if c.wantErr != "" {
			failing[c.key]++
		}
	}

	t.Run("every validated attribute has a failing case", func(t *testing.T) {
		t.Parallel()
		for _, n := range nodes {
			count := migrationTaskValidatorCount(n.attr)
			if migrationTaskComputedOnly(n.attr) {
				if count > 0 {
					t.Errorf("%s is Computed only, so its %d validators never see a configured value", n.key, count)
				}
				continue
			}
			if count > 0 && failing[n.key] == 0 {
				t.Errorf("%s has %d validators but no case exercises them", n.key, count)
			}
			if count == 0 && failing[n.key] > 0 {
				t.Errorf("%s has cases expecting errors but no validators", n.key)
			}
			if count == 0 {
				switch n.attr.(type) {
				case schema.StringAttribute, schema.Int64Attribute, schema.Float64Attribute, schema.ListAttribute, schema.ListNestedAttribute:
					t.Errorf("%s has a documented bound but no validator", n.key)
				}
			}
		}
	})

	t.Run("bound tables name real attributes", func(t *testing.T) {
		t.Parallel()
		var keys []string
		for k := range migrationTaskStringMaxLength {
			keys = append(keys, k)
		}
		for k := range migrationTaskStringMinLength {
			keys = append(keys, k)
		}
		for k := range migrationTaskStringsWithoutLength {
			keys = append(keys, k)
		}
		for k := range migrationTaskStringEnums {
			keys = append(keys, k)
		}
		for k := range migrationTaskInt64Max {
			keys = append(keys, k)
		}
		for k := range migrationTaskInt64Enums {
			keys = append(keys, k)
		}
		for k := range migrationTaskListMax {
			keys = append(keys, k)
		}
		for k := range migrationTaskFloat64AtLeastZero {
			keys = append(keys, k)
		}
		for _, k := range keys {
			if _, ok := nodes[k]; !ok {
				t.Errorf("bound table names %s, which is not in the schema", k)
			}
		}
		// Every enum in the schema is in the table (a OneOf the seed does not document fails here).
		for _, n := range nodes {
			if s, ok := n.attr.(schema.StringAttribute); ok {
				hasOneOf := false
				for _, v := range s.Validators {
					hasOneOf = hasOneOf || strings.HasPrefix(v.Description(ctx), "value must be one of")
				}
				if _, documented := migrationTaskStringEnums[n.key]; hasOneOf != documented {
					t.Errorf("%s: OneOf validator present = %v, documented enum = %v", n.key, hasOneOf, documented)
				}
			}
		}
	})

	for _, c := range cases {
		n, ok := nodes[c.key]
		if !ok {
			t.Errorf("case %q: no attribute %s", c.name, c.key)
			continue
		}
		t.Run(c.key+"/"+c.name, func(t *testing.T) {
			t.Parallel()
			diags := migrationTaskRunAttributeValidators(ctx, t, n.attr, n.path, c.value)
			if c.wantErr == "" {
				for _, d := range diags {
					if c.okUnlessText == "" || strings.Contains(d.Detail(), c.okUnlessText) {
						t.Errorf("unexpected diagnostic: %s: %s", d.Summary(), d.Detail())
					}
				}
				return
			}
			if !diags.HasError() {
				t.Fatalf("want an error containing %q, got none", c.wantErr)
			}
			wantPath := n.path
			if c.wantPath != nil {
				wantPath = *c.wantPath
			}
			found := false
			for _, d := range diags {
				withPath, ok := d.(diag.DiagnosticWithPath)
				if !ok {
					t.Errorf("diagnostic %q has no attribute path", d.Summary())
					continue
				}
				if !withPath.Path().Equal(wantPath) {
					t.Errorf("diagnostic path = %s, want %s", withPath.Path(), wantPath)
				}
				found = found || (d.Severity() == diag.SeverityError && strings.Contains(d.Detail(), c.wantErr))
			}
			if !found {
				t.Errorf("no error diagnostic contains %q; got %v", c.wantErr, diags)
			}
		})
	}
}

// migrationTaskTestConfig is a configuration with every attribute null except the given ones.
func migrationTaskTestConfig(ctx context.Context, t *testing.T, values map[string]tftypes.Value) tfsdk.Config {
	t.Helper()
	s := migrationTaskTestSchema(t)
	objType, ok := s.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		t.Fatalf("schema type is %T, want an object", s.Type().TerraformType(ctx))
	}
	raw := map[string]tftypes.Value{}
	for name, typ := range objType.AttributeTypes {
		raw[name] = tftypes.NewValue(typ, nil)
	}
	for name, v := range values {
		if _, ok := raw[name]; !ok {
			t.Fatalf("no attribute %s", name)
		}
		raw[name] = v
	}
	return tfsdk.Config{Schema: s, Raw: tftypes.NewValue(objType, raw)}
}

func TestMigrationTaskResourceConfigValidators(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ipv4 := func(s string) map[string]tftypes.Value {
		return map[string]tftypes.Value{"migration_ip": tftypes.NewValue(tftypes.String, s)}
	}
	withIPv6 := func(s string, useIPv6 any) map[string]tftypes.Value {
		return map[string]tftypes.Value{
			"migration_ip": tftypes.NewValue(tftypes.String, s),
			"use_ipv6":     tftypes.NewValue(tftypes.Bool, useIPv6),
		}
	}

	type wantDiag struct {
		Path    string
		Summary string
	}
	migrationIPWanted := []wantDiag{{Path: "migration_ip", Summary: "Invalid migration_ip"}}
	tests := []struct {
		name       string
		values     map[string]tftypes.Value
		want       []wantDiag
		wantDetail []string
	}{
		{name: "nothing set", values: nil},
		{name: "IPv4 without use_ipv6", values: ipv4("192.168.0.10")},
		{name: "IPv4 with use_ipv6 false", values: withIPv6("10.0.0.21", false)},
		{name: "IPv6 with use_ipv6 true", values: withIPv6("2001:db8::10", true)},
		{name: "empty migration_ip", values: ipv4("")},
		{name: "IPv6 without use_ipv6", values: ipv4("2001:db8::10"), want: migrationIPWanted,
			wantDetail: []string{"migration_ip must be an IPv4 address", `got: "2001:db8::10"`, "use_ipv6 = true"}},
		{name: "IPv6 with use_ipv6 false", values: withIPv6("fe80::1", false), want: migrationIPWanted,
			wantDetail: []string{"migration_ip must be an IPv4 address", "use_ipv6 is false or unset"}},
		{name: "IPv4 with use_ipv6 true", values: withIPv6("192.168.0.10", true), want: migrationIPWanted,
			wantDetail: []string{"migration_ip must be an IPv6 address", "because use_ipv6 is true", `got: "192.168.0.10"`}},
		{name: "garbage", values: ipv4("not-an-ip"), want: migrationIPWanted,
			wantDetail: []string{"migration_ip must be an IPv4 address", `got: "not-an-ip"`}},
		{name: "garbage with use_ipv6 true", values: withIPv6("2001:db8::zz", true), want: migrationIPWanted,
			wantDetail: []string{"migration_ip must be an IPv6 address"}},
		{name: "IPv4 with a port", values: ipv4("192.168.0.10:22"), want: migrationIPWanted,
			wantDetail: []string{"migration_ip must be an IPv4 address"}},
		{name: "IPv6 with a zone", values: withIPv6("fe80::1%eth0", true), want: migrationIPWanted,
			wantDetail: []string{"migration_ip must be an IPv6 address"}},
		{name: "unknown migration_ip", values: map[string]tftypes.Value{
			"migration_ip": tftypes.NewValue(tftypes.String, tftypes.UnknownValue),
			"use_ipv6":     tftypes.NewValue(tftypes.Bool, true),
		}},
		{name: "unknown use_ipv6", values: withIPv6("2001:db8::10", tftypes.UnknownValue)},
		{name: "unknown use_ipv6 with garbage", values: withIPv6("not-an-ip", tftypes.UnknownValue)},
	}
	r := &migrationTaskResource{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cfg := migrationTaskTestConfig(ctx, t, tt.values)
			var diags diag.Diagnostics
			for _, v := range r.ConfigValidators(ctx) {
				resp := resource.ValidateConfigResponse{}
				v.ValidateResource(ctx, resource.ValidateConfigRequest{Config: cfg}, &resp)
				diags.Append(resp.Diagnostics...)
			}
			var got []wantDiag
			for _, d := range diags {
				if d.Severity() != diag.SeverityError {
					t.Errorf("unexpected %s diagnostic %q", d.Severity(), d.Summary())
				}
				p := "<none>"
				if withPath, ok := d.(diag.DiagnosticWithPath); ok {
					p = withPath.Path().String()
				}
				got = append(got, wantDiag{Path: p, Summary: d.Summary()})
				for _, text := range tt.wantDetail {
					if !strings.Contains(d.Detail(), text) {
						t.Errorf("detail %q does not contain %q", d.Detail(), text)
					}
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

// isMigrationTaskLifecycleKey reports whether key is one of the attributes that drive the
// migration (action, wait_for_completion, speed_limit_windows) rather than a seed field.
func isMigrationTaskLifecycleKey(key string) bool {
	for _, f := range migrationTaskLifecycleFields() {
		if key == f.Key || strings.HasPrefix(key, f.Key+".") {
			return true
		}
	}
	return false
}

// testWindows is a list of n valid speed-limit windows.
func SpeedWindows(n int) types.List {
	objType := types.ObjectType{AttrTypes: migrationTaskAttrTypesAt("speed_limit_windows")}
	window := types.ObjectValueMust(objType.AttrTypes, map[string]attr.Value{
		"start": types.StringValue("00:00"), "end": types.StringValue("06:00"),
		"speed": types.Int64Value(100), "over_speed_threshold": types.Float64Null(),
	})
	elems := make([]attr.Value, n)
	for i := range elems {
		elems[i] = window
	}
	return types.ListValueMust(objType, elems)
}

// testAs asserts v's type, failing the test instead of panicking.
func testAs[T attr.Value](t *testing.T, v attr.Value) T {
	t.Helper()
	got, ok := v.(T)
	if !ok {
		t.Fatalf("value %v is a %T, not the attribute's type", v, v)
	}
	return got
}
