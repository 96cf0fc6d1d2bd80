package task

import (
	"fmt"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/values"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// migrationTaskNestedTypes ties each nested object of the task body, by its path in
// the schema, to the wire struct ShowTask's answer decodes it into and the one the PUT
// body sends it as (none for sub_tasks, which is never sent).
// TestExpandFlattenMigrationTaskNestedTypes holds them in lock step, which is what lets
// the generated fixtures below cover every field.
var migrationTaskNestedTypes = []struct {
	name string
	path string
	wire reflect.Type
	put  reflect.Type
}{
	{"source_server", "source_server", reflect.TypeFor[client.SourceServer](), reflect.TypeFor[client.PutSourceServer]()},
	{"server_disk", "source_server.disks", reflect.TypeFor[client.ServerDisk](), reflect.TypeFor[client.PutServerDisk]()},
	{"physical_volume", "source_server.disks.physical_volumes", reflect.TypeFor[client.PhysicalVolume](), reflect.TypeFor[client.PutPhysicalVolume]()},
	{"btrfs_file_system", "source_server.btrfs_list", reflect.TypeFor[client.BtrfsFileSystem](), reflect.TypeFor[client.PutBtrfsFileSystem]()},
	{"btrfs_subvolumn", "source_server.btrfs_list.subvolumn", reflect.TypeFor[client.BtrfsSubvolumn](), reflect.TypeFor[client.PutBtrfsSubvolumn]()},
	{"network", "source_server.networks", reflect.TypeFor[client.Network](), reflect.TypeFor[client.PutNetwork]()},
	{"volume_group", "source_server.volume_groups", reflect.TypeFor[client.VolumeGroup](), reflect.TypeFor[client.PutVolumeGroup]()},
	{"logical_volume", "source_server.volume_groups.logical_volumes", reflect.TypeFor[client.LogicalVolume](), reflect.TypeFor[client.PutLogicalVolume]()},
	{"target_network", "target_server.networks", reflect.TypeFor[client.TargetNetwork](), reflect.TypeFor[client.PutTargetNetwork]()},
	{"target_volume_group", "target_server.volume_groups", reflect.TypeFor[client.TargetVolumeGroup](), reflect.TypeFor[client.PutTargetVolumeGroup]()},
	{"target_logical_volume", "target_server.volume_groups.logical_volumes", reflect.TypeFor[client.TargetLogicalVolume](), reflect.TypeFor[client.PutTargetLogicalVolume]()},
	{"target_server", "target_server", reflect.TypeFor[client.TargetServer](), reflect.TypeFor[client.PutTargetServer]()},
	{"target_disk", "target_server.disks", reflect.TypeFor[client.TargetDisk](), reflect.TypeFor[client.PutTargetDisk]()},
	{"target_physical_volume", "target_server.disks.physical_volumes", reflect.TypeFor[client.TargetPhysicalVolume](), reflect.TypeFor[client.PutTargetPhysicalVolume]()},
	{"clone_server", "clone_server", reflect.TypeFor[client.CloneServer](), reflect.TypeFor[client.PutCloneServer]()},
	{"sub_task", "sub_tasks", reflect.TypeFor[client.SubTask](), nil},
}

// TestExpandFlattenMigrationTaskNestedTypes checks, for each of the 13 nested types,
// that the schema's attribute names and the read wire struct's JSON tags are the same
// set, that the PUT wire struct's JSON tags are the same set less the attributes
// declared in migrationTaskNotPutAsNamed, that each Go type maps as the contract says
// (*string -> String, *int64 -> Int64, *float64 -> Float64, *bool -> Bool, []T -> List),
// and that the reader built from the two finds nothing unmatched.
func TestExpandFlattenMigrationTaskNestedTypes(t *testing.T) {
	t.Parallel()
	for _, tc := range migrationTaskNestedTypes {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			attrTypes := migrationTaskAttrTypesAt(tc.path)
			attrNames := testSortedKeys(attrTypes)
			if diff := cmp.Diff(attrNames, structTags(tc.wire, "json")); diff != "" {
				t.Errorf("schema attributes vs wire json tags (-schema +wire):\n%s", diff)
			}
			for _, field := range testWireFields(tc.wire) {
				name, _, _ := strings.Cut(field.Tag.Get("json"), ",")
				want, got := wireKindToAttrType(field.Type), attrTypes[name]
				if want == nil || got == nil || !want.Equal(got) {
					t.Errorf("%s: wire type %s wants attr type %v, the schema has %v", name, field.Type, want, got)
				}
			}
			r, err := values.NewWireReader(migrationTaskElemObjectType(tc.path), tc.wire)
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Unmatched()) > 0 || len(r.Unused()) > 0 {
				t.Errorf("reader: attributes without a field %v, fields without an attribute %v", r.Unmatched(), r.Unused())
			}
			if tc.put == nil {
				return
			}
			var putNames []string
			for _, name := range attrNames {
				if _, excepted := migrationTaskNotPutAsNamed[tc.path+"."+name]; !excepted {
					putNames = append(putNames, name)
				}
			}
			if diff := cmp.Diff(putNames, structTags(tc.put, "json")); diff != "" {
				t.Errorf("schema attributes sent vs PUT wire json tags (-schema +wire):\n%s", diff)
			}
		})
	}
	for path := range migrationTaskNotPutAsNamed {
		migrationTaskTypeAt(path) // panics for a path that is not in the schema
	}
}

// TestFlattenMigrationTaskReadsEveryTaskKey: the ShowTask answer's top-level keys are
// exactly the read fields.
func TestFlattenMigrationTaskReadsEveryTaskKey(t *testing.T) {
	t.Parallel()
	r, err := values.NewWireReader(migrationTaskWireTypeAt(""), reflect.TypeFor[client.Task]())
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Unmatched()) > 0 || len(r.Unused()) > 0 {
		t.Errorf("read fields without a client.Task field %v, client.Task fields without a read field %v", r.Unmatched(), r.Unused())
	}
}

// TestExpandFlattenMigrationTaskFieldTables checks the top-level field tables: each entry's key is
// the tfsdk tag of the field it reads and writes, the tables plus timeouts cover the
// model exactly once, and the PUT fields are exactly the contract's list.
func TestExpandFlattenMigrationTaskFieldTables(t *testing.T) {
	t.Parallel()
	var all []migrationTaskField
	all = append(all, migrationTaskReadFields()...)
	all = append(all, migrationTaskCreateOnlyFields()...)
	all = append(all, migrationTaskLifecycleFields()...)
	all = append(all, migrationTaskCurrentModelFields()...)

	var keys []string
	for _, f := range all {
		keys = append(keys, f.Key)
		var m migrationTaskResourceModel
		if !f.set(&m, testNonNullLike(f.Get(&m))) {
			t.Errorf("%s: set rejected a value of its own type", f.Key)
			continue
		}
		if diff := cmp.Diff([]string{f.Key}, nonNullTags(m)); diff != "" {
			t.Errorf("%s: field written (-want +got):\n%s", f.Key, diff)
		}
		if f.set(&m, types.Float32Value(1)) {
			t.Errorf("%s: set accepted a value of another type", f.Key)
		}
	}
	keys = append(keys, "timeouts")
	sort.Strings(keys)
	if diff := cmp.Diff(structTags(reflect.TypeFor[migrationTaskResourceModel](), "tfsdk"), keys); diff != "" {
		t.Errorf("field tables vs model (-model +tables):\n%s", diff)
	}

	var putKeys []string
	for _, f := range migrationTaskPutFields() {
		putKeys = append(putKeys, f.Key)
	}
	sort.Strings(putKeys)
	wantPut := []string{"clone_server", "enterprise_project_id", "migration_ip", "name", "os_type", "priority",
		"project_id", "project_name", "region_id", "region_name", "source_server", "speed_limit",
		"start_target_server", "target_server", "type", "vm_template_id"}
	if diff := cmp.Diff(wantPut, putKeys); diff != "" {
		t.Errorf("PUT fields (-want +got):\n%s", diff)
	}
	// Every top-level key the client's Task decodes must land somewhere in the model.
	for _, tag := range structTags(reflect.TypeFor[client.Task](), "json") {
		if !slices.Contains(keys, tag) {
			t.Errorf("client.Task field %q has no model attribute", tag)
		}
	}
}

func structTags(t reflect.Type, key string) []string {
	var tags []string
	for _, f := range testWireFields(t) {
		name, _, _ := strings.Cut(f.Tag.Get(key), ",")
		tags = append(tags, name)
	}
	sort.Strings(tags)
	return tags
}

// testWireFields are t's fields as encoding/json sees them: an embedded struct's fields
// promoted (TargetNetwork is Network and ipv6), the embedded struct itself left out.
func testWireFields(t reflect.Type) []reflect.StructField {
	var out []reflect.StructField
	for _, f := range reflect.VisibleFields(t) {
		if !f.Anonymous {
			out = append(out, f)
		}
	}
	return out
}

func testSortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// wireKindToAttrType is the contract's mapping from a wire field's Go type to the
// attribute type; nested struct element types are checked by their own row.
func wireKindToAttrType(t reflect.Type) attr.Type {
	switch t.Kind() {
	case reflect.Pointer:
		switch t.Elem().Kind() {
		case reflect.String:
			return types.StringType
		case reflect.Int64:
			return types.Int64Type
		case reflect.Float64:
			return types.Float64Type
		case reflect.Bool:
			return types.BoolType
		}
	case reflect.Slice:
		if t.Elem().Kind() == reflect.String {
			return types.ListType{ElemType: types.StringType}
		}
		for _, row := range migrationTaskNestedTypes {
			if row.wire == t.Elem() {
				return types.ListType{ElemType: migrationTaskElemObjectType(row.path)}
			}
		}
	}
	return nil
}

// testNonNullLike returns a known value of the same Go type as v.
func testNonNullLike(v attr.Value) attr.Value {
	switch v.(type) {
	case types.String:
		return types.StringValue("x")
	case types.Int64:
		return types.Int64Value(1)
	case types.Bool:
		return types.BoolValue(true)
	case types.Float64:
		return types.Float64Value(1)
	case types.Object:
		return types.ObjectValueMust(map[string]attr.Type{}, map[string]attr.Value{})
	case types.List:
		return types.ListValueMust(types.StringType, nil)
	case types.Set:
		return types.SetValueMust(types.StringType, nil)
	}
	return v
}

// nonNullTags lists the tfsdk tags of the model's fields that are not null.
func nonNullTags(m migrationTaskResourceModel) []string {
	var tags []string
	v := reflect.ValueOf(m)
	for i := range v.NumField() {
		if a, ok := v.Field(i).Interface().(attr.Value); ok && !a.IsNull() {
			tags = append(tags, v.Type().Field(i).Tag.Get("tfsdk"))
		}
	}
	return tags
}

// testFullValue generates a known value of type ty with every attribute set, lists of
// two elements, and values unique within one seq (so swapped fields show up).
func testFullValue(ty attr.Type, seq *int) attr.Value {
	*seq++
	n := *seq
	switch tt := ty.(type) {
	case basetypes.StringType:
		return types.StringValue(fmt.Sprintf("s%d", n))
	case basetypes.Int64Type:
		return types.Int64Value(int64(1000 + n))
	case basetypes.BoolType:
		return types.BoolValue(n%2 == 0)
	case basetypes.Float64Type:
		return types.Float64Value(float64(n) + 0.25)
	case basetypes.ObjectType:
		attrs := map[string]attr.Value{}
		for _, name := range testSortedKeys(tt.AttrTypes) {
			attrs[name] = testFullValue(tt.AttrTypes[name], seq)
		}
		return types.ObjectValueMust(tt.AttrTypes, attrs)
	case basetypes.ListType:
		return types.ListValueMust(tt.ElemType, []attr.Value{testFullValue(tt.ElemType, seq), testFullValue(tt.ElemType, seq)})
	case basetypes.SetType:
		return types.SetValueMust(tt.ElemType, []attr.Value{testFullValue(tt.ElemType, seq), testFullValue(tt.ElemType, seq)})
	}
	panic(fmt.Sprintf("testFullValue: unsupported type %T", ty))
}

func testFullObject(attrTypes map[string]attr.Type, seq *int) types.Object {
	obj, ok := testFullValue(types.ObjectType{AttrTypes: attrTypes}, seq).(types.Object)
	if !ok {
		panic("testFullObject: not an object")
	}
	return obj
}

func testFullSet(attrTypes map[string]attr.Type, seq *int) types.Set {
	set, ok := testFullValue(types.SetType{ElemType: types.ObjectType{AttrTypes: attrTypes}}, seq).(types.Set)
	if !ok {
		panic("testFullSet: not a set")
	}
	return set
}

func testFullList(attrTypes map[string]attr.Type, seq *int) types.List {
	list, ok := testFullValue(types.ListType{ElemType: types.ObjectType{AttrTypes: attrTypes}}, seq).(types.List)
	if !ok {
		panic("testFullList: not a list")
	}
	return list
}

// testMigrationTaskFullModel is a fully populated model: every top-level attribute
// known, every nested type present (lists with two elements, every child set).
func testMigrationTaskFullModel() migrationTaskResourceModel {
	seq := 0
	return migrationTaskResourceModel{
		ID:                  types.StringValue("task-0001"),
		Name:                types.StringValue("web-migration"),
		Type:                types.StringValue("MIGRATE_BLOCK"),
		OSType:              types.StringValue("LINUX"),
		Priority:            types.Int64Value(2),
		RegionID:            types.StringValue("ap-southeast-3"),
		RegionName:          types.StringValue("ap-southeast-3"),
		ProjectID:           types.StringValue("0123456789abcdef0123456789abcdef"),
		ProjectName:         types.StringValue("ap-southeast-3"),
		EnterpriseProjectID: types.StringValue("0"),
		MigrationIP:         types.StringValue("10.0.0.99"),
		SpeedLimit:          types.Int64Value(100),
		StartTargetServer:   types.BoolValue(true),
		VMTemplateID:        types.StringValue("tmpl-1"),
		SourceServer:        testFullObject(migrationTaskAttrTypesAt("source_server"), &seq),
		TargetServer:        testFullObject(migrationTaskAttrTypesAt("target_server"), &seq),
		CloneServer:         testFullObject(migrationTaskAttrTypesAt("clone_server"), &seq),

		UsePublicIP:            types.BoolValue(true),
		UseIPv6:                types.BoolValue(false),
		Syncing:                types.BoolValue(true),
		ExistServer:            types.BoolValue(false),
		AutoStart:              types.BoolValue(true),
		StartNetworkCheck:      types.BoolValue(false),
		IsNeedConsistencyCheck: types.BoolValue(true),
		NeedMigrationTest:      types.BoolValue(true),
		OverSpeedThreshold:     types.Float64Value(12.5),
		ClonevmTemplateID:      types.StringValue("clone-tmpl-1"),

		State:                types.StringValue("RUNNING"),
		Connected:            types.BoolValue(true),
		CreateDate:           types.Int64Value(1598435778000),
		StartDate:            types.Int64Value(1598435784000),
		FinishDate:           types.Int64Value(1598435799000),
		EstimateCompleteTime: types.Int64Value(1598435899000),
		RemainSeconds:        types.Int64Value(60),
		TotalTime:            types.Int64Value(115),
		MigrateSpeed:         types.Float64Value(33.5),
		ErrorJSON:            types.StringValue(""),
		FloatIP:              types.StringValue("192.0.2.10"),
		TargetSnapshotID:     types.StringValue("snap-1"),
		SubTasks:             testFullList(migrationTaskAttrTypesAt("sub_tasks"), &seq),

		Action:            types.StringValue("start"),
		WaitForCompletion: types.BoolValue(true),
		SpeedLimitWindows: testFullList(migrationTaskAttrTypesAt("speed_limit_windows"), &seq),
		Configurations:    testFullSet(migrationTaskAttrTypesAt("configurations"), &seq),
	}
}

// testMigrationTaskNullModel is a model whose every attribute is a typed null: what a
// prior with nothing in it looks like once the framework has typed it.
func testMigrationTaskNullModel() migrationTaskResourceModel {
	return migrationTaskResourceModel{
		ID: types.StringNull(), Name: types.StringNull(), Type: types.StringNull(), OSType: types.StringNull(),
		Priority: types.Int64Null(), RegionID: types.StringNull(), RegionName: types.StringNull(),
		ProjectID: types.StringNull(), ProjectName: types.StringNull(), EnterpriseProjectID: types.StringNull(),
		MigrationIP: types.StringNull(), SpeedLimit: types.Int64Null(), StartTargetServer: types.BoolNull(),
		VMTemplateID: types.StringNull(),
		SourceServer: types.ObjectNull(migrationTaskAttrTypesAt("source_server")),
		TargetServer: types.ObjectNull(migrationTaskAttrTypesAt("target_server")),
		CloneServer:  types.ObjectNull(migrationTaskAttrTypesAt("clone_server")),
		UsePublicIP:  types.BoolNull(), UseIPv6: types.BoolNull(), Syncing: types.BoolNull(), ExistServer: types.BoolNull(),
		AutoStart: types.BoolNull(), StartNetworkCheck: types.BoolNull(), IsNeedConsistencyCheck: types.BoolNull(),
		NeedMigrationTest: types.BoolNull(), OverSpeedThreshold: types.Float64Null(), ClonevmTemplateID: types.StringNull(),
		State: types.StringNull(), Connected: types.BoolNull(), CreateDate: types.Int64Null(), StartDate: types.Int64Null(),
		FinishDate: types.Int64Null(), EstimateCompleteTime: types.Int64Null(), RemainSeconds: types.Int64Null(),
		TotalTime: types.Int64Null(), MigrateSpeed: types.Float64Null(), ErrorJSON: types.StringNull(),
		FloatIP: types.StringNull(), TargetSnapshotID: types.StringNull(),
		SubTasks: types.ListNull(types.ObjectType{AttrTypes: migrationTaskAttrTypesAt("sub_tasks")}),
		Action:   types.StringNull(), WaitForCompletion: types.BoolNull(),
		SpeedLimitWindows: types.ListNull(types.ObjectType{AttrTypes: migrationTaskAttrTypesAt("speed_limit_windows")}),
		Configurations:    types.SetNull(types.ObjectType{AttrTypes: migrationTaskAttrTypesAt("configurations")}),
	}
}

// testPathStep is one step into a value: a string attribute name or an int list index.
type testPathStep = any

// testGetPath returns the value at path inside v.
func testGetPath(t *testing.T, v attr.Value, path ...testPathStep) attr.Value {
	t.Helper()
	for _, step := range path {
		switch s := step.(type) {
		case string:
			v = testAsObject(t, v).Attributes()[s]
		case int:
			elems := testAsList(t, v).Elements()
			if s >= len(elems) {
				t.Fatalf("testGetPath: %v: no element %d", path, s)
			}
			v = elems[s]
		}
		if v == nil {
			t.Fatalf("testGetPath: %v not found", path)
		}
	}
	return v
}

// testGetList returns the list at path inside v.
func testGetList(t *testing.T, v attr.Value, path ...testPathStep) types.List {
	t.Helper()
	return testAsList(t, testGetPath(t, v, path...))
}

func testAsObject(t *testing.T, v attr.Value) types.Object {
	t.Helper()
	obj, ok := v.(types.Object)
	if !ok {
		t.Fatalf("%T is not a types.Object", v)
	}
	return obj
}

func testAsList(t *testing.T, v attr.Value) types.List {
	t.Helper()
	list, ok := v.(types.List)
	if !ok {
		t.Fatalf("%T is not a types.List", v)
	}
	return list
}

// testSetObjectPath returns obj with the value at path replaced by nv.
func testSetObjectPath(t *testing.T, obj types.Object, nv attr.Value, path ...testPathStep) types.Object {
	t.Helper()
	return testAsObject(t, testSetPath(t, obj, nv, path...))
}

// testSetPath returns v with the value at path replaced by nv.
func testSetPath(t *testing.T, v attr.Value, nv attr.Value, path ...testPathStep) attr.Value {
	t.Helper()
	if len(path) == 0 {
		return nv
	}
	switch s := path[0].(type) {
	case string:
		obj := testAsObject(t, v)
		attrs := obj.Attributes()
		attrs[s] = testSetPath(t, attrs[s], nv, path[1:]...)
		out, diags := types.ObjectValue(obj.AttributeTypes(t.Context()), attrs)
		if diags.HasError() {
			t.Fatalf("testSetPath %v: %v", path, diags)
		}
		return out
	case int:
		list := testAsList(t, v)
		elems := slices.Clone(list.Elements())
		elems[s] = testSetPath(t, elems[s], nv, path[1:]...)
		out, diags := types.ListValue(list.ElementType(t.Context()), elems)
		if diags.HasError() {
			t.Fatalf("testSetPath %v: %v", path, diags)
		}
		return out
	}
	t.Fatalf("testSetPath: bad step %v", path[0])
	return nil
}

// testAssertAllKnown fails for any unknown value, at any depth, in m.
func testAssertAllKnown(t *testing.T, m migrationTaskResourceModel) {
	t.Helper()
	v := reflect.ValueOf(m)
	for i := range v.NumField() {
		if a, ok := v.Field(i).Interface().(attr.Value); ok {
			if path := testcheck.FirstUnknown(a); path != "" {
				t.Errorf("%s%s is unknown", v.Type().Field(i).Tag.Get("tfsdk"), path)
			}
		}
	}
}

// TestFlattenMigrationTaskModelMatchesSchema sets models into a tfsdk.State built from
// the resource's real schema and reads them back: any drift between the schema's nested
// attribute types and the attrTypes funcs here fails State.Set, as it would in Read.
func TestFlattenMigrationTaskModelMatchesSchema(t *testing.T) {
	t.Parallel()
	var resp resource.SchemaResponse
	(&migrationTaskResource{}).Schema(t.Context(), resource.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("schema: %v", resp.Diagnostics)
	}
	timeoutsType, ok := resp.Schema.Attributes["timeouts"].GetType().(attr.TypeWithAttributeTypes)
	if !ok {
		t.Fatalf("timeouts attribute type %T has no attribute types", resp.Schema.Attributes["timeouts"].GetType())
	}
	nullTimeouts := timeouts.Value{Object: types.ObjectNull(timeoutsType.AttributeTypes())}

	seedBody, err := os.ReadFile("testdata/seed_put_example.json")
	if err != nil {
		t.Fatal(err)
	}
	seedModel, diags := decodeAndFlattenMigrationTask(t.Context(), seedBody, migrationTaskResourceModel{})
	if diags.HasError() {
		t.Fatal(diags)
	}

	for name, m := range map[string]migrationTaskResourceModel{
		"fully populated": testMigrationTaskFullModel(),
		"typed nulls":     testMigrationTaskNullModel(),
		"seed example":    seedModel,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			m.Timeouts = nullTimeouts
			state := tfsdk.State{Schema: resp.Schema, Raw: tftypes.NewValue(resp.Schema.Type().TerraformType(t.Context()), nil)}
			if d := state.Set(t.Context(), &m); d.HasError() {
				t.Fatalf("State.Set: %v", d)
			}
			var back migrationTaskResourceModel
			if d := state.Get(t.Context(), &back); d.HasError() {
				t.Fatalf("State.Get: %v", d)
			}
			if diff := cmp.Diff(m, back); diff != "" {
				t.Errorf("state round trip (-set +got):\n%s", diff)
			}
		})
	}
}
