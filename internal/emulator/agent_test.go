package emulator

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

// registration is a Linux Agent's RegisterServer body.
func registration(name string) map[string]any {
	return map[string]any{
		"name": name, "ip": "10.0.1.5", "hostname": name, "os_type": "LINUX", "os_version": "UBUNTU22_64BIT",
		"agent_version": "25.1.0", "firmware": "UEFI", "cpu_quantity": 4, "memory": 8192, "boot_loader": "GRUB",
		"networks": []any{map[string]any{"name": "eth0", "ip": "10.0.1.5", "mac": "fa:16:3e:aa:bb:cc", "mtu": 1500}},
		"disks": []any{map[string]any{"name": "/dev/vda", "partition_style": "GPT", "device_use": "OS", "size": 42949672960,
			"used_size": 8589934592, "physical_volumes": []any{map[string]any{"name": "/dev/vda1", "file_system": "ext4",
				"mount_point": "/", "size": 42949672960, "used_size": 8589934592, "index": 0}}}},
		"volume_groups": []any{}, "btrfs_list": []any{}, "has_rsync": true, "paravirtualization": true, "raw_devices": "",
	}
}

// TestAgent_drivesAMigration acts as the SMS Agent: it registers a source, takes the
// START command, reports progress, the network check and the consistency check.
func TestAgent_drivesAMigration(t *testing.T) {
	t.Parallel()
	for _, model := range APIModels {
		t.Run(string(model), func(t *testing.T) {
			t.Parallel()
			env := newTestEnv(t, Options{APIModel: model})
			resp := env.do(http.MethodPost, "/v3/sources", registration("agent-host"))
			resp.wantOK(t)
			src := jsonString(t, resp.json(t), "id")
			shown := env.do(http.MethodGet, "/v3/sources/"+src, nil).json(t)
			if shown["name"] != "agent-host" || shown["state"] != "waiting" || shown["connected"] != true ||
				jsonString(t, shown, "init_target_server.disks.0.name") != "/dev/vda" {
				t.Errorf("the registered source: %v", shown)
			}
			defaultProject := jsonString(t, env.do(http.MethodGet, "/v3/migprojects", nil).json(t), "migprojects.0.id")
			if got := env.do(http.MethodGet, "/v3/sources?migproject="+defaultProject+"&id="+src, nil).json(t)["count"]; got != float64(1) {
				t.Errorf("the new source is not in the default project")
			}
			if got := jsonString(t, env.do(http.MethodGet, "/v3/sources/"+src+"/command", nil).json(t), "command_name"); got != "TASK_NOT_STARTED" {
				t.Errorf("command before any task = %s", got)
			}

			task := env.createTask(createBody("agent-task", src))
			env.action(task, "start").wantOK(t)
			cmd := env.do(http.MethodGet, "/v3/sources/"+src+"/command", nil).json(t)
			if cmd["command_name"] != "START" || jsonString(t, cmd, "command_param.task_id") != task {
				t.Errorf("command of a started task: %v", cmd)
			}
			env.do(http.MethodPost, "/v3/sources/"+src+"/command_result",
				map[string]any{"command_name": "START", "result": "success", "result_detail": nil}).wantOK(t)

			env.do(http.MethodPut, "/v3/sources/"+src+"/changestate", map[string]any{"copystate": "INIT", "migrationcycle": "replicating"}).wantOK(t)
			if got := env.do(http.MethodGet, "/v3/sources/"+src, nil).json(t)["state"]; got != "initialize" {
				t.Errorf("state after copystate init = %v, want initialize", got)
			}
			env.do(http.MethodPut, "/v3/sources/"+src+"/changestate", map[string]any{"copystate": "finished", "migrationcycle": "checking"}).
				wantError(t, http.StatusBadRequest, CodeCopyStateRejected, "not allowed")

			env.clock.Advance(3 * time.Minute)
			env.do(http.MethodPut, "/v3/tasks/"+task+"/progress", map[string]any{"subtask_name": "MIGRATE_LINUX_BLOCK",
				"progress": 10, "replicatesize": 1 << 30, "totalsize": 10 << 30, "process_trace": "copying",
				"total_cpu_usage": 50.5, "agent_cpu_usage": 20}).wantOK(t)
			env.do(http.MethodPost, "/v3/"+task+"/update-network-check-info", map[string]any{"network_delay": 2.5, "network_jitter": 0.4,
				"migration_speed": 800, "loss_percentage": 0, "cpu_usage": 12, "mem_usage": 30, "evaluation_result": "good",
				"domain_connectivity": true}).wantOK(t)
			shownTask := env.task(task)
			if shownTask["total_cpu_usage"] != 50.5 || shownTask["agent_cpu_usage"] != float64(20) ||
				jsonString(t, shownTask, "network_check_info.evaluation_result") != "good" ||
				!strings.HasPrefix(jsonString(t, shownTask, "subtask_info"), "MIGRATE_LINUX_BLOCK:") {
				t.Errorf("ShowTask after the Agent's reports: %v", shownTask)
			}

			env.do(http.MethodPost, "/v3/tasks/"+task+"/consistency-result", map[string]any{"consistency_result": []any{
				map[string]any{"dir_check": "/", "num_total_files": 1000, "num_different_files": 2,
					"num_target_miss_files": 0, "num_target_more_files": 1}}}).wantOK(t)
			result := env.do(http.MethodGet, "/v3/tasks/"+task+"/consistency-result", nil).json(t)
			var item map[string]any
			if err := json.Unmarshal([]byte(jsonString(t, result, "result_list.0")), &item); err != nil || item["dir_check"] != "/" ||
				item["num_different_files"] != float64(2) || item["check_result"] != "inconsistent" || result["task_id"] != task {
				t.Errorf("consistency result: %v (%v)", result, err)
			}
			if got := env.do(http.MethodGet, "/v3/sources?is_consistency_result_exist=true", nil).json(t)["count"]; got != float64(1) {
				t.Errorf("sources with a consistency result: %v", got)
			}
			export := env.do(http.MethodPost, "/v3/tasks/consistency-results/export", map[string]any{"task_info": []any{
				map[string]any{"task_id": task, "source_id": src, "source_name": "agent-host"}}})
			export.wantOK(t)
			if !strings.Contains(string(export.body), task+","+src+",agent-host,/,1000,2,0,1") {
				t.Errorf("export: %s", export.body)
			}

			// A log upload goes through the command channel.
			env.do(http.MethodPost, "/v3/tasks/"+task+"/log", map[string]any{"log_bucket": "logs"}).wantOK(t)
			cmd = env.do(http.MethodGet, "/v3/sources/"+src+"/command", nil).json(t)
			if cmd["command_name"] != "UPLOAD_LOG" || jsonString(t, cmd, "command_param.bucket") != "logs" {
				t.Errorf("command after CollectLog: %v", cmd)
			}
			env.do(http.MethodPost, "/v3/sources/"+src+"/command_result",
				map[string]any{"command_name": "UPLOAD_LOG", "result": "success", "result_detail": map[string]any{"size": 1}}).wantOK(t)
			if got := jsonString(t, env.do(http.MethodGet, "/v3/sources/"+src+"/command", nil).json(t), "command_name"); got != "START" {
				t.Errorf("command after the upload = %s, want START", got)
			}
			listed := env.do(http.MethodGet, "/v3/sources?id="+src, nil).json(t)
			if jsonString(t, listed, "source_servers.0.current_task.log_collect_status") != "UPLOADED" ||
				jsonString(t, listed, "source_servers.0.current_task.log_share_url") == "" {
				t.Errorf("current_task after the upload: %v", jsonAt(t, listed, "source_servers.0.current_task"))
			}
			if got := jsonString(t, env.do(http.MethodGet, "/v3/tasks?id="+task, nil).json(t), "tasks.0.log_collect_status"); got != "UPLOADED" {
				t.Errorf("ListTasks log_collect_status = %q", got)
			}

			env.clock.Advance(time.Hour)
			if got := jsonString(t, env.do(http.MethodGet, "/v3/sources/"+src+"/command", nil).json(t), "command_name"); got != "TASK_HAS_FINISHED" {
				t.Errorf("command after the migration = %s", got)
			}
		})
	}
}

func TestAgent_rejectsBadInput(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	before := env.snapshot()
	noIP := registration("x")
	delete(noIP, "ip")
	env.do(http.MethodPost, "/v3/sources", noIP).wantError(t, http.StatusBadRequest, CodeMandatoryMissing, "ip")
	noAgent := registration("x")
	delete(noAgent, "agent_version")
	env.do(http.MethodPost, "/v3/sources", noAgent).wantError(t, http.StatusBadRequest, CodeMandatoryMissing, "agent_version")
	env.do(http.MethodPut, "/v3/sources/nope/changestate", map[string]any{"copystate": "waiting", "migrationcycle": "checking"}).
		wantError(t, http.StatusNotFound, CodeSourceNotFound, "nope")
	env.do(http.MethodPost, "/v3/nope/update-network-check-info", map[string]any{"network_delay": 1, "network_jitter": 1,
		"migration_speed": 1, "loss_percentage": 0, "cpu_usage": 1, "mem_usage": 1, "evaluation_result": "ok"}).
		wantError(t, http.StatusNotFound, CodeTaskNotFound, "nope")
	env.do(http.MethodPost, "/v3/sources/"+linuxSourceID+"/command_result", map[string]any{"command_name": "START", "result": "maybe",
		"result_detail": nil}).wantError(t, http.StatusBadRequest, CodeNotAllowed, "result")
	if env.snapshot() != before {
		t.Errorf("refused Agent calls changed the state")
	}
}

func TestAgent_diskInfoBeforeATask(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	disks := map[string]any{"disks": []any{map[string]any{"name": "/dev/sdb", "size": 1 << 30}}, "volumegroups": []any{}}
	env.do(http.MethodPut, "/v3/sources/"+linuxSourceID+"/diskinfo", disks).wantOK(t)
	shown := env.do(http.MethodGet, "/v3/sources/"+linuxSourceID, nil).json(t)
	if len(jsonArray(t, shown, "disks")) != 1 || jsonString(t, shown, "init_target_server.disks.0.name") != "/dev/sdb" {
		t.Errorf("after UpdateDiskInfo: %v", shown["disks"])
	}
}

func TestMetadataCalls(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	if got := jsonString(t, env.do(http.MethodGet, "/", nil).json(t), "versions.0.id"); got != "v3" {
		t.Errorf("ListApiVersion: %s", got)
	}
	if got := env.do(http.MethodGet, "/v3", nil).json(t); got["status"] != "SUPPORTED" || jsonString(t, got, "links.0.href") != env.url+"/v3" {
		t.Errorf("ShowApiVersion: %v", got)
	}
	if got := jsonString(t, env.do(http.MethodGet, "/v3/config", nil).json(t), "config.mainRegion"); got != DefaultRegion {
		t.Errorf("ShowConfig: %s", got)
	}
	if got := env.do(http.MethodGet, "/v3/privacy-agreements", nil).json(t)["flag"]; got != false {
		t.Errorf("privacy flag before = %v", got)
	}
	env.do(http.MethodPost, "/v3/privacy-agreements", nil).wantOK(t)
	if got := env.do(http.MethodGet, "/v3/privacy-agreements", nil).json(t)["flag"]; got != true {
		t.Errorf("privacy flag after = %v", got)
	}
	task := env.createTask(createBody("certs", linuxSourceID))
	certs := env.do(http.MethodGet, "/v3/tasks/"+task+"/certkey?enable_ca_cert=true", nil).json(t)
	if !strings.Contains(jsonString(t, certs, "ca"), "BEGIN CERTIFICATE") || !strings.Contains(jsonString(t, certs, "private_key"), "PRIVATE KEY") {
		t.Errorf("ShowCertKey: %v", certs)
	}
}

// The Agent posts an error by failing the START command: the task fails with the
// Agent's detail and its source is listed by ListErrorServers.
func TestAgent_postsAnError(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{APIModel: APIModelCurrent})
	task := env.createTask(createBody("agent-error", linuxSourceID))
	env.action(task, "start").wantOK(t)
	env.do(http.MethodPost, "/v3/sources/"+linuxSourceID+"/command_result", map[string]any{"command_name": "START", "result": "fail",
		"result_detail": map[string]any{"error_code": "SMS.3805", "error_param": []string{"disk read failed"}}}).wantOK(t)
	shown := env.task(task)
	if shown["state"] != stateMigrateFail || !strings.Contains(jsonString(t, shown, "error_json"), "SMS.3805") {
		t.Errorf("the task after the Agent's failure: state %v, error_json %v", shown["state"], shown["error_json"])
	}
	errs := env.do(http.MethodGet, "/v3/errors?offset=0", nil).json(t)
	if errs["count"] != float64(1) || !strings.Contains(jsonString(t, errs, "migration_errors.0.error_json"), "disk read failed") {
		t.Errorf("ListErrorServers: %v", errs)
	}

	// A source the Agent reports in error is listed too, and counted in the overview.
	env.do(http.MethodPut, "/v3/sources/"+windowsSourceID+"/changestate", map[string]any{"copystate": "error", "migrationcycle": "replicating"}).wantOK(t)
	if got := env.do(http.MethodGet, "/v3/errors?offset=0", nil).json(t)["count"]; got != float64(2) {
		t.Errorf("error servers after a source went to error: %v", got)
	}
	if got := env.do(http.MethodGet, "/v3/sources/overview", nil).json(t)["error"]; got != float64(1) {
		t.Errorf("overview error count: %v", got)
	}
}

// A deleted source comes back when its Agent registers it again with its ID; a source in
// a frozen state (here stopped) drops copy-state updates unvalidated.
func TestAgent_reregistersAndFrozenStates(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	env.do(http.MethodDelete, "/v3/sources/"+linuxSourceID, nil).wantOK(t)
	again := registration("web-linux-01")
	again["id"] = linuxSourceID
	if got := jsonString(t, env.do(http.MethodPost, "/v3/sources", again).json(t), "id"); got != linuxSourceID {
		t.Fatalf("re-registration answered id %q, want %s", got, linuxSourceID)
	}
	env.do(http.MethodGet, "/v3/sources/"+linuxSourceID, nil).wantOK(t)

	path := "/v3/sources/" + linuxSourceID + "/changestate"
	env.do(http.MethodPut, path, map[string]any{"copystate": "stopped", "migrationcycle": "replicating"}).wantOK(t)
	env.do(http.MethodPut, path, map[string]any{"copystate": "bogus", "migrationcycle": "nowhere"}).wantOK(t)
	if got := env.do(http.MethodGet, "/v3/sources/"+linuxSourceID, nil).json(t)["state"]; got != "stopped" {
		t.Errorf("a stopped source's state after an update = %v, want it dropped", got)
	}
}
