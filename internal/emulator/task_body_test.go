package emulator

import (
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCreateTask_storedBody(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, seedModel)
	body := createBody("web-01", linuxSourceID)
	body["migration_ip"] = "192.168.1.10"
	body["vm_template_id"] = "tpl-1"
	jsonObject(t, body, "target_server")["disks"] = []any{
		map[string]any{"name": "disk 1", "size": 100, "used_size": 50, "device_use": "OS",
			"physical_volumes": []any{map[string]any{"name": "/dev/vda1", "size": 100, "inode_size": 7}}},
		map[string]any{"name": "disk 2", "size": 200},
	}
	id := env.createTask(body)
	got := env.task(id)
	want := map[string]any{
		"id": id, "name": "web-01", "type": "MIGRATE_BLOCK", "os_type": "LINUX", "priority": float64(1),
		"region_id": DefaultRegion, "region_name": DefaultRegion, "project_id": DefaultProjectID, "project_name": DefaultRegion,
		"start_target_server": true, "enterprise_project_id": "0", "migration_ip": "192.168.1.10", "speed_limit": float64(0),
		"vm_template_id": "tpl-1", "state": stateReady, "connected": true, "create_date": float64(testEpoch.UnixMilli()),
		"sub_tasks": []any{}, "need_migration_test": false,
		"source_server": map[string]any{"id": linuxSourceID, "ip": "10.0.0.21", "name": "web-linux-01", "os_type": "LINUX",
			"os_version": "CENTOS7_64BIT", "agent_version": "24.3.0"},
		"target_server": map[string]any{
			"name": "target-web-01", "vm_id": "vm-web-01", "ip": "", "os_type": "LINUX", "volume_groups": []any{}, "btrfs_list": []any{},
			"disks": []any{
				map[string]any{"id": float64(1000001), "name": "disk 1", "size": float64(100), "used_size": float64(50), "device_use": "OS",
					"physical_volumes": []any{map[string]any{"id": float64(2000001), "name": "/dev/vda1", "size": float64(100), "device_use": "NORMAL"}}},
				map[string]any{"id": float64(1000002), "name": "disk 2", "size": float64(200), "device_use": "NORMAL"},
			},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("created task (-want +got):\n%s", diff)
	}
}

func TestUpdateTask_seedExample(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, seedModel)
	id := env.createTask(createBody("task-1", windowsSourceID))
	env.do(http.MethodPut, "/v3/tasks/"+id, seedPutExample(t)).wantOK(t)
	got := env.task(id)

	checks := map[string]any{
		"id": id, "name": "MigrationTask", "state": "RUNNING", "create_date": float64(1598435778000), "total_time": float64(115),
		"vm_template_id": "38d53ae9-70e3-4587-89c9-6219d3d4e962", "error_json": "", "priority": float64(1),
	}
	for k, want := range checks {
		if got[k] != want {
			t.Errorf("%s = %v, want %v", k, got[k], want)
		}
	}
	for _, cleared := range []string{"migration_ip", "float_ip", "finish_date", "estimate_complete_time", "clone_server"} {
		if v, has := got[cleared]; has {
			t.Errorf("%s = %v, want it cleared by the PUT's null", cleared, v)
		}
	}
	ts := jsonObject(t, got, "target_server")
	disk := jsonObject(t, ts, "disks.0")
	pv := jsonObject(t, disk, "physical_volumes.1")
	if disk["id"] != float64(88008) || pv["id"] != float64(135056) || pv["uuid"] != `\\?\Volume{586b7157-0000-0000-0000-501f00000000}\` {
		t.Errorf("target disk %v / volume %v lost the ids or uuid the PUT sent", disk["id"], pv)
	}
	if _, has := ts["ip"]; has {
		t.Errorf("target_server.ip = %v, want it absent after ip: null", ts["ip"])
	}
	src := jsonObject(t, got, "source_server")
	if src["state"] != "initialize" || src["migration_cycle"] != "replicating" || src["agent_version"] != "1.2.0" {
		t.Errorf("source_server = %v", src)
	}
	if n := len(jsonArray(t, got, "sub_tasks")); n != 5 {
		t.Errorf("%d sub_tasks, want the seed's 5", n)
	}
	// The PUT's RUNNING is the Agent's word: the task cannot be deleted until it is stopped.
	env.do(http.MethodDelete, "/v3/tasks/"+id, nil).wantError(t, http.StatusBadRequest, CodeTaskNotDeletable, "is RUNNING")
	env.action(id, "stop").wantOK(t)
	env.clock.Advance(abortDelayMS * 1e6)
	env.do(http.MethodDelete, "/v3/tasks/"+id, nil).wantOK(t)
}

func TestUpdateTask_replacesTopLevelKeys(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, seedModel)
	body := createBody("web-01", linuxSourceID)
	body["migration_ip"] = "10.1.1.1"
	id := env.createTask(body)
	before := env.task(id)

	put := map[string]any{
		"name":         "web-02",
		"migration_ip": nil,
		"speed_limit":  50,
		"id":           "ignored",
		"source_server": map[string]any{"ip": "10.0.0.99", "name": "renamed", "os_type": "LINUX", "agent_version": "25.0.0",
			"hostname": "web", "os_version": nil},
		"target_server": map[string]any{"ip": nil, "os_type": "LINUX", "name": "t2", "disks": []any{
			map[string]any{"id": 42, "name": "kept id"},
			map[string]any{"name": "new", "physical_volumes": []any{map[string]any{"name": "p"}}},
		}, "volume_groups": []any{map[string]any{"name": "vg0", "logical_volumes": []any{map[string]any{
			"file_system": "xfs", "inode_size": 1, "mount_point": "/", "name": "lv", "size": 1, "used_size": 1, "free_size": 0}}}}},
	}
	env.do(http.MethodPut, "/v3/tasks/"+id, put).wantOK(t)
	got := env.task(id)

	want := deepCopyAny(t, before)
	want["name"] = "web-02"
	delete(want, "migration_ip")
	want["speed_limit"] = float64(50)
	// source_server: what was sent, the rest from the registration (id included).
	want["source_server"] = map[string]any{"id": linuxSourceID, "ip": "10.0.0.99", "name": "renamed", "os_type": "LINUX",
		"agent_version": "25.0.0", "hostname": "web", "os_version": "CENTOS7_64BIT"}
	// target_server: replaced whole; new disks and volumes get ids, defaults are filled.
	want["target_server"] = map[string]any{"os_type": "LINUX", "name": "t2", "disks": []any{
		map[string]any{"id": float64(42), "name": "kept id", "device_use": "NORMAL"},
		map[string]any{"id": float64(1000001), "name": "new", "device_use": "NORMAL",
			"physical_volumes": []any{map[string]any{"id": float64(2000001), "name": "p", "device_use": "NORMAL"}}},
	}, "volume_groups": []any{map[string]any{"name": "vg0", "logical_volumes": []any{map[string]any{
		"file_system": "xfs", "inode_size": float64(1), "mount_point": "/", "name": "lv", "size": float64(1), "used_size": float64(1),
		"free_size": float64(0), "block_count": float64(0), "block_size": float64(0)}}}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("task after PUT (-want +got):\n%s", diff)
	}
	env.do(http.MethodPut, "/v3/tasks/no-such-task", map[string]any{}).wantError(t, http.StatusNotFound, CodeTaskNotFound, "no-such-task")
}

func deepCopyAny(t *testing.T, v map[string]any) map[string]any {
	t.Helper()
	var out map[string]any
	mustRoundTrip(v, &out)
	return out
}
