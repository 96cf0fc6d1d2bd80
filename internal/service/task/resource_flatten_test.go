package task

import (
	"context"
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// testRoundTrip is expand followed by flatten for one nested type, with the wire value
// sent through json.Marshal and json.Unmarshal in between, as a PUT then a GET would:
// the PUT body's types are not the GET answer's.
type testRoundTrip func(ctx context.Context, v attr.Value) (attr.Value, diag.Diagnostics)

// testWireRoundTrip is expandWire into the PUT's wire type P, a JSON trip into the
// answer's wire type W, and flattenWire at path.
func testWireRoundTrip[P, W any](path string) testRoundTrip {
	return func(_ context.Context, v attr.Value) (attr.Value, diag.Diagnostics) {
		p, _, diags := expandWire[P](v)
		out, d := flattenWire(path, testThroughJSON[W](p, &diags))
		diags.Append(d...)
		return out, diags
	}
}

func testThroughJSON[T any](in any, diags *diag.Diagnostics) T {
	var out T
	b, err := json.Marshal(in)
	if err == nil {
		err = json.Unmarshal(b, &out)
	}
	if err != nil {
		diags.AddError("JSON round trip", err.Error())
	}
	return out
}

// testZeroOf is the value a mandatory child the PUT sends as its JSON zero value reads
// back as: "", 0, false, or an empty list.
func testZeroOf(t *testing.T, ty attr.Type) attr.Value {
	t.Helper()
	switch ty := ty.(type) {
	case basetypes.StringType:
		return types.StringValue("")
	case basetypes.Int64Type:
		return types.Int64Value(0)
	case basetypes.BoolType:
		return types.BoolValue(false)
	case basetypes.ListType:
		return types.ListValueMust(ty.ElemType, nil)
	}
	t.Fatalf("no zero value for %s", ty)
	return nil
}

// TestFlattenMigrationTaskNestedRoundTrip: for every nested type, expand, a JSON trip and
// flatten give back the value (populated, null, empty list); unknown inputs are left out
// by expand and so come back null; null children come back null, except those the seed
// marks mandatory (read from its table) and today's body still requires, which the PUT
// sends as zero values.
func TestFlattenMigrationTaskNestedRoundTrip(t *testing.T) {
	t.Parallel()
	seedTables := testcheck.ParseSeedTables(t, testcheck.SeedDocument())
	targetServerFull := func(t *testing.T, full attr.Value) attr.Value {
		return testWithoutBtrfsFileSystems(t, testAsObject(t, full))
	}
	rows := []struct {
		name      string
		list      bool
		seedTable string // whose Mandatory children a PUT always sends; "" for a type never PUT
		attrTypes map[string]attr.Type
		roundTrip testRoundTrip
		wantFull  func(*testing.T, attr.Value) attr.Value // what a populated value reads back as, when not itself
	}{
		{"source_server", false, "PostSourceServerBody", migrationTaskAttrTypesAt("source_server"), testWireRoundTrip[*client.PutSourceServer, *client.SourceServer]("source_server"), nil},
		{"server_disks", true, "ServerDisk", migrationTaskAttrTypesAt("source_server.disks"), testWireRoundTrip[[]client.PutServerDisk, []client.ServerDisk]("source_server.disks"), nil},
		{"physical_volumes", true, "PhysicalVolume", migrationTaskAttrTypesAt("source_server.disks.physical_volumes"), testWireRoundTrip[[]client.PutPhysicalVolume, []client.PhysicalVolume]("source_server.disks.physical_volumes"), nil},
		{"btrfs_list", true, "BtrfsFileSystem", migrationTaskAttrTypesAt("source_server.btrfs_list"), testWireRoundTrip[[]client.PutBtrfsFileSystem, []client.BtrfsFileSystem]("source_server.btrfs_list"), nil},
		{"subvolumn", true, "BtrfsSubvolumn", migrationTaskAttrTypesAt("source_server.btrfs_list.subvolumn"), testWireRoundTrip[[]client.PutBtrfsSubvolumn, []client.BtrfsSubvolumn]("source_server.btrfs_list.subvolumn"), nil},
		{"networks", true, "NetWork", migrationTaskAttrTypesAt("source_server.networks"), testWireRoundTrip[[]client.PutNetwork, []client.Network]("source_server.networks"), nil},
		{"volume_groups", true, "VolumeGroups", migrationTaskAttrTypesAt("source_server.volume_groups"), testWireRoundTrip[[]client.PutVolumeGroup, []client.VolumeGroup]("source_server.volume_groups"), nil},
		{"logical_volumes", true, "LogicalVolumes", migrationTaskAttrTypesAt("source_server.volume_groups.logical_volumes"), testWireRoundTrip[[]client.PutLogicalVolume, []client.LogicalVolume]("source_server.volume_groups.logical_volumes"), nil},
		{"target_networks", true, "NetWork", migrationTaskAttrTypesAt("target_server.networks"), testWireRoundTrip[[]client.PutTargetNetwork, []client.TargetNetwork]("target_server.networks"), nil},
		{"target_volume_groups", true, "VolumeGroups", migrationTaskAttrTypesAt("target_server.volume_groups"), testWireRoundTrip[[]client.PutTargetVolumeGroup, []client.TargetVolumeGroup]("target_server.volume_groups"), nil},
		{"target_logical_volumes", true, "LogicalVolumes", migrationTaskAttrTypesAt("target_server.volume_groups.logical_volumes"), testWireRoundTrip[[]client.PutTargetLogicalVolume, []client.TargetLogicalVolume]("target_server.volume_groups.logical_volumes"), nil},
		{"target_server", false, "TargetServer", migrationTaskAttrTypesAt("target_server"), testWireRoundTrip[*client.PutTargetServer, *client.TargetServer]("target_server"), targetServerFull},
		{"target_disks", true, "TargetDisk", migrationTaskAttrTypesAt("target_server.disks"), testWireRoundTrip[[]client.PutTargetDisk, []client.TargetDisk]("target_server.disks"), nil},
		{"target_physical_volumes", true, "TargetPhysicalVolumes", migrationTaskAttrTypesAt("target_server.disks.physical_volumes"), testWireRoundTrip[[]client.PutTargetPhysicalVolume, []client.TargetPhysicalVolume]("target_server.disks.physical_volumes"), nil},
		{"clone_server", false, "CloneServer", migrationTaskAttrTypesAt("clone_server"), testWireRoundTrip[*client.PutCloneServer, *client.CloneServer]("clone_server"), nil},
		{"sub_tasks", true, "", migrationTaskAttrTypesAt("sub_tasks"), testWireRoundTrip[[]client.SubTask, []client.SubTask]("sub_tasks"), nil},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			t.Parallel()
			objType := types.ObjectType{AttrTypes: row.attrTypes}
			var ty attr.Type = objType
			if row.list {
				ty = types.ListType{ElemType: objType}
			}
			seq := 0
			full := testFullValue(ty, &seq)
			wantFull := full
			if row.wantFull != nil {
				wantFull = row.wantFull(t, full)
			}
			// Children all null (not unknown): every optional wire field left out, every
			// mandatory one sent as its zero value.
			var allNull attr.Value = testObjectWith(t, row.attrTypes, nil, testNullOf)
			sentZero := map[string]attr.Value{}
			if row.seedTable != "" {
				fields := seedTables[row.seedTable]
				if len(fields) == 0 {
					t.Fatalf("the seed has no table %s", row.seedTable)
				}
				for _, f := range fields {
					if f.Mandatory && !slices.Contains(testOptionalToday(row.seedTable), f.Name) {
						sentZero[f.Name] = testZeroOf(t, row.attrTypes[f.Name])
					}
				}
			}
			var allNullBack attr.Value = testObjectWith(t, row.attrTypes, sentZero, testNullOf)
			if row.list {
				allNull = testObjectList(t, row.attrTypes, allNull, allNull)
				allNullBack = testObjectList(t, row.attrTypes, allNullBack, allNullBack)
			}

			type tcase struct {
				name string
				in   attr.Value
				want attr.Value
			}
			cases := []tcase{
				{"populated", full, wantFull},
				{"all children null", allNull, allNullBack},
				{"null", testNullOf(t, ty), testNullOf(t, ty)},
				{"unknown is left out", testUnknownOf(t, ty), testNullOf(t, ty)},
			}
			if row.list {
				empty := testObjectList(t, row.attrTypes)
				cases = append(cases, tcase{"empty list stays empty", empty, empty})
			}
			for _, tc := range cases {
				got, diags := row.roundTrip(t.Context(), tc.in)
				if diags.HasError() {
					t.Errorf("%s: unexpected diagnostics: %v", tc.name, diags)
					continue
				}
				if diff := cmp.Diff(tc.want, got); diff != "" {
					t.Errorf("%s: (-want +got):\n%s", tc.name, diff)
				}
			}
		})
	}
}

// testOnlyPutFields keeps the PUT-able attributes of m and types-nulls the rest: what a
// flatten over an empty prior gives for a body that carries only PUT-able fields.
func testOnlyPutFields(m migrationTaskResourceModel) migrationTaskResourceModel {
	out := testMigrationTaskNullModel()
	for _, f := range migrationTaskPutFields() {
		f.set(&out, f.Get(&m))
	}
	return out
}

func TestFlattenMigrationTaskFullRoundTrip(t *testing.T) {
	t.Parallel()
	full := testMigrationTaskFullModel()
	task, diags := expandMigrationTaskBody(t.Context(), full)
	if diags.HasError() {
		t.Fatal(diags)
	}
	body, err := json.Marshal(task)
	if err != nil {
		t.Fatal(err)
	}
	var sent client.Task
	if err := json.Unmarshal(body, &sent); err != nil {
		t.Fatal(err)
	}
	// Only a prior holding target_server.btrfs_file_systems keeps it: the body has no such key.
	carried := testOnlyPutFields(full)
	carried.TargetServer = testWithoutBtrfsFileSystems(t, carried.TargetServer)
	tests := []struct {
		name  string
		prior migrationTaskResourceModel
		want  migrationTaskResourceModel
	}{
		{"empty prior keeps only what the body carries", migrationTaskResourceModel{}, carried},
		{"typed null prior", testMigrationTaskNullModel(), carried},
		{"full prior is unchanged", full, full},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			direct, diags := flattenMigrationTask(t.Context(), &sent, tc.prior)
			if diags.HasError() {
				t.Fatal(diags)
			}
			if diff := cmp.Diff(tc.want, direct); diff != "" {
				t.Errorf("flatten (-want +got):\n%s", diff)
			}
			decoded, diags := decodeAndFlattenMigrationTask(t.Context(), body, tc.prior)
			if diags.HasError() {
				t.Fatal(diags)
			}
			if diff := cmp.Diff(tc.want, decoded); diff != "" {
				t.Errorf("decodeAndFlatten (-want +got):\n%s", diff)
			}
			testAssertAllKnown(t, decoded)
		})
	}
}

func TestFlattenMigrationTaskSeedExample(t *testing.T) {
	t.Parallel()
	body, err := os.ReadFile("testdata/seed_put_example.json")
	if err != nil {
		t.Fatal(err)
	}
	got, diags := decodeAndFlattenMigrationTask(t.Context(), body, migrationTaskResourceModel{})
	if len(diags) != 0 {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	testAssertAllKnown(t, got)

	checks := []struct {
		name string
		got  attr.Value
		want attr.Value
	}{
		{"name", got.Name, types.StringValue("MigrationTask")},
		{"type", got.Type, types.StringValue("MIGRATE_BLOCK")},
		{"state", got.State, types.StringValue("RUNNING")},
		{"create_date", got.CreateDate, types.Int64Value(1598435778000)},
		{"estimate_complete_time (JSON null)", got.EstimateCompleteTime, types.Int64Null()},
		{"migration_ip (JSON null)", got.MigrationIP, types.StringNull()},
		{"migrate_speed", got.MigrateSpeed, types.Float64Value(0)},
		{"error_json", got.ErrorJSON, types.StringValue("")},
		{"speed_limit", got.SpeedLimit, types.Int64Value(0)},
		{"start_target_server", got.StartTargetServer, types.BoolValue(true)},
		{"clone_server (JSON null)", got.CloneServer, types.ObjectNull(migrationTaskAttrTypesAt("clone_server"))},
		{"source_server.oem_system", testGetPath(t, got.SourceServer, "oem_system"), types.BoolValue(false)},
		{"source_server.disks (absent)", testGetPath(t, got.SourceServer, "disks"), types.ListNull(types.ObjectType{AttrTypes: migrationTaskAttrTypesAt("source_server.disks")})},
		{"target_server.ip (JSON null)", testGetPath(t, got.TargetServer, "ip"), types.StringNull()},
		{"target_server.vm_id", testGetPath(t, got.TargetServer, "vm_id"), types.StringValue("")},
		{"target_server.system_dir", testGetPath(t, got.TargetServer, "system_dir"), types.StringValue(`Y:\Windows\System32`)},
		{"target_server.volume_groups ([])", testGetPath(t, got.TargetServer, "volume_groups"), testObjectList(t, migrationTaskAttrTypesAt("target_server.volume_groups"))},
		{"target_server.btrfs_list (absent)", testGetPath(t, got.TargetServer, "btrfs_list"), types.ListNull(types.StringType)},
		{"target_server.disks[0].id", testGetPath(t, got.TargetServer, "disks", 0, "id"), types.Int64Value(88008)},
		{"target_server.disks[0].size", testGetPath(t, got.TargetServer, "disks", 0, "size"), types.Int64Value(42949672960)},
		{"free_size", testGetPath(t, got.TargetServer, "disks", 0, "physical_volumes", 1, "free_size"), types.Int64Value(19252985856)},
		{"uuid", testGetPath(t, got.TargetServer, "disks", 0, "physical_volumes", 0, "uuid"), types.StringValue(`\\?\Volume{586b7157-0000-0000-0000-100000000000}\`)},
		{"mount_point (JSON null)", testGetPath(t, got.TargetServer, "disks", 0, "physical_volumes", 1, "mount_point"), types.StringNull()},
		{"sub_tasks[0].start_date", testGetPath(t, got.SubTasks, 0, "start_date"), types.Int64Value(1598435802000)},
		{"sub_tasks[1].start_date (JSON null)", testGetPath(t, got.SubTasks, 1, "start_date"), types.Int64Null()},
		{"sub_tasks[4].name", testGetPath(t, got.SubTasks, 4, "name"), types.StringValue("MIGRATE_WINDOWS_BLOCK")},
		{"id (absent, no prior)", got.ID, types.StringNull()},
		{"use_public_ip (create-only, no prior)", got.UsePublicIP, types.BoolNull()},
	}
	for _, c := range checks {
		if diff := cmp.Diff(c.want, c.got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
	if n := len(got.SubTasks.Elements()); n != 5 {
		t.Errorf("sub_tasks has %d elements, want 5", n)
	}
}

func TestFlattenMigrationTaskPrior(t *testing.T) {
	t.Parallel()
	sv, iv := types.StringValue, types.Int64Value
	full := testMigrationTaskFullModel()
	volumeGroupList := types.ObjectType{AttrTypes: migrationTaskAttrTypesAt("target_server.volume_groups")}
	timeoutsValue := timeouts.Value{Object: types.ObjectValueMust(
		map[string]attr.Type{"create": types.StringType}, map[string]attr.Value{"create": sv("30m")})}

	tests := []struct {
		name  string
		task  *client.Task
		prior func(t *testing.T) migrationTaskResourceModel
		check func(t *testing.T, got migrationTaskResourceModel)
	}{
		{
			name:  "absent nested objects keep prior",
			task:  &client.Task{Name: testcheck.Ptr("n")},
			prior: func(*testing.T) migrationTaskResourceModel { return full },
			check: func(t *testing.T, got migrationTaskResourceModel) {
				want := full
				want.Name = sv("n")
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("(-want +got):\n%s", diff)
				}
			},
		},
		{
			name:  "absent nested objects without prior are typed null",
			task:  &client.Task{},
			prior: func(*testing.T) migrationTaskResourceModel { return migrationTaskResourceModel{} },
			check: func(t *testing.T, got migrationTaskResourceModel) {
				if diff := cmp.Diff(testMigrationTaskNullModel(), got); diff != "" {
					t.Errorf("(-want +got):\n%s", diff)
				}
			},
		},
		{
			name:  "returned children overwrite, absent children keep prior",
			task:  &client.Task{SourceServer: &client.SourceServer{ID: testcheck.Ptr("src-2"), Hostname: testcheck.Ptr("")}},
			prior: func(*testing.T) migrationTaskResourceModel { return full },
			check: func(t *testing.T, got migrationTaskResourceModel) {
				want := testSetPath(t, full.SourceServer, sv("src-2"), "id")
				want = testSetPath(t, want, sv(""), "hostname")
				if diff := cmp.Diff(want, got.SourceServer); diff != "" {
					t.Errorf("source_server (-want +got):\n%s", diff)
				}
			},
		},
		{
			name: "[] from the API empties the list; an absent list keeps prior",
			task: &client.Task{TargetServer: &client.TargetServer{VolumeGroups: []client.TargetVolumeGroup{}, BtrfsList: []string{}}},
			prior: func(*testing.T) migrationTaskResourceModel {
				return full
			},
			check: func(t *testing.T, got migrationTaskResourceModel) {
				want := testSetPath(t, full.TargetServer, types.ListValueMust(volumeGroupList, []attr.Value{}), "volume_groups")
				want = testSetPath(t, want, types.ListValueMust(types.StringType, []attr.Value{}), "btrfs_list")
				if diff := cmp.Diff(want, got.TargetServer); diff != "" {
					t.Errorf("target_server (-want +got):\n%s", diff)
				}
			},
		},
		{
			name:  "an absent list with no prior is null, [] is empty",
			task:  &client.Task{TargetServer: &client.TargetServer{VolumeGroups: []client.TargetVolumeGroup{}}, SubTasks: []client.SubTask{}},
			prior: func(*testing.T) migrationTaskResourceModel { return testMigrationTaskNullModel() },
			check: func(t *testing.T, got migrationTaskResourceModel) {
				if diff := cmp.Diff(types.ListValueMust(volumeGroupList, []attr.Value{}), testGetPath(t, got.TargetServer, "volume_groups")); diff != "" {
					t.Errorf("volume_groups (-want +got):\n%s", diff)
				}
				if diff := cmp.Diff(types.ListNull(types.ObjectType{AttrTypes: migrationTaskAttrTypesAt("target_server.disks")}), testGetPath(t, got.TargetServer, "disks")); diff != "" {
					t.Errorf("disks (-want +got):\n%s", diff)
				}
				if diff := cmp.Diff(types.ListValueMust(types.ObjectType{AttrTypes: migrationTaskAttrTypesAt("sub_tasks")}, []attr.Value{}), got.SubTasks); diff != "" {
					t.Errorf("sub_tasks (-want +got):\n%s", diff)
				}
			},
		},
		{
			name: "lists of equal length merge element by element",
			task: &client.Task{TargetServer: &client.TargetServer{Disks: []client.TargetDisk{
				{Size: testcheck.Ptr(int64(1))}, {PhysicalVolumes: []client.TargetPhysicalVolume{{}, {FreeSize: testcheck.Ptr(int64(2))}}},
			}}},
			prior: func(*testing.T) migrationTaskResourceModel { return full },
			check: func(t *testing.T, got migrationTaskResourceModel) {
				want := testSetPath(t, full.TargetServer, iv(1), "disks", 0, "size")
				want = testSetPath(t, want, iv(2), "disks", 1, "physical_volumes", 1, "free_size")
				if diff := cmp.Diff(want, got.TargetServer); diff != "" {
					t.Errorf("target_server (-want +got):\n%s", diff)
				}
			},
		},
		{
			name:  "a list of another length replaces prior whole",
			task:  &client.Task{TargetServer: &client.TargetServer{Disks: []client.TargetDisk{{Name: testcheck.Ptr("only")}}}},
			prior: func(*testing.T) migrationTaskResourceModel { return full },
			check: func(t *testing.T, got migrationTaskResourceModel) {
				disk := testObjectWith(t, migrationTaskAttrTypesAt("target_server.disks"), map[string]attr.Value{"name": sv("only")}, testNullOf)
				want := testSetPath(t, full.TargetServer, testObjectList(t, migrationTaskAttrTypesAt("target_server.disks"), disk), "disks")
				if diff := cmp.Diff(want, got.TargetServer); diff != "" {
					t.Errorf("target_server (-want +got):\n%s", diff)
				}
			},
		},
		{
			name: "unknowns in a plan prior become null where the API is silent",
			task: &client.Task{ID: testcheck.Ptr("task-9"), State: testcheck.Ptr("READY"), SourceServer: &client.SourceServer{ID: testcheck.Ptr("src")}},
			prior: func(t *testing.T) migrationTaskResourceModel {
				m := testMigrationTaskAllUnknownModel()
				m.Name = sv("planned")
				m.SourceServer = testObjectWith(t, migrationTaskAttrTypesAt("source_server"), map[string]attr.Value{"id": sv("src"), "hostname": sv("h")}, testUnknownOf)
				return m
			},
			check: func(t *testing.T, got migrationTaskResourceModel) {
				testAssertAllKnown(t, got)
				want := testMigrationTaskNullModel()
				want.ID, want.State, want.Name = sv("task-9"), sv("READY"), sv("planned")
				want.SourceServer = testObjectWith(t, migrationTaskAttrTypesAt("source_server"), map[string]attr.Value{"id": sv("src"), "hostname": sv("h")}, testNullOf)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("(-want +got):\n%s", diff)
				}
			},
		},
		{
			name: "create-only and timeouts from prior; need_migration_test and id from the API when present",
			task: &client.Task{NeedMigrationTest: testcheck.Ptr(false), ID: testcheck.Ptr("from-api")},
			prior: func(*testing.T) migrationTaskResourceModel {
				m := full
				m.Timeouts = timeoutsValue
				return m
			},
			check: func(t *testing.T, got migrationTaskResourceModel) {
				for _, f := range migrationTaskCreateOnlyFields() {
					if diff := cmp.Diff(f.Get(&full), f.Get(&got)); diff != "" {
						t.Errorf("%s (-prior +got):\n%s", f.Key, diff)
					}
				}
				if diff := cmp.Diff(timeoutsValue, got.Timeouts); diff != "" {
					t.Errorf("timeouts (-prior +got):\n%s", diff)
				}
				if diff := cmp.Diff(types.BoolValue(false), got.NeedMigrationTest); diff != "" {
					t.Errorf("need_migration_test (-want +got):\n%s", diff)
				}
				if diff := cmp.Diff(sv("from-api"), got.ID); diff != "" {
					t.Errorf("id (-want +got):\n%s", diff)
				}
			},
		},
		{
			name:  "need_migration_test and id keep prior when absent",
			task:  &client.Task{},
			prior: func(*testing.T) migrationTaskResourceModel { return full },
			check: func(t *testing.T, got migrationTaskResourceModel) {
				if diff := cmp.Diff(full.NeedMigrationTest, got.NeedMigrationTest); diff != "" {
					t.Errorf("need_migration_test (-want +got):\n%s", diff)
				}
				if diff := cmp.Diff(full.ID, got.ID); diff != "" {
					t.Errorf("id (-want +got):\n%s", diff)
				}
			},
		},
		{
			name: "unknown create-only values become null",
			task: &client.Task{},
			prior: func(*testing.T) migrationTaskResourceModel {
				m := full
				m.UsePublicIP, m.OverSpeedThreshold = types.BoolUnknown(), types.Float64Unknown()
				return m
			},
			check: func(t *testing.T, got migrationTaskResourceModel) {
				if !got.UsePublicIP.IsNull() || !got.OverSpeedThreshold.IsNull() {
					t.Errorf("use_public_ip = %v, over_speed_threshold = %v, want both null", got.UsePublicIP, got.OverSpeedThreshold)
				}
			},
		},
		{
			name: "unknowns inside timeouts become null",
			task: &client.Task{},
			prior: func(*testing.T) migrationTaskResourceModel {
				m := full
				m.Timeouts = timeouts.Value{Object: types.ObjectValueMust(
					map[string]attr.Type{"create": types.StringType, "delete": types.StringType},
					map[string]attr.Value{"create": types.StringUnknown(), "delete": sv("5m")})}
				return m
			},
			check: func(t *testing.T, got migrationTaskResourceModel) {
				want := timeouts.Value{Object: types.ObjectValueMust(
					map[string]attr.Type{"create": types.StringType, "delete": types.StringType},
					map[string]attr.Value{"create": types.StringNull(), "delete": sv("5m")})}
				if diff := cmp.Diff(want, got.Timeouts); diff != "" {
					t.Errorf("timeouts (-want +got):\n%s", diff)
				}
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, diags := flattenMigrationTask(t.Context(), tc.task, tc.prior(t))
			if diags.HasError() {
				t.Fatalf("unexpected diagnostics: %v", diags)
			}
			testAssertAllKnown(t, got)
			tc.check(t, got)
		})
	}
}

func TestFlattenMigrationTaskNilTask(t *testing.T) {
	t.Parallel()
	prior := testMigrationTaskFullModel()
	got, diags := flattenMigrationTask(t.Context(), nil, prior)
	if !diags.HasError() || diags.Errors()[0].Detail() != "The SMS API returned no task." {
		t.Errorf("want the no-task error, got %v", diags)
	}
	if diff := cmp.Diff(prior, got); diff != "" {
		t.Errorf("prior not returned unchanged (-want +got):\n%s", diff)
	}
}
