package task

import (
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// migrationTaskResourceModel is the Terraform state and plan of sms_migration_task.
// Nested objects and lists are types.Object / types.List (not Go structs) because a
// plan can hold them unknown; the matching nested model structs below are used only
// after an explicit As / ElementsAs in the expand functions.
type migrationTaskResourceModel struct {
	ID types.String `tfsdk:"id"`

	// Configurable and updatable in place (sent by PUT /v3/tasks/{task_id}).
	Name                types.String `tfsdk:"name"`
	Type                types.String `tfsdk:"type"`
	OSType              types.String `tfsdk:"os_type"`
	Priority            types.Int64  `tfsdk:"priority"`
	RegionID            types.String `tfsdk:"region_id"`
	RegionName          types.String `tfsdk:"region_name"`
	ProjectID           types.String `tfsdk:"project_id"`
	ProjectName         types.String `tfsdk:"project_name"`
	EnterpriseProjectID types.String `tfsdk:"enterprise_project_id"`
	MigrationIP         types.String `tfsdk:"migration_ip"`
	SpeedLimit          types.Int64  `tfsdk:"speed_limit"`
	StartTargetServer   types.Bool   `tfsdk:"start_target_server"`
	VMTemplateID        types.String `tfsdk:"vm_template_id"`
	SourceServer        types.Object `tfsdk:"source_server"` // migrationTaskSourceServerModel
	TargetServer        types.Object `tfsdk:"target_server"` // migrationTaskTargetServerModel
	CloneServer         types.Object `tfsdk:"clone_server"`  // migrationTaskCloneServerModel

	// Create-only: sent by POST /v3/tasks, absent from the PUT body.
	UsePublicIP            types.Bool    `tfsdk:"use_public_ip"`
	UseIPv6                types.Bool    `tfsdk:"use_ipv6"`
	Syncing                types.Bool    `tfsdk:"syncing"`
	ExistServer            types.Bool    `tfsdk:"exist_server"`
	AutoStart              types.Bool    `tfsdk:"auto_start"`
	StartNetworkCheck      types.Bool    `tfsdk:"start_network_check"`
	IsNeedConsistencyCheck types.Bool    `tfsdk:"is_need_consistency_check"`
	NeedMigrationTest      types.Bool    `tfsdk:"need_migration_test"`
	OverSpeedThreshold     types.Float64 `tfsdk:"over_speed_threshold"`
	ClonevmTemplateID      types.String  `tfsdk:"clonevm_template_id"`

	// Added by today's update body (api_model "current"); never returned by ShowTask.
	ImageDiskID          types.String `tfsdk:"image_disk_id"`
	TargetDiskIDs        types.String `tfsdk:"target_disk_ids"`
	SnapshotIDs          types.String `tfsdk:"snapshot_ids"`
	CutoveredSnapshotIDs types.String `tfsdk:"cutovered_snapshot_ids"`

	// Read-only status.
	State                types.String  `tfsdk:"state"`
	Connected            types.Bool    `tfsdk:"connected"`
	CreateDate           types.Int64   `tfsdk:"create_date"`
	StartDate            types.Int64   `tfsdk:"start_date"`
	FinishDate           types.Int64   `tfsdk:"finish_date"`
	EstimateCompleteTime types.Int64   `tfsdk:"estimate_complete_time"`
	RemainSeconds        types.Int64   `tfsdk:"remain_seconds"`
	TotalTime            types.Int64   `tfsdk:"total_time"`
	MigrateSpeed         types.Float64 `tfsdk:"migrate_speed"`
	ErrorJSON            types.String  `tfsdk:"error_json"`
	FloatIP              types.String  `tfsdk:"float_ip"`
	TargetSnapshotID     types.String  `tfsdk:"target_snapshot_id"`
	SubTasks             types.List    `tfsdk:"sub_tasks"` // migrationTaskSubTaskModel

	// Lifecycle: not part of the task body; each has its own endpoint.
	Action            types.String `tfsdk:"action"`
	WaitForCompletion types.Bool   `tfsdk:"wait_for_completion"`
	SpeedLimitWindows types.List   `tfsdk:"speed_limit_windows"` // migrationTaskSpeedLimitWindowModel
	Configurations    types.Set    `tfsdk:"configurations"`      // migrationTaskConfigurationModel

	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

// migrationTaskSpeedLimitWindowModel is one rule of /v3/tasks/{task_id}/speed-limit.
type migrationTaskSpeedLimitWindowModel struct {
	Start              types.String  `tfsdk:"start"`
	End                types.String  `tfsdk:"end"`
	Speed              types.Int64   `tfsdk:"speed"`
	OverSpeedThreshold types.Float64 `tfsdk:"over_speed_threshold"`
}

func migrationTaskSpeedLimitWindowAttrTypes() map[string]attr.Type {
	return map[string]attr.Type{
		"start":                types.StringType,
		"end":                  types.StringType,
		"speed":                types.Int64Type,
		"over_speed_threshold": types.Float64Type,
	}
}

// migrationTaskSourceServerModel is the seed's PostSourceServerBody (source_server).
type migrationTaskSourceServerModel struct {
	ID                 types.String `tfsdk:"id"`
	IP                 types.String `tfsdk:"ip"`
	Name               types.String `tfsdk:"name"`
	Hostname           types.String `tfsdk:"hostname"`
	OSType             types.String `tfsdk:"os_type"`
	OSVersion          types.String `tfsdk:"os_version"`
	VirtualizationType types.String `tfsdk:"virtualization_type"`
	LinuxBlockCheck    types.String `tfsdk:"linux_block_check"`
	Firmware           types.String `tfsdk:"firmware"`
	CPUQuantity        types.Int64  `tfsdk:"cpu_quantity"`
	Memory             types.Int64  `tfsdk:"memory"`
	Disks              types.List   `tfsdk:"disks"`      // migrationTaskServerDiskModel
	BtrfsList          types.List   `tfsdk:"btrfs_list"` // migrationTaskBtrfsFileSystemModel
	Networks           types.List   `tfsdk:"networks"`   // migrationTaskNetworkModel
	DomainID           types.String `tfsdk:"domain_id"`
	HasRsync           types.Bool   `tfsdk:"has_rsync"`
	Paravirtualization types.Bool   `tfsdk:"paravirtualization"`
	RawDevices         types.String `tfsdk:"raw_devices"`
	DriverFiles        types.Bool   `tfsdk:"driver_files"`
	SystemServices     types.Bool   `tfsdk:"system_services"`
	AccountRights      types.Bool   `tfsdk:"account_rights"`
	BootLoader         types.String `tfsdk:"boot_loader"`
	SystemDir          types.String `tfsdk:"system_dir"`
	VolumeGroups       types.List   `tfsdk:"volume_groups"` // migrationTaskVolumeGroupModel
	AgentVersion       types.String `tfsdk:"agent_version"`
	KernelVersion      types.String `tfsdk:"kernel_version"`
	MigrationCycle     types.String `tfsdk:"migration_cycle"`
	State              types.String `tfsdk:"state"`
	OEMSystem          types.Bool   `tfsdk:"oem_system"`
	StartType          types.String `tfsdk:"start_type"`
}

func migrationTaskSourceServerAttrTypes() map[string]attr.Type {
	return map[string]attr.Type{
		"id":                  types.StringType,
		"ip":                  types.StringType,
		"name":                types.StringType,
		"hostname":            types.StringType,
		"os_type":             types.StringType,
		"os_version":          types.StringType,
		"virtualization_type": types.StringType,
		"linux_block_check":   types.StringType,
		"firmware":            types.StringType,
		"cpu_quantity":        types.Int64Type,
		"memory":              types.Int64Type,
		"disks":               objectListType(migrationTaskServerDiskAttrTypes()),
		"btrfs_list":          objectListType(migrationTaskBtrfsFileSystemAttrTypes()),
		"networks":            objectListType(migrationTaskNetworkAttrTypes()),
		"domain_id":           types.StringType,
		"has_rsync":           types.BoolType,
		"paravirtualization":  types.BoolType,
		"raw_devices":         types.StringType,
		"driver_files":        types.BoolType,
		"system_services":     types.BoolType,
		"account_rights":      types.BoolType,
		"boot_loader":         types.StringType,
		"system_dir":          types.StringType,
		"volume_groups":       objectListType(migrationTaskVolumeGroupAttrTypes()),
		"agent_version":       types.StringType,
		"kernel_version":      types.StringType,
		"migration_cycle":     types.StringType,
		"state":               types.StringType,
		"oem_system":          types.BoolType,
		"start_type":          types.StringType,
	}
}

// migrationTaskServerDiskModel is the seed's ServerDisk (source_server.disks[]).
type migrationTaskServerDiskModel struct {
	Name            types.String `tfsdk:"name"`
	PartitionStyle  types.String `tfsdk:"partition_style"`
	DeviceUse       types.String `tfsdk:"device_use"`
	Size            types.Int64  `tfsdk:"size"`
	UsedSize        types.Int64  `tfsdk:"used_size"`
	PhysicalVolumes types.List   `tfsdk:"physical_volumes"` // migrationTaskPhysicalVolumeModel
	OSDisk          types.Bool   `tfsdk:"os_disk"`
	RelationName    types.String `tfsdk:"relation_name"`
	InodeSize       types.Int64  `tfsdk:"inode_size"`
}

func migrationTaskServerDiskAttrTypes() map[string]attr.Type {
	return map[string]attr.Type{
		"name":             types.StringType,
		"partition_style":  types.StringType,
		"device_use":       types.StringType,
		"size":             types.Int64Type,
		"used_size":        types.Int64Type,
		"physical_volumes": objectListType(migrationTaskPhysicalVolumeAttrTypes()),
		"os_disk":          types.BoolType,
		"relation_name":    types.StringType,
		"inode_size":       types.Int64Type,
	}
}

// migrationTaskPhysicalVolumeModel is the seed's PhysicalVolume
// (source_server.disks[].physical_volumes[]).
type migrationTaskPhysicalVolumeModel struct {
	DeviceUse      types.String `tfsdk:"device_use"`
	FileSystem     types.String `tfsdk:"file_system"`
	Index          types.Int64  `tfsdk:"index"`
	MountPoint     types.String `tfsdk:"mount_point"`
	Name           types.String `tfsdk:"name"`
	Size           types.Int64  `tfsdk:"size"`
	UsedSize       types.Int64  `tfsdk:"used_size"`
	InodeSize      types.Int64  `tfsdk:"inode_size"`
	UUID           types.String `tfsdk:"uuid"`
	SizePerCluster types.Int64  `tfsdk:"size_per_cluster"`
}

func migrationTaskPhysicalVolumeAttrTypes() map[string]attr.Type {
	return map[string]attr.Type{
		"device_use":       types.StringType,
		"file_system":      types.StringType,
		"index":            types.Int64Type,
		"mount_point":      types.StringType,
		"name":             types.StringType,
		"size":             types.Int64Type,
		"used_size":        types.Int64Type,
		"inode_size":       types.Int64Type,
		"uuid":             types.StringType,
		"size_per_cluster": types.Int64Type,
	}
}

// migrationTaskBtrfsFileSystemModel is the seed's BtrfsFileSystem (source_server.btrfs_list[]).
type migrationTaskBtrfsFileSystemModel struct {
	Name                   types.String `tfsdk:"name"`
	Label                  types.String `tfsdk:"label"`
	UUID                   types.String `tfsdk:"uuid"`
	Device                 types.String `tfsdk:"device"`
	Size                   types.Int64  `tfsdk:"size"`
	Nodesize               types.Int64  `tfsdk:"nodesize"`
	Sectorsize             types.Int64  `tfsdk:"sectorsize"`
	DataProfile            types.String `tfsdk:"data_profile"`
	SystemProfile          types.String `tfsdk:"system_profile"`
	MetadataProfile        types.String `tfsdk:"metadata_profile"`
	GlobalReserve1         types.String `tfsdk:"global_reserve1"`
	GVolUsedSize           types.Int64  `tfsdk:"g_vol_used_size"`
	DefaultSubvolID        types.String `tfsdk:"default_subvolid"`
	DefaultSubvolName      types.String `tfsdk:"default_subvol_name"`
	DefaultSubvolMountpath types.String `tfsdk:"default_subvol_mountpath"`
	Subvolumn              types.List   `tfsdk:"subvolumn"` // migrationTaskBtrfsSubvolumnModel
}

func migrationTaskBtrfsFileSystemAttrTypes() map[string]attr.Type {
	return map[string]attr.Type{
		"name":                     types.StringType,
		"label":                    types.StringType,
		"uuid":                     types.StringType,
		"device":                   types.StringType,
		"size":                     types.Int64Type,
		"nodesize":                 types.Int64Type,
		"sectorsize":               types.Int64Type,
		"data_profile":             types.StringType,
		"system_profile":           types.StringType,
		"metadata_profile":         types.StringType,
		"global_reserve1":          types.StringType,
		"g_vol_used_size":          types.Int64Type,
		"default_subvolid":         types.StringType,
		"default_subvol_name":      types.StringType,
		"default_subvol_mountpath": types.StringType,
		"subvolumn":                objectListType(migrationTaskBtrfsSubvolumnAttrTypes()),
	}
}

// migrationTaskBtrfsSubvolumnModel is the seed's BtrfsSubvolumn (the API's spelling).
type migrationTaskBtrfsSubvolumnModel struct {
	UUID            types.String `tfsdk:"uuid"`
	IsSnapshot      types.String `tfsdk:"is_snapshot"`
	SubvolID        types.String `tfsdk:"subvol_id"`
	ParentID        types.String `tfsdk:"parent_id"`
	SubvolName      types.String `tfsdk:"subvol_name"`
	SubvolMountPath types.String `tfsdk:"subvol_mount_path"`
}

func migrationTaskBtrfsSubvolumnAttrTypes() map[string]attr.Type {
	return map[string]attr.Type{
		"uuid":              types.StringType,
		"is_snapshot":       types.StringType,
		"subvol_id":         types.StringType,
		"parent_id":         types.StringType,
		"subvol_name":       types.StringType,
		"subvol_mount_path": types.StringType,
	}
}

// migrationTaskNetworkModel is the seed's NetWork, used by source_server.networks[]
// and target_server.networks[].
type migrationTaskNetworkModel struct {
	Name    types.String `tfsdk:"name"`
	IP      types.String `tfsdk:"ip"`
	Netmask types.String `tfsdk:"netmask"`
	Gateway types.String `tfsdk:"gateway"`
	MTU     types.Int64  `tfsdk:"mtu"`
	MAC     types.String `tfsdk:"mac"`
	ID      types.String `tfsdk:"id"`
}

func migrationTaskNetworkAttrTypes() map[string]attr.Type {
	return map[string]attr.Type{
		"name":    types.StringType,
		"ip":      types.StringType,
		"netmask": types.StringType,
		"gateway": types.StringType,
		"mtu":     types.Int64Type,
		"mac":     types.StringType,
		"id":      types.StringType,
	}
}

// migrationTaskVolumeGroupModel is the seed's VolumeGroups, used by
// source_server.volume_groups[] and target_server.volume_groups[].
type migrationTaskVolumeGroupModel struct {
	Components     types.String `tfsdk:"components"`
	FreeSize       types.Int64  `tfsdk:"free_size"`
	LogicalVolumes types.List   `tfsdk:"logical_volumes"` // migrationTaskLogicalVolumeModel
	Name           types.String `tfsdk:"name"`
	Size           types.Int64  `tfsdk:"size"`
}

func migrationTaskVolumeGroupAttrTypes() map[string]attr.Type {
	return map[string]attr.Type{
		"components":      types.StringType,
		"free_size":       types.Int64Type,
		"logical_volumes": objectListType(migrationTaskLogicalVolumeAttrTypes()),
		"name":            types.StringType,
		"size":            types.Int64Type,
	}
}

// migrationTaskLogicalVolumeModel is the seed's LogicalVolumes (volume_groups[].logical_volumes[]).
type migrationTaskLogicalVolumeModel struct {
	BlockCount types.Int64  `tfsdk:"block_count"`
	BlockSize  types.Int64  `tfsdk:"block_size"`
	FileSystem types.String `tfsdk:"file_system"`
	InodeSize  types.Int64  `tfsdk:"inode_size"`
	DeviceUse  types.String `tfsdk:"device_use"`
	MountPoint types.String `tfsdk:"mount_point"`
	Name       types.String `tfsdk:"name"`
	Size       types.Int64  `tfsdk:"size"`
	UsedSize   types.Int64  `tfsdk:"used_size"`
	FreeSize   types.Int64  `tfsdk:"free_size"`
}

func migrationTaskLogicalVolumeAttrTypes() map[string]attr.Type {
	return map[string]attr.Type{
		"block_count": types.Int64Type,
		"block_size":  types.Int64Type,
		"file_system": types.StringType,
		"inode_size":  types.Int64Type,
		"device_use":  types.StringType,
		"mount_point": types.StringType,
		"name":        types.StringType,
		"size":        types.Int64Type,
		"used_size":   types.Int64Type,
		"free_size":   types.Int64Type,
	}
}

// migrationTaskTargetServerModel is the seed's TargetServer (target_server).
type migrationTaskTargetServerModel struct {
	ID                   types.String `tfsdk:"id"`
	IP                   types.String `tfsdk:"ip"`
	Name                 types.String `tfsdk:"name"`
	Hostname             types.String `tfsdk:"hostname"`
	OSType               types.String `tfsdk:"os_type"`
	OSVersion            types.String `tfsdk:"os_version"`
	Firmware             types.String `tfsdk:"firmware"`
	CPUQuantity          types.Int64  `tfsdk:"cpu_quantity"`
	Memory               types.Int64  `tfsdk:"memory"`
	Disks                types.List   `tfsdk:"disks"`              // migrationTaskTargetDiskModel
	BtrfsList            types.List   `tfsdk:"btrfs_list"`         // String (the seed types it as an array of strings)
	BtrfsFileSystems     types.List   `tfsdk:"btrfs_file_systems"` // migrationTaskBtrfsFileSystemModel; sent as btrfs_list (current model)
	Networks             types.List   `tfsdk:"networks"`           // migrationTaskNetworkModel
	DomainID             types.String `tfsdk:"domain_id"`
	HasRsync             types.Bool   `tfsdk:"has_rsync"`
	Paravirtualization   types.Bool   `tfsdk:"paravirtualization"`
	RawDevices           types.String `tfsdk:"raw_devices"`
	DriverFiles          types.Bool   `tfsdk:"driver_files"`
	SystemServices       types.Bool   `tfsdk:"system_services"`
	AccountRights        types.Bool   `tfsdk:"account_rights"`
	BootLoader           types.String `tfsdk:"boot_loader"`
	SystemDir            types.String `tfsdk:"system_dir"`
	VolumeGroups         types.List   `tfsdk:"volume_groups"` // migrationTaskVolumeGroupModel
	VMID                 types.String `tfsdk:"vm_id"`
	Flavor               types.String `tfsdk:"flavor"`
	ImageDiskID          types.String `tfsdk:"image_disk_id"`
	SnapshotIDs          types.String `tfsdk:"snapshot_ids"`
	CutoveredSnapshotIDs types.String `tfsdk:"cutovered_snapshot_ids"`
}

func migrationTaskTargetServerAttrTypes() map[string]attr.Type {
	return map[string]attr.Type{
		"id":                     types.StringType,
		"ip":                     types.StringType,
		"name":                   types.StringType,
		"hostname":               types.StringType,
		"os_type":                types.StringType,
		"os_version":             types.StringType,
		"firmware":               types.StringType,
		"cpu_quantity":           types.Int64Type,
		"memory":                 types.Int64Type,
		"disks":                  objectListType(migrationTaskTargetDiskAttrTypes()),
		"btrfs_list":             types.ListType{ElemType: types.StringType},
		"btrfs_file_systems":     objectListType(migrationTaskBtrfsFileSystemAttrTypes()),
		"networks":               objectListType(migrationTaskNetworkAttrTypes()),
		"domain_id":              types.StringType,
		"has_rsync":              types.BoolType,
		"paravirtualization":     types.BoolType,
		"raw_devices":            types.StringType,
		"driver_files":           types.BoolType,
		"system_services":        types.BoolType,
		"account_rights":         types.BoolType,
		"boot_loader":            types.StringType,
		"system_dir":             types.StringType,
		"volume_groups":          objectListType(migrationTaskVolumeGroupAttrTypes()),
		"vm_id":                  types.StringType,
		"flavor":                 types.StringType,
		"image_disk_id":          types.StringType,
		"snapshot_ids":           types.StringType,
		"cutovered_snapshot_ids": types.StringType,
	}
}

// migrationTaskTargetDiskModel is the seed's TargetDisk (target_server.disks[]).
type migrationTaskTargetDiskModel struct {
	ID              types.Int64  `tfsdk:"id"`
	DeviceUse       types.String `tfsdk:"device_use"`
	DiskID          types.String `tfsdk:"disk_id"`
	Name            types.String `tfsdk:"name"`
	PhysicalVolumes types.List   `tfsdk:"physical_volumes"` // migrationTaskTargetPhysicalVolumeModel
	Size            types.Int64  `tfsdk:"size"`
	UsedSize        types.Int64  `tfsdk:"used_size"`
	DiskIndex       types.String `tfsdk:"disk_index"`
	OSDisk          types.Bool   `tfsdk:"os_disk"`
	PartitionStyle  types.String `tfsdk:"partition_style"`
	RelationName    types.String `tfsdk:"relation_name"`
}

func migrationTaskTargetDiskAttrTypes() map[string]attr.Type {
	return map[string]attr.Type{
		"id":               types.Int64Type,
		"device_use":       types.StringType,
		"disk_id":          types.StringType,
		"name":             types.StringType,
		"physical_volumes": objectListType(migrationTaskTargetPhysicalVolumeAttrTypes()),
		"size":             types.Int64Type,
		"used_size":        types.Int64Type,
		"disk_index":       types.StringType,
		"os_disk":          types.BoolType,
		"partition_style":  types.StringType,
		"relation_name":    types.StringType,
	}
}

// migrationTaskTargetPhysicalVolumeModel is the seed's TargetPhysicalVolumes
// (target_server.disks[].physical_volumes[]).
type migrationTaskTargetPhysicalVolumeModel struct {
	ID           types.Int64  `tfsdk:"id"`
	DeviceUse    types.String `tfsdk:"device_use"`
	FileSystem   types.String `tfsdk:"file_system"`
	Index        types.Int64  `tfsdk:"index"`
	MountPoint   types.String `tfsdk:"mount_point"`
	Name         types.String `tfsdk:"name"`
	Size         types.Int64  `tfsdk:"size"`
	UsedSize     types.Int64  `tfsdk:"used_size"`
	UUID         types.String `tfsdk:"uuid"`
	RelationName types.String `tfsdk:"relation_name"`
	FreeSize     types.Int64  `tfsdk:"free_size"`
}

func migrationTaskTargetPhysicalVolumeAttrTypes() map[string]attr.Type {
	return map[string]attr.Type{
		"id":            types.Int64Type,
		"device_use":    types.StringType,
		"file_system":   types.StringType,
		"index":         types.Int64Type,
		"mount_point":   types.StringType,
		"name":          types.StringType,
		"size":          types.Int64Type,
		"used_size":     types.Int64Type,
		"uuid":          types.StringType,
		"relation_name": types.StringType,
		"free_size":     types.Int64Type,
	}
}

// migrationTaskCloneServerModel is the seed's CloneServer (clone_server).
type migrationTaskCloneServerModel struct {
	VMID       types.String `tfsdk:"vm_id"`
	Name       types.String `tfsdk:"name"`
	CloneError types.String `tfsdk:"clone_error"`
	CloneState types.String `tfsdk:"clone_state"`
	ErrorMsg   types.String `tfsdk:"error_msg"`
}

func migrationTaskCloneServerAttrTypes() map[string]attr.Type {
	return map[string]attr.Type{
		"vm_id":       types.StringType,
		"name":        types.StringType,
		"clone_error": types.StringType,
		"clone_state": types.StringType,
		"error_msg":   types.StringType,
	}
}

// migrationTaskSubTaskModel is the seed's SubTask (sub_tasks[]).
type migrationTaskSubTaskModel struct {
	ID           types.Int64   `tfsdk:"id"`
	Name         types.String  `tfsdk:"name"`
	Progress     types.Int64   `tfsdk:"progress"`
	StartDate    types.Int64   `tfsdk:"start_date"`
	EndDate      types.Int64   `tfsdk:"end_date"`
	MigrateSpeed types.Float64 `tfsdk:"migrate_speed"`
	UserOp       types.String  `tfsdk:"user_op"`
	ProcessTrace types.String  `tfsdk:"process_trace"`
}

func migrationTaskSubTaskAttrTypes() map[string]attr.Type {
	return map[string]attr.Type{
		"id":            types.Int64Type,
		"name":          types.StringType,
		"progress":      types.Int64Type,
		"start_date":    types.Int64Type,
		"end_date":      types.Int64Type,
		"migrate_speed": types.Float64Type,
		"user_op":       types.StringType,
		"process_trace": types.StringType,
	}
}

// objectListType is the type of a list nested attribute whose elements have attrTypes.
func objectListType(attrTypes map[string]attr.Type) types.ListType {
	return types.ListType{ElemType: types.ObjectType{AttrTypes: attrTypes}}
}

// migrationTaskField names one top-level attribute of the model by its tfsdk (and seed
// JSON) name, with typed access, so the PUT diff and the flatten merge can walk the
// model generically instead of repeating 40 assignments.
type migrationTaskField struct {
	Key string
	Get func(m *migrationTaskResourceModel) attr.Value
	set func(m *migrationTaskResourceModel, v attr.Value) bool // false: v has another Go type
}

func newMigrationTaskField[T attr.Value](key string, ptr func(m *migrationTaskResourceModel) *T) migrationTaskField {
	return migrationTaskField{
		Key: key,
		Get: func(m *migrationTaskResourceModel) attr.Value { return *ptr(m) },
		set: func(m *migrationTaskResourceModel, v attr.Value) bool {
			typed, ok := v.(T)
			if ok {
				*ptr(m) = typed
			}
			return ok
		},
	}
}

// migrationTaskPutFields are the top-level attributes PUT /v3/tasks/{task_id} accepts,
// in seed order. The key is the seed's JSON name.
func migrationTaskPutFields() []migrationTaskField {
	type model = migrationTaskResourceModel
	return []migrationTaskField{
		newMigrationTaskField("name", func(m *model) *types.String { return &m.Name }),
		newMigrationTaskField("type", func(m *model) *types.String { return &m.Type }),
		newMigrationTaskField("os_type", func(m *model) *types.String { return &m.OSType }),
		newMigrationTaskField("priority", func(m *model) *types.Int64 { return &m.Priority }),
		newMigrationTaskField("region_id", func(m *model) *types.String { return &m.RegionID }),
		newMigrationTaskField("start_target_server", func(m *model) *types.Bool { return &m.StartTargetServer }),
		newMigrationTaskField("enterprise_project_id", func(m *model) *types.String { return &m.EnterpriseProjectID }),
		newMigrationTaskField("migration_ip", func(m *model) *types.String { return &m.MigrationIP }),
		newMigrationTaskField("region_name", func(m *model) *types.String { return &m.RegionName }),
		newMigrationTaskField("speed_limit", func(m *model) *types.Int64 { return &m.SpeedLimit }),
		newMigrationTaskField("project_name", func(m *model) *types.String { return &m.ProjectName }),
		newMigrationTaskField("project_id", func(m *model) *types.String { return &m.ProjectID }),
		newMigrationTaskField("vm_template_id", func(m *model) *types.String { return &m.VMTemplateID }),
		newMigrationTaskField("source_server", func(m *model) *types.Object { return &m.SourceServer }),
		newMigrationTaskField("target_server", func(m *model) *types.Object { return &m.TargetServer }),
		newMigrationTaskField("clone_server", func(m *model) *types.Object { return &m.CloneServer }),
	}
}

// migrationTaskReadFields are the top-level attributes ShowTask can return: the PUT
// fields, id, the read-only status and need_migration_test.
func migrationTaskReadFields() []migrationTaskField {
	type model = migrationTaskResourceModel
	return append(migrationTaskPutFields(),
		newMigrationTaskField("id", func(m *model) *types.String { return &m.ID }),
		newMigrationTaskField("state", func(m *model) *types.String { return &m.State }),
		newMigrationTaskField("estimate_complete_time", func(m *model) *types.Int64 { return &m.EstimateCompleteTime }),
		newMigrationTaskField("connected", func(m *model) *types.Bool { return &m.Connected }),
		newMigrationTaskField("create_date", func(m *model) *types.Int64 { return &m.CreateDate }),
		newMigrationTaskField("start_date", func(m *model) *types.Int64 { return &m.StartDate }),
		newMigrationTaskField("finish_date", func(m *model) *types.Int64 { return &m.FinishDate }),
		newMigrationTaskField("migrate_speed", func(m *model) *types.Float64 { return &m.MigrateSpeed }),
		newMigrationTaskField("error_json", func(m *model) *types.String { return &m.ErrorJSON }),
		newMigrationTaskField("total_time", func(m *model) *types.Int64 { return &m.TotalTime }),
		newMigrationTaskField("float_ip", func(m *model) *types.String { return &m.FloatIP }),
		newMigrationTaskField("remain_seconds", func(m *model) *types.Int64 { return &m.RemainSeconds }),
		newMigrationTaskField("target_snapshot_id", func(m *model) *types.String { return &m.TargetSnapshotID }),
		newMigrationTaskField("sub_tasks", func(m *model) *types.List { return &m.SubTasks }),
		newMigrationTaskField("need_migration_test", func(m *model) *types.Bool { return &m.NeedMigrationTest }),
	)
}

// migrationTaskCreateOnlyFields are sent only by CreateTask and never returned by
// ShowTask (need_migration_test is returned, so it is a read field), so their state
// always comes from the prior plan or state.
func migrationTaskCreateOnlyFields() []migrationTaskField {
	type model = migrationTaskResourceModel
	return []migrationTaskField{
		newMigrationTaskField("use_public_ip", func(m *model) *types.Bool { return &m.UsePublicIP }),
		newMigrationTaskField("use_ipv6", func(m *model) *types.Bool { return &m.UseIPv6 }),
		newMigrationTaskField("syncing", func(m *model) *types.Bool { return &m.Syncing }),
		newMigrationTaskField("exist_server", func(m *model) *types.Bool { return &m.ExistServer }),
		newMigrationTaskField("auto_start", func(m *model) *types.Bool { return &m.AutoStart }),
		newMigrationTaskField("start_network_check", func(m *model) *types.Bool { return &m.StartNetworkCheck }),
		newMigrationTaskField("is_need_consistency_check", func(m *model) *types.Bool { return &m.IsNeedConsistencyCheck }),
		newMigrationTaskField("over_speed_threshold", func(m *model) *types.Float64 { return &m.OverSpeedThreshold }),
		newMigrationTaskField("clonevm_template_id", func(m *model) *types.String { return &m.ClonevmTemplateID }),
	}
}

// migrationTaskLifecycleFields are the attributes that drive the migration (action, the
// wait, speed-limit windows): never part of the task body, so flatten keeps them as
// planned or as they were.
func migrationTaskLifecycleFields() []migrationTaskField {
	type model = migrationTaskResourceModel
	return []migrationTaskField{
		newMigrationTaskField("action", func(m *model) *types.String { return &m.Action }),
		newMigrationTaskField("wait_for_completion", func(m *model) *types.Bool { return &m.WaitForCompletion }),
		newMigrationTaskField("speed_limit_windows", func(m *model) *types.List { return &m.SpeedLimitWindows }),
		newMigrationTaskField("configurations", func(m *model) *types.Set { return &m.Configurations }),
	}
}
