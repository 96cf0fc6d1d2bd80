package emulator

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// fullPutBody is the seed's example extended so that every one of the 13 nested object
// types appears at least once; it is valid, so each case below fails for its one change.
func fullPutBody(t *testing.T) map[string]any {
	t.Helper()
	body := seedPutExample(t)
	pv := map[string]any{"device_use": "OS", "file_system": "ext4", "index": 1, "mount_point": "/", "name": "/dev/sda1",
		"size": 1024, "used_size": 512, "inode_size": 4096, "uuid": "u-1", "size_per_cluster": 4096}
	lv := map[string]any{"block_count": 10, "block_size": 4096, "file_system": "xfs", "inode_size": 256, "device_use": "NORMAL",
		"mount_point": "/data", "name": "lv_data", "size": 4096, "used_size": 1024, "free_size": 3072}
	vg := map[string]any{"components": "/dev/sdb", "free_size": 0, "logical_volumes": []any{lv}, "name": "vg0", "size": 4096}
	network := map[string]any{"name": "eth0", "ip": "10.0.0.21", "netmask": "255.255.255.0", "gateway": "10.0.0.1",
		"mtu": 1500, "mac": "fa:16:3e:00:00:01", "id": "n-1"}
	subvol := map[string]any{"uuid": "p-1", "is_snapshot": "false", "subvol_id": "256", "parent_id": "5",
		"subvol_name": "home", "subvol_mount_path": "/home"}
	btrfs := map[string]any{"name": "fs1", "label": "", "uuid": "b-1", "device": "/dev/sdc", "size": 1, "nodesize": 16384,
		"sectorsize": 4096, "data_profile": "single", "system_profile": "DUP", "metadata_profile": "DUP",
		"global_reserve1": "3.25MiB", "g_vol_used_size": 1, "default_subvolid": "5", "default_subvol_name": "top",
		"default_subvol_mountpath": "/mnt", "subvolumn": []any{subvol}}
	disk := map[string]any{"name": "/dev/sda", "partition_style": "MBR", "device_use": "OS", "size": 2048, "used_size": 1024,
		"physical_volumes": []any{pv}, "os_disk": true, "relation_name": "/dev/vda", "inode_size": 65536}

	src := jsonObject(t, body, "source_server")
	src["disks"] = []any{disk}
	src["btrfs_list"] = []any{btrfs}
	src["networks"] = []any{network}
	src["volume_groups"] = []any{vg}
	src["firmware"] = "BIOS"
	src["boot_loader"] = "GRUB"
	src["start_type"] = "MANUAL"
	tgt := jsonObject(t, body, "target_server")
	tgt["networks"] = []any{deepCopy(t, network)}
	tgt["volume_groups"] = []any{deepCopy(t, vg)}
	tgt["btrfs_list"] = []any{"fs1"}
	tgt["cpu_quantity"] = 2
	tgt["memory"] = 4096
	body["clone_server"] = map[string]any{"vm_id": "c-1", "name": "clone", "clone_error": "", "clone_state": "READY", "error_msg": ""}
	return body
}

func TestUpdateTask_validBodiesAccepted(t *testing.T) {
	t.Parallel()
	cases := map[string]func(t *testing.T) map[string]any{
		"seed example":   seedPutExample,
		"every type":     fullPutBody,
		"empty body":     func(*testing.T) map[string]any { return map[string]any{} },
		"unknown keys":   func(*testing.T) map[string]any { return map[string]any{"Name": 5, "bogus": map[string]any{"x": 1}} },
		"255 Chinese":    func(*testing.T) map[string]any { return map[string]any{"name": strings.Repeat("迁", 255)} },
		"optional nulls": func(*testing.T) map[string]any { return map[string]any{"migration_ip": nil, "clone_server": nil} },
		"maxima": func(*testing.T) map[string]any {
			return map[string]any{"priority": 2, "speed_limit": 10000, "total_time": json.Number("9223372036854775807"), "migrate_speed": 10000}
		},
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			env := newTestEnv(t, seedModel)
			id := env.createTask(createBody("task-1", windowsSourceID))
			resp := env.do(http.MethodPut, "/v3/tasks/"+id, body(t))
			resp.wantOK(t)
			if got := resp.json(t)["id"]; got != id {
				t.Fatalf("PUT answered id %v, want %s", got, id)
			}
		})
	}
}

func TestUpdateTask_rejectsBadBodies(t *testing.T) {
	t.Parallel()
	overLong := json.Number("9223372036854775808")
	cases := []struct {
		name  string
		path  string // dotted path into fullPutBody; "" replaces the whole body with value
		value any
		code  string
		msg   string
	}{
		// JSON types
		{"string for int", "priority", "1", CodeWrongType, "priority must be an integer, got a string"},
		{"fraction for int", "priority", json.Number("1.5"), CodeWrongType, "priority must be an integer, got 1.5"},
		{"number for string", "name", 5, CodeWrongType, "name must be a string, got a number"},
		{"string for bool", "start_target_server", "true", CodeWrongType, "start_target_server must be a boolean, got a string"},
		{"string for number", "migrate_speed", "fast", CodeWrongType, "migrate_speed must be a number, got a string"},
		{"array for object", "target_server", []any{}, CodeWrongType, "target_server must be an object, got an array"},
		{"object for array", "sub_tasks", map[string]any{}, CodeWrongType, "sub_tasks must be an array, got an object"},
		{"null array item", "sub_tasks.0", nil, CodeWrongType, "sub_tasks[0] must be an object, got null"},
		{"number in string array", "target_server.btrfs_list.0", 1, CodeWrongType, "target_server.btrfs_list[0] must be a string, got a number"},
		{"nested string for long", "target_server.disks.0.physical_volumes.1.size", "1", CodeWrongType,
			"target_server.disks[0].physical_volumes[1].size must be an integer, got a string"},
		// enums
		{"type", "type", "MIGRATE_ALL", CodeNotAllowed, `type must be one of MIGRATE_FILE, MIGRATE_BLOCK, got "MIGRATE_ALL"`},
		{"os_type", "os_type", "MAC", CodeNotAllowed, `os_type must be one of WINDOWS, LINUX, got "MAC"`},
		{"target disk device_use", "target_server.disks.0.device_use", "DATA", CodeNotAllowed,
			`target_server.disks[0].device_use must be one of NORMAL, OS, BOOT, got "DATA"`},
		{"target pv device_use", "target_server.disks.0.physical_volumes.0.device_use", "SWAP", CodeNotAllowed,
			`target_server.disks[0].physical_volumes[0].device_use must be one of NORMAL, OS, BOOT`},
		{"partition_style", "target_server.disks.0.partition_style", "APM", CodeNotAllowed, "target_server.disks[0].partition_style must be one of MBR, GPT"},
		{"source disk device_use", "source_server.disks.0.device_use", "NORMAL", CodeNotAllowed,
			`source_server.disks[0].device_use must be one of BOOT, OS, got "NORMAL"`},
		{"migration_cycle", "source_server.migration_cycle", "done", CodeNotAllowed, "source_server.migration_cycle must be one of cutovering"},
		{"source state", "source_server.state", "premiged", CodeNotAllowed, `source_server.state must be one of unavailable`},
		{"start_type", "source_server.start_type", "AUTO", CodeNotAllowed, "source_server.start_type must be one of MANUAL, MGC, "},
		{"firmware", "target_server.firmware", "EFI", CodeNotAllowed, "target_server.firmware must be one of BIOS, UEFI"},
		{"boot_loader", "source_server.boot_loader", "SYSLINUX", CodeNotAllowed, "source_server.boot_loader must be one of GRUB, LILO"},
		{"target os_type", "target_server.os_type", "windows", CodeNotAllowed, "target_server.os_type must be one of WINDOWS, LINUX"},
		{"name characters", "name", "bad name!", CodeNotAllowed, "name may contain only Chinese characters, letters, digits, _ and -"},
		{"migration_ip not IPv4", "migration_ip", "fe80::1", CodeNotAllowed, "migration_ip must be an IPv4 address"},
		// ranges: min-1 and max+1
		{"priority min-1", "priority", -1, CodeOutOfRange, "priority must be between 0 and 2"},
		{"priority max+1", "priority", 3, CodeOutOfRange, "priority must be between 0 and 2"},
		{"speed_limit max+1", "speed_limit", 10001, CodeOutOfRange, "speed_limit must be between 0 and 10000"},
		{"speed_limit min-1", "speed_limit", -1, CodeOutOfRange, "speed_limit must be between 0 and 10000"},
		{"create_date min-1", "create_date", -1, CodeOutOfRange, "create_date must be between 0 and 9223372036854775807"},
		{"total_time max+1", "total_time", overLong, CodeOutOfRange, "total_time must be between 0 and 9223372036854775807"},
		{"migrate_speed max+", "migrate_speed", 10000.5, CodeOutOfRange, "migrate_speed must be between 0 and 10000"},
		{"migrate_speed min-", "migrate_speed", -0.1, CodeOutOfRange, "migrate_speed must be between 0 and 10000"},
		{"nested long min-1", "target_server.disks.0.physical_volumes.1.size", -1, CodeOutOfRange,
			"target_server.disks[0].physical_volumes[1].size must be between 0 and 9223372036854775807"},
		{"nested long max+1", "target_server.disks.0.physical_volumes.1.size", overLong, CodeOutOfRange,
			"target_server.disks[0].physical_volumes[1].size must be between 0 and 9223372036854775807"},
		{"cpu_quantity max+1", "target_server.cpu_quantity", 65536, CodeOutOfRange, "target_server.cpu_quantity must be between 0 and 65535"},
		{"source cpu min-1", "source_server.cpu_quantity", -1, CodeOutOfRange, "source_server.cpu_quantity must be between 0 and 65535"},
		{"progress max+1", "sub_tasks.2.progress", 101, CodeOutOfRange, "sub_tasks[2].progress must be between 0 and 100"},
		{"progress min-1", "sub_tasks.2.progress", -1, CodeOutOfRange, "sub_tasks[2].progress must be between 0 and 100"},
		{"subtask speed max+", "sub_tasks.0.migrate_speed", 10001, CodeOutOfRange, "sub_tasks[0].migrate_speed must be between 0 and 10000"},
		{"lv inode_size max+1", "target_server.volume_groups.0.logical_volumes.0.inode_size", 4294967297, CodeOutOfRange,
			"target_server.volume_groups[0].logical_volumes[0].inode_size must be between 0 and 4294967296"},
		{"lv block_count max+1", "source_server.volume_groups.0.logical_volumes.0.block_count", 4294967297, CodeOutOfRange,
			"source_server.volume_groups[0].logical_volumes[0].block_count must be between 0 and 4294967296"},
		{"lv block_size max+1", "target_server.volume_groups.0.logical_volumes.0.block_size", 1048577, CodeOutOfRange,
			"target_server.volume_groups[0].logical_volumes[0].block_size must be between 0 and 1048576"},
		{"disk inode_size max+1", "source_server.disks.0.inode_size", 4294967297, CodeOutOfRange,
			"source_server.disks[0].inode_size must be between 0 and 4294967296"},
		{"pv index max+1", "source_server.disks.0.physical_volumes.0.index", 2147483648, CodeOutOfRange,
			"source_server.disks[0].physical_volumes[0].index must be between 0 and 2147483647"},
		{"sectorsize min-1", "source_server.btrfs_list.0.sectorsize", -1, CodeOutOfRange,
			"source_server.btrfs_list[0].sectorsize must be between 0 and 2147483647"},
		{"mtu min-1", "target_server.networks.0.mtu", -1, CodeOutOfRange, "target_server.networks[0].mtu must be between 0 and 2147483647"},
		{"target disk id min-1", "target_server.disks.0.id", -1, CodeOutOfRange, "target_server.disks[0].id must be between 0 and 9223372036854775807"},
		// string lengths (in characters) and array sizes
		{"name length+1", "name", strings.Repeat("a", 256), CodeBadLength, "name must be between 0 and 255 characters long, got 256"},
		{"Chinese name length+1", "name", strings.Repeat("迁", 256), CodeBadLength, "name must be between 0 and 255 characters long, got 256"},
		{"enterprise project min-1", "enterprise_project_id", "", CodeBadLength, "enterprise_project_id must be between 1 and 255 characters long, got 0"},
		{"error_json length+1", "error_json", strings.Repeat("e", 1025), CodeBadLength, "error_json must be between 0 and 1024 characters long, got 1025"},
		{"user_op length+1", "sub_tasks.0.user_op", strings.Repeat("u", 51), CodeBadLength, "sub_tasks[0].user_op must be between 0 and 50 characters long, got 51"},
		{"process_trace length+1", "sub_tasks.0.process_trace", strings.Repeat("p", 2049), CodeBadLength,
			"sub_tasks[0].process_trace must be between 0 and 2048 characters long, got 2049"},
		{"lv mount_point length+1", "target_server.volume_groups.0.logical_volumes.0.mount_point", strings.Repeat("m", 257), CodeBadLength,
			"target_server.volume_groups[0].logical_volumes[0].mount_point must be between 0 and 256 characters long, got 257"},
		{"lv name length+1", "source_server.volume_groups.0.logical_volumes.0.name", strings.Repeat("n", 1025), CodeBadLength,
			"source_server.volume_groups[0].logical_volumes[0].name must be between 0 and 1024 characters long, got 1025"},
		{"clone error_msg length+1", "clone_server.error_msg", strings.Repeat("x", 1025), CodeBadLength,
			"clone_server.error_msg must be between 0 and 1024 characters long, got 1025"},
		{"btrfs_list item length+1", "target_server.btrfs_list.0", strings.Repeat("b", 256), CodeBadLength,
			"target_server.btrfs_list[0] must be between 0 and 255 characters long, got 256"},
		{"subvolumn item length+1", "source_server.btrfs_list.0.subvolumn.0.subvol_name", strings.Repeat("s", 256), CodeBadLength,
			"source_server.btrfs_list[0].subvolumn[0].subvol_name must be between 0 and 255 characters long, got 256"},
		{"sub_tasks size+1", "sub_tasks", manyItems(65536), CodeBadLength, "sub_tasks must have between 0 and 65535 items, got 65536"},
		{"target disks size+1", "target_server.disks", manyItems(65536), CodeBadLength, "target_server.disks must have between 0 and 65535 items, got 65536"},
		{"logical_volumes size+1", "target_server.volume_groups.0.logical_volumes", manyItems(256), CodeBadLength,
			"target_server.volume_groups[0].logical_volumes must have between 0 and 255 items, got 256"},
		// mandatory fields
		{"target os_type missing", "target_server.os_type", deleteKey, CodeMandatoryMissing, "target_server.os_type is mandatory"},
		{"target disks missing", "target_server.disks", deleteKey, CodeMandatoryMissing, "target_server.disks is mandatory"},
		{"target ip missing", "target_server.ip", deleteKey, CodeMandatoryMissing, "target_server.ip is mandatory"},
		{"source ip missing", "source_server.ip", deleteKey, CodeMandatoryMissing, "source_server.ip is mandatory"},
		{"source name null", "source_server.name", nil, CodeMandatoryMissing, "source_server.name is mandatory and must not be null"},
		{"agent_version missing", "source_server.agent_version", deleteKey, CodeMandatoryMissing, "source_server.agent_version is mandatory"},
		{"subtask progress missing", "sub_tasks.1.progress", deleteKey, CodeMandatoryMissing, "sub_tasks[1].progress is mandatory"},
		{"server disk pvs missing", "source_server.disks.0.physical_volumes", deleteKey, CodeMandatoryMissing,
			"source_server.disks[0].physical_volumes is mandatory"},
		{"network mac missing", "target_server.networks.0.mac", deleteKey, CodeMandatoryMissing, "target_server.networks[0].mac is mandatory"},
		{"btrfs subvolumn missing", "source_server.btrfs_list.0.subvolumn", deleteKey, CodeMandatoryMissing,
			"source_server.btrfs_list[0].subvolumn is mandatory"},
		{"subvol uuid missing", "source_server.btrfs_list.0.subvolumn.0.uuid", deleteKey, CodeMandatoryMissing,
			"source_server.btrfs_list[0].subvolumn[0].uuid is mandatory"},
		{"lv free_size missing", "target_server.volume_groups.0.logical_volumes.0.free_size", deleteKey, CodeMandatoryMissing,
			"target_server.volume_groups[0].logical_volumes[0].free_size is mandatory"},
		// references
		{"unknown source server", "source_server.id", "no-such-server", CodeUnknownSourceServer,
			`source_server.id "no-such-server" is not a registered source server`},
		// the body itself
		{"not JSON", "", "{", CodeMalformedJSON, "request body is not valid JSON"},
		{"empty", "", "", CodeMalformedJSON, "request body is empty"},
		{"trailing data", "", `{"name":"a"} {}`, CodeMalformedJSON, "request body has data after the JSON value"},
		{"not an object", "", "[]", CodeWrongType, "request body must be a JSON object, got an array"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := newTestEnv(t, seedModel)
			id := env.createTask(createBody("task-1", windowsSourceID))
			body := tc.value
			if tc.path != "" {
				full := fullPutBody(t)
				setPath(t, full, tc.path, tc.value)
				body = full
			}
			before := env.snapshot()
			env.do(http.MethodPut, "/v3/tasks/"+id, body).wantError(t, http.StatusBadRequest, tc.code, tc.msg)
			if after := env.snapshot(); after != before {
				t.Fatalf("a rejected PUT changed the state:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}

// manyItems is an array of n empty objects (the size check comes before the items').
func manyItems(n int) []any {
	items := make([]any, n)
	for i := range items {
		items[i] = map[string]any{}
	}
	return items
}
