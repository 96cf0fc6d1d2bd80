package provider

import (
	"context"

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
// m. Unknown and null values are left out, except a nested child the seed marks
// mandatory, which the wire types send as its zero value. The read-only status and
// sub_tasks are never sent.
func expandMigrationTaskBody(ctx context.Context, m migrationTaskResourceModel) (client.UpdateTaskBody, diag.Diagnostics) {
	var diags diag.Diagnostics
	task := client.UpdateTaskBody{
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

func expandMigrationTaskSourceServer(ctx context.Context, v types.Object) (*client.PutSourceServer, diag.Diagnostics) {
	m, ok, diags := expandObjectAs[migrationTaskSourceServerModel](v)
	if !ok {
		return nil, diags
	}
	s := &client.PutSourceServer{
		ID:                 stringPointer(m.ID),
		IP:                 m.IP.ValueString(),
		Name:               m.Name.ValueString(),
		Hostname:           stringPointer(m.Hostname),
		OSType:             m.OSType.ValueString(),
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
		AgentVersion:       m.AgentVersion.ValueString(),
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

func expandMigrationTaskServerDisks(ctx context.Context, v types.List) ([]client.PutServerDisk, diag.Diagnostics) {
	return expandObjectList(ctx, v, expandMigrationTaskServerDisk)
}

func expandMigrationTaskServerDisk(ctx context.Context, m migrationTaskServerDiskModel) (client.PutServerDisk, diag.Diagnostics) {
	volumes, diags := expandMigrationTaskPhysicalVolumes(ctx, m.PhysicalVolumes)
	return client.PutServerDisk{
		Name:            m.Name.ValueString(),
		PartitionStyle:  stringPointer(m.PartitionStyle),
		DeviceUse:       m.DeviceUse.ValueString(),
		Size:            m.Size.ValueInt64(),
		UsedSize:        m.UsedSize.ValueInt64(),
		PhysicalVolumes: volumes,
		OSDisk:          boolPointer(m.OSDisk),
		RelationName:    stringPointer(m.RelationName),
		InodeSize:       int64Pointer(m.InodeSize),
	}, diags
}

func expandMigrationTaskPhysicalVolumes(ctx context.Context, v types.List) ([]client.PutPhysicalVolume, diag.Diagnostics) {
	return expandObjectList(ctx, v, expandMigrationTaskPhysicalVolume)
}

func expandMigrationTaskPhysicalVolume(_ context.Context, m migrationTaskPhysicalVolumeModel) (client.PutPhysicalVolume, diag.Diagnostics) {
	return client.PutPhysicalVolume{
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

func expandMigrationTaskBtrfsFileSystems(ctx context.Context, v types.List) ([]client.PutBtrfsFileSystem, diag.Diagnostics) {
	return expandObjectList(ctx, v, expandMigrationTaskBtrfsFileSystem)
}

func expandMigrationTaskBtrfsFileSystem(ctx context.Context, m migrationTaskBtrfsFileSystemModel) (client.PutBtrfsFileSystem, diag.Diagnostics) {
	subvolumns, diags := expandMigrationTaskBtrfsSubvolumns(ctx, m.Subvolumn)
	return client.PutBtrfsFileSystem{
		Name:                   m.Name.ValueString(),
		Label:                  m.Label.ValueString(),
		UUID:                   m.UUID.ValueString(),
		Device:                 m.Device.ValueString(),
		Size:                   m.Size.ValueInt64(),
		Nodesize:               m.Nodesize.ValueInt64(),
		Sectorsize:             m.Sectorsize.ValueInt64(),
		DataProfile:            m.DataProfile.ValueString(),
		SystemProfile:          m.SystemProfile.ValueString(),
		MetadataProfile:        m.MetadataProfile.ValueString(),
		GlobalReserve1:         m.GlobalReserve1.ValueString(),
		GVolUsedSize:           m.GVolUsedSize.ValueInt64(),
		DefaultSubvolID:        m.DefaultSubvolID.ValueString(),
		DefaultSubvolName:      m.DefaultSubvolName.ValueString(),
		DefaultSubvolMountpath: m.DefaultSubvolMountpath.ValueString(),
		Subvolumn:              subvolumns,
	}, diags
}

func expandMigrationTaskBtrfsSubvolumns(ctx context.Context, v types.List) ([]client.PutBtrfsSubvolumn, diag.Diagnostics) {
	return expandObjectList(ctx, v, expandMigrationTaskBtrfsSubvolumn)
}

func expandMigrationTaskBtrfsSubvolumn(_ context.Context, m migrationTaskBtrfsSubvolumnModel) (client.PutBtrfsSubvolumn, diag.Diagnostics) {
	return client.PutBtrfsSubvolumn{
		UUID:            m.UUID.ValueString(),
		IsSnapshot:      m.IsSnapshot.ValueString(),
		SubvolID:        m.SubvolID.ValueString(),
		ParentID:        m.ParentID.ValueString(),
		SubvolName:      m.SubvolName.ValueString(),
		SubvolMountPath: m.SubvolMountPath.ValueString(),
	}, nil
}

func expandMigrationTaskNetworks(ctx context.Context, v types.List) ([]client.PutNetwork, diag.Diagnostics) {
	return expandObjectList(ctx, v, expandMigrationTaskNetwork)
}

func expandMigrationTaskNetwork(_ context.Context, m migrationTaskNetworkModel) (client.PutNetwork, diag.Diagnostics) {
	return client.PutNetwork{
		Name:    m.Name.ValueString(),
		IP:      m.IP.ValueString(),
		Netmask: m.Netmask.ValueString(),
		Gateway: m.Gateway.ValueString(),
		MTU:     int64Pointer(m.MTU),
		MAC:     m.MAC.ValueString(),
		ID:      stringPointer(m.ID),
	}, nil
}

func expandMigrationTaskVolumeGroups(ctx context.Context, v types.List) ([]client.PutVolumeGroup, diag.Diagnostics) {
	return expandObjectList(ctx, v, expandMigrationTaskVolumeGroup)
}

func expandMigrationTaskVolumeGroup(ctx context.Context, m migrationTaskVolumeGroupModel) (client.PutVolumeGroup, diag.Diagnostics) {
	logical, diags := expandMigrationTaskLogicalVolumes(ctx, m.LogicalVolumes)
	return client.PutVolumeGroup{
		Components:     stringPointer(m.Components),
		FreeSize:       int64Pointer(m.FreeSize),
		LogicalVolumes: logical,
		Name:           stringPointer(m.Name),
		Size:           int64Pointer(m.Size),
	}, diags
}

func expandMigrationTaskLogicalVolumes(ctx context.Context, v types.List) ([]client.PutLogicalVolume, diag.Diagnostics) {
	return expandObjectList(ctx, v, expandMigrationTaskLogicalVolume)
}

func expandMigrationTaskLogicalVolume(_ context.Context, m migrationTaskLogicalVolumeModel) (client.PutLogicalVolume, diag.Diagnostics) {
	return client.PutLogicalVolume{
		BlockCount: int64Pointer(m.BlockCount),
		BlockSize:  int64Pointer(m.BlockSize),
		FileSystem: m.FileSystem.ValueString(),
		InodeSize:  m.InodeSize.ValueInt64(),
		DeviceUse:  stringPointer(m.DeviceUse),
		MountPoint: m.MountPoint.ValueString(),
		Name:       m.Name.ValueString(),
		Size:       m.Size.ValueInt64(),
		UsedSize:   m.UsedSize.ValueInt64(),
		FreeSize:   m.FreeSize.ValueInt64(),
	}, nil
}

func expandMigrationTaskTargetServer(ctx context.Context, v types.Object) (*client.PutTargetServer, diag.Diagnostics) {
	m, ok, diags := expandObjectAs[migrationTaskTargetServerModel](v)
	if !ok {
		return nil, diags
	}
	s := &client.PutTargetServer{
		ID:                   stringPointer(m.ID),
		IP:                   m.IP.ValueString(),
		Name:                 stringPointer(m.Name),
		Hostname:             stringPointer(m.Hostname),
		OSType:               m.OSType.ValueString(),
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
	// btrfs_file_systems is no key of the seed's body: migrationTaskUpdateBodyFor sends
	// it as btrfs_list under today's.
	s.BtrfsList = client.PutTargetBtrfsList{Names: expandStringList(m.BtrfsList)}
	s.Networks, d = expandMigrationTaskNetworks(ctx, m.Networks)
	diags.Append(d...)
	s.VolumeGroups, d = expandMigrationTaskVolumeGroups(ctx, m.VolumeGroups)
	diags.Append(d...)
	return s, diags
}

func expandMigrationTaskTargetDisks(ctx context.Context, v types.List) ([]client.PutTargetDisk, diag.Diagnostics) {
	return expandObjectList(ctx, v, expandMigrationTaskTargetDisk)
}

func expandMigrationTaskTargetDisk(ctx context.Context, m migrationTaskTargetDiskModel) (client.PutTargetDisk, diag.Diagnostics) {
	volumes, diags := expandMigrationTaskTargetPhysicalVolumes(ctx, m.PhysicalVolumes)
	return client.PutTargetDisk{
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

func expandMigrationTaskTargetPhysicalVolumes(ctx context.Context, v types.List) ([]client.PutTargetPhysicalVolume, diag.Diagnostics) {
	return expandObjectList(ctx, v, expandMigrationTaskTargetPhysicalVolume)
}

func expandMigrationTaskTargetPhysicalVolume(_ context.Context, m migrationTaskTargetPhysicalVolumeModel) (client.PutTargetPhysicalVolume, diag.Diagnostics) {
	return client.PutTargetPhysicalVolume{
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

func expandMigrationTaskCloneServer(ctx context.Context, v types.Object) (*client.PutCloneServer, diag.Diagnostics) {
	m, ok, diags := expandObjectAs[migrationTaskCloneServerModel](v)
	if !ok {
		return nil, diags
	}
	return &client.PutCloneServer{
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
// list is nil (left out); a known list is a non-nil slice, so an empty list is sent as
// []. An unknown element becomes the zero wire element, so positions stay aligned and
// its mandatory children still go out as zero values.
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
// children present. A body with no keys means nothing PUT-able changed and no request
// is due.
func migrationTaskUpdateBody(ctx context.Context, plan, state migrationTaskResourceModel) (client.UpdateTaskBody, diag.Diagnostics) {
	var diags diag.Diagnostics

	// merged holds the changed keys' values (the plan's, its unknowns taken from state)
	// and null for every other PUT-able key, so only what is sent gets expanded. A key
	// that changed to null or is still unknown expands to nil and is not sent either:
	// the API cannot clear a field, and leaving it out keeps the server's value.
	merged := plan
	changed := false
	for _, f := range migrationTaskPutFields() {
		value := fillUnknownFromState(f.get(&plan), f.get(&state))
		if value.Equal(f.get(&state)) {
			value = nullOf(ctx, value)
		} else {
			changed = true
		}
		if !f.set(&merged, value) {
			diags.AddError("Internal error building the migration task update",
				"The merged value of "+f.key+" has an unexpected type; please report this bug.")
		}
	}
	if !changed || diags.HasError() {
		return client.UpdateTaskBody{}, diags
	}
	body, d := expandMigrationTaskBody(ctx, merged)
	diags.Append(d...)
	if diags.HasError() {
		return client.UpdateTaskBody{}, diags
	}
	return body, diags
}

// migrationTaskPlanFilledFromState is the new state of an update that needed no PUT
// (migrationTaskUpdateBody returned no keys, e.g. only timeouts changed): the plan,
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
