package emulator

// Wire types of the request bodies other than PUT, and of the ListTasks answer.

// createTaskBody is PostTask (POST /v3/tasks).
type createTaskBody struct {
	Name                   string             `json:"name"`
	Type                   string             `json:"type"`
	StartTargetServer      *bool              `json:"start_target_server"`
	AutoStart              *bool              `json:"auto_start"`
	OSType                 *string            `json:"os_type"`
	SourceServer           createSourceServer `json:"source_server"`
	TargetServer           createTargetServer `json:"target_server"`
	MigrationIP            *string            `json:"migration_ip"`
	RegionName             string             `json:"region_name"`
	RegionID               string             `json:"region_id"`
	ProjectName            string             `json:"project_name"`
	ProjectID              string             `json:"project_id"`
	Priority               *int64             `json:"priority"`
	VMTemplateID           *string            `json:"vm_template_id"`
	ClonevmTemplateID      *string            `json:"clonevm_template_id"`
	UsePublicIP            *bool              `json:"use_public_ip"`
	UseIPv6                *bool              `json:"use_ipv6"`
	Syncing                *bool              `json:"syncing"`
	ExistServer            *bool              `json:"exist_server"`
	StartNetworkCheck      *bool              `json:"start_network_check"`
	SpeedLimit             *int64             `json:"speed_limit"`
	OverSpeedThreshold     *float64           `json:"over_speed_threshold"`
	IsNeedConsistencyCheck *bool              `json:"is_need_consistency_check"`
	NeedMigrationTest      *bool              `json:"need_migration_test"`
}

// createSourceServer is SourceServerByTask.
type createSourceServer struct {
	ID string `json:"id"`
}

// createTargetServer is TargetServerByTask.
type createTargetServer struct {
	Name         string             `json:"name"`
	VMID         string             `json:"vm_id"`
	Disks        []createTargetDisk `json:"disks"`
	BtrfsList    []btrfsFileSystem  `json:"btrfs_list"`
	VolumeGroups *[]volumeGroup     `json:"volume_groups"`
}

// createTargetDisk is TargetDisks.
type createTargetDisk struct {
	DeviceUse       *string          `json:"device_use"`
	DiskID          *string          `json:"disk_id"`
	Name            *string          `json:"name"`
	PhysicalVolumes []physicalVolume `json:"physical_volumes"`
	Size            *int64           `json:"size"`
	UsedSize        *int64           `json:"used_size"`
}

// createFlags keeps the CreateTask options that the task body (seed) has no field for.
type createFlags struct {
	AutoStart              *bool    `json:"auto_start,omitempty"`
	ClonevmTemplateID      *string  `json:"clonevm_template_id,omitempty"`
	UsePublicIP            *bool    `json:"use_public_ip,omitempty"`
	UseIPv6                *bool    `json:"use_ipv6,omitempty"`
	Syncing                *bool    `json:"syncing,omitempty"`
	ExistServer            *bool    `json:"exist_server,omitempty"`
	StartNetworkCheck      *bool    `json:"start_network_check,omitempty"`
	OverSpeedThreshold     *float64 `json:"over_speed_threshold,omitempty"`
	IsNeedConsistencyCheck *bool    `json:"is_need_consistency_check,omitempty"`
}

// actionBody is UpdateTaskStatusReq.
type actionBody struct {
	Operation              string  `json:"operation"`
	TemplateID             *string `json:"template_id"`
	SwitchHCE              *bool   `json:"switch_hce"`
	IsNeedConsistencyCheck *bool   `json:"is_need_consistency_check"`
}

// speedLimitWindow is SpeedLimitlJson (sic).
type speedLimitWindow struct {
	Start              string   `json:"start"`
	End                string   `json:"end"`
	Speed              *int64   `json:"speed,omitempty"`
	OverSpeedThreshold *float64 `json:"over_speed_threshold,omitempty"`
}

type speedLimitBody struct {
	SpeedLimit []speedLimitWindow `json:"speed_limit"`
}

// progressReport is UpdateTaskSpeedReq: the fields the emulator keeps from it.
type progressReport struct {
	SubtaskName       string   `json:"subtask_name"`
	Progress          int64    `json:"progress"`
	ProcessTrace      string   `json:"process_trace"`
	MigrateSpeed      *float64 `json:"migrate_speed,omitempty"`
	RemainTime        *int64   `json:"remain_time,omitempty"`
	NeedMigrationTest *bool    `json:"need_migration_test,omitempty"`

	ReplicateSize int64 `json:"replicatesize"`
	TotalSize     int64 `json:"totalsize"`
	taskFigures
}

// listTasksAnswer is the ListTasks response.
type listTasksAnswer struct {
	Count int          `json:"count"`
	Tasks []listedTask `json:"tasks"`
}

// listedTask is TasksResponseBody: a summary, not the whole task body.
type listedTask struct {
	ID                   *string             `json:"id,omitempty"`
	Name                 *string             `json:"name,omitempty"`
	Type                 *string             `json:"type,omitempty"`
	OSType               *string             `json:"os_type,omitempty"`
	State                *string             `json:"state,omitempty"`
	EstimateCompleteTime *int64              `json:"estimate_complete_time,omitempty"`
	CreateDate           *int64              `json:"create_date,omitempty"`
	Priority             *int64              `json:"priority,omitempty"`
	SpeedLimit           *int64              `json:"speed_limit,omitempty"`
	MigrateSpeed         *float64            `json:"migrate_speed,omitempty"`
	StartTargetServer    *bool               `json:"start_target_server,omitempty"`
	ErrorJSON            *string             `json:"error_json,omitempty"`
	TotalTime            *int64              `json:"total_time,omitempty"`
	MigrationIP          *string             `json:"migration_ip,omitempty"`
	SubTasks             *[]listedSubTask    `json:"sub_tasks,omitempty"`
	SourceServer         *listedSourceServer `json:"source_server,omitempty"`
	EnterpriseProjectID  *string             `json:"enterprise_project_id,omitempty"`
	TargetServer         *listedTargetServer `json:"target_server,omitempty"`
	CloneServer          *listedCloneServer  `json:"clone_server,omitempty"`
	Syncing              *bool               `json:"syncing,omitempty"`
	NeedMigrationTest    *bool               `json:"need_migration_test,omitempty"`

	// The figures and Agent reports ShowTask also answers (task_figures.go).
	LogCollectStatus *string           `json:"log_collect_status,omitempty"`
	NetworkCheckInfo *networkCheckInfo `json:"network_check_info,omitempty"`
	SpecialConfig    *[]configBody     `json:"special_config,omitempty"`
	SubtaskInfo      *string           `json:"subtask_info,omitempty"`
	taskFigures
}

// listedSubTask is SubTaskAssociatedWithTask.
type listedSubTask struct {
	ID           *int64  `json:"id,omitempty"`
	Name         *string `json:"name,omitempty"`
	Progress     *int64  `json:"progress,omitempty"`
	StartDate    *int64  `json:"start_date,omitempty"`
	EndDate      *int64  `json:"end_date,omitempty"`
	ProcessTrace *string `json:"process_trace,omitempty"`
}

// listedSourceServer is SourceServerAssociatedWithTask.
type listedSourceServer struct {
	ID        *string `json:"id,omitempty"`
	IP        *string `json:"ip,omitempty"`
	Name      *string `json:"name,omitempty"`
	OSType    *string `json:"os_type,omitempty"`
	OSVersion *string `json:"os_version,omitempty"`
	OEMSystem *bool   `json:"oem_system,omitempty"`
	State     *string `json:"state,omitempty"`
}

// listedTargetServer is TargetServerAssociatedWithTask.
type listedTargetServer struct {
	ID        *string `json:"id,omitempty"`
	VMID      *string `json:"vm_id,omitempty"`
	Name      *string `json:"name,omitempty"`
	IP        *string `json:"ip,omitempty"`
	OSVersion *string `json:"os_version,omitempty"`
	OSType    *string `json:"os_type,omitempty"`
}

// listedCloneServer is CloneServerBrief.
type listedCloneServer struct {
	VMID *string `json:"vm_id,omitempty"`
	Name *string `json:"name,omitempty"`
}
