package provider

import (
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The attributes of the source-server data sources, named as the SMS API names them
// (ShowServer, ListServers), so init_target_server matches the task's target_server.

// sourceServerSummaryAttributes are what ListServers and ShowServer both return.
func sourceServerSummaryAttributes() map[string]dschema.Attribute {
	return map[string]dschema.Attribute{
		"ip":                    computedString("The IP address of the source server."),
		"enterprise_project_id": computedString("The enterprise project ID of the source server (`0` is the default enterprise project)."),
		"add_date":              computedInt64("When the source server was registered, in epoch milliseconds."),
		"os_type":               computedString("The OS type: `WINDOWS` or `LINUX`."),
		"os_version":            computedString("The OS version, e.g. `CENTOS7_64BIT`."),
		"oem_system":            computedBool("Whether the OS is an OEM Windows."),
		"state": computedString("The source server's state, e.g. `waiting`, `replicate`, `syncing`, `finished`, " +
			"`unavailable` (its environment check failed) or `error`."),
		"connected":       computedBool("Whether the source server's Agent is connected to SMS."),
		"cpu_quantity":    computedInt64("The number of CPU cores."),
		"memory":          computedInt64("The memory size, in MB."),
		"migration_cycle": computedString("The migration cycle: `checking`, `setting`, `replicating`, `syncing`, `cutovering` or `cutovered`."),
		"agent_version":   computedString("The version of the SMS Agent on the source server."),
		"has_tc":          computedBool("Whether `tc` (traffic control) is installed (Linux)."),
		"start_type":      computedString("How migrations of the source are started: `MANUAL`, `AUTO`, or empty; anything but `MANUAL` means started from MgC."),
		"current_task": computedObject("The migration task bound to the source server, if any.", map[string]dschema.Attribute{
			"id":    computedString("The task ID."),
			"name":  computedString("The task name."),
			"type":  computedString("The task type: `MIGRATE_FILE` or `MIGRATE_BLOCK`."),
			"state": computedString("The task state."),
		}),
		"init_target_server": computedObject("The target layout SMS recommends for this source: its disks (with partitions) "+
			"and LVM volume groups. The attribute names and nesting are those of the `sms_migration_task` resource's "+
			"`target_server`, so it can be assigned to it directly, e.g. "+
			"`target_server = merge(data.sms_source_server.web.init_target_server, { name = \"web-01\" })`.",
			initTargetServerAttributes()),
	}
}

// initTargetServerAttributes is InitTargetServer: a subset of the task's target_server.
func initTargetServerAttributes() map[string]dschema.Attribute {
	return map[string]dschema.Attribute{
		"disks": computedList("The recommended target disks.", map[string]dschema.Attribute{
			"name":       computedString("The disk name."),
			"size":       computedInt64("The disk size, in bytes."),
			"device_use": computedString("The disk's role: `BOOT`, `OS` or `NORMAL`."),
			"used_size":  computedInt64("The used space, in bytes."),
			"physical_volumes": computedList("The partitions of the disk.", map[string]dschema.Attribute{
				"device_use":  computedString("The partition's role, e.g. `BOOT`, `OS` or `NORMAL`."),
				"file_system": computedString("The file system, e.g. `NTFS` or `xfs`."),
				"index":       computedInt64("The partition's serial number."),
				"mount_point": computedString("The mount point."),
				"name":        computedString("The partition name: the drive letter on Windows, the device on Linux."),
				"size":        computedInt64("The partition size, in bytes."),
				"used_size":   computedInt64("The used space, in bytes."),
				"uuid":        computedString("The partition's UUID (GUID on Windows)."),
			}),
		}),
		"volume_groups": computedList("The recommended LVM volume groups (Linux; empty when there are none).", volumeGroupDataAttributes()),
	}
}

func volumeGroupDataAttributes() map[string]dschema.Attribute {
	return map[string]dschema.Attribute{
		"components": computedString("The physical volumes of the group."),
		"free_size":  computedInt64("The free space, in bytes."),
		"name":       computedString("The volume group name."),
		"size":       computedInt64("The volume group size, in bytes."),
		"logical_volumes": computedList("The logical volumes of the group.", map[string]dschema.Attribute{
			"block_count": computedInt64("The number of blocks."),
			"block_size":  computedInt64("The block size, in bytes."),
			"file_system": computedString("The file system."),
			"inode_size":  computedInt64("The inode size."),
			"device_use":  computedString("The logical volume's role, e.g. `OS` or `NORMAL`."),
			"mount_point": computedString("The mount point."),
			"name":        computedString("The logical volume name."),
			"size":        computedInt64("The size, in bytes."),
			"used_size":   computedInt64("The used space, in bytes."),
			"free_size":   computedInt64("The free space, in bytes."),
		}),
	}
}

// sourceServerDetailAttributes are ShowServer's attributes beyond the summary.
func sourceServerDetailAttributes() map[string]dschema.Attribute {
	attrs := sourceServerSummaryAttributes()
	more := map[string]dschema.Attribute{
		"hostname":    computedString("The host name of the source server."),
		"firmware":    computedString("The boot mode: `BIOS` or `UEFI`."),
		"boot_loader": computedString("The boot loader (Linux), e.g. `GRUB`; null when SMS does not report it."),
		"disks": computedList("The disks of the source server.", map[string]dschema.Attribute{
			"name":            computedString("The disk name."),
			"partition_style": computedString("The partition style, usually `MBR` or `GPT`."),
			"device_use":      computedString("The disk's role, usually `NORMAL`, `OS`, `BOOT`, `VOLUME_GROUP` or `BTRFS`."),
			"size":            computedInt64("The disk size, in bytes."),
			"used_size":       computedInt64("The used space, in bytes."),
			"os_disk":         computedBool("Whether this is the system disk."),
			"relation_name":   computedString("The paired disk on the target (Linux)."),
			"inode_size":      computedInt64("The inode size."),
			"physical_volumes": computedList("The partitions (volumes) of the disk.", map[string]dschema.Attribute{
				"device_use":       computedString("The partition's role."),
				"file_system":      computedString("The file system."),
				"index":            computedInt64("The partition's serial number."),
				"mount_point":      computedString("The mount point."),
				"name":             computedString("The drive letter on Windows, the device on Linux."),
				"size":             computedInt64("The size, in bytes."),
				"used_size":        computedInt64("The used space, in bytes."),
				"inode_size":       computedInt64("The inode size."),
				"uuid":             computedString("The UUID (GUID on Windows)."),
				"size_per_cluster": computedInt64("The cluster size, in bytes (Windows)."),
			}),
		}),
		"volume_groups": computedList("The LVM volume groups (Linux; empty when there are none).", volumeGroupDataAttributes()),
		"btrfs_list": computedList("The Btrfs file systems (Linux; empty when there are none).", map[string]dschema.Attribute{
			"name":                     computedString("The file system name."),
			"label":                    computedString("The label (empty when there is none)."),
			"uuid":                     computedString("The UUID."),
			"device":                   computedString("The device."),
			"size":                     computedInt64("The size, in bytes."),
			"nodesize":                 computedInt64("The node size, in bytes."),
			"sectorsize":               computedInt64("The sector size, in bytes."),
			"data_profile":             computedString("The data profile (RAID level)."),
			"system_profile":           computedString("The system profile (RAID level)."),
			"metadata_profile":         computedString("The metadata profile (RAID level)."),
			"global_reserve1":          computedString("The global reserve."),
			"g_vol_used_size":          computedInt64("The used space, in bytes."),
			"default_subvolid":         computedString("The ID of the default subvolume."),
			"default_subvol_name":      computedString("The name of the default subvolume."),
			"default_subvol_mountpath": computedString("The mount path of the default subvolume."),
			"subvolumn": computedList("The subvolumes (the API's spelling).", map[string]dschema.Attribute{
				"uuid":              computedString("The UUID of the parent file system."),
				"is_snapshot":       computedString("Whether the subvolume is a snapshot."),
				"subvol_id":         computedString("The subvolume ID."),
				"parent_id":         computedString("The parent subvolume ID."),
				"subvol_name":       computedString("The subvolume name."),
				"subvol_mount_path": computedString("The subvolume's mount path."),
			}),
		}),
		"networks": computedList("The NICs of the source server.", map[string]dschema.Attribute{
			"name":    computedString("The NIC name."),
			"ip":      computedString("The IPv4 address."),
			"ipv6":    computedString("The IPv6 address."),
			"netmask": computedString("The subnet mask."),
			"gateway": computedString("The gateway."),
			"mtu":     computedInt64("The MTU."),
			"mac":     computedString("The MAC address."),
			"id":      computedString("The NIC's ID in SMS."),
		}),
		"checks": computedList("The results of the environment checks.", map[string]dschema.Attribute{
			"id":            computedInt64("The check ID."),
			"name":          computedString("The check name."),
			"result":        computedString("The result: `OK`, `WARN` or `ERROR`."),
			"params":        dschema.ListAttribute{MarkdownDescription: "The check's parameters.", Computed: true, ElementType: types.StringType},
			"error_code":    computedString("The error code of a failed check."),
			"error_or_warn": computedString("The error or warning."),
			"error_params":  computedString("The parameters of the error."),
		}),
	}
	for name, a := range more {
		attrs[name] = a
	}
	return attrs
}
