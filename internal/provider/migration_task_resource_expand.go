package provider

import (
	"context"
	"reflect"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

// expandMigrationTaskCreate builds the POST /v3/tasks body from a plan. Unknown and
// null optional values are left out; the API's mandatory strings (region and project)
// become "" when unknown, so the API, not the provider, reports them missing.
func expandMigrationTaskCreate(ctx context.Context, plan migrationTaskResourceModel) (*client.CreateTaskRequest, diag.Diagnostics) {
	var diags diag.Diagnostics

	for _, required := range []struct {
		name  string
		value types.String
	}{{"name", plan.Name}, {"type", plan.Type}} {
		if required.value.IsNull() || required.value.IsUnknown() {
			diags.AddError("Missing migration task "+required.name,
				"The "+required.name+" attribute must be known to create a migration task.")
		}
	}

	source, ok, d := expandObjectAs[migrationTaskSourceServerModel](plan.SourceServer)
	diags.Append(d...)
	if !ok || source.ID.IsNull() || source.ID.IsUnknown() {
		diags.AddError("Missing migration task source_server.id",
			"The source_server.id attribute must be known to create a migration task.")
	}

	req := &client.CreateTaskRequest{
		Name:                   plan.Name.ValueString(),
		Type:                   plan.Type.ValueString(),
		OSType:                 stringPointer(plan.OSType),
		StartTargetServer:      boolPointer(plan.StartTargetServer),
		SourceServer:           client.CreateSourceServer{ID: source.ID.ValueString()},
		MigrationIP:            stringPointer(plan.MigrationIP),
		RegionName:             plan.RegionName.ValueString(),
		RegionID:               plan.RegionID.ValueString(),
		ProjectName:            plan.ProjectName.ValueString(),
		ProjectID:              plan.ProjectID.ValueString(),
		Priority:               int64Pointer(plan.Priority),
		VMTemplateID:           stringPointer(plan.VMTemplateID),
		SpeedLimit:             int64Pointer(plan.SpeedLimit),
		UsePublicIP:            boolPointer(plan.UsePublicIP),
		UseIPv6:                boolPointer(plan.UseIPv6),
		Syncing:                boolPointer(plan.Syncing),
		ExistServer:            boolPointer(plan.ExistServer),
		AutoStart:              boolPointer(plan.AutoStart),
		StartNetworkCheck:      boolPointer(plan.StartNetworkCheck),
		IsNeedConsistencyCheck: boolPointer(plan.IsNeedConsistencyCheck),
		NeedMigrationTest:      boolPointer(plan.NeedMigrationTest),
		OverSpeedThreshold:     float64Pointer(plan.OverSpeedThreshold),
		ClonevmTemplateID:      stringPointer(plan.ClonevmTemplateID),
	}

	// TargetServerByTask needs name and vm_id (the SDK always sends both; "" asks for
	// an auto-created target). Configured target disks go along too: CreateTask is the
	// only call that lays out the target's disks, and the API echoes them back.
	target, ok, d := expandObjectAs[migrationTaskTargetServerModel](plan.TargetServer)
	diags.Append(d...)
	if ok {
		req.TargetServer.Name = target.Name.ValueString()
		req.TargetServer.VMID = target.VMID.ValueString()
		disks, d := expandObjectList(ctx, target.Disks, expandMigrationTaskCreateTargetDisk)
		diags.Append(d...)
		req.TargetServer.Disks = disks
	}
	return req, diags
}

// expandMigrationTaskCreateTargetDisk maps a target disk to CreateTask's TargetDisks,
// whose physical volumes are the smaller PhysicalVolumes type.
func expandMigrationTaskCreateTargetDisk(ctx context.Context, m migrationTaskTargetDiskModel) (client.CreateTargetDisk, diag.Diagnostics) {
	volumes, diags := expandObjectList(ctx, m.PhysicalVolumes,
		func(_ context.Context, v migrationTaskTargetPhysicalVolumeModel) (client.PhysicalVolume, diag.Diagnostics) {
			return client.PhysicalVolume{
				DeviceUse:  stringPointer(v.DeviceUse),
				FileSystem: stringPointer(v.FileSystem),
				Index:      int64Pointer(v.Index),
				MountPoint: stringPointer(v.MountPoint),
				Name:       stringPointer(v.Name),
				Size:       int64Pointer(v.Size),
				UsedSize:   int64Pointer(v.UsedSize),
				UUID:       stringPointer(v.UUID),
			}, nil
		})
	return client.CreateTargetDisk{
		DeviceUse:       stringPointer(m.DeviceUse),
		DiskID:          stringPointer(m.DiskID),
		Name:            stringPointer(m.Name),
		PhysicalVolumes: volumes,
		Size:            int64Pointer(m.Size),
		UsedSize:        int64Pointer(m.UsedSize),
	}, diags
}

// expandMigrationTaskBody builds the seed's PUT body from every PUT-able attribute of
// m. Unknown and null values become nil (left out). The read-only status and sub_tasks
// are never sent. Mandatory children are not filled here: client.Task drops nil and
// empty values (omitempty), so the PUT goes through migrationTaskWireJSON instead.
func expandMigrationTaskBody(ctx context.Context, m migrationTaskResourceModel) (*client.Task, diag.Diagnostics) {
	var diags diag.Diagnostics
	task := &client.Task{
		Name:                stringPointer(m.Name),
		Type:                stringPointer(m.Type),
		OSType:              stringPointer(m.OSType),
		Priority:            int64Pointer(m.Priority),
		RegionID:            stringPointer(m.RegionID),
		StartTargetServer:   boolPointer(m.StartTargetServer),
		EnterpriseProjectID: stringPointer(m.EnterpriseProjectID),
		MigrationIP:         stringPointer(m.MigrationIP),
		RegionName:          stringPointer(m.RegionName),
		SpeedLimit:          int64Pointer(m.SpeedLimit),
		ProjectName:         stringPointer(m.ProjectName),
		ProjectID:           stringPointer(m.ProjectID),
		VMTemplateID:        stringPointer(m.VMTemplateID),
	}
	var d diag.Diagnostics
	task.SourceServer, d = expandMigrationTaskSourceServer(ctx, m.SourceServer)
	diags.Append(d...)
	task.TargetServer, d = expandMigrationTaskTargetServer(ctx, m.TargetServer)
	diags.Append(d...)
	task.CloneServer, d = expandMigrationTaskCloneServer(ctx, m.CloneServer)
	diags.Append(d...)
	return task, diags
}

func expandMigrationTaskSourceServer(ctx context.Context, v types.Object) (*client.SourceServer, diag.Diagnostics) {
	m, ok, diags := expandObjectAs[migrationTaskSourceServerModel](v)
	if !ok {
		return nil, diags
	}
	s := &client.SourceServer{
		ID:                 stringPointer(m.ID),
		IP:                 stringPointer(m.IP),
		Name:               stringPointer(m.Name),
		Hostname:           stringPointer(m.Hostname),
		OSType:             stringPointer(m.OSType),
		OSVersion:          stringPointer(m.OSVersion),
		VirtualizationType: stringPointer(m.VirtualizationType),
		LinuxBlockCheck:    stringPointer(m.LinuxBlockCheck),
		Firmware:           stringPointer(m.Firmware),
		CPUQuantity:        int64Pointer(m.CPUQuantity),
		Memory:             int64Pointer(m.Memory),
		DomainID:           stringPointer(m.DomainID),
		HasRsync:           boolPointer(m.HasRsync),
		Paravirtualization: boolPointer(m.Paravirtualization),
		RawDevices:         stringPointer(m.RawDevices),
		DriverFiles:        boolPointer(m.DriverFiles),
		SystemServices:     boolPointer(m.SystemServices),
		AccountRights:      boolPointer(m.AccountRights),
		BootLoader:         stringPointer(m.BootLoader),
		SystemDir:          stringPointer(m.SystemDir),
		AgentVersion:       stringPointer(m.AgentVersion),
		KernelVersion:      stringPointer(m.KernelVersion),
		MigrationCycle:     stringPointer(m.MigrationCycle),
		State:              stringPointer(m.State),
		OEMSystem:          boolPointer(m.OEMSystem),
		StartType:          stringPointer(m.StartType),
	}
	var d diag.Diagnostics
	s.Disks, d = expandMigrationTaskServerDisks(ctx, m.Disks)
	diags.Append(d...)
	s.BtrfsList, d = expandMigrationTaskBtrfsFileSystems(ctx, m.BtrfsList)
	diags.Append(d...)
	s.Networks, d = expandMigrationTaskNetworks(ctx, m.Networks)
	diags.Append(d...)
	s.VolumeGroups, d = expandMigrationTaskVolumeGroups(ctx, m.VolumeGroups)
	diags.Append(d...)
	return s, diags
}

func expandMigrationTaskServerDisks(ctx context.Context, v types.List) ([]client.ServerDisk, diag.Diagnostics) {
	return expandObjectList(ctx, v, expandMigrationTaskServerDisk)
}

func expandMigrationTaskServerDisk(ctx context.Context, m migrationTaskServerDiskModel) (client.ServerDisk, diag.Diagnostics) {
	volumes, diags := expandMigrationTaskPhysicalVolumes(ctx, m.PhysicalVolumes)
	return client.ServerDisk{
		Name:            stringPointer(m.Name),
		PartitionStyle:  stringPointer(m.PartitionStyle),
		DeviceUse:       stringPointer(m.DeviceUse),
		Size:            int64Pointer(m.Size),
		UsedSize:        int64Pointer(m.UsedSize),
		PhysicalVolumes: volumes,
		OSDisk:          boolPointer(m.OSDisk),
		RelationName:    stringPointer(m.RelationName),
		InodeSize:       int64Pointer(m.InodeSize),
	}, diags
}

func expandMigrationTaskPhysicalVolumes(ctx context.Context, v types.List) ([]client.PhysicalVolume, diag.Diagnostics) {
	return expandObjectList(ctx, v, expandMigrationTaskPhysicalVolume)
}

func expandMigrationTaskPhysicalVolume(_ context.Context, m migrationTaskPhysicalVolumeModel) (client.PhysicalVolume, diag.Diagnostics) {
	return client.PhysicalVolume{
		DeviceUse:      stringPointer(m.DeviceUse),
		FileSystem:     stringPointer(m.FileSystem),
		Index:          int64Pointer(m.Index),
		MountPoint:     stringPointer(m.MountPoint),
		Name:           stringPointer(m.Name),
		Size:           int64Pointer(m.Size),
		UsedSize:       int64Pointer(m.UsedSize),
		InodeSize:      int64Pointer(m.InodeSize),
		UUID:           stringPointer(m.UUID),
		SizePerCluster: int64Pointer(m.SizePerCluster),
	}, nil
}

func expandMigrationTaskBtrfsFileSystems(ctx context.Context, v types.List) ([]client.BtrfsFileSystem, diag.Diagnostics) {
	return expandObjectList(ctx, v, expandMigrationTaskBtrfsFileSystem)
}

func expandMigrationTaskBtrfsFileSystem(ctx context.Context, m migrationTaskBtrfsFileSystemModel) (client.BtrfsFileSystem, diag.Diagnostics) {
	subvolumns, diags := expandMigrationTaskBtrfsSubvolumns(ctx, m.Subvolumn)
	return client.BtrfsFileSystem{
		Name:                   stringPointer(m.Name),
		Label:                  stringPointer(m.Label),
		UUID:                   stringPointer(m.UUID),
		Device:                 stringPointer(m.Device),
		Size:                   int64Pointer(m.Size),
		Nodesize:               int64Pointer(m.Nodesize),
		Sectorsize:             int64Pointer(m.Sectorsize),
		DataProfile:            stringPointer(m.DataProfile),
		SystemProfile:          stringPointer(m.SystemProfile),
		MetadataProfile:        stringPointer(m.MetadataProfile),
		GlobalReserve1:         stringPointer(m.GlobalReserve1),
		GVolUsedSize:           int64Pointer(m.GVolUsedSize),
		DefaultSubvolID:        stringPointer(m.DefaultSubvolID),
		DefaultSubvolName:      stringPointer(m.DefaultSubvolName),
		DefaultSubvolMountpath: stringPointer(m.DefaultSubvolMountpath),
		Subvolumn:              subvolumns,
	}, diags
}

func expandMigrationTaskBtrfsSubvolumns(ctx context.Context, v types.List) ([]client.BtrfsSubvolumn, diag.Diagnostics) {
	return expandObjectList(ctx, v, expandMigrationTaskBtrfsSubvolumn)
}

func expandMigrationTaskBtrfsSubvolumn(_ context.Context, m migrationTaskBtrfsSubvolumnModel) (client.BtrfsSubvolumn, diag.Diagnostics) {
	return client.BtrfsSubvolumn{
		UUID:            stringPointer(m.UUID),
		IsSnapshot:      stringPointer(m.IsSnapshot),
		SubvolID:        stringPointer(m.SubvolID),
		ParentID:        stringPointer(m.ParentID),
		SubvolName:      stringPointer(m.SubvolName),
		SubvolMountPath: stringPointer(m.SubvolMountPath),
	}, nil
}

func expandMigrationTaskNetworks(ctx context.Context, v types.List) ([]client.Network, diag.Diagnostics) {
	return expandObjectList(ctx, v, expandMigrationTaskNetwork)
}

func expandMigrationTaskNetwork(_ context.Context, m migrationTaskNetworkModel) (client.Network, diag.Diagnostics) {
	return client.Network{
		Name:    stringPointer(m.Name),
		IP:      stringPointer(m.IP),
		Netmask: stringPointer(m.Netmask),
		Gateway: stringPointer(m.Gateway),
		MTU:     int64Pointer(m.MTU),
		MAC:     stringPointer(m.MAC),
		ID:      stringPointer(m.ID),
	}, nil
}

func expandMigrationTaskVolumeGroups(ctx context.Context, v types.List) ([]client.VolumeGroup, diag.Diagnostics) {
	return expandObjectList(ctx, v, expandMigrationTaskVolumeGroup)
}

func expandMigrationTaskVolumeGroup(ctx context.Context, m migrationTaskVolumeGroupModel) (client.VolumeGroup, diag.Diagnostics) {
	logical, diags := expandMigrationTaskLogicalVolumes(ctx, m.LogicalVolumes)
	return client.VolumeGroup{
		Components:     stringPointer(m.Components),
		FreeSize:       int64Pointer(m.FreeSize),
		LogicalVolumes: logical,
		Name:           stringPointer(m.Name),
		Size:           int64Pointer(m.Size),
	}, diags
}

func expandMigrationTaskLogicalVolumes(ctx context.Context, v types.List) ([]client.LogicalVolume, diag.Diagnostics) {
	return expandObjectList(ctx, v, expandMigrationTaskLogicalVolume)
}

func expandMigrationTaskLogicalVolume(_ context.Context, m migrationTaskLogicalVolumeModel) (client.LogicalVolume, diag.Diagnostics) {
	return client.LogicalVolume{
		BlockCount: int64Pointer(m.BlockCount),
		BlockSize:  int64Pointer(m.BlockSize),
		FileSystem: stringPointer(m.FileSystem),
		InodeSize:  int64Pointer(m.InodeSize),
		DeviceUse:  stringPointer(m.DeviceUse),
		MountPoint: stringPointer(m.MountPoint),
		Name:       stringPointer(m.Name),
		Size:       int64Pointer(m.Size),
		UsedSize:   int64Pointer(m.UsedSize),
		FreeSize:   int64Pointer(m.FreeSize),
	}, nil
}

func expandMigrationTaskTargetServer(ctx context.Context, v types.Object) (*client.TargetServer, diag.Diagnostics) {
	m, ok, diags := expandObjectAs[migrationTaskTargetServerModel](v)
	if !ok {
		return nil, diags
	}
	s := &client.TargetServer{
		ID:                   stringPointer(m.ID),
		IP:                   stringPointer(m.IP),
		Name:                 stringPointer(m.Name),
		Hostname:             stringPointer(m.Hostname),
		OSType:               stringPointer(m.OSType),
		OSVersion:            stringPointer(m.OSVersion),
		Firmware:             stringPointer(m.Firmware),
		CPUQuantity:          int64Pointer(m.CPUQuantity),
		Memory:               int64Pointer(m.Memory),
		DomainID:             stringPointer(m.DomainID),
		HasRsync:             boolPointer(m.HasRsync),
		Paravirtualization:   boolPointer(m.Paravirtualization),
		RawDevices:           stringPointer(m.RawDevices),
		DriverFiles:          boolPointer(m.DriverFiles),
		SystemServices:       boolPointer(m.SystemServices),
		AccountRights:        boolPointer(m.AccountRights),
		BootLoader:           stringPointer(m.BootLoader),
		SystemDir:            stringPointer(m.SystemDir),
		VMID:                 stringPointer(m.VMID),
		Flavor:               stringPointer(m.Flavor),
		ImageDiskID:          stringPointer(m.ImageDiskID),
		SnapshotIDs:          stringPointer(m.SnapshotIDs),
		CutoveredSnapshotIDs: stringPointer(m.CutoveredSnapshotIDs),
	}
	var d diag.Diagnostics
	s.Disks, d = expandMigrationTaskTargetDisks(ctx, m.Disks)
	diags.Append(d...)
	s.BtrfsList = expandStringList(m.BtrfsList)
	s.BtrfsFileSystems, d = expandMigrationTaskBtrfsFileSystems(ctx, m.BtrfsFileSystems)
	diags.Append(d...)
	s.Networks, d = expandMigrationTaskNetworks(ctx, m.Networks)
	diags.Append(d...)
	s.VolumeGroups, d = expandMigrationTaskVolumeGroups(ctx, m.VolumeGroups)
	diags.Append(d...)
	return s, diags
}

func expandMigrationTaskTargetDisks(ctx context.Context, v types.List) ([]client.TargetDisk, diag.Diagnostics) {
	return expandObjectList(ctx, v, expandMigrationTaskTargetDisk)
}

func expandMigrationTaskTargetDisk(ctx context.Context, m migrationTaskTargetDiskModel) (client.TargetDisk, diag.Diagnostics) {
	volumes, diags := expandMigrationTaskTargetPhysicalVolumes(ctx, m.PhysicalVolumes)
	return client.TargetDisk{
		ID:              int64Pointer(m.ID),
		DeviceUse:       stringPointer(m.DeviceUse),
		DiskID:          stringPointer(m.DiskID),
		Name:            stringPointer(m.Name),
		PhysicalVolumes: volumes,
		Size:            int64Pointer(m.Size),
		UsedSize:        int64Pointer(m.UsedSize),
		DiskIndex:       stringPointer(m.DiskIndex),
		OSDisk:          boolPointer(m.OSDisk),
		PartitionStyle:  stringPointer(m.PartitionStyle),
		RelationName:    stringPointer(m.RelationName),
	}, diags
}

func expandMigrationTaskTargetPhysicalVolumes(ctx context.Context, v types.List) ([]client.TargetPhysicalVolume, diag.Diagnostics) {
	return expandObjectList(ctx, v, expandMigrationTaskTargetPhysicalVolume)
}

func expandMigrationTaskTargetPhysicalVolume(_ context.Context, m migrationTaskTargetPhysicalVolumeModel) (client.TargetPhysicalVolume, diag.Diagnostics) {
	return client.TargetPhysicalVolume{
		ID:           int64Pointer(m.ID),
		DeviceUse:    stringPointer(m.DeviceUse),
		FileSystem:   stringPointer(m.FileSystem),
		Index:        int64Pointer(m.Index),
		MountPoint:   stringPointer(m.MountPoint),
		Name:         stringPointer(m.Name),
		Size:         int64Pointer(m.Size),
		UsedSize:     int64Pointer(m.UsedSize),
		UUID:         stringPointer(m.UUID),
		RelationName: stringPointer(m.RelationName),
		FreeSize:     int64Pointer(m.FreeSize),
	}, nil
}

func expandMigrationTaskCloneServer(ctx context.Context, v types.Object) (*client.CloneServer, diag.Diagnostics) {
	m, ok, diags := expandObjectAs[migrationTaskCloneServerModel](v)
	if !ok {
		return nil, diags
	}
	return &client.CloneServer{
		VMID:       stringPointer(m.VMID),
		Name:       stringPointer(m.Name),
		CloneError: stringPointer(m.CloneError),
		CloneState: stringPointer(m.CloneState),
		ErrorMsg:   stringPointer(m.ErrorMsg),
	}, diags
}

// expandStringList returns nil for a null or unknown list and a non-nil slice (possibly
// empty) otherwise; unknown elements become "".
func expandStringList(v types.List) []string {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	out := make([]string, 0, len(v.Elements()))
	for _, e := range v.Elements() {
		s, _ := e.(types.String)
		out = append(out, s.ValueString())
	}
	return out
}

// expandObjectAs reads a known object into its model struct. ok is false when v is
// null or unknown (nothing to send) or does not convert.
func expandObjectAs[M any](v attr.Value) (M, bool, diag.Diagnostics) {
	var m M
	obj, isObject := v.(basetypes.ObjectValue)
	if !isObject || obj.IsNull() || obj.IsUnknown() {
		return m, false, nil
	}
	m, diags := modelFromObject[M](obj)
	return m, !diags.HasError(), diags
}

// expandObjectList expands a list of objects element by element. A null or unknown
// list is nil (left out); a known list is a non-nil slice, so an empty list stays []
// through migrationTaskWireJSON. An unknown element becomes the zero wire element, so
// positions stay aligned and mandatory children are still zero-filled on the wire.
func expandObjectList[M, W any](ctx context.Context, v types.List, expandOne func(context.Context, M) (W, diag.Diagnostics)) ([]W, diag.Diagnostics) {
	if v.IsNull() || v.IsUnknown() {
		return nil, nil
	}
	var diags diag.Diagnostics
	out := make([]W, 0, len(v.Elements()))
	for _, e := range v.Elements() {
		m, ok, d := expandObjectAs[M](e)
		diags.Append(d...)
		if !ok {
			var zero W
			out = append(out, zero)
			continue
		}
		w, d := expandOne(ctx, m)
		diags.Append(d...)
		out = append(out, w)
	}
	return out, diags
}

// migrationTaskUpdateBody is the PUT diff: the body holds exactly the top-level seed
// keys whose plan value (with unknowns taken from state) differs from state. A changed
// nested object is sent whole, from the merged plan, with the seed's mandatory
// children present. An empty map means nothing PUT-able changed and no request is due.
func migrationTaskUpdateBody(ctx context.Context, plan, state migrationTaskResourceModel) (map[string]any, diag.Diagnostics) {
	var diags diag.Diagnostics
	body := map[string]any{}

	// merged holds the changed keys' values (the plan's, its unknowns taken from state)
	// and null for every other PUT-able key, so only what is sent gets expanded.
	merged := plan
	var changed []string
	for _, f := range migrationTaskPutFields() {
		value := fillUnknownFromState(f.get(&plan), f.get(&state))
		if value.Equal(f.get(&state)) {
			value = nullOf(ctx, value)
		} else {
			changed = append(changed, f.key)
		}
		if !f.set(&merged, value) {
			diags.AddError("Internal error building the migration task update",
				"The merged value of "+f.key+" has an unexpected type; please report this bug.")
		}
	}
	if len(changed) == 0 || diags.HasError() {
		return body, diags
	}

	task, d := expandMigrationTaskBody(ctx, merged)
	diags.Append(d...)
	if diags.HasError() {
		return body, diags
	}
	full, _ := migrationTaskWireJSON(task).(map[string]any)
	for _, key := range changed {
		// A key that changed to null or is still unknown has nothing to send: the
		// API cannot clear a field, and leaving it out keeps the server's value.
		if v, ok := full[key]; ok {
			body[key] = v
		}
	}
	return body, diags
}

// migrationTaskPlanFilledFromState is the new state of an update that needed no PUT
// (migrationTaskUpdateBody returned an empty map, e.g. only timeouts changed): the plan,
// with each value it left unknown taken from prior state, and any unknown that prior
// could not fill made null, since state must be wholly known.
func migrationTaskPlanFilledFromState(_ context.Context, plan, prior migrationTaskResourceModel) (migrationTaskResourceModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	state := plan
	fields := append(migrationTaskReadFields(), migrationTaskCreateOnlyFields()...)
	for _, f := range fields {
		if !f.set(&state, nullUnknowns(fillUnknownFromState(f.get(&plan), f.get(&prior)))) {
			diags.AddError("Internal error building the migration task state",
				"The value of "+f.key+" has an unexpected type; please report this bug.")
		}
	}
	if obj, ok := nullUnknowns(plan.Timeouts.Object).(types.Object); ok {
		state.Timeouts = timeouts.Value{Object: obj}
	}
	return state, diags
}

// migrationTaskMandatoryKeys lists, per wire type, the children the seed marks
// "Mandatory: Yes". When a nested object is sent these keys are always present: a
// nil value goes out as its type's zero value ("" / 0 / false / []).
var migrationTaskMandatoryKeys = map[reflect.Type]map[string]bool{
	reflect.TypeFor[client.SourceServer]():    keySet("ip", "name", "os_type", "agent_version"),
	reflect.TypeFor[client.ServerDisk]():      keySet("name", "device_use", "size", "used_size", "physical_volumes"),
	reflect.TypeFor[client.BtrfsFileSystem](): keySet("name", "label", "uuid", "device", "size", "nodesize", "sectorsize", "data_profile", "system_profile", "metadata_profile", "global_reserve1", "g_vol_used_size", "default_subvolid", "default_subvol_name", "default_subvol_mountpath", "subvolumn"),
	reflect.TypeFor[client.BtrfsSubvolumn]():  keySet("uuid", "is_snapshot", "subvol_id", "parent_id", "subvol_name", "subvol_mount_path"),
	reflect.TypeFor[client.Network]():         keySet("name", "ip", "netmask", "gateway", "mac"),
	reflect.TypeFor[client.LogicalVolume]():   keySet("file_system", "inode_size", "mount_point", "name", "size", "used_size", "free_size"),
	reflect.TypeFor[client.TargetServer]():    keySet("ip", "os_type", "disks"),
	reflect.TypeFor[client.SubTask]():         keySet("progress"),
}

func keySet(keys ...string) map[string]bool {
	set := make(map[string]bool, len(keys))
	for _, k := range keys {
		set[k] = true
	}
	return set
}

// migrationTaskWireJSON turns a wire value (e.g. *client.Task) into the generic JSON
// tree (map[string]any / []any / scalars) that the PUT sends. Why not json.Marshal of
// the struct: the client types use omitempty, which drops an empty slice, so a list
// the user set to [] (the seed's "empty array [] if there are none") and the
// mandatory children could never be sent. This walk follows the same json tags but
// leaves out only nil pointers and nil slices, keeps non-nil empty slices as [], and
// adds the mandatory keys of migrationTaskMandatoryKeys with zero values. types.go
// stays as the lead wrote it.
func migrationTaskWireJSON(v any) any {
	return wireJSONValue(reflect.ValueOf(v))
}

func wireJSONValue(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Invalid:
		return nil
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return wireJSONValue(v.Elem())
	case reflect.Struct:
		mandatory := migrationTaskMandatoryKeys[v.Type()]
		out := make(map[string]any, v.NumField())
		for i := range v.NumField() {
			field := v.Type().Field(i)
			name, _, _ := strings.Cut(field.Tag.Get("json"), ",")
			if !field.IsExported() || name == "-" {
				continue
			}
			if name == "" {
				name = field.Name
			}
			fv := v.Field(i)
			if isNilable(fv.Kind()) && fv.IsNil() {
				if mandatory[name] {
					out[name] = wireJSONZero(field.Type)
				}
				continue
			}
			out[name] = wireJSONValue(fv)
		}
		return out
	case reflect.Slice:
		if v.IsNil() {
			return nil
		}
		out := make([]any, v.Len())
		for i := range out {
			out[i] = wireJSONValue(v.Index(i))
		}
		return out
	default:
		return v.Interface()
	}
}

// wireJSONZero is the JSON zero value of a wire field type: "" / 0 / false for
// pointers to scalars, [] for slices, and a zero object (with its own mandatory keys)
// for structs.
func wireJSONZero(t reflect.Type) any {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Slice:
		return []any{}
	case reflect.Struct:
		return wireJSONValue(reflect.New(t).Elem())
	default:
		return reflect.Zero(t).Interface()
	}
}

func isNilable(k reflect.Kind) bool {
	switch k {
	case reflect.Pointer, reflect.Interface, reflect.Slice, reflect.Map:
		return true
	}
	return false
}
