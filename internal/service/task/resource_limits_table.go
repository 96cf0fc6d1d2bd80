package task

import (
	"math"
	"regexp"
	"slices"

	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

// migrationTaskLimits are the limits of sms_migration_task's attributes that differ between
// the two task-API models (the provider's api_model), one row per attribute path with a
// column per model: the seed column is the seed's (update-migration-task.txt, and for the
// CreateTask-only attributes the API reference as the provider had it), the current column
// today's, from api/sms-v3-task-constraints-today.md, whose row each entry names. Where
// today's reference pages and the SDK disagree, the pages win and the row's note says so.
//
// This table is the one place those limits are written: the schema's validators take the
// looser bound of the two (withModelLimits, so the schema accepts what either model
// accepts), ModifyPlan applies the configured model's own (checkModelLimits), and the
// attribute's description states both (limitSentence). Bounds both models share stay in
// the schema declaration.
var migrationTaskLimits = slices.Concat(
	[]migrationTaskLimitRow{
		{path: "name", seed: chars(1, 255).matching(seedNameRule), current: chars(1, 64).matching(todayNameRule),
			doc: "UpdateTask body: name; CreateTask body: name", was: " 1 to 255 characters: Chinese characters, letters, digits, `_` and `-` only."},
		{path: "os_type", seed: required(), current: optional(),
			doc: "CreateTask body: os_type (optional today; today's update body has no os_type)"},
		{path: "priority", seed: ints(0, 2), current: ints(0, 65535),
			doc:  "CreateTask body: priority",
			note: "The CreateTask page documents an int32 from 0 to 65535; the SDK's notes and ShowTask know only 0, 1 and 2. The page is followed."},
		{path: "speed_limit", seed: ints(0, conns.MigrationTaskMaxSpeed), current: ints(0, 1000),
			doc: "UpdateTask body: speed_limit; CreateTask body: speed_limit", was: ", 0 to 10000"},
		{path: "vm_template_id", seed: chars(0, 255), current: chars(0, 100),
			doc: "UpdateTask body: vm_template_id; CreateTask body: vm_template_id, clonevm_template_id", was: " At most 255 characters."},
		{path: "clonevm_template_id", seed: chars(0, 255), current: chars(0, 100),
			doc: "CreateTask body: vm_template_id, clonevm_template_id", was: " At most 255 characters."},
		// Sent as enterprise_project under "current": "" is allowed there, the seed's
		// enterprise_project_id was 1 to 255.
		{path: "enterprise_project_id", seed: chars(1, 255), current: chars(0, 36),
			doc: "UpdateTask body: enterprise_project", was: ", 1 to 255 characters"},
		{path: "over_speed_threshold", seed: nums(0, math.Inf(1)), current: nums(10, 100),
			doc: "CreateTask body: over_speed_threshold", was: ", at least 0"},
		// Keys of today's update body only: refused under "seed" whatever their value.
		{path: "target_disk_ids", current: chars(0, 16384),
			doc: "UpdateTask body: target_disk_ids (space-separated IDs)", was: " At most 255 characters."},
		{path: "snapshot_ids", current: chars(0, 1024),
			doc: "UpdateTask body: snapshot_ids, cutovered_snapshot_ids (top level)", was: " At most 255 characters."},
		{path: "cutovered_snapshot_ids", current: chars(0, 1024),
			doc: "UpdateTask body: snapshot_ids, cutovered_snapshot_ids (top level)", was: " At most 255 characters."},
		{path: "clone_server.clone_state", seed: chars(0, 255), current: chars(0, 255).oneOf(migrationTaskCloneStates...),
			doc: "NetWork, VolumeGroups, LogicalVolumes, Btrfs*, CloneServer: CloneServer clone_state", was: " At most 255 characters."},
		// CreateTask's limits: the create sends the target's disks and their volumes (and
		// the update right after it the volume groups); an update's TargetServer takes up
		// to 65535 of each.
		{path: "target_server.disks", createOnly: true, seed: items(conns.MigrationTaskMaxArrayLength), current: items(50),
			doc: "CreateTask body: target_server.disks; .volume_groups", was: "at most 65535; "},
		// The same attribute goes in CreateTask's PhysicalVolumes and UpdateTask's
		// TargetPhysicalVolumes, whose pages disagree on its values.
		{path: "target_server.disks[].physical_volumes[].device_use",
			seed: chars(0, 255).oneOf("NORMAL", "OS", "BOOT"), current: chars(0, 255).oneOf("NORMAL", "OS", "BOOT"),
			doc: "CreateTask body: PhysicalVolumes device_use; inode_size", was: ": `NORMAL`, `OS` or `BOOT`",
			note: "The reference pages disagree: CreateTask's documents a physical volume's `device_use` as free text (at most 255 " +
				"characters), UpdateTask's (`TargetPhysicalVolumes`) as `NORMAL`, `OS` or `BOOT` (CreateTask calls the disks' own " +
				"`device_use` a hint that is not validated). Both pages are followed: this one value goes in the create and again in every update " +
				"that sends `target_server`, so it must be one UpdateTask accepts."},
		{path: "target_server.volume_groups", createOnly: true, seed: items(conns.MigrationTaskMaxArrayLength), current: items(50),
			doc: "CreateTask body: target_server.disks; .volume_groups", was: "at most 65535; ",
			note: "The provider sends the volume groups in the update that follows the create, whose own limit is 65535; the create's 50 is checked all the same, since the task is created with them."},
		{path: "target_server.disks[].physical_volumes", createOnly: true,
			seed: items(conns.MigrationTaskMaxArrayLength), current: items(50),
			doc: "CreateTask body: TargetDisks.physical_volumes", was: "at most 65535; "},
	},
	migrationTaskSourceServerLimits,
	// Today's NetWork has only mac mandatory (the seed: name, ip, netmask, gateway and mac),
	// and a member the seed lacks.
	presenceRows("target_server.networks[]", "NetWork name, ip, netmask, gateway", "name", "ip", "netmask", "gateway"),
	[]migrationTaskLimitRow{
		todayMember(migrationTaskLimitRow{path: "target_server.networks[].ipv6", current: chars(0, 255),
			doc: "NetWork, VolumeGroups, LogicalVolumes, Btrfs*, CloneServer: NetWork ipv6"}),
		// "The first MAC in the list must not be empty": the other NICs' may be.
		{path: "target_server.networks[0].mac", seed: chars(0, 255), current: chars(1, 255),
			doc: "NetWork, VolumeGroups, LogicalVolumes, Btrfs*, CloneServer: NetWork mac", was: " At most 255 characters.",
			note: "These are the first NIC's limits (today's page: the first MAC in the list must not be empty); any other NIC's `mac` is at most 255 characters, and may be empty, under both."},
	},
	migrationTaskLogicalVolumeLimits("target_server.volume_groups[].logical_volumes"),
	// Today's BtrfsFileSystem and BtrfsSubvolumn have every member optional; the
	// objects go only in today's update body (under "seed" btrfs_file_systems is refused).
	todayOnly(presenceRows("target_server.btrfs_file_systems[]", "BtrfsFileSystem (16) / BtrfsSubvolumn (6)", migrationTaskBtrfsFileSystemMembers...)),
	todayOnly(presenceRows("target_server.btrfs_file_systems[].subvolumn[]", "BtrfsFileSystem (16) / BtrfsSubvolumn (6)", migrationTaskBtrfsSubvolumnMembers...)),
)

// migrationTaskSourceServerLimits are source_server's members whose rules differ today.
// Today's task API takes only source_server.id (CreateTask) and no source_server in its
// update body; the other members live in RegisterServer (POST /v3/sources), whose rules
// are today's column. RegisterServer also requires networks (1 to 50 items) and
// os_version, which a task's source_server, filled from what SMS reports, does not.
var migrationTaskSourceServerLimits = func() []migrationTaskLimitRow {
	const section = "source_server: "
	sameHere := "The task takes only `source_server.id` today; the other members are RegisterServer's (`POST /v3/sources`), whose rules are today's column."
	return []migrationTaskLimitRow{
		{path: "source_server.name", seed: chars(0, 255), current: chars(1, 64),
			doc: section + "name and hostname 1–64", was: " At most 255 characters.", note: sameHere},
		{path: "source_server.hostname", seed: chars(0, 255), current: chars(1, 64),
			doc: section + "name and hostname 1–64", was: " At most 255 characters.", note: sameHere},
		{path: "source_server.disks", seed: items(conns.MigrationTaskMaxArrayLength), current: items(50),
			doc: section + "disks ≤50", was: "at most 65535; ", note: sameHere},
		{path: "source_server.networks", seed: items(conns.MigrationTaskMaxArrayLength), current: items(50),
			doc: section + "networks 1–50 items", was: "at most 65535; ",
			note: sameHere + " RegisterServer also requires at least one NIC, which a task's `source_server` (read from SMS) does not."},
		{path: "source_server.state", seed: chars(0, 255).oneOf(migrationTaskSeedSourceStates...), current: chars(0, 255).oneOf(migrationTaskSourceStates...),
			doc: section + "19 states", was: "`unavailable`, `waiting`, `initialize`, `replicate`, `syncing`, `stopping`, `stopped`, `deleting`, `error`, `cloning`, `cutovering` or `finished`. At most 255 characters.",
			note: "Today's ShowTask reports these 19 (SourceServerResponse); the seed named 12."},
		{path: "source_server.start_type", seed: chars(0, 255).oneOf("MANUAL", "MGC", ""), current: chars(0, 255),
			doc: section + "start_type free text", was: "`MANUAL`, `MGC` or an empty string (`\"\"`).",
			note: "Today's RegisterServer documents free text, usually `MANUAL`, `AUTO` or empty; the seed named `MANUAL`, `MGC` and empty."},
		{path: "source_server.boot_loader", seed: chars(0, 255).oneOf("GRUB", "LILO"), current: chars(0, 255).oneOf("GRUB"),
			doc: section + "boot_loader only GRUB", was: ": `GRUB` or `LILO`", note: sameHere},
	}
}()

// migrationTaskSeedSourceStates are the seed's 12 source server states; today's ShowTask
// reports 19 (migrationTaskSourceStates).
var migrationTaskSeedSourceStates = []string{"unavailable", "waiting", "initialize", "replicate", "syncing", "stopping",
	"stopped", "deleting", "error", "cloning", "cutovering", "finished"}

var migrationTaskSourceStates = []string{"unavailable", "waiting", "initialize", "replicate", "syncing", "stopping", "stopped",
	"skipping", "deleting", "clearing", "cleared", "clearfailed", "premigready", "premiged", "premigfailed",
	"cloning", "cutovering", "finished", "error"}

// todayOnly are rows for attributes the seed model refuses whole: no seed column.
func todayOnly(rows []migrationTaskLimitRow) []migrationTaskLimitRow {
	for i := range rows {
		rows[i].seed = migrationTaskModelLimit{}
	}
	return rows
}

// migrationTaskLogicalVolumeLimits are the rows of VolumeGroups.logical_volumes below
// prefix. The page (0 to 50 items, int32 counts, seven members optional, device_use free
// text) is followed where the SDK's notes keep the seed's 0 to 255 items.
func migrationTaskLogicalVolumeLimits(prefix string) []migrationTaskLimitRow {
	const section = "NetWork, VolumeGroups, LogicalVolumes, Btrfs*, CloneServer: "
	rows := []migrationTaskLimitRow{
		{path: prefix, seed: items(255), current: items(50), doc: section + "VolumeGroups logical_volumes", was: "at most 255; ",
			note: "The SDK's notes keep the seed's 255 logical volumes; the page's 50 is followed."},
		{path: prefix + "[].block_count", seed: ints(0, conns.MigrationTaskMaxInodes), current: ints(0, conns.MigrationTaskMaxInt32),
			doc: section + "LV block_count", was: ", 0 to 4294967296"},
		{path: prefix + "[].inode_size", seed: ints(0, conns.MigrationTaskMaxInodes).req(), current: ints(0, conns.MigrationTaskMaxInt32),
			doc: section + "LV inode_size", was: ", 0 to 4294967296"},
		{path: prefix + "[].device_use", seed: chars(0, 255).oneOf("NORMAL", "BOOT", "OS"), current: chars(0, 255),
			doc: section + "LV device_use", was: ": `NORMAL`, `BOOT` or `OS`"},
	}
	rows = append(rows, todayMember(migrationTaskLimitRow{path: prefix + "[].inode_nums", current: ints(0, math.MaxInt64),
		doc: section + "LV inode_nums"}))
	return append(rows, presenceRows(prefix+"[]", "LV file_system", "file_system", "mount_point", "name", "size", "used_size", "free_size")...)
}

// todayMember is a row for a member today's update body added inside an object both
// models send: no seed column, and checkModelLimits itself refuses a value set under
// "seed" (the seed-only keys and objects, by contrast, are refused whole by
// checkChangesForAPIModel).
func todayMember(row migrationTaskLimitRow) migrationTaskLimitRow {
	row.seed, row.todayMember = migrationTaskModelLimit{}, true
	return row
}

// presenceRows are rows for members of the object at prefix that the seed marks
// mandatory and today's documents leave optional, with no other difference.
func presenceRows(prefix, docRow string, members ...string) []migrationTaskLimitRow {
	rows := make([]migrationTaskLimitRow, 0, len(members))
	for _, m := range members {
		rows = append(rows, migrationTaskLimitRow{path: prefix + "." + m, seed: required(), current: optional(),
			doc: "NetWork, VolumeGroups, LogicalVolumes, Btrfs*, CloneServer: " + docRow})
	}
	return rows
}

var (
	migrationTaskBtrfsFileSystemMembers = []string{"name", "label", "uuid", "device", "size", "nodesize", "sectorsize",
		"data_profile", "system_profile", "metadata_profile", "global_reserve1", "g_vol_used_size", "default_subvolid",
		"default_subvol_name", "default_subvol_mountpath", "subvolumn"}
	migrationTaskBtrfsSubvolumnMembers = []string{"uuid", "is_snapshot", "subvol_id", "parent_id", "subvol_name", "subvol_mount_path"}
)

// migrationTaskCloneStates are CloneServer.clone_state's values today (the seed: free text).
var migrationTaskCloneStates = []string{"NOT_READY", "READY", "PREPARING", "CREATING", "ERROR", "FINISHED"}

// seedNameRule is the task name's alphabet as the API reference had it when the seed was
// written ("Chinese characters, letters, digits, _ and -"): any Han character.
var seedNameRule = &migrationTaskCharRule{
	pattern:  conns.MigrationTaskNamePattern,
	describe: "Chinese characters, letters, digits, `_` and `-`",
	message:  "must contain only Chinese characters, letters, digits, underscores (_) and hyphens (-)",
	edgeIn:   "\U00020000", // CJK Extension B: Han
	edgeOut:  "\u3001",     // the ideographic comma: not Han
}

// todayNameRule is today's pattern, ^[A-Za-z0-9_\-\u4e00-\u9fa5]{1,64}$. The English page
// names only letters, digits, _ and -; the Chinese page and the pattern also allow the CJK
// ideographs U+4E00 to U+9FA5, and the pattern is followed. It narrows seedNameRule.
var todayNameRule = &migrationTaskCharRule{
	pattern:  regexp.MustCompile(`^[A-Za-z0-9_\-\x{4e00}-\x{9fa5}]+$`),
	describe: "letters, digits, `_`, `-` and the CJK ideographs U+4E00 to U+9FA5 (the pattern and the Chinese page; the English page names only letters, digits, `_` and `-`)",
	message:  "must contain only letters, digits, underscores (_), hyphens (-) and the CJK ideographs U+4E00 to U+9FA5",
	edgeIn:   "\u9fa5",
	edgeOut:  "\u9fa6",
	narrows:  seedNameRule,
}
