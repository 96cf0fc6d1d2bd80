package task

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// testUnknownOf / testNullOf build an unknown / null value of any attr.Type.
func testUnknownOf(t *testing.T, ty attr.Type) attr.Value {
	t.Helper()
	v, err := ty.ValueFromTerraform(t.Context(), tftypes.NewValue(ty.TerraformType(t.Context()), tftypes.UnknownValue))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func testNullOf(t *testing.T, ty attr.Type) attr.Value {
	t.Helper()
	v, err := ty.ValueFromTerraform(t.Context(), tftypes.NewValue(ty.TerraformType(t.Context()), nil))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// testObjectWith builds an object of attrTypes with the given attributes and every
// other attribute set by rest (e.g. testUnknownOf, as a plan has Computed children).
func testObjectWith(t *testing.T, attrTypes map[string]attr.Type, known map[string]attr.Value, rest func(*testing.T, attr.Type) attr.Value) types.Object {
	t.Helper()
	attrs := map[string]attr.Value{}
	for name, ty := range attrTypes {
		if v, ok := known[name]; ok {
			attrs[name] = v
		} else {
			attrs[name] = rest(t, ty)
		}
	}
	obj, diags := types.ObjectValue(attrTypes, attrs)
	if diags.HasError() {
		t.Fatalf("testObjectWith: %v", diags)
	}
	return obj
}

func testObjectList(t *testing.T, attrTypes map[string]attr.Type, elems ...attr.Value) types.List {
	t.Helper()
	l, diags := types.ListValue(types.ObjectType{AttrTypes: attrTypes}, elems)
	if diags.HasError() {
		t.Fatalf("testObjectList: %v", diags)
	}
	return l
}

// testMigrationTaskAllUnknownModel is a model whose every attribute is unknown.
func testMigrationTaskAllUnknownModel() migrationTaskResourceModel {
	return migrationTaskResourceModel{
		ID: types.StringUnknown(), Name: types.StringUnknown(), Type: types.StringUnknown(), OSType: types.StringUnknown(),
		Priority: types.Int64Unknown(), RegionID: types.StringUnknown(), RegionName: types.StringUnknown(),
		ProjectID: types.StringUnknown(), ProjectName: types.StringUnknown(), EnterpriseProjectID: types.StringUnknown(),
		MigrationIP: types.StringUnknown(), SpeedLimit: types.Int64Unknown(), StartTargetServer: types.BoolUnknown(),
		VMTemplateID: types.StringUnknown(),
		SourceServer: types.ObjectUnknown(migrationTaskAttrTypesAt("source_server")),
		TargetServer: types.ObjectUnknown(migrationTaskAttrTypesAt("target_server")),
		CloneServer:  types.ObjectUnknown(migrationTaskAttrTypesAt("clone_server")),
		UsePublicIP:  types.BoolUnknown(), UseIPv6: types.BoolUnknown(), Syncing: types.BoolUnknown(), ExistServer: types.BoolUnknown(),
		AutoStart: types.BoolUnknown(), StartNetworkCheck: types.BoolUnknown(), IsNeedConsistencyCheck: types.BoolUnknown(),
		NeedMigrationTest: types.BoolUnknown(), OverSpeedThreshold: types.Float64Unknown(), ClonevmTemplateID: types.StringUnknown(),
		State: types.StringUnknown(), Connected: types.BoolUnknown(), CreateDate: types.Int64Unknown(), StartDate: types.Int64Unknown(),
		FinishDate: types.Int64Unknown(), EstimateCompleteTime: types.Int64Unknown(), RemainSeconds: types.Int64Unknown(),
		TotalTime: types.Int64Unknown(), MigrateSpeed: types.Float64Unknown(), ErrorJSON: types.StringUnknown(),
		FloatIP: types.StringUnknown(), TargetSnapshotID: types.StringUnknown(),
		SubTasks: types.ListUnknown(types.ObjectType{AttrTypes: migrationTaskAttrTypesAt("sub_tasks")}),
	}
}

func TestExpandMigrationTaskCreate(t *testing.T) {
	t.Parallel()
	sv, iv := types.StringValue, types.Int64Value

	// A plan as Create sees it: configured values known, Computed children unknown.
	typicalPlan := func(t *testing.T) migrationTaskResourceModel {
		m := testMigrationTaskAllUnknownModel()
		m.Name, m.Type, m.OSType = sv("web"), sv("MIGRATE_FILE"), sv("LINUX")
		m.Priority, m.StartTargetServer = iv(1), types.BoolValue(true)
		m.RegionID, m.RegionName = sv("ap-southeast-3"), sv("ap-southeast-3")
		m.ProjectID, m.ProjectName = sv("0123456789abcdef0123456789abcdef"), sv("ap-southeast-3")
		m.VMTemplateID, m.ClonevmTemplateID = types.StringNull(), types.StringNull()
		m.UsePublicIP, m.UseIPv6, m.Syncing, m.ExistServer = types.BoolValue(true), types.BoolValue(false), types.BoolValue(false), types.BoolValue(false)
		m.AutoStart, m.StartNetworkCheck = types.BoolValue(false), types.BoolValue(true)
		m.IsNeedConsistencyCheck, m.NeedMigrationTest = types.BoolValue(false), types.BoolValue(false)
		m.OverSpeedThreshold = types.Float64Value(12.5)
		m.SourceServer = testObjectWith(t, migrationTaskAttrTypesAt("source_server"),
			map[string]attr.Value{"id": sv("2b1f4c3e-7a8d-4e21-9f6a-3c5d8e0a1b02")}, testUnknownOf)
		volume := testObjectWith(t, migrationTaskAttrTypesAt("target_server.disks.physical_volumes"), map[string]attr.Value{
			"name": sv("/dev/vda1"), "size": iv(1024), "device_use": sv("OS"), "index": iv(1),
		}, testUnknownOf)
		disk := testObjectWith(t, migrationTaskAttrTypesAt("target_server.disks"), map[string]attr.Value{
			"name": sv("/dev/vda"), "size": iv(4096), "device_use": sv("OS"),
			"physical_volumes": testObjectList(t, migrationTaskAttrTypesAt("target_server.disks.physical_volumes"), volume),
		}, testUnknownOf)
		m.TargetServer = testObjectWith(t, migrationTaskAttrTypesAt("target_server"), map[string]attr.Value{
			"name": sv("web-target"), "vm_id": types.StringNull(),
			"disks": testObjectList(t, migrationTaskAttrTypesAt("target_server.disks"), disk),
		}, testUnknownOf)
		return m
	}

	tests := []struct {
		name      string
		plan      func(t *testing.T) migrationTaskResourceModel
		want      *client.CreateTaskRequest
		wantError []string
	}{
		{
			name: "typical plan",
			plan: typicalPlan,
			want: &client.CreateTaskRequest{
				Name: "web", Type: "MIGRATE_FILE", OSType: testcheck.Ptr("LINUX"),
				StartTargetServer: testcheck.Ptr(true), Priority: testcheck.Ptr(int64(1)),
				SourceServer: client.CreateSourceServer{ID: "2b1f4c3e-7a8d-4e21-9f6a-3c5d8e0a1b02"},
				TargetServer: client.CreateTargetServer{
					Name: "web-target", VMID: "",
					Disks: []client.CreateTargetDisk{{
						Name: testcheck.Ptr("/dev/vda"), Size: testcheck.Ptr(int64(4096)), DeviceUse: testcheck.Ptr("OS"),
						PhysicalVolumes: []client.PhysicalVolume{{
							Name: testcheck.Ptr("/dev/vda1"), Size: testcheck.Ptr(int64(1024)), DeviceUse: testcheck.Ptr("OS"), Index: testcheck.Ptr(int64(1)),
						}},
					}},
				},
				RegionName: "ap-southeast-3", RegionID: "ap-southeast-3",
				ProjectName: "ap-southeast-3", ProjectID: "0123456789abcdef0123456789abcdef",
				UsePublicIP: testcheck.Ptr(true), UseIPv6: testcheck.Ptr(false), Syncing: testcheck.Ptr(false), ExistServer: testcheck.Ptr(false),
				AutoStart: testcheck.Ptr(false), StartNetworkCheck: testcheck.Ptr(true), IsNeedConsistencyCheck: testcheck.Ptr(false),
				NeedMigrationTest: testcheck.Ptr(false), OverSpeedThreshold: testcheck.Ptr(12.5),
			},
		},
		{
			name: "fully populated model sends every create field",
			plan: func(*testing.T) migrationTaskResourceModel { return testMigrationTaskFullModel() },
			want: func() *client.CreateTaskRequest {
				full := testMigrationTaskFullModel()
				sourceID, _ := migrationTaskChild(full.SourceServer, "id").(types.String)
				name, _ := migrationTaskChild(full.TargetServer, "name").(types.String)
				vmID, _ := migrationTaskChild(full.TargetServer, "vm_id").(types.String)
				disks := testCreateTargetDisks(migrationTaskChild(full.TargetServer, "disks"))
				return &client.CreateTaskRequest{
					Name: "web-migration", Type: "MIGRATE_BLOCK", OSType: testcheck.Ptr("LINUX"), StartTargetServer: testcheck.Ptr(true),
					SourceServer: client.CreateSourceServer{ID: sourceID.ValueString()},
					TargetServer: client.CreateTargetServer{Name: name.ValueString(), VMID: vmID.ValueString(), Disks: disks},
					MigrationIP:  testcheck.Ptr("10.0.0.99"), RegionName: "ap-southeast-3", RegionID: "ap-southeast-3",
					ProjectName: "ap-southeast-3", ProjectID: "0123456789abcdef0123456789abcdef",
					Priority: testcheck.Ptr(int64(2)), VMTemplateID: testcheck.Ptr("tmpl-1"), ClonevmTemplateID: testcheck.Ptr("clone-tmpl-1"),
					UsePublicIP: testcheck.Ptr(true), UseIPv6: testcheck.Ptr(false), Syncing: testcheck.Ptr(true), ExistServer: testcheck.Ptr(false),
					AutoStart: testcheck.Ptr(true), StartNetworkCheck: testcheck.Ptr(false), SpeedLimit: testcheck.Ptr(int64(100)),
					OverSpeedThreshold: testcheck.Ptr(12.5), IsNeedConsistencyCheck: testcheck.Ptr(true), NeedMigrationTest: testcheck.Ptr(true),
				}
			}(),
		},
		{
			name: "null target server sends empty name and vm_id",
			plan: func(t *testing.T) migrationTaskResourceModel {
				m := typicalPlan(t)
				m.TargetServer = types.ObjectNull(migrationTaskAttrTypesAt("target_server"))
				return m
			},
			want: func() *client.CreateTaskRequest {
				return &client.CreateTaskRequest{
					Name: "web", Type: "MIGRATE_FILE", OSType: testcheck.Ptr("LINUX"),
					StartTargetServer: testcheck.Ptr(true), Priority: testcheck.Ptr(int64(1)),
					SourceServer: client.CreateSourceServer{ID: "2b1f4c3e-7a8d-4e21-9f6a-3c5d8e0a1b02"},
					RegionName:   "ap-southeast-3", RegionID: "ap-southeast-3",
					ProjectName: "ap-southeast-3", ProjectID: "0123456789abcdef0123456789abcdef",
					UsePublicIP: testcheck.Ptr(true), UseIPv6: testcheck.Ptr(false), Syncing: testcheck.Ptr(false), ExistServer: testcheck.Ptr(false),
					AutoStart: testcheck.Ptr(false), StartNetworkCheck: testcheck.Ptr(true), IsNeedConsistencyCheck: testcheck.Ptr(false),
					NeedMigrationTest: testcheck.Ptr(false), OverSpeedThreshold: testcheck.Ptr(12.5),
				}
			}(),
		},
		{
			name:      "everything unknown omits all and names the missing required values",
			plan:      func(*testing.T) migrationTaskResourceModel { return testMigrationTaskAllUnknownModel() },
			want:      &client.CreateTaskRequest{},
			wantError: []string{"Missing migration task name", "Missing migration task type", "Missing migration task source_server.id"},
		},
		{
			name:      "zero model (all untyped nulls)",
			plan:      func(*testing.T) migrationTaskResourceModel { return migrationTaskResourceModel{} },
			want:      &client.CreateTaskRequest{},
			wantError: []string{"Missing migration task name", "Missing migration task type", "Missing migration task source_server.id"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, diags := expandMigrationTaskCreate(t.Context(), tc.plan(t))
			var gotErrors []string
			for _, d := range diags.Errors() {
				gotErrors = append(gotErrors, d.Summary())
			}
			if diff := cmp.Diff(tc.wantError, gotErrors); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("request (-want +got):\n%s", diff)
			}
		})
	}
}

func TestExpandMigrationTaskBodyUnknownAndNull(t *testing.T) {
	t.Parallel()
	allUnknownChildren := func(t *testing.T) migrationTaskResourceModel {
		m := testMigrationTaskAllUnknownModel()
		m.SourceServer = testObjectWith(t, migrationTaskAttrTypesAt("source_server"), map[string]attr.Value{
			// A known list whose elements are unknown objects or objects of unknowns.
			"disks": testObjectList(t, migrationTaskAttrTypesAt("source_server.disks"),
				types.ObjectUnknown(migrationTaskAttrTypesAt("source_server.disks")),
				testObjectWith(t, migrationTaskAttrTypesAt("source_server.disks"), nil, testUnknownOf)),
		}, testUnknownOf)
		m.TargetServer = testObjectWith(t, migrationTaskAttrTypesAt("target_server"), nil, testUnknownOf)
		m.CloneServer = testObjectWith(t, migrationTaskAttrTypesAt("clone_server"), nil, testUnknownOf)
		return m
	}
	tests := []struct {
		name  string
		model func(t *testing.T) migrationTaskResourceModel
		want  client.UpdateTaskBody
	}{
		{"all unknown", func(*testing.T) migrationTaskResourceModel { return testMigrationTaskAllUnknownModel() }, client.UpdateTaskBody{}},
		{"all typed null", func(*testing.T) migrationTaskResourceModel { return testMigrationTaskNullModel() }, client.UpdateTaskBody{}},
		{"zero model", func(*testing.T) migrationTaskResourceModel { return migrationTaskResourceModel{} }, client.UpdateTaskBody{}},
		{
			"objects known with unknown children",
			allUnknownChildren,
			client.UpdateTaskBody{
				SourceServer: &client.PutSourceServer{Disks: []client.PutServerDisk{{}, {}}},
				TargetServer: &client.PutTargetServer{},
				CloneServer:  &client.PutCloneServer{},
			},
		},
		{
			"objects known with null children",
			func(t *testing.T) migrationTaskResourceModel {
				m := testMigrationTaskNullModel()
				m.SourceServer = testObjectWith(t, migrationTaskAttrTypesAt("source_server"), nil, testNullOf)
				m.TargetServer = testObjectWith(t, migrationTaskAttrTypesAt("target_server"), nil, testNullOf)
				m.CloneServer = testObjectWith(t, migrationTaskAttrTypesAt("clone_server"), nil, testNullOf)
				return m
			},
			client.UpdateTaskBody{SourceServer: &client.PutSourceServer{}, TargetServer: &client.PutTargetServer{}, CloneServer: &client.PutCloneServer{}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, diags := expandMigrationTaskBody(t.Context(), tc.model(t))
			if diags.HasError() {
				t.Fatalf("unexpected diagnostics: %v", diags)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// testJSONEqual compares a value's JSON encoding with a JSON literal, key order aside.
func testJSONEqual(t *testing.T, want string, got any) {
	t.Helper()
	gotJSON, err := json.Marshal(got)
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	if diff := cmp.Diff(testDecodeJSON(t, []byte(want)), testDecodeJSON(t, gotJSON)); diff != "" {
		t.Errorf("JSON (-want +got):\n%s\ngot: %s", diff, gotJSON)
	}
}

func testDecodeJSON(t *testing.T, b []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("decode %s: %v", b, err)
	}
	return v
}

// TestExpandMigrationTaskPutWireJSON: the PUT body's wire types encode with plain
// encoding/json as the seed asks (TestMigrationTaskPutWireMandatoryKeys checks every type's
// zero value against the seed's own tables).
func TestExpandMigrationTaskPutWireJSON(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   any
		want string
	}{
		{"task has no mandatory keys", &client.UpdateTaskBody{}, `{}`},
		{"nil", (*client.UpdateTaskBody)(nil), `null`},
		{"source server", &client.PutSourceServer{}, `{"ip":"","name":"","os_type":"","agent_version":""}`},
		{"server disk", client.PutServerDisk{}, `{"name":"","device_use":"","size":0,"used_size":0,"physical_volumes":[]}`},
		{"physical volume", client.PutPhysicalVolume{}, `{}`},
		{"btrfs file system", client.PutBtrfsFileSystem{}, `{}`},
		{"btrfs subvolumn", client.PutBtrfsSubvolumn{}, `{}`},
		{"network", client.PutNetwork{}, `{"mac":""}`},
		{"volume group", client.PutVolumeGroup{}, `{}`},
		{"logical volume", client.PutLogicalVolume{}, `{}`},
		{"target server", client.PutTargetServer{}, `{"ip":"","os_type":"","disks":[]}`},
		{"target disk", client.PutTargetDisk{}, `{}`},
		{"target physical volume", client.PutTargetPhysicalVolume{}, `{}`},
		{"clone server", client.PutCloneServer{}, `{}`},
		{
			"mandatory keys inside list elements at every depth",
			&client.UpdateTaskBody{SourceServer: &client.PutSourceServer{
				IP:           "10.0.0.1",
				Disks:        []client.PutServerDisk{{PhysicalVolumes: client.MandatoryList[client.PutPhysicalVolume]{{}}}},
				BtrfsList:    []client.PutBtrfsFileSystem{{Subvolumn: []client.PutBtrfsSubvolumn{{}}}},
				VolumeGroups: []client.PutVolumeGroup{{LogicalVolumes: []client.PutLogicalVolume{{Name: testcheck.Ptr("lv")}}}},
			}},
			`{"source_server":{"ip":"10.0.0.1","name":"","os_type":"","agent_version":"",
				"disks":[{"name":"","device_use":"","size":0,"used_size":0,"physical_volumes":[{}]}],
				"btrfs_list":[{"subvolumn":[{}]}],
				"volume_groups":[{"logical_volumes":[{"name":"lv"}]}]}}`,
		},
		{
			"empty slices stay [] and nil slices are left out",
			&client.PutTargetServer{OSType: "LINUX", Disks: client.MandatoryList[client.PutTargetDisk]{}, BtrfsList: client.PutTargetBtrfsList{Names: []string{}}, VolumeGroups: []client.PutTargetVolumeGroup{}},
			`{"ip":"","os_type":"LINUX","disks":[],"btrfs_list":[],"volume_groups":[]}`,
		},
		{
			"values are kept as they are",
			&client.UpdateTaskBody{Name: testcheck.Ptr("a<b>&c"), SpeedLimit: testcheck.Ptr(int64(0)), StartTargetServer: testcheck.Ptr(false), TargetServer: &client.PutTargetServer{
				IP: "1.2.3.4", OSType: "WINDOWS", BtrfsList: client.PutTargetBtrfsList{Names: []string{"x", "y"}},
				Disks: client.MandatoryList[client.PutTargetDisk]{{ID: testcheck.Ptr(int64(9223372036854775807)), Size: testcheck.Ptr(int64(42949672960))}},
			}},
			`{"name":"a<b>&c","speed_limit":0,"start_target_server":false,"target_server":{"ip":"1.2.3.4","os_type":"WINDOWS",
				"btrfs_list":["x","y"],"disks":[{"id":9223372036854775807,"size":42949672960}]}}`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			testJSONEqual(t, tc.want, tc.in)
		})
	}
}

// testJSONPath walks a decoded JSON tree (map[string]any / []any) by keys and indexes.
func testJSONPath(t *testing.T, v any, path ...any) any {
	t.Helper()
	for _, step := range path {
		switch s := step.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("JSON path %v: %T at %q is not an object", path, v, s)
			}
			v = m[s]
		case int:
			a, ok := v.([]any)
			if !ok || s >= len(a) {
				t.Fatalf("JSON path %v: %T has no element %d", path, v, s)
			}
			v = a[s]
		}
	}
	return v
}

func testJSONObject(t *testing.T, v any, path ...any) map[string]any {
	t.Helper()
	m, ok := testJSONPath(t, v, path...).(map[string]any)
	if !ok {
		t.Fatalf("JSON path %v is not an object", path)
	}
	return m
}

func testJSONArray(t *testing.T, v any, path ...any) []any {
	t.Helper()
	a, ok := testJSONPath(t, v, path...).([]any)
	if !ok {
		t.Fatalf("JSON path %v is not an array", path)
	}
	return a
}

// testBodyTask decodes a PUT body the way the API would, into the client's Task.
func testBodyTask(t *testing.T, body map[string]any) *client.Task {
	t.Helper()
	b, err := json.Marshal(body)
	if err != nil {
		t.Fatalf("marshal body: %v", err)
	}
	var task client.Task
	if err := json.Unmarshal(b, &task); err != nil {
		t.Fatalf("decode body %s: %v", b, err)
	}
	return &task
}

// testWithoutBtrfsFileSystems is target with btrfs_file_systems null: that attribute is no
// key of the seed's body (migrationTaskUpdateBodyFor sends it as btrfs_list under today's).
func testWithoutBtrfsFileSystems(t *testing.T, target types.Object) types.Object {
	t.Helper()
	return testSetObjectPath(t, target, types.ListNull(types.ObjectType{AttrTypes: migrationTaskAttrTypesAt("source_server.btrfs_list")}), "btrfs_file_systems")
}

// testBodyMap is the JSON a PUT sends for body, decoded: objects as map[string]any,
// arrays as []any, whole numbers as int64 and other numbers as float64.
func testBodyMap(t *testing.T, body client.UpdateTaskBody) map[string]any {
	t.Helper()
	b, err := json.Marshal(body)
	if err != nil {
		t.Fatalf("marshal body: %v", err)
	}
	m, ok := testNumbersAsGo(testDecodeJSON(t, b)).(map[string]any)
	if !ok {
		t.Fatalf("body %s is not a JSON object", b)
	}
	return m
}

func testNumbersAsGo(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			v[k] = testNumbersAsGo(e)
		}
	case []any:
		for i, e := range v {
			v[i] = testNumbersAsGo(e)
		}
	case json.Number:
		if i, err := v.Int64(); err == nil {
			return i
		}
		f, _ := v.Float64()
		return f
	}
	return v
}

func testBodyKeys(body map[string]any) []string {
	keys := testSortedKeys(body)
	if keys == nil {
		keys = []string{}
	}
	return keys
}

func TestDiffMigrationTaskUpdateBody(t *testing.T) {
	t.Parallel()
	sv, iv := types.StringValue, types.Int64Value
	full := func(*testing.T) migrationTaskResourceModel { return testMigrationTaskFullModel() }

	tests := []struct {
		name     string
		state    func(t *testing.T) migrationTaskResourceModel
		plan     func(t *testing.T, state migrationTaskResourceModel) migrationTaskResourceModel
		wantKeys []string
		check    func(t *testing.T, body map[string]any, plan, state migrationTaskResourceModel)
	}{
		{
			name:  "only speed_limit changed",
			state: full,
			plan: func(_ *testing.T, s migrationTaskResourceModel) migrationTaskResourceModel {
				s.SpeedLimit = iv(7)
				return s
			},
			wantKeys: []string{"speed_limit"},
			check: func(t *testing.T, body map[string]any, _, _ migrationTaskResourceModel) {
				if diff := cmp.Diff(map[string]any{"speed_limit": int64(7)}, body); diff != "" {
					t.Errorf("body (-want +got):\n%s", diff)
				}
			},
		},
		{
			name:  "one physical volume size deep in target_server sends the whole target server",
			state: full,
			plan: func(t *testing.T, s migrationTaskResourceModel) migrationTaskResourceModel {
				s.TargetServer = testSetObjectPath(t, s.TargetServer, iv(999), "disks", 0, "physical_volumes", 1, "size")
				return s
			},
			wantKeys: []string{"target_server"},
			check: func(t *testing.T, body map[string]any, plan, _ migrationTaskResourceModel) {
				// Decoded and flattened, the body's target server is the plan's, whole.
				got, diags := flattenObjectAt("target_server", testBodyTask(t, body).TargetServer)
				if diags.HasError() {
					t.Fatal(diags)
				}
				if diff := cmp.Diff(testWithoutBtrfsFileSystems(t, plan.TargetServer), got); diff != "" {
					t.Errorf("sent target_server (-plan +sent):\n%s", diff)
				}
				target := testJSONObject(t, body, "target_server")
				for _, key := range []string{"ip", "os_type", "disks"} {
					if _, ok := target[key]; !ok {
						t.Errorf("mandatory target_server.%s missing", key)
					}
				}
				if n0, n1, n := len(testJSONArray(t, target, "disks", 0, "physical_volumes")),
					len(testJSONArray(t, target, "disks", 1, "physical_volumes")), len(testJSONArray(t, target, "disks")); n != 2 || n0 != 2 || n1 != 2 {
					t.Errorf("want 2 disks with 2 volumes each, got %d disks with %d and %d", n, n0, n1)
				}
				if got := testJSONPath(t, target, "disks", 0, "physical_volumes", 1, "size"); got != int64(999) {
					t.Errorf("changed size = %v, want 999", got)
				}
			},
		},
		{
			name: "target server mandatory children null in state go out as zero values",
			state: func(t *testing.T) migrationTaskResourceModel {
				s := testMigrationTaskFullModel()
				s.TargetServer = testSetObjectPath(t, s.TargetServer, types.StringNull(), "ip")
				s.TargetServer = testSetObjectPath(t, s.TargetServer, types.StringNull(), "os_type")
				s.TargetServer = testSetObjectPath(t, s.TargetServer, types.ListNull(types.ObjectType{AttrTypes: migrationTaskAttrTypesAt("target_server.disks")}), "disks")
				return s
			},
			plan: func(t *testing.T, s migrationTaskResourceModel) migrationTaskResourceModel {
				s.TargetServer = testSetObjectPath(t, s.TargetServer, sv("new-host"), "hostname")
				return s
			},
			wantKeys: []string{"target_server"},
			check: func(t *testing.T, body map[string]any, _, _ migrationTaskResourceModel) {
				target := testJSONObject(t, body, "target_server")
				want := map[string]any{"ip": "", "os_type": "", "disks": []any{}, "hostname": "new-host"}
				for key, w := range want {
					if diff := cmp.Diff(w, target[key]); diff != "" {
						t.Errorf("target_server.%s (-want +got):\n%s", key, diff)
					}
				}
			},
		},
		{
			name:     "no change",
			state:    full,
			plan:     func(_ *testing.T, s migrationTaskResourceModel) migrationTaskResourceModel { return s },
			wantKeys: []string{},
		},
		{
			name:  "computed children unknown and nothing user-changed",
			state: full,
			plan: func(t *testing.T, s migrationTaskResourceModel) migrationTaskResourceModel {
				p := s
				p.MigrationIP, p.EnterpriseProjectID, p.SpeedLimit = types.StringUnknown(), types.StringUnknown(), types.Int64Unknown()
				p.RegionID, p.VMTemplateID = types.StringUnknown(), types.StringUnknown()
				p.SourceServer = testSetObjectPath(t, p.SourceServer, types.StringUnknown(), "state")
				p.SourceServer = testSetObjectPath(t, p.SourceServer, types.StringUnknown(), "migration_cycle")
				p.SourceServer = testSetObjectPath(t, p.SourceServer, types.Int64Unknown(), "disks", 1, "physical_volumes", 0, "used_size")
				p.SourceServer = testSetObjectPath(t, p.SourceServer, types.ObjectUnknown(migrationTaskAttrTypesAt("source_server.networks")), "networks", 0)
				p.TargetServer = testSetObjectPath(t, p.TargetServer, types.Int64Unknown(), "disks", 0, "id")
				p.TargetServer = testSetObjectPath(t, p.TargetServer, types.Int64Unknown(), "disks", 1, "physical_volumes", 0, "free_size")
				p.TargetServer = testSetObjectPath(t, p.TargetServer, types.ListUnknown(types.ObjectType{AttrTypes: migrationTaskAttrTypesAt("target_server.volume_groups")}), "volume_groups")
				p.TargetServer = testSetObjectPath(t, p.TargetServer, types.ListUnknown(types.StringType), "btrfs_list")
				p.CloneServer = types.ObjectUnknown(migrationTaskAttrTypesAt("clone_server"))
				// Read-only status is unknown in such a plan too; it is never PUT.
				p.ID, p.State, p.CreateDate = types.StringUnknown(), types.StringUnknown(), types.Int64Unknown()
				p.SubTasks = types.ListUnknown(types.ObjectType{AttrTypes: migrationTaskAttrTypesAt("sub_tasks")})
				return p
			},
			wantKeys: []string{},
		},
		{
			name: "source_server changed: sent whole, mandatory children zero when null in state",
			state: func(t *testing.T) migrationTaskResourceModel {
				s := testMigrationTaskFullModel()
				for _, key := range []string{"ip", "name", "os_type", "agent_version"} {
					s.SourceServer = testSetObjectPath(t, s.SourceServer, types.StringNull(), key)
				}
				return s
			},
			plan: func(t *testing.T, s migrationTaskResourceModel) migrationTaskResourceModel {
				s.SourceServer = testSetObjectPath(t, s.SourceServer, sv("renamed-host"), "hostname")
				return s
			},
			wantKeys: []string{"source_server"},
			check: func(t *testing.T, body map[string]any, plan, _ migrationTaskResourceModel) {
				source := testJSONObject(t, body, "source_server")
				for _, key := range []string{"ip", "name", "os_type", "agent_version"} {
					if got, ok := source[key]; !ok || got != "" {
						t.Errorf("source_server.%s = %v (present %v), want \"\"", key, got, ok)
					}
				}
				// Everything else is the plan's source server, whole.
				want := plan.SourceServer
				for _, key := range []string{"ip", "name", "os_type", "agent_version"} {
					want = testSetObjectPath(t, want, sv(""), key)
				}
				got, diags := flattenObjectAt("source_server", testBodyTask(t, body).SourceServer)
				if diags.HasError() {
					t.Fatal(diags)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("sent source_server (-want +sent):\n%s", diff)
				}
			},
		},
		{
			name:  "several scalars changed, computed unknowns elsewhere",
			state: full,
			plan: func(t *testing.T, s migrationTaskResourceModel) migrationTaskResourceModel {
				s.Name, s.Priority, s.StartTargetServer = sv("renamed"), iv(0), types.BoolValue(false)
				s.TargetServer = testSetObjectPath(t, s.TargetServer, types.Int64Unknown(), "disks", 0, "id")
				s.State = types.StringUnknown()
				return s
			},
			wantKeys: []string{"name", "priority", "start_target_server"},
			check: func(t *testing.T, body map[string]any, _, _ migrationTaskResourceModel) {
				want := map[string]any{"name": "renamed", "priority": int64(0), "start_target_server": false}
				if diff := cmp.Diff(want, body); diff != "" {
					t.Errorf("body (-want +got):\n%s", diff)
				}
			},
		},
		{
			name: "unknown object over null state is not sent",
			state: func(*testing.T) migrationTaskResourceModel {
				s := testMigrationTaskFullModel()
				s.CloneServer = types.ObjectNull(migrationTaskAttrTypesAt("clone_server"))
				return s
			},
			plan: func(_ *testing.T, s migrationTaskResourceModel) migrationTaskResourceModel {
				s.CloneServer = types.ObjectUnknown(migrationTaskAttrTypesAt("clone_server"))
				return s
			},
			wantKeys: []string{},
		},
		{
			name:  "a disk added: lists of another length are sent as planned, unknown children left out",
			state: full,
			plan: func(t *testing.T, s migrationTaskResourceModel) migrationTaskResourceModel {
				disks := testGetList(t, s.TargetServer, "disks").Elements()
				added := testObjectWith(t, migrationTaskAttrTypesAt("target_server.disks"), map[string]attr.Value{"name": sv("new-disk")}, testUnknownOf)
				s.TargetServer = testSetObjectPath(t, s.TargetServer,
					testObjectList(t, migrationTaskAttrTypesAt("target_server.disks"), append(disks, added)...), "disks")
				return s
			},
			wantKeys: []string{"target_server"},
			check: func(t *testing.T, body map[string]any, _, _ migrationTaskResourceModel) {
				disks := testJSONArray(t, body, "target_server", "disks")
				if len(disks) != 3 {
					t.Fatalf("want 3 disks, got %d", len(disks))
				}
				if diff := cmp.Diff(map[string]any{"name": "new-disk"}, disks[2]); diff != "" {
					t.Errorf("added disk (-want +got):\n%s", diff)
				}
			},
		},
		{
			name:  "a list emptied by the user is sent as []",
			state: full,
			plan: func(t *testing.T, s migrationTaskResourceModel) migrationTaskResourceModel {
				s.SourceServer = testSetObjectPath(t, s.SourceServer,
					testObjectList(t, migrationTaskAttrTypesAt("source_server.volume_groups")), "volume_groups")
				return s
			},
			wantKeys: []string{"source_server"},
			check: func(t *testing.T, body map[string]any, _, _ migrationTaskResourceModel) {
				got := testJSONPath(t, body, "source_server", "volume_groups")
				if diff := cmp.Diff([]any{}, got); diff != "" {
					t.Errorf("volume_groups (-want +got):\n%s", diff)
				}
			},
		},
		{
			name:  "clone_server changed is sent whole",
			state: full,
			plan: func(t *testing.T, s migrationTaskResourceModel) migrationTaskResourceModel {
				s.CloneServer = testSetObjectPath(t, s.CloneServer, sv("clone-2"), "name")
				return s
			},
			wantKeys: []string{"clone_server"},
			check: func(t *testing.T, body map[string]any, plan, _ migrationTaskResourceModel) {
				got, diags := flattenObjectAt("clone_server", testBodyTask(t, body).CloneServer)
				if diags.HasError() {
					t.Fatal(diags)
				}
				if diff := cmp.Diff(plan.CloneServer, got); diff != "" {
					t.Errorf("sent clone_server (-plan +sent):\n%s", diff)
				}
			},
		},
		{
			name:  "create-only and read-only changes are never PUT",
			state: full,
			plan: func(_ *testing.T, s migrationTaskResourceModel) migrationTaskResourceModel {
				s.UsePublicIP, s.OverSpeedThreshold, s.ClonevmTemplateID = types.BoolValue(false), types.Float64Value(99), sv("other")
				s.State, s.TotalTime, s.SubTasks = sv("READY"), iv(1), types.ListNull(types.ObjectType{AttrTypes: migrationTaskAttrTypesAt("sub_tasks")})
				return s
			},
			wantKeys: []string{},
		},
		{
			name:  "every PUT-able key changed",
			state: func(*testing.T) migrationTaskResourceModel { return testMigrationTaskNullModel() },
			plan: func(*testing.T, migrationTaskResourceModel) migrationTaskResourceModel {
				return testMigrationTaskFullModel()
			},
			wantKeys: []string{"clone_server", "enterprise_project_id", "migration_ip", "name", "os_type", "priority",
				"project_id", "project_name", "region_id", "region_name", "source_server", "speed_limit",
				"start_target_server", "target_server", "type", "vm_template_id"},
			check: func(t *testing.T, body map[string]any, plan, _ migrationTaskResourceModel) {
				// The whole body decodes and flattens back to the plan's PUT-able fields.
				got, diags := flattenMigrationTask(t.Context(), testBodyTask(t, body), testMigrationTaskNullModel())
				if diags.HasError() {
					t.Fatal(diags)
				}
				plan.TargetServer = testWithoutBtrfsFileSystems(t, plan.TargetServer)
				for _, f := range migrationTaskPutFields() {
					if diff := cmp.Diff(f.Get(&plan), f.Get(&got)); diff != "" {
						t.Errorf("%s (-plan +sent):\n%s", f.Key, diff)
					}
				}
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			state := tc.state(t)
			plan := tc.plan(t, state)
			typed, diags := migrationTaskUpdateBody(t.Context(), plan, state)
			if diags.HasError() {
				t.Fatalf("unexpected diagnostics: %v", diags)
			}
			body := testBodyMap(t, typed)
			if diff := cmp.Diff(tc.wantKeys, testBodyKeys(body)); diff != "" {
				t.Errorf("body keys (-want +got):\n%s", diff)
			}
			if tc.check != nil {
				tc.check(t, body, plan, state)
			}
		})
	}
}

// TestExpandMigrationTaskNestedUnknownDoesNotPanic feeds every nested expand function
// null, unknown, untyped zero, and a known value full of unknowns.
func TestExpandMigrationTaskNestedUnknownDoesNotPanic(t *testing.T) {
	t.Parallel()
	objectExpanders := map[string]struct {
		attrTypes map[string]attr.Type
		expand    func(types.Object) (any, bool)
	}{
		"source_server": {migrationTaskAttrTypesAt("source_server"), func(o types.Object) (any, bool) {
			v, _, d := expandWire[*client.PutSourceServer](o)
			return v, d.HasError()
		}},
		"target_server": {migrationTaskAttrTypesAt("target_server"), func(o types.Object) (any, bool) {
			v, _, d := expandWire[*client.PutTargetServer](o)
			return v, d.HasError()
		}},
		"clone_server": {migrationTaskAttrTypesAt("clone_server"), func(o types.Object) (any, bool) {
			v, _, d := expandWire[*client.PutCloneServer](o)
			return v, d.HasError()
		}},
	}
	for name, e := range objectExpanders {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			for _, in := range []types.Object{
				types.ObjectNull(e.attrTypes), types.ObjectUnknown(e.attrTypes), {},
			} {
				got, hasError := e.expand(in)
				if hasError || !reflect.ValueOf(got).IsNil() {
					t.Errorf("%v: got %v (error %v), want nil without error", in, got, hasError)
				}
			}
			got, hasError := e.expand(testObjectWith(t, e.attrTypes, nil, testUnknownOf))
			if hasError || reflect.ValueOf(got).IsNil() {
				t.Errorf("object of unknowns: got %v (error %v), want an empty wire object", got, hasError)
			}
		})
	}
}

func TestUpdateMigrationTaskPlanFilledFromState(t *testing.T) {
	t.Parallel()
	sv := types.StringValue
	state := testMigrationTaskFullModel()
	newTimeouts := timeouts.Value{Object: types.ObjectValueMust(
		map[string]attr.Type{"update": types.StringType}, map[string]attr.Value{"update": sv("45m")})}

	tests := []struct {
		name  string
		plan  func(t *testing.T) migrationTaskResourceModel
		prior migrationTaskResourceModel
		want  func(t *testing.T) migrationTaskResourceModel
	}{
		{
			name: "only timeouts changed: status and computed children unknown in the plan come from state",
			plan: func(t *testing.T) migrationTaskResourceModel {
				p := state
				p.Timeouts = newTimeouts
				p.State, p.TotalTime, p.ID = types.StringUnknown(), types.Int64Unknown(), types.StringUnknown()
				p.SubTasks = types.ListUnknown(types.ObjectType{AttrTypes: migrationTaskAttrTypesAt("sub_tasks")})
				p.TargetServer = testSetObjectPath(t, p.TargetServer, types.Int64Unknown(), "disks", 0, "id")
				return p
			},
			prior: state,
			want: func(*testing.T) migrationTaskResourceModel {
				w := state
				w.Timeouts = newTimeouts
				return w
			},
		},
		{
			name: "an unknown prior state cannot fill becomes null",
			plan: func(t *testing.T) migrationTaskResourceModel {
				p := state
				p.FinishDate = types.Int64Unknown()
				p.Timeouts = timeouts.Value{Object: types.ObjectUnknown(map[string]attr.Type{"update": types.StringType})}
				return p
			},
			prior: func() migrationTaskResourceModel {
				s := state
				s.FinishDate = types.Int64Null()
				return s
			}(),
			want: func(*testing.T) migrationTaskResourceModel {
				w := state
				w.FinishDate = types.Int64Null()
				w.Timeouts = timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{"update": types.StringType})}
				return w
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, diags := migrationTaskPlanFilledFromState(t.Context(), tc.plan(t), tc.prior)
			if diags.HasError() {
				t.Fatalf("unexpected diagnostics: %v", diags)
			}
			testAssertAllKnown(t, got)
			if diff := cmp.Diff(tc.want(t), got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
