package task

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/values"
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
		OSType:                 values.StringPointer(plan.OSType),
		StartTargetServer:      values.BoolPointer(plan.StartTargetServer),
		SourceServer:           client.CreateSourceServer{ID: source.ID.ValueString()},
		MigrationIP:            values.StringPointer(plan.MigrationIP),
		RegionName:             plan.RegionName.ValueString(),
		RegionID:               plan.RegionID.ValueString(),
		ProjectName:            plan.ProjectName.ValueString(),
		ProjectID:              plan.ProjectID.ValueString(),
		Priority:               values.Int64Pointer(plan.Priority),
		VMTemplateID:           values.StringPointer(plan.VMTemplateID),
		SpeedLimit:             values.Int64Pointer(plan.SpeedLimit),
		UsePublicIP:            values.BoolPointer(plan.UsePublicIP),
		UseIPv6:                values.BoolPointer(plan.UseIPv6),
		Syncing:                values.BoolPointer(plan.Syncing),
		ExistServer:            values.BoolPointer(plan.ExistServer),
		AutoStart:              values.BoolPointer(plan.AutoStart),
		StartNetworkCheck:      values.BoolPointer(plan.StartNetworkCheck),
		IsNeedConsistencyCheck: values.BoolPointer(plan.IsNeedConsistencyCheck),
		NeedMigrationTest:      values.BoolPointer(plan.NeedMigrationTest),
		OverSpeedThreshold:     values.Float64Pointer(plan.OverSpeedThreshold),
		ClonevmTemplateID:      values.StringPointer(plan.ClonevmTemplateID),
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
				DeviceUse:  values.StringPointer(v.DeviceUse),
				FileSystem: values.StringPointer(v.FileSystem),
				Index:      values.Int64Pointer(v.Index),
				MountPoint: values.StringPointer(v.MountPoint),
				Name:       values.StringPointer(v.Name),
				Size:       values.Int64Pointer(v.Size),
				UsedSize:   values.Int64Pointer(v.UsedSize),
				UUID:       values.StringPointer(v.UUID),
			}, nil
		})
	return client.CreateTargetDisk{
		DeviceUse:       values.StringPointer(m.DeviceUse),
		DiskID:          values.StringPointer(m.DiskID),
		Name:            values.StringPointer(m.Name),
		PhysicalVolumes: volumes,
		Size:            values.Int64Pointer(m.Size),
		UsedSize:        values.Int64Pointer(m.UsedSize),
	}, diags
}

// expandMigrationTaskBody builds the seed's PUT body from every PUT-able attribute of
// m. Unknown and null values are left out, except a nested child the seed marks
// mandatory, which the wire types send as its zero value. The read-only status and
// sub_tasks are never sent.
func expandMigrationTaskBody(ctx context.Context, m migrationTaskResourceModel) (client.UpdateTaskBody, diag.Diagnostics) {
	var diags diag.Diagnostics
	task := client.UpdateTaskBody{
		Name:                values.StringPointer(m.Name),
		Type:                values.StringPointer(m.Type),
		OSType:              values.StringPointer(m.OSType),
		Priority:            values.Int64Pointer(m.Priority),
		RegionID:            values.StringPointer(m.RegionID),
		StartTargetServer:   values.BoolPointer(m.StartTargetServer),
		EnterpriseProjectID: values.StringPointer(m.EnterpriseProjectID),
		MigrationIP:         values.StringPointer(m.MigrationIP),
		RegionName:          values.StringPointer(m.RegionName),
		SpeedLimit:          values.Int64Pointer(m.SpeedLimit),
		ProjectName:         values.StringPointer(m.ProjectName),
		ProjectID:           values.StringPointer(m.ProjectID),
		VMTemplateID:        values.StringPointer(m.VMTemplateID),
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
		ID:                 values.StringPointer(m.ID),
		IP:                 m.IP.ValueString(),
		Name:               m.Name.ValueString(),
		Hostname:           values.StringPointer(m.Hostname),
		OSType:             m.OSType.ValueString(),
		OSVersion:          values.StringPointer(m.OSVersion),
		VirtualizationType: values.StringPointer(m.VirtualizationType),
		LinuxBlockCheck:    values.StringPointer(m.LinuxBlockCheck),
		Firmware:           values.StringPointer(m.Firmware),
		CPUQuantity:        values.Int64Pointer(m.CPUQuantity),
		Memory:             values.Int64Pointer(m.Memory),
		DomainID:           values.StringPointer(m.DomainID),
		HasRsync:           values.BoolPointer(m.HasRsync),
		Paravirtualization: values.BoolPointer(m.Paravirtualization),
		RawDevices:         values.StringPointer(m.RawDevices),
		DriverFiles:        values.BoolPointer(m.DriverFiles),
		SystemServices:     values.BoolPointer(m.SystemServices),
		AccountRights:      values.BoolPointer(m.AccountRights),
		BootLoader:         values.StringPointer(m.BootLoader),
		SystemDir:          values.StringPointer(m.SystemDir),
		AgentVersion:       m.AgentVersion.ValueString(),
		KernelVersion:      values.StringPointer(m.KernelVersion),
		MigrationCycle:     values.StringPointer(m.MigrationCycle),
		State:              values.StringPointer(m.State),
		OEMSystem:          values.BoolPointer(m.OEMSystem),
		StartType:          values.StringPointer(m.StartType),
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
		PartitionStyle:  values.StringPointer(m.PartitionStyle),
		DeviceUse:       m.DeviceUse.ValueString(),
		Size:            m.Size.ValueInt64(),
		UsedSize:        m.UsedSize.ValueInt64(),
		PhysicalVolumes: volumes,
		OSDisk:          values.BoolPointer(m.OSDisk),
		RelationName:    values.StringPointer(m.RelationName),
		InodeSize:       values.Int64Pointer(m.InodeSize),
	}, diags
}

func expandMigrationTaskPhysicalVolumes(ctx context.Context, v types.List) ([]client.PutPhysicalVolume, diag.Diagnostics) {
	return expandObjectList(ctx, v, expandMigrationTaskPhysicalVolume)
}

func expandMigrationTaskPhysicalVolume(_ context.Context, m migrationTaskPhysicalVolumeModel) (client.PutPhysicalVolume, diag.Diagnostics) {
	return client.PutPhysicalVolume{
		DeviceUse:      values.StringPointer(m.DeviceUse),
		FileSystem:     values.StringPointer(m.FileSystem),
		Index:          values.Int64Pointer(m.Index),
		MountPoint:     values.StringPointer(m.MountPoint),
		Name:           values.StringPointer(m.Name),
		Size:           values.Int64Pointer(m.Size),
		UsedSize:       values.Int64Pointer(m.UsedSize),
		InodeSize:      values.Int64Pointer(m.InodeSize),
		UUID:           values.StringPointer(m.UUID),
		SizePerCluster: values.Int64Pointer(m.SizePerCluster),
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
		MTU:     values.Int64Pointer(m.MTU),
		MAC:     m.MAC.ValueString(),
		ID:      values.StringPointer(m.ID),
	}, nil
}

func expandMigrationTaskVolumeGroups(ctx context.Context, v types.List) ([]client.PutVolumeGroup, diag.Diagnostics) {
	return expandObjectList(ctx, v, expandMigrationTaskVolumeGroup)
}

func expandMigrationTaskVolumeGroup(ctx context.Context, m migrationTaskVolumeGroupModel) (client.PutVolumeGroup, diag.Diagnostics) {
	logical, diags := expandMigrationTaskLogicalVolumes(ctx, m.LogicalVolumes)
	return client.PutVolumeGroup{
		Components:     values.StringPointer(m.Components),
		FreeSize:       values.Int64Pointer(m.FreeSize),
		LogicalVolumes: logical,
		Name:           values.StringPointer(m.Name),
		Size:           values.Int64Pointer(m.Size),
	}, diags
}

func expandMigrationTaskLogicalVolumes(ctx context.Context, v types.List) ([]client.PutLogicalVolume, diag.Diagnostics) {
	return expandObjectList(ctx, v, expandMigrationTaskLogicalVolume)
}

func expandMigrationTaskLogicalVolume(_ context.Context, m migrationTaskLogicalVolumeModel) (client.PutLogicalVolume, diag.Diagnostics) {
	return client.PutLogicalVolume{
		BlockCount: values.Int64Pointer(m.BlockCount),
		BlockSize:  values.Int64Pointer(m.BlockSize),
		FileSystem: m.FileSystem.ValueString(),
		InodeSize:  m.InodeSize.ValueInt64(),
		DeviceUse:  values.StringPointer(m.DeviceUse),
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
		ID:                   values.StringPointer(m.ID),
		IP:                   m.IP.ValueString(),
		Name:                 values.StringPointer(m.Name),
		Hostname:             values.StringPointer(m.Hostname),
		OSType:               m.OSType.ValueString(),
		OSVersion:            values.StringPointer(m.OSVersion),
		Firmware:             values.StringPointer(m.Firmware),
		CPUQuantity:          values.Int64Pointer(m.CPUQuantity),
		Memory:               values.Int64Pointer(m.Memory),
		DomainID:             values.StringPointer(m.DomainID),
		HasRsync:             values.BoolPointer(m.HasRsync),
		Paravirtualization:   values.BoolPointer(m.Paravirtualization),
		RawDevices:           values.StringPointer(m.RawDevices),
		DriverFiles:          values.BoolPointer(m.DriverFiles),
		SystemServices:       values.BoolPointer(m.SystemServices),
		AccountRights:        values.BoolPointer(m.AccountRights),
		BootLoader:           values.StringPointer(m.BootLoader),
		SystemDir:            values.StringPointer(m.SystemDir),
		VMID:                 values.StringPointer(m.VMID),
		Flavor:               values.StringPointer(m.Flavor),
		ImageDiskID:          values.StringPointer(m.ImageDiskID),
		SnapshotIDs:          values.StringPointer(m.SnapshotIDs),
		CutoveredSnapshotIDs: values.StringPointer(m.CutoveredSnapshotIDs),
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
		ID:              values.Int64Pointer(m.ID),
		DeviceUse:       values.StringPointer(m.DeviceUse),
		DiskID:          values.StringPointer(m.DiskID),
		Name:            values.StringPointer(m.Name),
		PhysicalVolumes: volumes,
		Size:            values.Int64Pointer(m.Size),
		UsedSize:        values.Int64Pointer(m.UsedSize),
		DiskIndex:       values.StringPointer(m.DiskIndex),
		OSDisk:          values.BoolPointer(m.OSDisk),
		PartitionStyle:  values.StringPointer(m.PartitionStyle),
		RelationName:    values.StringPointer(m.RelationName),
	}, diags
}

func expandMigrationTaskTargetPhysicalVolumes(ctx context.Context, v types.List) ([]client.PutTargetPhysicalVolume, diag.Diagnostics) {
	return expandObjectList(ctx, v, expandMigrationTaskTargetPhysicalVolume)
}

func expandMigrationTaskTargetPhysicalVolume(_ context.Context, m migrationTaskTargetPhysicalVolumeModel) (client.PutTargetPhysicalVolume, diag.Diagnostics) {
	return client.PutTargetPhysicalVolume{
		ID:           values.Int64Pointer(m.ID),
		DeviceUse:    values.StringPointer(m.DeviceUse),
		FileSystem:   values.StringPointer(m.FileSystem),
		Index:        values.Int64Pointer(m.Index),
		MountPoint:   values.StringPointer(m.MountPoint),
		Name:         values.StringPointer(m.Name),
		Size:         values.Int64Pointer(m.Size),
		UsedSize:     values.Int64Pointer(m.UsedSize),
		UUID:         values.StringPointer(m.UUID),
		RelationName: values.StringPointer(m.RelationName),
		FreeSize:     values.Int64Pointer(m.FreeSize),
	}, nil
}

func expandMigrationTaskCloneServer(ctx context.Context, v types.Object) (*client.PutCloneServer, diag.Diagnostics) {
	m, ok, diags := expandObjectAs[migrationTaskCloneServerModel](v)
	if !ok {
		return nil, diags
	}
	return &client.PutCloneServer{
		VMID:       values.StringPointer(m.VMID),
		Name:       values.StringPointer(m.Name),
		CloneError: values.StringPointer(m.CloneError),
		CloneState: values.StringPointer(m.CloneState),
		ErrorMsg:   values.StringPointer(m.ErrorMsg),
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
	m, diags := values.ModelFromObject[M](obj)
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
		value := values.FillUnknownFromState(f.Get(&plan), f.Get(&state))
		if value.Equal(f.Get(&state)) {
			value = values.NullOf(ctx, value)
		} else {
			changed = true
		}
		if !f.set(&merged, value) {
			diags.AddError("Internal error building the migration task update",
				"The merged value of "+f.Key+" has an unexpected type; please report this bug.")
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
		if !f.set(&state, values.NullUnknowns(values.FillUnknownFromState(f.Get(&plan), f.Get(&prior)))) {
			diags.AddError("Internal error building the migration task state",
				"The value of "+f.Key+" has an unexpected type; please report this bug.")
		}
	}
	if obj, ok := values.NullUnknowns(plan.Timeouts.Object).(types.Object); ok {
		state.Timeouts = timeouts.Value{Object: obj}
	}
	return state, diags
}
