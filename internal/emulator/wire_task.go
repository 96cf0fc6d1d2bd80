package emulator

// The emulator's own wire types for the task body: the seed's PutTaskReq (a superset of
// ShowTask) and its nested types. Scalars are pointers and arrays are pointers to slices so
// that "absent" and "empty" survive a round trip: a stored [] is answered as [], a key never
// set is left out.

type taskBody struct {
	ID                   *string           `json:"id,omitempty"`
	Name                 *string           `json:"name,omitempty"`
	Type                 *string           `json:"type,omitempty"`
	OSType               *string           `json:"os_type,omitempty"`
	Priority             *int64            `json:"priority,omitempty"`
	RegionID             *string           `json:"region_id,omitempty"`
	StartTargetServer    *bool             `json:"start_target_server,omitempty"`
	EnterpriseProjectID  *string           `json:"enterprise_project_id,omitempty"`
	MigrationIP          *string           `json:"migration_ip,omitempty"`
	RegionName           *string           `json:"region_name,omitempty"`
	SpeedLimit           *int64            `json:"speed_limit,omitempty"`
	ProjectName          *string           `json:"project_name,omitempty"`
	ProjectID            *string           `json:"project_id,omitempty"`
	VMTemplateID         *string           `json:"vm_template_id,omitempty"`
	SourceServer         *sourceServerBody `json:"source_server,omitempty"`
	TargetServer         *targetServer     `json:"target_server,omitempty"`
	State                *string           `json:"state,omitempty"`
	EstimateCompleteTime *int64            `json:"estimate_complete_time,omitempty"`
	Connected            *bool             `json:"connected,omitempty"`
	CreateDate           *int64            `json:"create_date,omitempty"`
	StartDate            *int64            `json:"start_date,omitempty"`
	FinishDate           *int64            `json:"finish_date,omitempty"`
	MigrateSpeed         *float64          `json:"migrate_speed,omitempty"`
	ErrorJSON            *string           `json:"error_json,omitempty"`
	TotalTime            *int64            `json:"total_time,omitempty"`
	FloatIP              *string           `json:"float_ip,omitempty"`
	RemainSeconds        *int64            `json:"remain_seconds,omitempty"`
	TargetSnapshotID     *string           `json:"target_snapshot_id,omitempty"`
	CloneServer          *cloneServer      `json:"clone_server,omitempty"`
	SubTasks             *[]subTask        `json:"sub_tasks,omitempty"`
	NeedMigrationTest    *bool             `json:"need_migration_test,omitempty"`

	// What ShowTask answers beyond the PUT body: filled by the simulation and the Agent's
	// reports (task_figures.go), never by a PUT.
	NetworkCheckInfo *networkCheckInfo `json:"network_check_info,omitempty"`
	SubtaskInfo      *string           `json:"subtask_info,omitempty"`
	taskFigures
}

// sourceServerBody is the seed's PostSourceServerBody.
type sourceServerBody struct {
	ID                 *string            `json:"id,omitempty"`
	IP                 *string            `json:"ip,omitempty"`
	Name               *string            `json:"name,omitempty"`
	Hostname           *string            `json:"hostname,omitempty"`
	OSType             *string            `json:"os_type,omitempty"`
	OSVersion          *string            `json:"os_version,omitempty"`
	VirtualizationType *string            `json:"virtualization_type,omitempty"`
	LinuxBlockCheck    *string            `json:"linux_block_check,omitempty"`
	Firmware           *string            `json:"firmware,omitempty"`
	CPUQuantity        *int64             `json:"cpu_quantity,omitempty"`
	Memory             *int64             `json:"memory,omitempty"`
	Disks              *[]serverDisk      `json:"disks,omitempty"`
	BtrfsList          *[]btrfsFileSystem `json:"btrfs_list,omitempty"`
	Networks           *[]netWork         `json:"networks,omitempty"`
	DomainID           *string            `json:"domain_id,omitempty"`
	HasRsync           *bool              `json:"has_rsync,omitempty"`
	Paravirtualization *bool              `json:"paravirtualization,omitempty"`
	RawDevices         *string            `json:"raw_devices,omitempty"`
	DriverFiles        *bool              `json:"driver_files,omitempty"`
	SystemServices     *bool              `json:"system_services,omitempty"`
	AccountRights      *bool              `json:"account_rights,omitempty"`
	BootLoader         *string            `json:"boot_loader,omitempty"`
	SystemDir          *string            `json:"system_dir,omitempty"`
	VolumeGroups       *[]volumeGroup     `json:"volume_groups,omitempty"`
	AgentVersion       *string            `json:"agent_version,omitempty"`
	KernelVersion      *string            `json:"kernel_version,omitempty"`
	MigrationCycle     *string            `json:"migration_cycle,omitempty"`
	State              *string            `json:"state,omitempty"`
	OEMSystem          *bool              `json:"oem_system,omitempty"`
	StartType          *string            `json:"start_type,omitempty"`
}

type serverDisk struct {
	Name            *string           `json:"name,omitempty"`
	PartitionStyle  *string           `json:"partition_style,omitempty"`
	DeviceUse       *string           `json:"device_use,omitempty"`
	Size            *int64            `json:"size,omitempty"`
	UsedSize        *int64            `json:"used_size,omitempty"`
	PhysicalVolumes *[]physicalVolume `json:"physical_volumes,omitempty"`
	OSDisk          *bool             `json:"os_disk,omitempty"`
	RelationName    *string           `json:"relation_name,omitempty"`
	InodeSize       *int64            `json:"inode_size,omitempty"`
}

type physicalVolume struct {
	DeviceUse      *string `json:"device_use,omitempty"`
	FileSystem     *string `json:"file_system,omitempty"`
	Index          *int64  `json:"index,omitempty"`
	MountPoint     *string `json:"mount_point,omitempty"`
	Name           *string `json:"name,omitempty"`
	Size           *int64  `json:"size,omitempty"`
	UsedSize       *int64  `json:"used_size,omitempty"`
	InodeSize      *int64  `json:"inode_size,omitempty"`
	UUID           *string `json:"uuid,omitempty"`
	SizePerCluster *int64  `json:"size_per_cluster,omitempty"`
}

type btrfsFileSystem struct {
	Name                   *string           `json:"name,omitempty"`
	Label                  *string           `json:"label,omitempty"`
	UUID                   *string           `json:"uuid,omitempty"`
	Device                 *string           `json:"device,omitempty"`
	Size                   *int64            `json:"size,omitempty"`
	Nodesize               *int64            `json:"nodesize,omitempty"`
	Sectorsize             *int64            `json:"sectorsize,omitempty"`
	DataProfile            *string           `json:"data_profile,omitempty"`
	SystemProfile          *string           `json:"system_profile,omitempty"`
	MetadataProfile        *string           `json:"metadata_profile,omitempty"`
	GlobalReserve1         *string           `json:"global_reserve1,omitempty"`
	GVolUsedSize           *int64            `json:"g_vol_used_size,omitempty"`
	DefaultSubvolID        *string           `json:"default_subvolid,omitempty"`
	DefaultSubvolName      *string           `json:"default_subvol_name,omitempty"`
	DefaultSubvolMountpath *string           `json:"default_subvol_mountpath,omitempty"`
	Subvolumn              *[]btrfsSubvolumn `json:"subvolumn,omitempty"`
}

type btrfsSubvolumn struct {
	UUID            *string `json:"uuid,omitempty"`
	IsSnapshot      *string `json:"is_snapshot,omitempty"`
	SubvolID        *string `json:"subvol_id,omitempty"`
	ParentID        *string `json:"parent_id,omitempty"`
	SubvolName      *string `json:"subvol_name,omitempty"`
	SubvolMountPath *string `json:"subvol_mount_path,omitempty"`
}

type netWork struct {
	Name    *string `json:"name,omitempty"`
	IP      *string `json:"ip,omitempty"`
	Netmask *string `json:"netmask,omitempty"`
	Gateway *string `json:"gateway,omitempty"`
	MTU     *int64  `json:"mtu,omitempty"`
	MAC     *string `json:"mac,omitempty"`
	ID      *string `json:"id,omitempty"`
	IPv6    *string `json:"ipv6,omitempty"` // current model only
}

type volumeGroup struct {
	Components     *string          `json:"components,omitempty"`
	FreeSize       *int64           `json:"free_size,omitempty"`
	LogicalVolumes *[]logicalVolume `json:"logical_volumes,omitempty"`
	Name           *string          `json:"name,omitempty"`
	Size           *int64           `json:"size,omitempty"`
}

type logicalVolume struct {
	BlockCount *int64  `json:"block_count,omitempty"`
	BlockSize  *int64  `json:"block_size,omitempty"`
	FileSystem *string `json:"file_system,omitempty"`
	InodeSize  *int64  `json:"inode_size,omitempty"`
	DeviceUse  *string `json:"device_use,omitempty"`
	MountPoint *string `json:"mount_point,omitempty"`
	Name       *string `json:"name,omitempty"`
	Size       *int64  `json:"size,omitempty"`
	UsedSize   *int64  `json:"used_size,omitempty"`
	FreeSize   *int64  `json:"free_size,omitempty"`
	InodeNums  *int64  `json:"inode_nums,omitempty"` // current model only
}

type targetServer struct {
	ID                   *string        `json:"id,omitempty"`
	IP                   *string        `json:"ip,omitempty"`
	Name                 *string        `json:"name,omitempty"`
	Hostname             *string        `json:"hostname,omitempty"`
	OSType               *string        `json:"os_type,omitempty"`
	OSVersion            *string        `json:"os_version,omitempty"`
	Firmware             *string        `json:"firmware,omitempty"`
	CPUQuantity          *int64         `json:"cpu_quantity,omitempty"`
	Memory               *int64         `json:"memory,omitempty"`
	Disks                *[]targetDisk  `json:"disks,omitempty"`
	BtrfsList            *[]string      `json:"btrfs_list,omitempty"`
	Networks             *[]netWork     `json:"networks,omitempty"`
	DomainID             *string        `json:"domain_id,omitempty"`
	HasRsync             *bool          `json:"has_rsync,omitempty"`
	Paravirtualization   *bool          `json:"paravirtualization,omitempty"`
	RawDevices           *string        `json:"raw_devices,omitempty"`
	DriverFiles          *bool          `json:"driver_files,omitempty"`
	SystemServices       *bool          `json:"system_services,omitempty"`
	AccountRights        *bool          `json:"account_rights,omitempty"`
	BootLoader           *string        `json:"boot_loader,omitempty"`
	SystemDir            *string        `json:"system_dir,omitempty"`
	VolumeGroups         *[]volumeGroup `json:"volume_groups,omitempty"`
	VMID                 *string        `json:"vm_id,omitempty"`
	Flavor               *string        `json:"flavor,omitempty"`
	ImageDiskID          *string        `json:"image_disk_id,omitempty"`
	SnapshotIDs          *string        `json:"snapshot_ids,omitempty"`
	CutoveredSnapshotIDs *string        `json:"cutovered_snapshot_ids,omitempty"`
}

type targetDisk struct {
	ID              *int64                  `json:"id,omitempty"`
	DeviceUse       *string                 `json:"device_use,omitempty"`
	DiskID          *string                 `json:"disk_id,omitempty"`
	Name            *string                 `json:"name,omitempty"`
	PhysicalVolumes *[]targetPhysicalVolume `json:"physical_volumes,omitempty"`
	Size            *int64                  `json:"size,omitempty"`
	UsedSize        *int64                  `json:"used_size,omitempty"`
	DiskIndex       *string                 `json:"disk_index,omitempty"`
	OSDisk          *bool                   `json:"os_disk,omitempty"`
	PartitionStyle  *string                 `json:"partition_style,omitempty"`
	RelationName    *string                 `json:"relation_name,omitempty"`
}

type targetPhysicalVolume struct {
	ID           *int64  `json:"id,omitempty"`
	DeviceUse    *string `json:"device_use,omitempty"`
	FileSystem   *string `json:"file_system,omitempty"`
	Index        *int64  `json:"index,omitempty"`
	MountPoint   *string `json:"mount_point,omitempty"`
	Name         *string `json:"name,omitempty"`
	Size         *int64  `json:"size,omitempty"`
	UsedSize     *int64  `json:"used_size,omitempty"`
	UUID         *string `json:"uuid,omitempty"`
	RelationName *string `json:"relation_name,omitempty"`
	FreeSize     *int64  `json:"free_size,omitempty"`
}

type cloneServer struct {
	VMID       *string `json:"vm_id,omitempty"`
	Name       *string `json:"name,omitempty"`
	CloneError *string `json:"clone_error,omitempty"`
	CloneState *string `json:"clone_state,omitempty"`
	ErrorMsg   *string `json:"error_msg,omitempty"`
}

type subTask struct {
	ID           *int64   `json:"id,omitempty"`
	Name         *string  `json:"name,omitempty"`
	Progress     *int64   `json:"progress,omitempty"`
	StartDate    *int64   `json:"start_date,omitempty"`
	EndDate      *int64   `json:"end_date,omitempty"`
	MigrateSpeed *float64 `json:"migrate_speed,omitempty"`
	UserOp       *string  `json:"user_op,omitempty"`
	ProcessTrace *string  `json:"process_trace,omitempty"`
}

func ptr[T any](v T) *T { return &v }
