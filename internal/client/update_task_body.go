package client

import (
	"encoding/json"
	"maps"
	"slices"
)

// Wire types for the body of PUT /v3/tasks/{task_id} (the seed's PutTaskReq). Unlike
// the response types in types.go, these say what the request needs:
//   - a top-level key is a pointer left out when nil, so an update sends only the keys
//     that changed;
//   - a nested child the seed marks "Mandatory: Yes" is a plain value (or a
//     MandatoryList), so it is always sent, as "" / 0 / false / [] when unset;
//   - an optional child is a pointer or a slice tagged omitzero: left out when nil,
//     while a non-nil empty slice (a list the user set to none) is sent as [];
//   - a child the seed marks mandatory but today's update body leaves optional (the
//     NetWork, LogicalVolumes and Btrfs members) is optional here too, so an unset one
//     is not sent under api_model "current"; under "seed" the provider requires it at
//     plan time (the limits table's presence rows, or the schema for source_server),
//     so it is always set, and sent, there.

// UpdateTaskBody is the PUT body. Its last fields are keys that only today's update
// body has (the provider's api_model "current"); the seed's body has none of them.
type UpdateTaskBody struct {
	Name                *string          `json:"name,omitzero"`
	Type                *string          `json:"type,omitzero"`
	OSType              *string          `json:"os_type,omitzero"`
	Priority            *int64           `json:"priority,omitzero"`
	RegionID            *string          `json:"region_id,omitzero"`
	StartTargetServer   *bool            `json:"start_target_server,omitzero"`
	EnterpriseProjectID *string          `json:"enterprise_project_id,omitzero"`
	MigrationIP         *string          `json:"migration_ip,omitzero"`
	RegionName          *string          `json:"region_name,omitzero"`
	SpeedLimit          *int64           `json:"speed_limit,omitzero"`
	ProjectName         *string          `json:"project_name,omitzero"`
	ProjectID           *string          `json:"project_id,omitzero"`
	VMTemplateID        *string          `json:"vm_template_id,omitzero"`
	SourceServer        *PutSourceServer `json:"source_server,omitzero"`
	TargetServer        *PutTargetServer `json:"target_server,omitzero"`
	CloneServer         *PutCloneServer  `json:"clone_server,omitzero"`

	EnterpriseProject    *string `json:"enterprise_project,omitzero"`
	ImageDiskID          *string `json:"image_disk_id,omitzero"`
	TargetDiskIDs        *string `json:"target_disk_ids,omitzero"`
	SnapshotIDs          *string `json:"snapshot_ids,omitzero"`
	CutoveredSnapshotIDs *string `json:"cutovered_snapshot_ids,omitzero"`
	ExistServer          *bool   `json:"exist_server,omitzero"`
	UseIPv6              *bool   `json:"use_ipv6,omitzero"`
	UsePublicIP          *bool   `json:"use_public_ip,omitzero"`
}

// Keys are the top-level keys the body sends, sorted; none means there is nothing to
// update.
func (b UpdateTaskBody) Keys() []string {
	encoded, err := encodeBody(b)
	if err != nil {
		return nil
	}
	var keys map[string]json.RawMessage
	if json.Unmarshal(encoded, &keys) != nil {
		return nil
	}
	return slices.Sorted(maps.Keys(keys))
}

// MandatoryList is an array the seed marks mandatory: nil is sent as [].
type MandatoryList[T any] []T

// MarshalJSON sends nil as [] and anything else as the array it is.
func (l MandatoryList[T]) MarshalJSON() ([]byte, error) {
	if l == nil {
		return []byte("[]"), nil
	}
	return encodeBody([]T(l))
}

// PutSourceServer is the seed's PostSourceServerBody.
type PutSourceServer struct {
	ID                 *string              `json:"id,omitzero"`
	IP                 string               `json:"ip"`
	Name               string               `json:"name"`
	Hostname           *string              `json:"hostname,omitzero"`
	OSType             string               `json:"os_type"`
	OSVersion          *string              `json:"os_version,omitzero"`
	VirtualizationType *string              `json:"virtualization_type,omitzero"`
	LinuxBlockCheck    *string              `json:"linux_block_check,omitzero"`
	Firmware           *string              `json:"firmware,omitzero"`
	CPUQuantity        *int64               `json:"cpu_quantity,omitzero"`
	Memory             *int64               `json:"memory,omitzero"`
	Disks              []PutServerDisk      `json:"disks,omitzero"`
	BtrfsList          []PutBtrfsFileSystem `json:"btrfs_list,omitzero"`
	Networks           []PutNetwork         `json:"networks,omitzero"`
	DomainID           *string              `json:"domain_id,omitzero"`
	HasRsync           *bool                `json:"has_rsync,omitzero"`
	Paravirtualization *bool                `json:"paravirtualization,omitzero"`
	RawDevices         *string              `json:"raw_devices,omitzero"`
	DriverFiles        *bool                `json:"driver_files,omitzero"`
	SystemServices     *bool                `json:"system_services,omitzero"`
	AccountRights      *bool                `json:"account_rights,omitzero"`
	BootLoader         *string              `json:"boot_loader,omitzero"`
	SystemDir          *string              `json:"system_dir,omitzero"`
	VolumeGroups       []PutVolumeGroup     `json:"volume_groups,omitzero"`
	AgentVersion       string               `json:"agent_version"`
	KernelVersion      *string              `json:"kernel_version,omitzero"`
	MigrationCycle     *string              `json:"migration_cycle,omitzero"`
	State              *string              `json:"state,omitzero"`
	OEMSystem          *bool                `json:"oem_system,omitzero"`
	StartType          *string              `json:"start_type,omitzero"`
}

// PutServerDisk is the seed's ServerDisk.
type PutServerDisk struct {
	Name            string                           `json:"name"`
	PartitionStyle  *string                          `json:"partition_style,omitzero"`
	DeviceUse       string                           `json:"device_use"`
	Size            int64                            `json:"size"`
	UsedSize        int64                            `json:"used_size"`
	PhysicalVolumes MandatoryList[PutPhysicalVolume] `json:"physical_volumes"`
	OSDisk          *bool                            `json:"os_disk,omitzero"`
	RelationName    *string                          `json:"relation_name,omitzero"`
	InodeSize       *int64                           `json:"inode_size,omitzero"`
}

// PutPhysicalVolume is the seed's PhysicalVolume.
type PutPhysicalVolume struct {
	DeviceUse      *string `json:"device_use,omitzero"`
	FileSystem     *string `json:"file_system,omitzero"`
	Index          *int64  `json:"index,omitzero"`
	MountPoint     *string `json:"mount_point,omitzero"`
	Name           *string `json:"name,omitzero"`
	Size           *int64  `json:"size,omitzero"`
	UsedSize       *int64  `json:"used_size,omitzero"`
	InodeSize      *int64  `json:"inode_size,omitzero"`
	UUID           *string `json:"uuid,omitzero"`
	SizePerCluster *int64  `json:"size_per_cluster,omitzero"`
}

// PutBtrfsFileSystem is BtrfsFileSystem: every child mandatory in the seed, optional
// today.
type PutBtrfsFileSystem struct {
	Name                   *string             `json:"name,omitzero"`
	Label                  *string             `json:"label,omitzero"`
	UUID                   *string             `json:"uuid,omitzero"`
	Device                 *string             `json:"device,omitzero"`
	Size                   *int64              `json:"size,omitzero"`
	Nodesize               *int64              `json:"nodesize,omitzero"`
	Sectorsize             *int64              `json:"sectorsize,omitzero"`
	DataProfile            *string             `json:"data_profile,omitzero"`
	SystemProfile          *string             `json:"system_profile,omitzero"`
	MetadataProfile        *string             `json:"metadata_profile,omitzero"`
	GlobalReserve1         *string             `json:"global_reserve1,omitzero"`
	GVolUsedSize           *int64              `json:"g_vol_used_size,omitzero"`
	DefaultSubvolID        *string             `json:"default_subvolid,omitzero"`
	DefaultSubvolName      *string             `json:"default_subvol_name,omitzero"`
	DefaultSubvolMountpath *string             `json:"default_subvol_mountpath,omitzero"`
	Subvolumn              []PutBtrfsSubvolumn `json:"subvolumn,omitzero"`
}

// PutBtrfsSubvolumn is BtrfsSubvolumn: every child mandatory in the seed, optional today.
type PutBtrfsSubvolumn struct {
	UUID            *string `json:"uuid,omitzero"`
	IsSnapshot      *string `json:"is_snapshot,omitzero"`
	SubvolID        *string `json:"subvol_id,omitzero"`
	ParentID        *string `json:"parent_id,omitzero"`
	SubvolName      *string `json:"subvol_name,omitzero"`
	SubvolMountPath *string `json:"subvol_mount_path,omitzero"`
}

// PutNetwork is NetWork: name, ip, netmask and gateway are mandatory in the seed and
// optional today; mac is mandatory in both.
type PutNetwork struct {
	Name    *string `json:"name,omitzero"`
	IP      *string `json:"ip,omitzero"`
	Netmask *string `json:"netmask,omitzero"`
	Gateway *string `json:"gateway,omitzero"`
	MTU     *int64  `json:"mtu,omitzero"`
	MAC     string  `json:"mac"`
	ID      *string `json:"id,omitzero"`
}

// PutVolumeGroup is the seed's VolumeGroups.
type PutVolumeGroup = PutVolumeGroupOf[PutLogicalVolume]

// PutVolumeGroupOf is VolumeGroups with logical volumes of type LV: the seed's, or a
// target server's, which take today's inode_nums.
type PutVolumeGroupOf[LV any] struct {
	Components     *string `json:"components,omitzero"`
	FreeSize       *int64  `json:"free_size,omitzero"`
	LogicalVolumes []LV    `json:"logical_volumes,omitzero"`
	Name           *string `json:"name,omitzero"`
	Size           *int64  `json:"size,omitzero"`
}

// PutLogicalVolume is LogicalVolumes: file_system, inode_size, mount_point, name, size,
// used_size and free_size are mandatory in the seed and optional today.
type PutLogicalVolume struct {
	BlockCount *int64  `json:"block_count,omitzero"`
	BlockSize  *int64  `json:"block_size,omitzero"`
	FileSystem *string `json:"file_system,omitzero"`
	InodeSize  *int64  `json:"inode_size,omitzero"`
	DeviceUse  *string `json:"device_use,omitzero"`
	MountPoint *string `json:"mount_point,omitzero"`
	Name       *string `json:"name,omitzero"`
	Size       *int64  `json:"size,omitzero"`
	UsedSize   *int64  `json:"used_size,omitzero"`
	FreeSize   *int64  `json:"free_size,omitzero"`
}

// PutTargetServer is the seed's TargetServer.
type PutTargetServer struct {
	ID                   *string                      `json:"id,omitzero"`
	IP                   string                       `json:"ip"`
	Name                 *string                      `json:"name,omitzero"`
	Hostname             *string                      `json:"hostname,omitzero"`
	OSType               string                       `json:"os_type"`
	OSVersion            *string                      `json:"os_version,omitzero"`
	Firmware             *string                      `json:"firmware,omitzero"`
	CPUQuantity          *int64                       `json:"cpu_quantity,omitzero"`
	Memory               *int64                       `json:"memory,omitzero"`
	Disks                MandatoryList[PutTargetDisk] `json:"disks"`
	BtrfsList            PutTargetBtrfsList           `json:"btrfs_list,omitzero"`
	Networks             []PutTargetNetwork           `json:"networks,omitzero"`
	DomainID             *string                      `json:"domain_id,omitzero"`
	HasRsync             *bool                        `json:"has_rsync,omitzero"`
	Paravirtualization   *bool                        `json:"paravirtualization,omitzero"`
	RawDevices           *string                      `json:"raw_devices,omitzero"`
	DriverFiles          *bool                        `json:"driver_files,omitzero"`
	SystemServices       *bool                        `json:"system_services,omitzero"`
	AccountRights        *bool                        `json:"account_rights,omitzero"`
	BootLoader           *string                      `json:"boot_loader,omitzero"`
	SystemDir            *string                      `json:"system_dir,omitzero"`
	VolumeGroups         []PutTargetVolumeGroup       `json:"volume_groups,omitzero"`
	VMID                 *string                      `json:"vm_id,omitzero"`
	Flavor               *string                      `json:"flavor,omitzero"`
	ImageDiskID          *string                      `json:"image_disk_id,omitzero"`
	SnapshotIDs          *string                      `json:"snapshot_ids,omitzero"`
	CutoveredSnapshotIDs *string                      `json:"cutovered_snapshot_ids,omitzero"`
}

// PutTargetNetwork is a target NIC: NetWork and today's ipv6 (sent under api_model
// "current" only; the seed model refuses it at plan time).
type PutTargetNetwork struct {
	PutNetwork
	IPv6 *string `json:"ipv6,omitzero"`
}

// PutTargetVolumeGroup is a target volume group, whose logical volumes take today's
// inode_nums.
type PutTargetVolumeGroup = PutVolumeGroupOf[PutTargetLogicalVolume]

// PutTargetLogicalVolume is a target logical volume: LogicalVolumes and today's
// inode_nums (sent under api_model "current" only).
type PutTargetLogicalVolume struct {
	PutLogicalVolume
	InodeNums *int64 `json:"inode_nums,omitzero"`
}

// PutTargetBtrfsList is target_server.btrfs_list: the seed's body holds the file systems'
// names; today's holds BtrfsFileSystem objects, every child optional. Nil Names and nil
// FileSystems leave the key out.
type PutTargetBtrfsList struct {
	// Names are sent as strings, or, with AsObjects, as objects holding only a name.
	Names     []string
	AsObjects bool
	// FileSystems, when not nil, are sent instead of Names.
	FileSystems []PutBtrfsFileSystem
}

// IsZero is true when there is no btrfs_list to send (omitzero).
func (l PutTargetBtrfsList) IsZero() bool {
	return l.Names == nil && l.FileSystems == nil
}

// MarshalJSON sends the list in the shape chosen.
func (l PutTargetBtrfsList) MarshalJSON() ([]byte, error) {
	switch {
	case l.FileSystems != nil:
		return encodeBody(l.FileSystems)
	case l.AsObjects:
		type named struct {
			Name string `json:"name"`
		}
		objects := make([]named, 0, len(l.Names))
		for _, name := range l.Names {
			objects = append(objects, named{Name: name})
		}
		return encodeBody(objects)
	default:
		return encodeBody(l.Names)
	}
}

// UnmarshalJSON takes an array of names (as Names) or of file systems (as FileSystems);
// null leaves the list unset.
func (l *PutTargetBtrfsList) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		return nil
	}
	var names []string
	if err := json.Unmarshal(data, &names); err == nil {
		*l = PutTargetBtrfsList{Names: names}
		return nil
	}
	var systems []PutBtrfsFileSystem
	if err := json.Unmarshal(data, &systems); err != nil {
		return err
	}
	*l = PutTargetBtrfsList{FileSystems: systems}
	return nil
}

// PutTargetDisk is the seed's TargetDisk.
type PutTargetDisk struct {
	ID              *int64                    `json:"id,omitzero"`
	DeviceUse       *string                   `json:"device_use,omitzero"`
	DiskID          *string                   `json:"disk_id,omitzero"`
	Name            *string                   `json:"name,omitzero"`
	PhysicalVolumes []PutTargetPhysicalVolume `json:"physical_volumes,omitzero"`
	Size            *int64                    `json:"size,omitzero"`
	UsedSize        *int64                    `json:"used_size,omitzero"`
	DiskIndex       *string                   `json:"disk_index,omitzero"`
	OSDisk          *bool                     `json:"os_disk,omitzero"`
	PartitionStyle  *string                   `json:"partition_style,omitzero"`
	RelationName    *string                   `json:"relation_name,omitzero"`
}

// PutTargetPhysicalVolume is the seed's TargetPhysicalVolumes.
type PutTargetPhysicalVolume struct {
	ID           *int64  `json:"id,omitzero"`
	DeviceUse    *string `json:"device_use,omitzero"`
	FileSystem   *string `json:"file_system,omitzero"`
	Index        *int64  `json:"index,omitzero"`
	MountPoint   *string `json:"mount_point,omitzero"`
	Name         *string `json:"name,omitzero"`
	Size         *int64  `json:"size,omitzero"`
	UsedSize     *int64  `json:"used_size,omitzero"`
	UUID         *string `json:"uuid,omitzero"`
	RelationName *string `json:"relation_name,omitzero"`
	FreeSize     *int64  `json:"free_size,omitzero"`
}

// PutCloneServer is the seed's CloneServer.
type PutCloneServer struct {
	VMID       *string `json:"vm_id,omitzero"`
	Name       *string `json:"name,omitzero"`
	CloneError *string `json:"clone_error,omitzero"`
	CloneState *string `json:"clone_state,omitzero"`
	ErrorMsg   *string `json:"error_msg,omitzero"`
}
