package emulator

import "math"

// The PUT /v3/tasks/{task_id} body (the seed's PutTaskReq) and its 13 nested object types,
// transcribed table by table from the seed document
// (internal/testcheck/testdata/seed/update-migration-task.txt): every type, range,
// length, enum, array size and "Mandatory: Yes". Where the seed's own example request sends
// null for a mandatory key (target_server.ip), null is allowed.

const (
	maxArray = 65535 // "Array length: 0 to 65,535"
	maxInode = 4294967296
	maxInt32 = math.MaxInt32
)

var (
	osTypes        = []string{"WINDOWS", "LINUX"}
	taskTypes      = []string{"MIGRATE_FILE", "MIGRATE_BLOCK"}
	firmwares      = []string{"BIOS", "UEFI"}
	bootLoaders    = []string{"GRUB", "LILO"}
	partitionTypes = []string{"MBR", "GPT"}
	targetDiskUses = []string{"NORMAL", "OS", "BOOT"}
)

// s255 is the seed's most common string: 0 to 255 characters.
func s255(name string) field { return str(name, 0, 255) }

var physicalVolumeFields = []field{
	s255("device_use"),
	s255("file_system"),
	integer("index", 0, maxInt32),
	s255("mount_point"),
	s255("name"),
	long("size"),
	long("used_size"),
	integer("inode_size", 0, maxInode),
	s255("uuid"),
	integer("size_per_cluster", 0, maxInt32),
}

var serverDiskFields = []field{
	s255("name").required(),
	str("partition_style", 0, 255).oneOf(partitionTypes...),
	str("device_use", 0, 255).oneOf("BOOT", "OS").required(),
	long("size").required(),
	long("used_size").required(),
	array("physical_volumes", maxArray, object("", physicalVolumeFields...)).required(),
	boolean("os_disk"),
	s255("relation_name"),
	integer("inode_size", 0, maxInode),
}

var btrfsSubvolumnFields = []field{
	s255("uuid").required(),
	s255("is_snapshot").required(),
	s255("subvol_id").required(),
	s255("parent_id").required(),
	s255("subvol_name").required(),
	s255("subvol_mount_path").required(),
}

var btrfsFileSystemFields = []field{
	s255("name").required(),
	s255("label").required(),
	s255("uuid").required(),
	s255("device").required(),
	long("size").required(),
	long("nodesize").required(),
	integer("sectorsize", 0, maxInt32).required(),
	s255("data_profile").required(),
	s255("system_profile").required(),
	s255("metadata_profile").required(),
	s255("global_reserve1").required(),
	long("g_vol_used_size").required(),
	s255("default_subvolid").required(),
	s255("default_subvol_name").required(),
	s255("default_subvol_mountpath").required(),
	array("subvolumn", maxArray, object("", btrfsSubvolumnFields...)).required(),
}

var networkFields = []field{
	s255("name").required(),
	s255("ip").required(),
	s255("netmask").required(),
	s255("gateway").required(),
	integer("mtu", 0, maxInt32),
	s255("mac").required(),
	s255("id"),
}

// LogicalVolumes' block_count and inode_size, and VolumeGroups' logical_volumes: today's
// bounds are tighter, so both models' are in taskLimits.
var logicalVolumeFields = []field{
	limited(kindInteger, "block_count"),
	integer("block_size", 0, 1048576),
	s255("file_system").required(),
	limited(kindInteger, "inode_size").required(),
	s255("device_use"),
	str("mount_point", 0, 256).required(),
	str("name", 0, 1024).required(),
	long("size").required(),
	long("used_size").required(),
	long("free_size").required(),
}

var volumeGroupFields = []field{
	s255("components"),
	long("free_size"),
	limitedArray("logical_volumes", object("", logicalVolumeFields...)),
	s255("name"),
	long("size"),
}

var sourceServerFields = []field{
	s255("id"),
	s255("ip").required(),
	s255("name").required(),
	s255("hostname"),
	s255("os_type").oneOf(osTypes...).required(),
	s255("os_version"),
	s255("virtualization_type"),
	s255("linux_block_check"),
	s255("firmware").oneOf(firmwares...),
	integer("cpu_quantity", 0, 65535),
	long("memory"),
	array("disks", maxArray, object("", serverDiskFields...)),
	array("btrfs_list", maxArray, object("", btrfsFileSystemFields...)),
	array("networks", maxArray, object("", networkFields...)),
	s255("domain_id"),
	boolean("has_rsync"),
	boolean("paravirtualization"),
	s255("raw_devices"),
	boolean("driver_files"),
	boolean("system_services"),
	boolean("account_rights"),
	str("boot_loader", 0, 255).oneOf(bootLoaders...),
	s255("system_dir"),
	array("volume_groups", maxArray, object("", volumeGroupFields...)),
	s255("agent_version").required(),
	s255("kernel_version"),
	str("migration_cycle", 0, 255).oneOf("cutovering", "cutovered", "checking", "setting", "replicating", "syncing"),
	s255("state").oneOf("unavailable", "waiting", "initialize", "replicate", "syncing", "stopping",
		"stopped", "deleting", "error", "cloning", "cutovering", "finished"),
	boolean("oem_system"),
	// The seed allows MANUAL, MGC "or an empty string".
	str("start_type", 0, 255).oneOf("MANUAL", "MGC", ""),
}

var targetPhysicalVolumeFields = []field{
	long("id"),
	str("device_use", 0, 255).oneOf(targetDiskUses...),
	s255("file_system"),
	integer("index", 0, maxInt32),
	s255("mount_point"),
	s255("name"),
	long("size"),
	long("used_size"),
	s255("uuid"),
	s255("relation_name"),
	long("free_size"),
}

var targetDiskFields = []field{
	long("id"),
	str("device_use", 0, 255).oneOf(targetDiskUses...),
	s255("disk_id"),
	s255("name"),
	array("physical_volumes", maxArray, object("", targetPhysicalVolumeFields...)),
	long("size"),
	long("used_size"),
	s255("disk_index"),
	boolean("os_disk"),
	str("partition_style", 0, 255).oneOf(partitionTypes...),
	s255("relation_name"),
}

var targetServerFields = []field{
	s255("id"),
	s255("ip").requiredNullable(),
	s255("name"),
	s255("hostname"),
	s255("os_type").oneOf(osTypes...).required(),
	s255("os_version"),
	s255("firmware").oneOf(firmwares...),
	integer("cpu_quantity", 0, 65535),
	long("memory"),
	array("disks", maxArray, object("", targetDiskFields...)).required(),
	array("btrfs_list", maxArray, s255("")),
	array("networks", maxArray, object("", networkFields...)),
	s255("domain_id"),
	boolean("has_rsync"),
	boolean("paravirtualization"),
	s255("raw_devices"),
	boolean("driver_files"),
	boolean("system_services"),
	boolean("account_rights"),
	str("boot_loader", 0, 255).oneOf(bootLoaders...),
	s255("system_dir"),
	array("volume_groups", maxArray, object("", volumeGroupFields...)),
	s255("vm_id"),
	s255("flavor"),
	s255("image_disk_id"),
	s255("snapshot_ids"),
	s255("cutovered_snapshot_ids"),
}

var cloneServerFields = []field{
	s255("vm_id"),
	s255("name"),
	s255("clone_error"),
	limited(kindString, "clone_state"), // an enum today: taskLimits
	str("error_msg", 0, 1024),
}

var subTaskFields = []field{
	long("id"),
	s255("name"),
	integer("progress", 0, 100).required(),
	long("start_date"),
	long("end_date"),
	number("migrate_speed", 0, 10000),
	str("user_op", 0, 50),
	str("process_trace", 0, 2048),
}

// putTaskFields is the seed's PutTaskReq (Table 3). The bounds of the fields declared
// limited are in taskLimits, beside today's.
var putTaskFields = []field{
	limited(kindString, "name"),
	s255("type").oneOf(taskTypes...),
	str("os_type", 0, 255).oneOf(osTypes...),
	s255("id"),
	integer("priority", 0, 2),
	s255("region_id"),
	boolean("start_target_server"),
	str("enterprise_project_id", 1, 255),
	s255("migration_ip"),
	s255("region_name"),
	limited(kindInteger, "speed_limit"),
	s255("project_name"),
	s255("project_id"),
	limited(kindString, "vm_template_id"),
	object("source_server", sourceServerFields...),
	object("target_server", targetServerFields...),
	s255("state"),
	long("estimate_complete_time"),
	boolean("connected"),
	long("create_date"),
	long("start_date"),
	long("finish_date"),
	number("migrate_speed", 0, 10000),
	str("error_json", 0, 1024),
	long("total_time"),
	s255("float_ip"),
	long("remain_seconds"),
	s255("target_snapshot_id"),
	object("clone_server", cloneServerFields...),
	array("sub_tasks", maxArray, object("", subTaskFields...)),
}
