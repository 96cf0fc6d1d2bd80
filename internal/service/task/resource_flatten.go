package task

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/values"
)

// flattenMigrationTask writes every field the API returned over prior (the plan on
// create, the state otherwise). Only a field the API did not return (nil at any
// depth) keeps its prior value, so drift always shows. Create-only attributes and
// timeouts come from prior, since ShowTask never returns them. Every value in the
// result is known: what is still unknown after the merge becomes null.
func flattenMigrationTask(ctx context.Context, task *client.Task, prior migrationTaskResourceModel) (migrationTaskResourceModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	if task == nil {
		diags.AddError("Unexpected migration task response", "The SMS API returned no task.")
		return prior, diags
	}

	fresh, diags := flattenMigrationTaskFromAPI(ctx, task)
	if diags.HasError() {
		return prior, diags
	}

	result := prior
	// Timeouts are configuration, never API data; only an unknown in them is nulled.
	if obj, ok := values.NullUnknowns(prior.Timeouts.Object).(types.Object); ok {
		result.Timeouts = timeouts.Value{Object: obj}
	}
	for _, f := range migrationTaskReadFields() {
		merged := values.NullUnknowns(values.KeepPriorWhereNull(f.Get(&fresh), f.Get(&prior)))
		if !f.set(&result, merged) {
			diags.AddError("Internal error reading the migration task",
				"The value of "+f.Key+" has an unexpected type; please report this bug.")
		}
	}
	for _, f := range append(migrationTaskCreateOnlyFields(), migrationTaskLifecycleFields()...) {
		f.set(&result, values.NullUnknowns(f.Get(&prior)))
	}
	if result.SpeedLimitWindows.ElementType(ctx) == nil {
		// A prior that was never typed (an empty model) still has to leave a typed null.
		result.SpeedLimitWindows = types.ListNull(types.ObjectType{AttrTypes: migrationTaskSpeedLimitWindowAttrTypes()})
	}
	if result.Configurations.ElementType(ctx) == nil {
		result.Configurations = types.SetNull(types.ObjectType{AttrTypes: migrationTaskConfigurationAttrTypes()})
	}
	return result, diags
}

// flattenMigrationTaskFromAPI maps the response alone: a nil field is null.
func flattenMigrationTaskFromAPI(ctx context.Context, t *client.Task) (migrationTaskResourceModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	m := migrationTaskResourceModel{
		ID:                   types.StringPointerValue(t.ID),
		Name:                 types.StringPointerValue(t.Name),
		Type:                 types.StringPointerValue(t.Type),
		OSType:               types.StringPointerValue(t.OSType),
		Priority:             types.Int64PointerValue(t.Priority),
		RegionID:             types.StringPointerValue(t.RegionID),
		RegionName:           types.StringPointerValue(t.RegionName),
		ProjectID:            types.StringPointerValue(t.ProjectID),
		ProjectName:          types.StringPointerValue(t.ProjectName),
		EnterpriseProjectID:  types.StringPointerValue(t.EnterpriseProjectID),
		MigrationIP:          types.StringPointerValue(t.MigrationIP),
		SpeedLimit:           types.Int64PointerValue(t.SpeedLimit),
		StartTargetServer:    types.BoolPointerValue(t.StartTargetServer),
		VMTemplateID:         types.StringPointerValue(t.VMTemplateID),
		NeedMigrationTest:    types.BoolPointerValue(t.NeedMigrationTest),
		State:                types.StringPointerValue(t.State),
		Connected:            types.BoolPointerValue(t.Connected),
		CreateDate:           types.Int64PointerValue(t.CreateDate),
		StartDate:            types.Int64PointerValue(t.StartDate),
		FinishDate:           types.Int64PointerValue(t.FinishDate),
		EstimateCompleteTime: types.Int64PointerValue(t.EstimateCompleteTime),
		RemainSeconds:        types.Int64PointerValue(t.RemainSeconds),
		TotalTime:            types.Int64PointerValue(t.TotalTime),
		MigrateSpeed:         types.Float64PointerValue(t.MigrateSpeed),
		ErrorJSON:            types.StringPointerValue(t.ErrorJSON),
		FloatIP:              types.StringPointerValue(t.FloatIP),
		TargetSnapshotID:     types.StringPointerValue(t.TargetSnapshotID),
	}
	var d diag.Diagnostics
	m.SourceServer, d = flattenMigrationTaskSourceServer(ctx, t.SourceServer)
	diags.Append(d...)
	m.TargetServer, d = flattenMigrationTaskTargetServer(ctx, t.TargetServer)
	diags.Append(d...)
	m.CloneServer, d = flattenMigrationTaskCloneServer(ctx, t.CloneServer)
	diags.Append(d...)
	m.SubTasks, d = flattenMigrationTaskSubTasks(ctx, t.SubTasks)
	diags.Append(d...)
	return m, diags
}

func flattenMigrationTaskSourceServer(ctx context.Context, s *client.SourceServer) (types.Object, diag.Diagnostics) {
	attrTypes := migrationTaskSourceServerAttrTypes()
	if s == nil {
		return types.ObjectNull(attrTypes), nil
	}
	var diags, d diag.Diagnostics
	m := migrationTaskSourceServerModel{
		ID:                 types.StringPointerValue(s.ID),
		IP:                 types.StringPointerValue(s.IP),
		Name:               types.StringPointerValue(s.Name),
		Hostname:           types.StringPointerValue(s.Hostname),
		OSType:             types.StringPointerValue(s.OSType),
		OSVersion:          types.StringPointerValue(s.OSVersion),
		VirtualizationType: types.StringPointerValue(s.VirtualizationType),
		LinuxBlockCheck:    types.StringPointerValue(s.LinuxBlockCheck),
		Firmware:           types.StringPointerValue(s.Firmware),
		CPUQuantity:        types.Int64PointerValue(s.CPUQuantity),
		Memory:             types.Int64PointerValue(s.Memory),
		DomainID:           types.StringPointerValue(s.DomainID),
		HasRsync:           types.BoolPointerValue(s.HasRsync),
		Paravirtualization: types.BoolPointerValue(s.Paravirtualization),
		RawDevices:         types.StringPointerValue(s.RawDevices),
		DriverFiles:        types.BoolPointerValue(s.DriverFiles),
		SystemServices:     types.BoolPointerValue(s.SystemServices),
		AccountRights:      types.BoolPointerValue(s.AccountRights),
		BootLoader:         types.StringPointerValue(s.BootLoader),
		SystemDir:          types.StringPointerValue(s.SystemDir),
		AgentVersion:       types.StringPointerValue(s.AgentVersion),
		KernelVersion:      types.StringPointerValue(s.KernelVersion),
		MigrationCycle:     types.StringPointerValue(s.MigrationCycle),
		State:              types.StringPointerValue(s.State),
		OEMSystem:          types.BoolPointerValue(s.OEMSystem),
		StartType:          types.StringPointerValue(s.StartType),
	}
	m.Disks, d = flattenMigrationTaskServerDisks(ctx, s.Disks)
	diags.Append(d...)
	m.BtrfsList, d = flattenMigrationTaskBtrfsFileSystems(ctx, s.BtrfsList)
	diags.Append(d...)
	m.Networks, d = flattenMigrationTaskNetworks(ctx, s.Networks)
	diags.Append(d...)
	m.VolumeGroups, d = flattenMigrationTaskVolumeGroups(ctx, s.VolumeGroups)
	diags.Append(d...)
	obj, d := values.ObjectFromModel(attrTypes, m)
	diags.Append(d...)
	return obj, diags
}

func flattenMigrationTaskServerDisks(ctx context.Context, disks []client.ServerDisk) (types.List, diag.Diagnostics) {
	return flattenObjectList(ctx, disks, migrationTaskServerDiskAttrTypes(), flattenMigrationTaskServerDisk)
}

func flattenMigrationTaskServerDisk(ctx context.Context, d client.ServerDisk) (migrationTaskServerDiskModel, diag.Diagnostics) {
	volumes, diags := flattenMigrationTaskPhysicalVolumes(ctx, d.PhysicalVolumes)
	return migrationTaskServerDiskModel{
		Name:            types.StringPointerValue(d.Name),
		PartitionStyle:  types.StringPointerValue(d.PartitionStyle),
		DeviceUse:       types.StringPointerValue(d.DeviceUse),
		Size:            types.Int64PointerValue(d.Size),
		UsedSize:        types.Int64PointerValue(d.UsedSize),
		PhysicalVolumes: volumes,
		OSDisk:          types.BoolPointerValue(d.OSDisk),
		RelationName:    types.StringPointerValue(d.RelationName),
		InodeSize:       types.Int64PointerValue(d.InodeSize),
	}, diags
}

func flattenMigrationTaskPhysicalVolumes(ctx context.Context, volumes []client.PhysicalVolume) (types.List, diag.Diagnostics) {
	return flattenObjectList(ctx, volumes, migrationTaskPhysicalVolumeAttrTypes(), flattenMigrationTaskPhysicalVolume)
}

func flattenMigrationTaskPhysicalVolume(_ context.Context, v client.PhysicalVolume) (migrationTaskPhysicalVolumeModel, diag.Diagnostics) {
	return migrationTaskPhysicalVolumeModel{
		DeviceUse:      types.StringPointerValue(v.DeviceUse),
		FileSystem:     types.StringPointerValue(v.FileSystem),
		Index:          types.Int64PointerValue(v.Index),
		MountPoint:     types.StringPointerValue(v.MountPoint),
		Name:           types.StringPointerValue(v.Name),
		Size:           types.Int64PointerValue(v.Size),
		UsedSize:       types.Int64PointerValue(v.UsedSize),
		InodeSize:      types.Int64PointerValue(v.InodeSize),
		UUID:           types.StringPointerValue(v.UUID),
		SizePerCluster: types.Int64PointerValue(v.SizePerCluster),
	}, nil
}

func flattenMigrationTaskBtrfsFileSystems(ctx context.Context, list []client.BtrfsFileSystem) (types.List, diag.Diagnostics) {
	return flattenObjectList(ctx, list, migrationTaskBtrfsFileSystemAttrTypes(), flattenMigrationTaskBtrfsFileSystem)
}

func flattenMigrationTaskBtrfsFileSystem(ctx context.Context, b client.BtrfsFileSystem) (migrationTaskBtrfsFileSystemModel, diag.Diagnostics) {
	subvolumns, diags := flattenMigrationTaskBtrfsSubvolumns(ctx, b.Subvolumn)
	return migrationTaskBtrfsFileSystemModel{
		Name:                   types.StringPointerValue(b.Name),
		Label:                  types.StringPointerValue(b.Label),
		UUID:                   types.StringPointerValue(b.UUID),
		Device:                 types.StringPointerValue(b.Device),
		Size:                   types.Int64PointerValue(b.Size),
		Nodesize:               types.Int64PointerValue(b.Nodesize),
		Sectorsize:             types.Int64PointerValue(b.Sectorsize),
		DataProfile:            types.StringPointerValue(b.DataProfile),
		SystemProfile:          types.StringPointerValue(b.SystemProfile),
		MetadataProfile:        types.StringPointerValue(b.MetadataProfile),
		GlobalReserve1:         types.StringPointerValue(b.GlobalReserve1),
		GVolUsedSize:           types.Int64PointerValue(b.GVolUsedSize),
		DefaultSubvolID:        types.StringPointerValue(b.DefaultSubvolID),
		DefaultSubvolName:      types.StringPointerValue(b.DefaultSubvolName),
		DefaultSubvolMountpath: types.StringPointerValue(b.DefaultSubvolMountpath),
		Subvolumn:              subvolumns,
	}, diags
}

func flattenMigrationTaskBtrfsSubvolumns(ctx context.Context, list []client.BtrfsSubvolumn) (types.List, diag.Diagnostics) {
	return flattenObjectList(ctx, list, migrationTaskBtrfsSubvolumnAttrTypes(), flattenMigrationTaskBtrfsSubvolumn)
}

func flattenMigrationTaskBtrfsSubvolumn(_ context.Context, s client.BtrfsSubvolumn) (migrationTaskBtrfsSubvolumnModel, diag.Diagnostics) {
	return migrationTaskBtrfsSubvolumnModel{
		UUID:            types.StringPointerValue(s.UUID),
		IsSnapshot:      types.StringPointerValue(s.IsSnapshot),
		SubvolID:        types.StringPointerValue(s.SubvolID),
		ParentID:        types.StringPointerValue(s.ParentID),
		SubvolName:      types.StringPointerValue(s.SubvolName),
		SubvolMountPath: types.StringPointerValue(s.SubvolMountPath),
	}, nil
}

func flattenMigrationTaskNetworks(ctx context.Context, networks []client.Network) (types.List, diag.Diagnostics) {
	return flattenObjectList(ctx, networks, migrationTaskNetworkAttrTypes(), flattenMigrationTaskNetwork)
}

func flattenMigrationTaskNetwork(_ context.Context, n client.Network) (migrationTaskNetworkModel, diag.Diagnostics) {
	return migrationTaskNetworkModel{
		Name:    types.StringPointerValue(n.Name),
		IP:      types.StringPointerValue(n.IP),
		Netmask: types.StringPointerValue(n.Netmask),
		Gateway: types.StringPointerValue(n.Gateway),
		MTU:     types.Int64PointerValue(n.MTU),
		MAC:     types.StringPointerValue(n.MAC),
		ID:      types.StringPointerValue(n.ID),
	}, nil
}

func flattenMigrationTaskVolumeGroups(ctx context.Context, groups []client.VolumeGroup) (types.List, diag.Diagnostics) {
	return flattenObjectList(ctx, groups, migrationTaskVolumeGroupAttrTypes(), flattenMigrationTaskVolumeGroup)
}

func flattenMigrationTaskVolumeGroup(ctx context.Context, g client.VolumeGroup) (migrationTaskVolumeGroupModel, diag.Diagnostics) {
	logical, diags := flattenMigrationTaskLogicalVolumes(ctx, g.LogicalVolumes)
	return migrationTaskVolumeGroupModel{
		Components:     types.StringPointerValue(g.Components),
		FreeSize:       types.Int64PointerValue(g.FreeSize),
		LogicalVolumes: logical,
		Name:           types.StringPointerValue(g.Name),
		Size:           types.Int64PointerValue(g.Size),
	}, diags
}

func flattenMigrationTaskLogicalVolumes(ctx context.Context, volumes []client.LogicalVolume) (types.List, diag.Diagnostics) {
	return flattenObjectList(ctx, volumes, migrationTaskLogicalVolumeAttrTypes(), flattenMigrationTaskLogicalVolume)
}

func flattenMigrationTaskLogicalVolume(_ context.Context, v client.LogicalVolume) (migrationTaskLogicalVolumeModel, diag.Diagnostics) {
	return migrationTaskLogicalVolumeModel{
		BlockCount: types.Int64PointerValue(v.BlockCount),
		BlockSize:  types.Int64PointerValue(v.BlockSize),
		FileSystem: types.StringPointerValue(v.FileSystem),
		InodeSize:  types.Int64PointerValue(v.InodeSize),
		DeviceUse:  types.StringPointerValue(v.DeviceUse),
		MountPoint: types.StringPointerValue(v.MountPoint),
		Name:       types.StringPointerValue(v.Name),
		Size:       types.Int64PointerValue(v.Size),
		UsedSize:   types.Int64PointerValue(v.UsedSize),
		FreeSize:   types.Int64PointerValue(v.FreeSize),
	}, nil
}

func flattenMigrationTaskTargetServer(ctx context.Context, s *client.TargetServer) (types.Object, diag.Diagnostics) {
	attrTypes := migrationTaskTargetServerAttrTypes()
	if s == nil {
		return types.ObjectNull(attrTypes), nil
	}
	var diags, d diag.Diagnostics
	m := migrationTaskTargetServerModel{
		ID:                   types.StringPointerValue(s.ID),
		IP:                   types.StringPointerValue(s.IP),
		Name:                 types.StringPointerValue(s.Name),
		Hostname:             types.StringPointerValue(s.Hostname),
		OSType:               types.StringPointerValue(s.OSType),
		OSVersion:            types.StringPointerValue(s.OSVersion),
		Firmware:             types.StringPointerValue(s.Firmware),
		CPUQuantity:          types.Int64PointerValue(s.CPUQuantity),
		Memory:               types.Int64PointerValue(s.Memory),
		DomainID:             types.StringPointerValue(s.DomainID),
		HasRsync:             types.BoolPointerValue(s.HasRsync),
		Paravirtualization:   types.BoolPointerValue(s.Paravirtualization),
		RawDevices:           types.StringPointerValue(s.RawDevices),
		DriverFiles:          types.BoolPointerValue(s.DriverFiles),
		SystemServices:       types.BoolPointerValue(s.SystemServices),
		AccountRights:        types.BoolPointerValue(s.AccountRights),
		BootLoader:           types.StringPointerValue(s.BootLoader),
		SystemDir:            types.StringPointerValue(s.SystemDir),
		VMID:                 types.StringPointerValue(s.VMID),
		Flavor:               types.StringPointerValue(s.Flavor),
		ImageDiskID:          types.StringPointerValue(s.ImageDiskID),
		SnapshotIDs:          types.StringPointerValue(s.SnapshotIDs),
		CutoveredSnapshotIDs: types.StringPointerValue(s.CutoveredSnapshotIDs),
	}
	m.Disks, d = flattenMigrationTaskTargetDisks(ctx, s.Disks)
	diags.Append(d...)
	m.BtrfsList, d = flattenStringList(ctx, s.BtrfsList)
	diags.Append(d...)
	m.BtrfsFileSystems, d = flattenMigrationTaskBtrfsFileSystems(ctx, s.BtrfsFileSystems) // never in ShowTask: stays null
	diags.Append(d...)
	m.Networks, d = flattenMigrationTaskNetworks(ctx, s.Networks)
	diags.Append(d...)
	m.VolumeGroups, d = flattenMigrationTaskVolumeGroups(ctx, s.VolumeGroups)
	diags.Append(d...)
	obj, d := values.ObjectFromModel(attrTypes, m)
	diags.Append(d...)
	return obj, diags
}

func flattenMigrationTaskTargetDisks(ctx context.Context, disks []client.TargetDisk) (types.List, diag.Diagnostics) {
	return flattenObjectList(ctx, disks, migrationTaskTargetDiskAttrTypes(), flattenMigrationTaskTargetDisk)
}

func flattenMigrationTaskTargetDisk(ctx context.Context, d client.TargetDisk) (migrationTaskTargetDiskModel, diag.Diagnostics) {
	volumes, diags := flattenMigrationTaskTargetPhysicalVolumes(ctx, d.PhysicalVolumes)
	return migrationTaskTargetDiskModel{
		ID:              types.Int64PointerValue(d.ID),
		DeviceUse:       types.StringPointerValue(d.DeviceUse),
		DiskID:          types.StringPointerValue(d.DiskID),
		Name:            types.StringPointerValue(d.Name),
		PhysicalVolumes: volumes,
		Size:            types.Int64PointerValue(d.Size),
		UsedSize:        types.Int64PointerValue(d.UsedSize),
		DiskIndex:       types.StringPointerValue(d.DiskIndex),
		OSDisk:          types.BoolPointerValue(d.OSDisk),
		PartitionStyle:  types.StringPointerValue(d.PartitionStyle),
		RelationName:    types.StringPointerValue(d.RelationName),
	}, diags
}

func flattenMigrationTaskTargetPhysicalVolumes(ctx context.Context, volumes []client.TargetPhysicalVolume) (types.List, diag.Diagnostics) {
	return flattenObjectList(ctx, volumes, migrationTaskTargetPhysicalVolumeAttrTypes(), flattenMigrationTaskTargetPhysicalVolume)
}

func flattenMigrationTaskTargetPhysicalVolume(_ context.Context, v client.TargetPhysicalVolume) (migrationTaskTargetPhysicalVolumeModel, diag.Diagnostics) {
	return migrationTaskTargetPhysicalVolumeModel{
		ID:           types.Int64PointerValue(v.ID),
		DeviceUse:    types.StringPointerValue(v.DeviceUse),
		FileSystem:   types.StringPointerValue(v.FileSystem),
		Index:        types.Int64PointerValue(v.Index),
		MountPoint:   types.StringPointerValue(v.MountPoint),
		Name:         types.StringPointerValue(v.Name),
		Size:         types.Int64PointerValue(v.Size),
		UsedSize:     types.Int64PointerValue(v.UsedSize),
		UUID:         types.StringPointerValue(v.UUID),
		RelationName: types.StringPointerValue(v.RelationName),
		FreeSize:     types.Int64PointerValue(v.FreeSize),
	}, nil
}

func flattenMigrationTaskCloneServer(ctx context.Context, s *client.CloneServer) (types.Object, diag.Diagnostics) {
	attrTypes := migrationTaskCloneServerAttrTypes()
	if s == nil {
		return types.ObjectNull(attrTypes), nil
	}
	return values.ObjectFromModel(attrTypes, migrationTaskCloneServerModel{
		VMID:       types.StringPointerValue(s.VMID),
		Name:       types.StringPointerValue(s.Name),
		CloneError: types.StringPointerValue(s.CloneError),
		CloneState: types.StringPointerValue(s.CloneState),
		ErrorMsg:   types.StringPointerValue(s.ErrorMsg),
	})
}

func flattenMigrationTaskSubTasks(ctx context.Context, subTasks []client.SubTask) (types.List, diag.Diagnostics) {
	return flattenObjectList(ctx, subTasks, migrationTaskSubTaskAttrTypes(), flattenMigrationTaskSubTask)
}

func flattenMigrationTaskSubTask(_ context.Context, s client.SubTask) (migrationTaskSubTaskModel, diag.Diagnostics) {
	return migrationTaskSubTaskModel{
		ID:           types.Int64PointerValue(s.ID),
		Name:         types.StringPointerValue(s.Name),
		Progress:     types.Int64PointerValue(s.Progress),
		StartDate:    types.Int64PointerValue(s.StartDate),
		EndDate:      types.Int64PointerValue(s.EndDate),
		MigrateSpeed: types.Float64PointerValue(s.MigrateSpeed),
		UserOp:       types.StringPointerValue(s.UserOp),
		ProcessTrace: types.StringPointerValue(s.ProcessTrace),
	}, nil
}

// flattenStringList maps a nil slice to a null list and any other slice, empty
// included, to a known list, so [] from the API stays [] in state.
func flattenStringList(ctx context.Context, items []string) (types.List, diag.Diagnostics) {
	if items == nil {
		return types.ListNull(types.StringType), nil
	}
	return types.ListValueFrom(ctx, types.StringType, items)
}

// flattenObjectList maps a nil slice to a null list and any other slice, empty
// included, to a known list of objects built by flattenOne.
func flattenObjectList[W, M any](ctx context.Context, items []W, attrTypes map[string]attr.Type, flattenOne func(context.Context, W) (M, diag.Diagnostics)) (types.List, diag.Diagnostics) {
	elemType := types.ObjectType{AttrTypes: attrTypes}
	if items == nil {
		return types.ListNull(elemType), nil
	}
	var diags diag.Diagnostics
	models := make([]M, 0, len(items))
	for _, item := range items {
		m, d := flattenOne(ctx, item)
		diags.Append(d...)
		models = append(models, m)
	}
	list, d := values.ListFromModels(attrTypes, models)
	diags.Append(d...)
	return list, diags
}
