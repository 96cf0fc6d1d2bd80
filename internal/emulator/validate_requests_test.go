package emulator

import (
	"net/http"
	"strings"
	"testing"
)

func TestCreateTask_rejectsBadBodies(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		path  string
		value any
		code  string
		msg   string
	}{
		{"name missing", "name", deleteKey, CodeMandatoryMissing, "name is mandatory"},
		{"type missing", "type", deleteKey, CodeMandatoryMissing, "type is mandatory"},
		{"source_server missing", "source_server", deleteKey, CodeMandatoryMissing, "source_server is mandatory"},
		{"source_server.id missing", "source_server.id", deleteKey, CodeMandatoryMissing, "source_server.id is mandatory"},
		{"target_server.name missing", "target_server.name", deleteKey, CodeMandatoryMissing, "target_server.name is mandatory"},
		{"target_server.vm_id null", "target_server.vm_id", nil, CodeMandatoryMissing, "target_server.vm_id is mandatory and must not be null"},
		{"region_name missing", "region_name", deleteKey, CodeMandatoryMissing, "region_name is mandatory"},
		{"region_id missing", "region_id", deleteKey, CodeMandatoryMissing, "region_id is mandatory"},
		{"project_name missing", "project_name", deleteKey, CodeMandatoryMissing, "project_name is mandatory"},
		{"project_id missing", "project_id", deleteKey, CodeMandatoryMissing, "project_id is mandatory"},
		{"empty name", "name", "", CodeBadLength, "name must be between 1 and 255 characters long, got 0"},
		{"name length+1", "name", strings.Repeat("n", 256), CodeBadLength, "name must be between 1 and 255 characters long, got 256"},
		{"name with space", "name", "web 01", CodeNotAllowed, `name may contain only Chinese characters, letters, digits, _ and -, got "web 01"`},
		{"name with dot", "name", "web.01", CodeNotAllowed, "name may contain only Chinese characters"},
		{"type enum", "type", "MIGRATE", CodeNotAllowed, `type must be one of MIGRATE_FILE, MIGRATE_BLOCK, got "MIGRATE"`},
		{"os_type enum", "os_type", "UNIX", CodeNotAllowed, "os_type must be one of WINDOWS, LINUX"},
		{"priority max+1", "priority", 3, CodeOutOfRange, "priority must be between 0 and 2"},
		{"speed_limit max+1", "speed_limit", 10001, CodeOutOfRange, "speed_limit must be between 0 and 10000"},
		{"over_speed_threshold min-", "over_speed_threshold", -1, CodeOutOfRange, "over_speed_threshold must be at least 0"},
		{"use_ipv6 type", "use_ipv6", "yes", CodeWrongType, "use_ipv6 must be a boolean, got a string"},
		{"source id type", "source_server.id", 7, CodeWrongType, "source_server.id must be a string, got a number"},
		{"disk pv index min-1", "target_server.disks", []any{map[string]any{"physical_volumes": []any{map[string]any{"index": -1}}}},
			CodeOutOfRange, "target_server.disks[0].physical_volumes[0].index must be between 0 and 2147483647"},
		{"disks size+1", "target_server.disks", manyItems(65536), CodeBadLength, "target_server.disks must have between 0 and 65535 items, got 65536"},
		{"volume group lv missing name", "target_server.volume_groups", []any{map[string]any{"logical_volumes": []any{map[string]any{
			"file_system": "xfs", "inode_size": 1, "mount_point": "/", "size": 1, "used_size": 1, "free_size": 0}}}},
			CodeMandatoryMissing, "target_server.volume_groups[0].logical_volumes[0].name is mandatory"},
		{"bad IPv4", "migration_ip", "10.0.0.300", CodeNotAllowed, `migration_ip must be an IPv4 address because use_ipv6 is not true, got "10.0.0.300"`},
		{"IPv6 without use_ipv6", "migration_ip", "2001:db8::1", CodeNotAllowed, "migration_ip must be an IPv4 address"},
		{"unknown source server", "source_server.id", "0000", CodeUnknownSourceServer, `source_server.id "0000" is not a registered source server`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := newTestEnv(t, seedModel)
			body := createBody("web-01", linuxSourceID)
			setPath(t, body, tc.path, tc.value)
			env.do(http.MethodPost, "/v3/tasks", body).wantError(t, http.StatusBadRequest, tc.code, tc.msg)
			if n := env.e.TaskCount(); n != 0 {
				t.Fatalf("a rejected create stored %d tasks", n)
			}
		})
	}
}

func TestCreateTask_migrationIPFamily(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		useIPv6 any
		ip      string
		wantErr string
	}{
		{"IPv4", nil, "192.168.0.10", ""},
		{"empty means none", nil, "", ""},
		{"IPv6 with use_ipv6", true, "2001:db8::10", ""},
		{"IPv4 with use_ipv6", true, "192.168.0.10", `migration_ip must be an IPv6 address because use_ipv6 is true, got "192.168.0.10"`},
		{"mapped IPv4 with use_ipv6", true, "::ffff:192.168.0.10", "migration_ip must be an IPv6 address"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := newTestEnv(t, Options{})
			body := createBody("web-01", linuxSourceID)
			body["migration_ip"] = tc.ip
			if tc.useIPv6 != nil {
				body["use_ipv6"] = tc.useIPv6
			}
			resp := env.do(http.MethodPost, "/v3/tasks", body)
			if tc.wantErr == "" {
				resp.wantOK(t)
				return
			}
			resp.wantError(t, http.StatusBadRequest, CodeNotAllowed, tc.wantErr)
		})
	}
}

func TestTaskSubresources_rejectBadBodies(t *testing.T) {
	t.Parallel()
	window := func(start, end string, speed any) map[string]any {
		return map[string]any{"speed_limit": []any{map[string]any{"start": start, "end": end, "speed": speed}}}
	}
	progress := func(change func(map[string]any)) map[string]any {
		b := map[string]any{"subtask_name": "MIGRATE_LINUX_BLOCK", "progress": 50, "replicatesize": 10, "totalsize": 100, "process_trace": "copying"}
		change(b)
		return b
	}
	cases := []struct {
		name   string
		method string
		sub    string
		body   any
		code   string
		msg    string
	}{
		{"operation missing", http.MethodPost, "action", map[string]any{}, CodeMandatoryMissing, "operation is mandatory"},
		{"operation enum", http.MethodPost, "action", map[string]any{"operation": "cutover"}, CodeNotAllowed,
			`operation must be one of start, stop, test, clone_test, restart, network_check, clear, skip, migration_test, got "cutover"`},
		{"switch_hce type", http.MethodPost, "action", map[string]any{"operation": "start", "switch_hce": "yes"}, CodeWrongType,
			"switch_hce must be a boolean, got a string"},
		{"template_id length+1", http.MethodPost, "action", map[string]any{"operation": "start", "template_id": strings.Repeat("t", 256)},
			CodeBadLength, "template_id must be between 0 and 255 characters long, got 256"},
		{"action not JSON", http.MethodPost, "action", "operation=start", CodeMalformedJSON, "request body is not valid JSON"},
		{"speed_limit missing", http.MethodPost, "speed-limit", map[string]any{}, CodeMandatoryMissing, "speed_limit is mandatory"},
		{"speed_limit type", http.MethodPost, "speed-limit", map[string]any{"speed_limit": "100"}, CodeWrongType, "speed_limit must be an array, got a string"},
		{"speed max+1", http.MethodPost, "speed-limit", window("00:00", "23:59", 1001), CodeOutOfRange, "speed_limit[0].speed must be between 0 and 1000"},
		{"speed min-1", http.MethodPost, "speed-limit", window("00:00", "23:59", -1), CodeOutOfRange, "speed_limit[0].speed must be between 0 and 1000"},
		{"start 24:00", http.MethodPost, "speed-limit", window("24:00", "23:59", 10), CodeNotAllowed,
			`speed_limit[0].start must be a time in HH:MM format (00:00 to 23:59), got "24:00"`},
		{"end H:MM", http.MethodPost, "speed-limit", window("00:00", "7:00", 10), CodeNotAllowed, "speed_limit[0].end must be a time in HH:MM format"},
		{"end 12:60", http.MethodPost, "speed-limit", window("00:00", "12:60", 10), CodeNotAllowed, "speed_limit[0].end must be a time in HH:MM format"},
		{"start missing", http.MethodPost, "speed-limit", map[string]any{"speed_limit": []any{map[string]any{"end": "01:00"}}},
			CodeMandatoryMissing, "speed_limit[0].start is mandatory"},
		{"over_speed_threshold min-", http.MethodPost, "speed-limit",
			map[string]any{"speed_limit": []any{map[string]any{"start": "00:00", "end": "01:00", "over_speed_threshold": -0.5}}},
			CodeOutOfRange, "speed_limit[0].over_speed_threshold must be at least 0"},
		{"subtask name enum", http.MethodPut, "progress", progress(func(b map[string]any) { b["subtask_name"] = "COPY" }),
			CodeInvalidSubtask, `subtask_name must be one of CREATE_CLOUD_SERVER`},
		{"progress max+1", http.MethodPut, "progress", progress(func(b map[string]any) { b["progress"] = 101 }),
			CodeOutOfRange, "progress must be between 0 and 100"},
		{"replicatesize missing", http.MethodPut, "progress", progress(func(b map[string]any) { delete(b, "replicatesize") }),
			CodeMandatoryMissing, "replicatesize is mandatory"},
		{"process_trace length+1", http.MethodPut, "progress", progress(func(b map[string]any) { b["process_trace"] = strings.Repeat("p", 2049) }),
			CodeBadLength, "process_trace must be between 0 and 2048 characters long, got 2049"},
		{"cpu usage max+", http.MethodPut, "progress", progress(func(b map[string]any) { b["total_cpu_usage"] = 100.5 }),
			CodeOutOfRange, "total_cpu_usage must be between 0 and 100"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := newTestEnv(t, Options{})
			id := env.createTask(createBody("web-01", linuxSourceID))
			env.action(id, "start").wantOK(t)
			before := env.snapshot()
			env.do(tc.method, "/v3/tasks/"+id+"/"+tc.sub, tc.body).wantError(t, http.StatusBadRequest, tc.code, tc.msg)
			if after := env.snapshot(); after != before {
				t.Fatalf("a rejected request changed the state:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}
