package sourceserver

import (
	"github.com/sms-migration/terraform-provider-sms/internal/framework/dsschema"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The attributes of the source-server data sources, named as the SMS API names them
// (ShowServer, ListServers), so init_target_server matches the task's target_server.

// sourceServerSummaryAttributes are what ListServers and ShowServer both return.
func sourceServerSummaryAttributes() map[string]dschema.Attribute {
	return map[string]dschema.Attribute{
		"ip":                    dsschema.ComputedString("The IP address of the source server."),
		"enterprise_project_id": dsschema.ComputedString("The enterprise project ID of the source server (`0` is the default enterprise project)."),
		"add_date":              dsschema.ComputedInt64("When the source server was registered, in epoch milliseconds."),
		"os_type":               dsschema.ComputedString("The OS type: `WINDOWS` or `LINUX`."),
		"os_version":            dsschema.ComputedString("The OS version, e.g. `CENTOS7_64BIT`."),
		"oem_system":            dsschema.ComputedBool("Whether the OS is an OEM Windows."),
		"state": dsschema.ComputedString("The source server's state, e.g. `waiting`, `replicate`, `syncing`, `finished`, " +
			"`unavailable` (its environment check failed) or `error`."),
		"connected":       dsschema.ComputedBool("Whether the source server's Agent is connected to SMS."),
		"cpu_quantity":    dsschema.ComputedInt64("The number of CPU cores."),
		"memory":          dsschema.ComputedInt64("The memory size, in MB."),
		"migration_cycle": dsschema.ComputedString("The migration cycle: `checking`, `setting`, `replicating`, `syncing`, `cutovering` or `cutovered`."),
		"agent_version":   dsschema.ComputedString("The version of the SMS Agent on the source server."),
		"has_tc":          dsschema.ComputedBool("Whether `tc` (traffic control) is installed (Linux)."),
		"start_type":      dsschema.ComputedString("How migrations of the source are started: `MANUAL`, `AUTO`, or empty; anything but `MANUAL` means started from MgC."),
		"current_task": dsschema.ComputedObject("The migration task bound to the source server, if any.", map[string]dschema.Attribute{
			"id":    dsschema.ComputedString("The task ID."),
			"name":  dsschema.ComputedString("The task name."),
			"type":  dsschema.ComputedString("The task type: `MIGRATE_FILE` or `MIGRATE_BLOCK`."),
			"state": dsschema.ComputedString("The task state."),
		}),
		"init_target_server": dsschema.ComputedObject("The target layout SMS recommends for this source: its disks (with partitions) "+
			"and LVM volume groups. The attribute names and nesting are those of the `sms_migration_task` resource's "+
			"`target_server`, so it can be assigned to it directly, e.g. "+
			"`target_server = merge(data.sms_source_server.web.init_target_server, { name = \"web-01\" })`.",
			InitTargetServerAttributes()),
	}
}

// initTargetServerAttributes is InitTargetServer: a subset of the task's target_server.
func InitTargetServerAttributes() map[string]dschema.Attribute {
	return map[string]dschema.Attribute{
		"disks": dsschema.ComputedList("The recommended target disks.", map[string]dschema.Attribute{
			"name":       dsschema.ComputedString("The disk name."),
			"size":       dsschema.ComputedInt64("The disk size, in bytes."),
			"device_use": dsschema.ComputedString("The disk's role: `BOOT`, `OS` or `NORMAL`."),
			"used_size":  dsschema.ComputedInt64("The used space, in bytes."),
			"physical_volumes": dsschema.ComputedList("The partitions of the disk.", map[string]dschema.Attribute{
				"device_use":  dsschema.ComputedString("The partition's role, e.g. `BOOT`, `OS` or `NORMAL`."),
				"file_system": dsschema.ComputedString("The file system, e.g. `NTFS` or `xfs`."),
				"index":       dsschema.ComputedInt64("The partition's serial number."),
				"mount_point": dsschema.ComputedString("The mount point."),
				"name":        dsschema.ComputedString("The partition name: the drive letter on Windows, the device on Linux."),
				"size":        dsschema.ComputedInt64("The partition size, in bytes."),
				"used_size":   dsschema.ComputedInt64("The used space, in bytes."),
				"uuid":        dsschema.ComputedString("The partition's UUID (GUID on Windows)."),
			}),
		}),
		"volume_groups": dsschema.ComputedList("The recommended LVM volume groups (Linux; empty when there are none).", volumeGroupDataAttributes()),
	}
}

func volumeGroupDataAttributes() map[string]dschema.Attribute {
	return map[string]dschema.Attribute{
		"components": dsschema.ComputedString("The physical volumes of the group."),
		"free_size":  dsschema.ComputedInt64("The free space, in bytes."),
		"name":       dsschema.ComputedString("The volume group name."),
		"size":       dsschema.ComputedInt64("The volume group size, in bytes."),
		"logical_volumes": dsschema.ComputedList("The logical volumes of the group.", map[string]dschema.Attribute{
			"block_count": dsschema.ComputedInt64("The number of blocks."),
			"block_size":  dsschema.ComputedInt64("The block size, in bytes."),
			"file_system": dsschema.ComputedString("The file system."),
			"inode_size":  dsschema.ComputedInt64("The inode size."),
			"device_use":  dsschema.ComputedString("The logical volume's role, e.g. `OS` or `NORMAL`."),
			"mount_point": dsschema.ComputedString("The mount point."),
			"name":        dsschema.ComputedString("The logical volume name."),
			"size":        dsschema.ComputedInt64("The size, in bytes."),
			"used_size":   dsschema.ComputedInt64("The used space, in bytes."),
			"free_size":   dsschema.ComputedInt64("The free space, in bytes."),
		}),
	}
}

// sourceServerDetailAttributes are ShowServer's attributes beyond the summary.
func sourceServerDetailAttributes() map[string]dschema.Attribute {
	attrs := sourceServerSummaryAttributes()
	more := map[string]dschema.Attribute{
		"hostname":    dsschema.ComputedString("The host name of the source server."),
		"firmware":    dsschema.ComputedString("The boot mode: `BIOS` or `UEFI`."),
		"boot_loader": dsschema.ComputedString("The boot loader (Linux), e.g. `GRUB`; null when SMS does not report it."),
		"disks": dsschema.ComputedList("The disks of the source server.", map[string]dschema.Attribute{
			"name":            dsschema.ComputedString("The disk name."),
			"partition_style": dsschema.ComputedString("The partition style, usually `MBR` or `GPT`."),
			"device_use":      dsschema.ComputedString("The disk's role, usually `NORMAL`, `OS`, `BOOT`, `VOLUME_GROUP` or `BTRFS`."),
			"size":            dsschema.ComputedInt64("The disk size, in bytes."),
			"used_size":       dsschema.ComputedInt64("The used space, in bytes."),
			"os_disk":         dsschema.ComputedBool("Whether this is the system disk."),
			"relation_name":   dsschema.ComputedString("The paired disk on the target (Linux)."),
			"inode_size":      dsschema.ComputedInt64("The inode size."),
			"physical_volumes": dsschema.ComputedList("The partitions (volumes) of the disk.", map[string]dschema.Attribute{
				"device_use":       dsschema.ComputedString("The partition's role."),
				"file_system":      dsschema.ComputedString("The file system."),
				"index":            dsschema.ComputedInt64("The partition's serial number."),
				"mount_point":      dsschema.ComputedString("The mount point."),
				"name":             dsschema.ComputedString("The drive letter on Windows, the device on Linux."),
				"size":             dsschema.ComputedInt64("The size, in bytes."),
				"used_size":        dsschema.ComputedInt64("The used space, in bytes."),
				"inode_size":       dsschema.ComputedInt64("The inode size."),
				"uuid":             dsschema.ComputedString("The UUID (GUID on Windows)."),
				"size_per_cluster": dsschema.ComputedInt64("The cluster size, in bytes (Windows)."),
			}),
		}),
		"volume_groups": dsschema.ComputedList("The LVM volume groups (Linux; empty when there are none).", volumeGroupDataAttributes()),
		"btrfs_list": dsschema.ComputedList("The Btrfs file systems (Linux; empty when there are none).", map[string]dschema.Attribute{
			"name":                     dsschema.ComputedString("The file system name."),
			"label":                    dsschema.ComputedString("The label (empty when there is none)."),
			"uuid":                     dsschema.ComputedString("The UUID."),
			"device":                   dsschema.ComputedString("The device."),
			"size":                     dsschema.ComputedInt64("The size, in bytes."),
			"nodesize":                 dsschema.ComputedInt64("The node size, in bytes."),
			"sectorsize":               dsschema.ComputedInt64("The sector size, in bytes."),
			"data_profile":             dsschema.ComputedString("The data profile (RAID level)."),
			"system_profile":           dsschema.ComputedString("The system profile (RAID level)."),
			"metadata_profile":         dsschema.ComputedString("The metadata profile (RAID level)."),
			"global_reserve1":          dsschema.ComputedString("The global reserve."),
			"g_vol_used_size":          dsschema.ComputedInt64("The used space, in bytes."),
			"default_subvolid":         dsschema.ComputedString("The ID of the default subvolume."),
			"default_subvol_name":      dsschema.ComputedString("The name of the default subvolume."),
			"default_subvol_mountpath": dsschema.ComputedString("The mount path of the default subvolume."),
			"subvolumn": dsschema.ComputedList("The subvolumes (the API's spelling).", map[string]dschema.Attribute{
				"uuid":              dsschema.ComputedString("The UUID of the parent file system."),
				"is_snapshot":       dsschema.ComputedString("Whether the subvolume is a snapshot."),
				"subvol_id":         dsschema.ComputedString("The subvolume ID."),
				"parent_id":         dsschema.ComputedString("The parent subvolume ID."),
				"subvol_name":       dsschema.ComputedString("The subvolume name."),
				"subvol_mount_path": dsschema.ComputedString("The subvolume's mount path."),
			}),
		}),
		"networks": dsschema.ComputedList("The NICs of the source server.", map[string]dschema.Attribute{
			"name":    dsschema.ComputedString("The NIC name."),
			"ip":      dsschema.ComputedString("The IPv4 address."),
			"ipv6":    dsschema.ComputedString("The IPv6 address."),
			"netmask": dsschema.ComputedString("The subnet mask."),
			"gateway": dsschema.ComputedString("The gateway."),
			"mtu":     dsschema.ComputedInt64("The MTU."),
			"mac":     dsschema.ComputedString("The MAC address."),
			"id":      dsschema.ComputedString("The NIC's ID in SMS."),
		}),
		"checks": dsschema.ComputedList("The results of the environment checks.", map[string]dschema.Attribute{
			"id":            dsschema.ComputedInt64("The check ID."),
			"name":          dsschema.ComputedString("The check name."),
			"result":        dsschema.ComputedString("The result: `OK`, `WARN` or `ERROR`."),
			"params":        dschema.ListAttribute{MarkdownDescription: "The check's parameters.", Computed: true, ElementType: types.StringType},
			"error_code":    dsschema.ComputedString("The error code of a failed check."),
			"error_or_warn": dsschema.ComputedString("The error or warning."),
			"error_params":  dsschema.ComputedString("The parameters of the error."),
		}),
	}
	for name, a := range more {
		attrs[name] = a
	}
	return attrs
}
