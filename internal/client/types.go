package client

// Wire types for a task as ShowTask and ListTasks answer it, in the shape of the seed
// document's task body. Every field is a pointer (or a nil-able slice) so that "absent"
// and "zero" stay distinct: a field the API leaves out decodes to nil. The PUT body has
// its own types (update_task_body.go), which say what the request must carry.

// Task is a task as the API answers it: the seed's PutTaskReq shape, a superset of what
// ShowTask returns.
type Task struct {
	ID                   *string       `json:"id,omitempty"`
	Name                 *string       `json:"name,omitempty"`
	Type                 *string       `json:"type,omitempty"`
	OSType               *string       `json:"os_type,omitempty"`
	Priority             *int64        `json:"priority,omitempty"`
	RegionID             *string       `json:"region_id,omitempty"`
	StartTargetServer    *bool         `json:"start_target_server,omitempty"`
	EnterpriseProjectID  *string       `json:"enterprise_project_id,omitempty"`
	MigrationIP          *string       `json:"migration_ip,omitempty"`
	RegionName           *string       `json:"region_name,omitempty"`
	SpeedLimit           *int64        `json:"speed_limit,omitempty"`
	ProjectName          *string       `json:"project_name,omitempty"`
	ProjectID            *string       `json:"project_id,omitempty"`
	VMTemplateID         *string       `json:"vm_template_id,omitempty"`
	SourceServer         *SourceServer `json:"source_server,omitempty"`
	TargetServer         *TargetServer `json:"target_server,omitempty"`
	State                *string       `json:"state,omitempty"`
	EstimateCompleteTime *int64        `json:"estimate_complete_time,omitempty"`
	Connected            *bool         `json:"connected,omitempty"`
	CreateDate           *int64        `json:"create_date,omitempty"`
	StartDate            *int64        `json:"start_date,omitempty"`
	FinishDate           *int64        `json:"finish_date,omitempty"`
	MigrateSpeed         *float64      `json:"migrate_speed,omitempty"`
	ErrorJSON            *string       `json:"error_json,omitempty"`
	TotalTime            *int64        `json:"total_time,omitempty"`
	FloatIP              *string       `json:"float_ip,omitempty"`
	RemainSeconds        *int64        `json:"remain_seconds,omitempty"`
	TargetSnapshotID     *string       `json:"target_snapshot_id,omitempty"`
	CloneServer          *CloneServer  `json:"clone_server,omitempty"`
	SubTasks             []SubTask     `json:"sub_tasks,omitempty"`

	// Returned by ShowTask but not part of the seed's PUT body.
	NeedMigrationTest *bool `json:"need_migration_test,omitempty"`
}

// SourceServer is the seed's PostSourceServerBody.
type SourceServer struct {
	ID                 *string           `json:"id,omitempty"`
	IP                 *string           `json:"ip,omitempty"`
	Name               *string           `json:"name,omitempty"`
	Hostname           *string           `json:"hostname,omitempty"`
	OSType             *string           `json:"os_type,omitempty"`
	OSVersion          *string           `json:"os_version,omitempty"`
	VirtualizationType *string           `json:"virtualization_type,omitempty"`
	LinuxBlockCheck    *string           `json:"linux_block_check,omitempty"`
	Firmware           *string           `json:"firmware,omitempty"`
	CPUQuantity        *int64            `json:"cpu_quantity,omitempty"`
	Memory             *int64            `json:"memory,omitempty"`
	Disks              []ServerDisk      `json:"disks,omitempty"`
	BtrfsList          []BtrfsFileSystem `json:"btrfs_list,omitempty"`
	Networks           []Network         `json:"networks,omitempty"`
	DomainID           *string           `json:"domain_id,omitempty"`
	HasRsync           *bool             `json:"has_rsync,omitempty"`
	Paravirtualization *bool             `json:"paravirtualization,omitempty"`
	RawDevices         *string           `json:"raw_devices,omitempty"`
	DriverFiles        *bool             `json:"driver_files,omitempty"`
	SystemServices     *bool             `json:"system_services,omitempty"`
	AccountRights      *bool             `json:"account_rights,omitempty"`
	BootLoader         *string           `json:"boot_loader,omitempty"`
	SystemDir          *string           `json:"system_dir,omitempty"`
	VolumeGroups       []VolumeGroup     `json:"volume_groups,omitempty"`
	AgentVersion       *string           `json:"agent_version,omitempty"`
	KernelVersion      *string           `json:"kernel_version,omitempty"`
	MigrationCycle     *string           `json:"migration_cycle,omitempty"`
	State              *string           `json:"state,omitempty"`
	OEMSystem          *bool             `json:"oem_system,omitempty"`
	StartType          *string           `json:"start_type,omitempty"`
}

// ServerDisk is a disk of the source server.
type ServerDisk struct {
	Name            *string          `json:"name,omitempty"`
	PartitionStyle  *string          `json:"partition_style,omitempty"`
	DeviceUse       *string          `json:"device_use,omitempty"`
	Size            *int64           `json:"size,omitempty"`
	UsedSize        *int64           `json:"used_size,omitempty"`
	PhysicalVolumes []PhysicalVolume `json:"physical_volumes,omitempty"`
	OSDisk          *bool            `json:"os_disk,omitempty"`
	RelationName    *string          `json:"relation_name,omitempty"`
	InodeSize       *int64           `json:"inode_size,omitempty"`
}

// PhysicalVolume is a partition of a source server disk.
type PhysicalVolume struct {
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

// BtrfsFileSystem is a Btrfs file system on the source server.
type BtrfsFileSystem struct {
	Name                   *string          `json:"name,omitempty"`
	Label                  *string          `json:"label,omitempty"`
	UUID                   *string          `json:"uuid,omitempty"`
	Device                 *string          `json:"device,omitempty"`
	Size                   *int64           `json:"size,omitempty"`
	Nodesize               *int64           `json:"nodesize,omitempty"`
	Sectorsize             *int64           `json:"sectorsize,omitempty"`
	DataProfile            *string          `json:"data_profile,omitempty"`
	SystemProfile          *string          `json:"system_profile,omitempty"`
	MetadataProfile        *string          `json:"metadata_profile,omitempty"`
	GlobalReserve1         *string          `json:"global_reserve1,omitempty"`
	GVolUsedSize           *int64           `json:"g_vol_used_size,omitempty"`
	DefaultSubvolID        *string          `json:"default_subvolid,omitempty"`
	DefaultSubvolName      *string          `json:"default_subvol_name,omitempty"`
	DefaultSubvolMountpath *string          `json:"default_subvol_mountpath,omitempty"`
	Subvolumn              []BtrfsSubvolumn `json:"subvolumn,omitempty"`
}

// BtrfsSubvolumn is a Btrfs subvolume (the API's spelling).
type BtrfsSubvolumn struct {
	UUID            *string `json:"uuid,omitempty"`
	IsSnapshot      *string `json:"is_snapshot,omitempty"`
	SubvolID        *string `json:"subvol_id,omitempty"`
	ParentID        *string `json:"parent_id,omitempty"`
	SubvolName      *string `json:"subvol_name,omitempty"`
	SubvolMountPath *string `json:"subvol_mount_path,omitempty"`
}

// Network is the seed's NetWork: one NIC.
type Network struct {
	Name    *string `json:"name,omitempty"`
	IP      *string `json:"ip,omitempty"`
	Netmask *string `json:"netmask,omitempty"`
	Gateway *string `json:"gateway,omitempty"`
	MTU     *int64  `json:"mtu,omitempty"`
	MAC     *string `json:"mac,omitempty"`
	ID      *string `json:"id,omitempty"`
}

// VolumeGroup is the seed's VolumeGroups: one LVM volume group.
type VolumeGroup = VolumeGroupOf[LogicalVolume]

// VolumeGroupOf is VolumeGroups with logical volumes of type LV: the seed's, or a target
// server's, which have today's inode_nums.
type VolumeGroupOf[LV any] struct {
	Components     *string `json:"components,omitempty"`
	FreeSize       *int64  `json:"free_size,omitempty"`
	LogicalVolumes []LV    `json:"logical_volumes,omitempty"`
	Name           *string `json:"name,omitempty"`
	Size           *int64  `json:"size,omitempty"`
}

// LogicalVolume is the seed's LogicalVolumes: one LVM logical volume.
type LogicalVolume struct {
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
}

// TargetServer is the seed's TargetServer.
type TargetServer struct {
	ID          *string      `json:"id,omitempty"`
	IP          *string      `json:"ip,omitempty"`
	Name        *string      `json:"name,omitempty"`
	Hostname    *string      `json:"hostname,omitempty"`
	OSType      *string      `json:"os_type,omitempty"`
	OSVersion   *string      `json:"os_version,omitempty"`
	Firmware    *string      `json:"firmware,omitempty"`
	CPUQuantity *int64       `json:"cpu_quantity,omitempty"`
	Memory      *int64       `json:"memory,omitempty"`
	Disks       []TargetDisk `json:"disks,omitempty"`
	BtrfsList   []string     `json:"btrfs_list,omitempty"`
	// BtrfsFileSystems is no key of any API answer (today's update body takes such
	// objects as btrfs_list, see PutTargetBtrfsList); it always decodes to nil.
	BtrfsFileSystems     []BtrfsFileSystem   `json:"btrfs_file_systems,omitempty"`
	Networks             []TargetNetwork     `json:"networks,omitempty"`
	DomainID             *string             `json:"domain_id,omitempty"`
	HasRsync             *bool               `json:"has_rsync,omitempty"`
	Paravirtualization   *bool               `json:"paravirtualization,omitempty"`
	RawDevices           *string             `json:"raw_devices,omitempty"`
	DriverFiles          *bool               `json:"driver_files,omitempty"`
	SystemServices       *bool               `json:"system_services,omitempty"`
	AccountRights        *bool               `json:"account_rights,omitempty"`
	BootLoader           *string             `json:"boot_loader,omitempty"`
	SystemDir            *string             `json:"system_dir,omitempty"`
	VolumeGroups         []TargetVolumeGroup `json:"volume_groups,omitempty"`
	VMID                 *string             `json:"vm_id,omitempty"`
	Flavor               *string             `json:"flavor,omitempty"`
	ImageDiskID          *string             `json:"image_disk_id,omitempty"`
	SnapshotIDs          *string             `json:"snapshot_ids,omitempty"`
	CutoveredSnapshotIDs *string             `json:"cutovered_snapshot_ids,omitempty"`
}

// TargetNetwork is a NIC of the target server: the seed's NetWork and today's ipv6.
type TargetNetwork struct {
	Network
	IPv6 *string `json:"ipv6,omitempty"`
}

// TargetVolumeGroup is a volume group of the target server, whose logical volumes have
// today's inode_nums.
type TargetVolumeGroup = VolumeGroupOf[TargetLogicalVolume]

// TargetLogicalVolume is a logical volume of the target server: the seed's LogicalVolumes
// and today's inode_nums.
type TargetLogicalVolume struct {
	LogicalVolume
	InodeNums *int64 `json:"inode_nums,omitempty"`
}

// TargetDisk is a disk of the target server.
type TargetDisk struct {
	ID              *int64                 `json:"id,omitempty"`
	DeviceUse       *string                `json:"device_use,omitempty"`
	DiskID          *string                `json:"disk_id,omitempty"`
	Name            *string                `json:"name,omitempty"`
	PhysicalVolumes []TargetPhysicalVolume `json:"physical_volumes,omitempty"`
	Size            *int64                 `json:"size,omitempty"`
	UsedSize        *int64                 `json:"used_size,omitempty"`
	DiskIndex       *string                `json:"disk_index,omitempty"`
	OSDisk          *bool                  `json:"os_disk,omitempty"`
	PartitionStyle  *string                `json:"partition_style,omitempty"`
	RelationName    *string                `json:"relation_name,omitempty"`
}

// TargetPhysicalVolume is the seed's TargetPhysicalVolumes: a partition of a target disk.
type TargetPhysicalVolume struct {
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

// CloneServer is the cloned server of a task.
type CloneServer struct {
	VMID       *string `json:"vm_id,omitempty"`
	Name       *string `json:"name,omitempty"`
	CloneError *string `json:"clone_error,omitempty"`
	CloneState *string `json:"clone_state,omitempty"`
	ErrorMsg   *string `json:"error_msg,omitempty"`
}

// SubTask is one step of a running migration.
type SubTask struct {
	ID           *int64   `json:"id,omitempty"`
	Name         *string  `json:"name,omitempty"`
	Progress     *int64   `json:"progress,omitempty"`
	StartDate    *int64   `json:"start_date,omitempty"`
	EndDate      *int64   `json:"end_date,omitempty"`
	MigrateSpeed *float64 `json:"migrate_speed,omitempty"`
	UserOp       *string  `json:"user_op,omitempty"`
	ProcessTrace *string  `json:"process_trace,omitempty"`
}

// CreateTaskRequest is the body of POST /v3/tasks (the API's PostTask). The source
// server is referenced by ID only; the rest of the seed body is set with a PUT.
type CreateTaskRequest struct {
	Name                   string             `json:"name"`
	Type                   string             `json:"type"`
	StartTargetServer      *bool              `json:"start_target_server,omitempty"`
	AutoStart              *bool              `json:"auto_start,omitempty"`
	OSType                 *string            `json:"os_type,omitempty"`
	SourceServer           CreateSourceServer `json:"source_server"`
	TargetServer           CreateTargetServer `json:"target_server"`
	MigrationIP            *string            `json:"migration_ip,omitempty"`
	RegionName             string             `json:"region_name"`
	RegionID               string             `json:"region_id"`
	ProjectName            string             `json:"project_name"`
	ProjectID              string             `json:"project_id"`
	Priority               *int64             `json:"priority,omitempty"`
	VMTemplateID           *string            `json:"vm_template_id,omitempty"`
	ClonevmTemplateID      *string            `json:"clonevm_template_id,omitempty"`
	UsePublicIP            *bool              `json:"use_public_ip,omitempty"`
	UseIPv6                *bool              `json:"use_ipv6,omitempty"`
	Syncing                *bool              `json:"syncing,omitempty"`
	ExistServer            *bool              `json:"exist_server,omitempty"`
	StartNetworkCheck      *bool              `json:"start_network_check,omitempty"`
	SpeedLimit             *int64             `json:"speed_limit,omitempty"`
	OverSpeedThreshold     *float64           `json:"over_speed_threshold,omitempty"`
	IsNeedConsistencyCheck *bool              `json:"is_need_consistency_check,omitempty"`
	NeedMigrationTest      *bool              `json:"need_migration_test,omitempty"`

	// RefuseExisting makes CreateTask fail with an *ExistingTaskError, before any POST,
	// when the list it takes before the first POST already holds a task of this name
	// for this source server (an interrupted create's, or anyone's). Not sent.
	RefuseExisting bool `json:"-"`
}

// CreateSourceServer is SourceServerByTask: the registered source server's ID.
type CreateSourceServer struct {
	ID string `json:"id"`
}

// CreateTargetServer is TargetServerByTask.
type CreateTargetServer struct {
	Name         string             `json:"name"`
	VMID         string             `json:"vm_id"`
	Disks        []CreateTargetDisk `json:"disks,omitempty"`
	BtrfsList    []BtrfsFileSystem  `json:"btrfs_list,omitempty"`
	VolumeGroups []VolumeGroup      `json:"volume_groups,omitempty"`
}

// CreateTargetDisk is TargetDisks (CreateTask only).
type CreateTargetDisk struct {
	DeviceUse       *string          `json:"device_use,omitempty"`
	DiskID          *string          `json:"disk_id,omitempty"`
	Name            *string          `json:"name,omitempty"`
	PhysicalVolumes []PhysicalVolume `json:"physical_volumes,omitempty"`
	Size            *int64           `json:"size,omitempty"`
	UsedSize        *int64           `json:"used_size,omitempty"`
}

// ListTasksFilter holds the query parameters of GET /v3/tasks.
type ListTasksFilter struct {
	State               string
	Name                string
	ID                  string
	SourceServerID      string
	EnterpriseProjectID string
}

// TaskAction is the body of POST /v3/tasks/{task_id}/action.
type TaskAction struct {
	Operation              string  `json:"operation"`
	TemplateID             *string `json:"template_id,omitempty"`
	SwitchHCE              *bool   `json:"switch_hce,omitempty"`
	IsNeedConsistencyCheck *bool   `json:"is_need_consistency_check,omitempty"`
}

// SpeedLimitWindow is one time-window rule of /v3/tasks/{task_id}/speed-limit
// (the API's SpeedLimitlJson).
type SpeedLimitWindow struct {
	Start              string   `json:"start"`
	End                string   `json:"end"`
	Speed              *int64   `json:"speed,omitempty"`
	OverSpeedThreshold *float64 `json:"over_speed_threshold,omitempty"`
}
