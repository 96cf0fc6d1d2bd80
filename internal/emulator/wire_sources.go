package emulator

// Wire types of the source-server API (ListServers, ShowServer): the SDK's
// ShowServerResponse, SourceServersResponseBody and their nested types. They are the
// current SDK's, not the seed's: physical and logical volumes carry inode_nums, NICs ipv6.

// sourceDetail is ShowServerResponse. The Agent registers more (boot_loader, kernel
// version, ...), but ShowServer answers only what its model documents.
type sourceDetail struct {
	ID                  string              `json:"id"`
	IP                  string              `json:"ip"`
	Name                string              `json:"name"`
	Hostname            *string             `json:"hostname,omitempty"`
	EnterpriseProjectID *string             `json:"enterprise_project_id,omitempty"`
	AddDate             *int64              `json:"add_date,omitempty"`
	OSType              string              `json:"os_type"`
	OSVersion           *string             `json:"os_version,omitempty"`
	OEMSystem           *bool               `json:"oem_system,omitempty"`
	State               *string             `json:"state,omitempty"`
	Connected           *bool               `json:"connected,omitempty"`
	Firmware            *string             `json:"firmware,omitempty"`
	InitTargetServer    *initTargetServer   `json:"init_target_server,omitempty"`
	CPUQuantity         *int64              `json:"cpu_quantity,omitempty"`
	Memory              *int64              `json:"memory,omitempty"` // MB in ShowServer
	CurrentTask         *sourceCurrentTask  `json:"current_task,omitempty"`
	Disks               []sourceDisk        `json:"disks,omitempty"`
	VolumeGroups        []sourceVolumeGroup `json:"volume_groups"`
	BtrfsList           []btrfsFileSystem   `json:"btrfs_list"`
	Networks            []sourceNetwork     `json:"networks,omitempty"`
	Checks              []environmentCheck  `json:"checks,omitempty"`
	MigrationCycle      *string             `json:"migration_cycle,omitempty"`
	StateActionTime     *int64              `json:"state_action_time,omitempty"`
	ReplicateSize       *int64              `json:"replicatesize,omitempty"`
	TotalSize           *int64              `json:"totalsize,omitempty"`
	LastVisitTime       *int64              `json:"last_visit_time,omitempty"`
	StageActionTime     *int64              `json:"stage_action_time,omitempty"`
	AgentVersion        *string             `json:"agent_version,omitempty"`
	HasTC               *bool               `json:"has_tc,omitempty"`
	StartType           *string             `json:"start_type,omitempty"`
}

// listedSource is SourceServersResponseBody, the ListServers item. Its memory is in
// bytes, unlike ShowServer's MB. agent_version is left out: the documents' item has none
// (the official data source reads one, which the live list may carry).
type listedSource struct {
	ID                  string             `json:"id"`
	IP                  string             `json:"ip"`
	Name                string             `json:"name"`
	EnterpriseProjectID *string            `json:"enterprise_project_id,omitempty"`
	AddDate             *int64             `json:"add_date,omitempty"`
	OSType              string             `json:"os_type"`
	OSVersion           *string            `json:"os_version,omitempty"`
	OEMSystem           *bool              `json:"oem_system,omitempty"`
	State               *string            `json:"state,omitempty"`
	Connected           *bool              `json:"connected,omitempty"`
	CPUQuantity         *int64             `json:"cpu_quantity,omitempty"`
	Memory              *int64             `json:"memory,omitempty"`
	CurrentTask         *listedCurrentTask `json:"current_task,omitempty"`
	Checks              []environmentCheck `json:"checks,omitempty"`
	InitTargetServer    *initTargetServer  `json:"init_target_server,omitempty"`
	MigrationCycle      *string            `json:"migration_cycle,omitempty"`
	HasTC               *bool              `json:"has_tc,omitempty"`
	StartType           *string            `json:"start_type,omitempty"`

	IsConsistencyResultExist *bool  `json:"is_consistency_result_exist,omitempty"`
	ReplicateSize            *int64 `json:"replicatesize,omitempty"`
	TotalSize                *int64 `json:"totalsize,omitempty"`
	StageActionTime          *int64 `json:"stage_action_time,omitempty"`
	LastVisitTime            *int64 `json:"last_visit_time,omitempty"`
	StateActionTime          *int64 `json:"state_action_time,omitempty"`
}

type listServersAnswer struct {
	Count         int            `json:"count"`
	SourceServers []listedSource `json:"source_servers"`
}

// sourceCurrentTask is TaskByServerSource (ShowServer): the task bound to the source.
type sourceCurrentTask struct {
	ID                *string          `json:"id,omitempty"`
	Name              *string          `json:"name,omitempty"`
	Type              *string          `json:"type,omitempty"`
	State             *string          `json:"state,omitempty"`
	StartDate         *int64           `json:"start_date,omitempty"`
	SpeedLimit        *int64           `json:"speed_limit,omitempty"`
	MigrateSpeed      *float64         `json:"migrate_speed,omitempty"`
	StartTargetServer *bool            `json:"start_target_server,omitempty"`
	VMTemplateID      *string          `json:"vm_template_id,omitempty"`
	RegionID          *string          `json:"region_id,omitempty"`
	ProjectName       *string          `json:"project_name,omitempty"`
	ProjectID         *string          `json:"project_id,omitempty"`
	TargetServer      *targetServerRef `json:"target_server,omitempty"`
	LogCollectStatus  *string          `json:"log_collect_status,omitempty"`
	ExistServer       *bool            `json:"exist_server,omitempty"`
	UsePublicIP       *bool            `json:"use_public_ip,omitempty"`
	CloneServer       *cloneServer     `json:"clone_server,omitempty"`
	SubtaskInfo       *string          `json:"subtask_info,omitempty"`
}

// listedCurrentTask is TaskByServerSources (ListServers): ShowServer's fields and the
// task's timing and log upload.
type listedCurrentTask struct {
	sourceCurrentTask
	EstimateCompleteTime *int64   `json:"estimate_complete_time,omitempty"`
	CompressRate         *float64 `json:"compress_rate,omitempty"`
	RemainSeconds        *int64   `json:"remain_seconds,omitempty"`
	LogBucket            *string  `json:"log_bucket,omitempty"`
	LogExpire            *int64   `json:"log_expire,omitempty"`
	LogUploadTime        *int64   `json:"log_upload_time,omitempty"`
	LogShareURL          *string  `json:"log_share_url,omitempty"`
}

// targetServerRef is TargetServerById.
type targetServerRef struct {
	VMID *string `json:"vm_id,omitempty"`
	Name *string `json:"name,omitempty"`
}

// initTargetServer is InitTargetServer, the recommended target layout.
type initTargetServer struct {
	Disks        []initTargetDisk    `json:"disks"`
	VolumeGroups []sourceVolumeGroup `json:"volume_groups"`
}

// initTargetDisk is DiskIntargetServer; its partitions are CreateTask's PhysicalVolumes.
type initTargetDisk struct {
	Name            string               `json:"name"`
	Size            int64                `json:"size"`
	DeviceUse       *string              `json:"device_use,omitempty"`
	UsedSize        *int64               `json:"used_size,omitempty"`
	PhysicalVolumes []initPhysicalVolume `json:"physical_volumes,omitempty"`
}

// initPhysicalVolume is PhysicalVolumes (CreateTask's partition type).
type initPhysicalVolume struct {
	DeviceUse  *string `json:"device_use,omitempty"`
	FileSystem *string `json:"file_system,omitempty"`
	Index      *int64  `json:"index,omitempty"`
	MountPoint *string `json:"mount_point,omitempty"`
	Name       *string `json:"name,omitempty"`
	Size       *int64  `json:"size,omitempty"`
	InodeSize  *int64  `json:"inode_size,omitempty"`
	UsedSize   *int64  `json:"used_size,omitempty"`
	UUID       *string `json:"uuid,omitempty"`
}

// sourceDisk is ServerDisk.
type sourceDisk struct {
	Name            *string                `json:"name,omitempty"`
	PartitionStyle  *string                `json:"partition_style,omitempty"`
	DeviceUse       *string                `json:"device_use,omitempty"`
	Size            *int64                 `json:"size,omitempty"`
	UsedSize        *int64                 `json:"used_size,omitempty"`
	PhysicalVolumes []sourcePhysicalVolume `json:"physical_volumes,omitempty"`
	OSDisk          *bool                  `json:"os_disk,omitempty"`
	RelationName    *string                `json:"relation_name,omitempty"`
	InodeSize       *int64                 `json:"inode_size,omitempty"`
}

// sourcePhysicalVolume is PhysicalVolume.
type sourcePhysicalVolume struct {
	DeviceUse      *string `json:"device_use,omitempty"`
	FileSystem     *string `json:"file_system,omitempty"`
	Index          *int64  `json:"index,omitempty"`
	MountPoint     *string `json:"mount_point,omitempty"`
	Name           *string `json:"name,omitempty"`
	Size           *int64  `json:"size,omitempty"`
	UsedSize       *int64  `json:"used_size,omitempty"`
	InodeSize      *int64  `json:"inode_size,omitempty"`
	InodeNums      *int64  `json:"inode_nums,omitempty"`
	UUID           *string `json:"uuid,omitempty"`
	SizePerCluster *int64  `json:"size_per_cluster,omitempty"`
}

// sourceVolumeGroup is VolumeGroups with the current LogicalVolumes.
type sourceVolumeGroup struct {
	Components     *string               `json:"components,omitempty"`
	FreeSize       *int64                `json:"free_size,omitempty"`
	LogicalVolumes []sourceLogicalVolume `json:"logical_volumes,omitempty"`
	Name           *string               `json:"name,omitempty"`
	Size           *int64                `json:"size,omitempty"`
}

type sourceLogicalVolume struct {
	BlockCount *int64  `json:"block_count,omitempty"`
	BlockSize  *int64  `json:"block_size,omitempty"`
	FileSystem *string `json:"file_system,omitempty"`
	InodeSize  *int64  `json:"inode_size,omitempty"`
	InodeNums  *int64  `json:"inode_nums,omitempty"`
	DeviceUse  *string `json:"device_use,omitempty"`
	MountPoint *string `json:"mount_point,omitempty"`
	Name       *string `json:"name,omitempty"`
	Size       *int64  `json:"size,omitempty"`
	UsedSize   *int64  `json:"used_size,omitempty"`
	FreeSize   *int64  `json:"free_size,omitempty"`
}

// sourceNetwork is NetWork with ipv6.
type sourceNetwork struct {
	Name    *string `json:"name,omitempty"`
	IP      *string `json:"ip,omitempty"`
	IPv6    *string `json:"ipv6,omitempty"`
	Netmask *string `json:"netmask,omitempty"`
	Gateway *string `json:"gateway,omitempty"`
	MTU     *int64  `json:"mtu,omitempty"`
	MAC     string  `json:"mac"`
	ID      *string `json:"id,omitempty"`
}

// environmentCheck is EnvironmentCheck.
type environmentCheck struct {
	ID          int64    `json:"id"`
	Params      []string `json:"params,omitempty"`
	Name        string   `json:"name"`
	Result      string   `json:"result"`
	ErrorCode   *string  `json:"error_code,omitempty"`
	ErrorOrWarn *string  `json:"error_or_warn,omitempty"`
	ErrorParams *string  `json:"error_params,omitempty"`
}
