package emulator

import (
	"math"
	"net/netip"
	"strconv"
	"unicode"
)

// Schemas of the other request bodies (CreateTask, UpdateTaskStatus, UpdateTaskSpeed,
// UploadSpeedLimitRules as the SMS v3 API reference documents them). Nested
// types that the seed also documents (PhysicalVolume, BtrfsFileSystem, VolumeGroups) reuse
// the seed's tables, since the seed wins for the task body.

var operations = []string{"start", "stop", "test", "clone_test", "restart", "network_check", "clear", "skip", "migration_test"}

var subtaskNames = []string{"CREATE_CLOUD_SERVER", "SSL_CONFIG", "ATTACH_AGENT_IMAGE", "DETTACH_AGENT_IMAGE",
	"FORMAT_DISK_LINUX", "FORMAT_DISK_LINUX_FILE", "FORMAT_DISK_LINUX_BLOCK", "FORMAT_DISK_WINDOWS",
	"MIGRATE_LINUX_FILE", "MIGRATE_LINUX_BLOCK", "MIGRATE_WINDOWS_BLOCK", "CLONE_VM",
	"SYNC_LINUX_FILE", "SYNC_LINUX_BLOCK", "SYNC_WINDOWS_BLOCK",
	"CONFIGURE_LINUX", "CONFIGURE_LINUX_BLOCK", "CONFIGURE_LINUX_FILE", "CONFIGURE_WINDOWS"}

// createTargetDiskFields is TargetDisks: device_use is "a hint only, not validated".
var createTargetDiskFields = []field{
	s255("device_use"),
	s255("disk_id"),
	s255("name"),
	limitedArray("physical_volumes", object("", physicalVolumeFields...)),
	long("size"),
	long("used_size"),
}

// createTaskFields is PostTask. The bounds of the fields declared limited are in
// taskLimits, one column per model.
var createTaskFields = []field{
	limited(kindString, "name").required(),
	s255("type").oneOf(taskTypes...).required(),
	boolean("start_target_server"),
	boolean("auto_start"),
	str("os_type", 0, 255).oneOf(osTypes...),
	object("source_server", s255("id").required()).required(),
	object("target_server",
		s255("name").required(),
		s255("vm_id").required(),
		limitedArray("disks", object("", createTargetDiskFields...)),
		array("btrfs_list", maxArray, object("", btrfsFileSystemFields...)),
		limitedArray("volume_groups", object("", volumeGroupFields...)),
	).required(),
	s255("migration_ip"),
	s255("region_name").required(),
	s255("region_id").required(),
	s255("project_name").required(),
	s255("project_id").required(),
	limited(kindInteger, "priority"),
	limited(kindString, "vm_template_id"),
	limited(kindString, "clonevm_template_id"),
	boolean("use_public_ip"),
	boolean("use_ipv6"),
	boolean("syncing"),
	boolean("exist_server"),
	boolean("start_network_check"),
	limited(kindInteger, "speed_limit"),
	limited(kindNumber, "over_speed_threshold"),
	boolean("is_need_consistency_check"),
	boolean("need_migration_test"),
}

// listTaskFields are ListTasks' query parameters, all bounded by taskLimits (limit and
// offset arrive as numbers, see listQuery).
var listTaskFields = []field{
	limited(kindString, "state"),
	limited(kindString, "name"),
	limited(kindString, "id"),
	limited(kindString, "source_server_id"),
	limited(kindString, "enterprise_project_id"),
	limited(kindInteger, "limit"),
	limited(kindInteger, "offset"),
}

// actionFields is UpdateTaskStatusReq.
var actionFields = []field{
	s255("operation").oneOf(operations...).required(),
	s255("template_id"),
	boolean("switch_hce"),
	boolean("is_need_consistency_check"),
}

// speedLimitFields is SpeedLimit with its SpeedLimitlJson items.
var speedLimitFields = []field{
	array("speed_limit", maxArray, object("",
		s255("start").withCheck(checkHHMM).required(),
		s255("end").withCheck(checkHHMM).required(),
		integer("speed", 0, 1000),
		number("over_speed_threshold", 0, math.Inf(1)),
	)).required(),
}

// progressFields is UpdateTaskSpeedReq (the Agent's progress report).
var progressFields = []field{
	s255("subtask_name").oneOf(subtaskNames...).enumError(CodeInvalidSubtask).required(),
	integer("progress", 0, 100).required(),
	long("replicatesize").required(),
	long("totalsize").required(),
	str("process_trace", 0, 2048).required(),
	number("migrate_speed", 0, math.Inf(1)),
	number("compress_rate", 0, math.Inf(1)),
	long("remain_time"),
	number("total_cpu_usage", 0, 100),
	number("agent_cpu_usage", 0, 100),
	number("total_mem_usage", 0, math.Inf(1)),
	number("agent_mem_usage", 0, math.Inf(1)),
	number("total_disk_io", 0, math.Inf(1)),
	number("agent_disk_io", 0, math.Inf(1)),
	boolean("need_migration_test"),
	s255("agent_time"),
}

// checkTaskName enforces "only Chinese characters, letters, digits, _ and -".
func checkTaskName(name string) string {
	for _, r := range name {
		if r == '_' || r == '-' || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9') || unicode.Is(unicode.Han, r) {
			continue
		}
		return "may contain only Chinese characters, letters, digits, _ and -, got " + strconv.Quote(name)
	}
	return ""
}

// checkHHMM enforces a 24-hour "HH:MM" time.
func checkHHMM(s string) string {
	ok := len(s) == 5 && s[2] == ':' && isDigit(s[0]) && isDigit(s[1]) && isDigit(s[3]) && isDigit(s[4]) &&
		(s[0]-'0')*10+(s[1]-'0') < 24 && (s[3]-'0')*10+(s[4]-'0') < 60
	if ok {
		return ""
	}
	return "must be a time in HH:MM format (00:00 to 23:59), got " + strconv.Quote(s)
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// checkMigrationIP enforces "IPv4 unless use_ipv6 is true, then IPv6". An empty string
// means "no migration IP" (not needed when the target VM is auto-created).
func checkMigrationIP(ip string, useIPv6 bool) *apiError {
	if ip == "" {
		return nil
	}
	addr, err := netip.ParseAddr(ip)
	switch {
	case useIPv6 && (err != nil || !addr.Is6() || addr.Is4In6()):
		return badRequest(CodeNotAllowed, "migration_ip must be an IPv6 address because use_ipv6 is true, got %s", strconv.Quote(ip))
	case !useIPv6 && (err != nil || !addr.Is4()):
		return badRequest(CodeNotAllowed, "migration_ip must be an IPv4 address because use_ipv6 is not true, got %s", strconv.Quote(ip))
	}
	return nil
}
