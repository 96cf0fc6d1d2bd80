package emulator

import (
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestShowServer_builtinDetails(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})

	win := env.do(http.MethodGet, "/v3/sources/"+windowsSourceID, nil)
	win.wantOK(t)
	w := win.json(t)
	if got := []string{jsonString(t, w, "disks.0.physical_volumes.0.name"), jsonString(t, w, "disks.0.physical_volumes.1.name")}; !cmp.Equal(got, []string{"Z:", "Y:"}) {
		t.Errorf("Windows volumes = %v, want [Z: Y:]", got)
	}
	if got := jsonString(t, w, "init_target_server.disks.0.physical_volumes.1.name"); got != "Y:" {
		t.Errorf("init_target_server volume = %q, want Y:", got)
	}
	if got := jsonNumber(t, w, "memory"); got != 8192 {
		t.Errorf("ShowServer memory = %v, want 8192 (MB)", got)
	}
	if got := jsonArray(t, w, "volume_groups"); len(got) != 0 {
		t.Errorf("Windows volume_groups = %v, want []", got)
	}

	lin := env.do(http.MethodGet, "/v3/sources/"+linuxSourceID, nil)
	lin.wantOK(t)
	l := lin.json(t)
	for path, want := range map[string]string{
		"volume_groups.0.logical_volumes.0.mount_point": "/",
		"btrfs_list.0.subvolumn.0.subvol_mount_path":    "/data/www",
		"init_target_server.volume_groups.0.name":       "centos",
		"name":          "web-linux-01",
		"agent_version": "24.3.0",
	} {
		if got := jsonString(t, l, path); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	if _, found := l["boot_loader"]; found {
		t.Errorf("ShowServer answers boot_loader, which ShowServerResponse does not have")
	}

	env.do(http.MethodGet, "/v3/sources/no-such-source", nil).wantError(t, http.StatusNotFound, CodeSourceNotFound, "no-such-source")
	env.do(http.MethodPatch, "/v3/sources/"+linuxSourceID, nil).wantError(t, http.StatusNotFound, CodeGatewayNoSuchAPI, "")
}

func TestShowServer_currentTask(t *testing.T) {
	t.Parallel()
	// The endpoints are the same in both task-API models.
	for _, model := range []APIModel{APIModelSeed, APIModelCurrent} {
		t.Run(string(model), func(t *testing.T) {
			t.Parallel()
			env := newTestEnv(t, Options{APIModel: model})
			id := env.createTask(createBody("t1", linuxSourceID))
			got := env.do(http.MethodGet, "/v3/sources/"+linuxSourceID, nil).json(t)
			if jsonString(t, got, "current_task.id") != id || jsonString(t, got, "current_task.state") != "READY" {
				t.Errorf("current_task = %v, want task %s READY", got["current_task"], id)
			}
		})
	}
}

func TestListServers_filtersAndPaging(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{SourceServers: []SourceServer{{ID: "extra-1", Name: "db-linux-09", IP: "10.0.0.99", OSType: "LINUX"}}})
	cases := []struct {
		query     string
		wantCount float64
		wantNames []string
	}{
		{"", 4, []string{"name-win16", "web-linux-01", "fail-linux-01", "db-linux-09"}},
		{"?limit=2&offset=1", 4, []string{"web-linux-01", "fail-linux-01"}},
		{"?name=linux", 3, []string{"web-linux-01", "fail-linux-01", "db-linux-09"}},
		{"?name=web-linux-01", 1, []string{"web-linux-01"}},
		{"?ip=10.0.0.99", 1, []string{"db-linux-09"}},
		{"?id=" + windowsSourceID, 1, []string{"name-win16"}},
		{"?state=waiting&limit=1", 4, []string{"name-win16"}},
		{"?state=finished", 0, nil},
		{"?connected=false", 0, nil},
		{"?migproject=p1", 0, nil},
	}
	for _, tc := range cases {
		t.Run(tc.query, func(t *testing.T) {
			t.Parallel()
			resp := env.do(http.MethodGet, "/v3/sources"+tc.query, nil)
			resp.wantOK(t)
			got := resp.json(t)
			var names []string
			for _, s := range jsonArray(t, got, "source_servers") {
				names = append(names, jsonString(t, s, "name"))
			}
			if got["count"] != tc.wantCount {
				t.Errorf("count = %v, want %v", got["count"], tc.wantCount)
			}
			if diff := cmp.Diff(tc.wantNames, names); diff != "" {
				t.Errorf("names (-want +got):\n%s", diff)
			}
		})
	}
	listed := env.do(http.MethodGet, "/v3/sources?id="+windowsSourceID, nil).json(t)
	if got := jsonNumber(t, listed, "source_servers.0.memory"); got != 8192<<20 {
		t.Errorf("ListServers memory = %v, want %v (bytes)", got, 8192<<20)
	}
	env.do(http.MethodGet, "/v3/sources?state=bogus", nil).wantError(t, http.StatusBadRequest, CodeNotAllowed, `state must be one of unavailable`)
	env.do(http.MethodGet, "/v3/sources?limit=x", nil).wantError(t, http.StatusBadRequest, CodeWrongType, "limit must be an integer")
}

func templateBodyFor(name string) map[string]any {
	return map[string]any{"template": map[string]any{
		"name": name, "is_template": true, "region": DefaultRegion, "projectid": DefaultProjectID,
		"availability_zone": "ap-southeast-3a", "target_server_name": name + "-vm", "volumetype": "SSD",
		"vpc":             map[string]any{"id": "autoCreate", "name": "autoCreate"},
		"nics":            []any{map[string]any{"id": "autoCreate", "name": "autoCreate", "cidr": "192.168.0.0/24"}},
		"security_groups": []any{map[string]any{"id": "autoCreate", "name": "autoCreate"}},
		"publicip":        map[string]any{"type": "5_bgp", "bandwidth_size": 350},
		"disk":            []any{map[string]any{"index": 0, "name": "disk-0", "disktype": "SSD", "size": 40}},
		"target_password": "S3cret!pass",
	}}
}

func TestTemplates_crud(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	resp := env.do(http.MethodPost, "/v3/vm/templates", templateBodyFor("tpl-web"))
	resp.wantOK(t)
	id := jsonString(t, resp.json(t), "id")

	got := env.do(http.MethodGet, "/v3/vm/templates/"+id, nil).json(t)
	for path, want := range map[string]string{"template.id": id, "template.name": "tpl-web", "template.is_template": "true",
		"template.nics.0.id": "autoCreate", "template.publicip.type": "5_bgp"} {
		if g := jsonString(t, got, path); g != want {
			t.Errorf("%s = %q, want %q", path, g, want)
		}
	}

	// Show masks the password and numbers the disks.
	if g := jsonString(t, got, "template.target_password"); g != maskedPassword {
		t.Errorf("ShowTemplate's target_password = %q, want it masked", g)
	}
	if jsonNumber(t, got, "template.disk.0.id") == 0 {
		t.Errorf("the template's disk has no id: %v", got)
	}
	diskID := jsonNumber(t, got, "template.disk.0.id")

	// An update merges: keys left out keep their values, null clears one; the wrapper
	// is optional.
	env.do(http.MethodPut, "/v3/vm/templates/"+id, map[string]any{"name": "tpl-web-2", "flavor": "s6.large.2", "image_id": nil}).wantOK(t)
	got = env.do(http.MethodGet, "/v3/vm/templates/"+id, nil).json(t)
	if jsonString(t, got, "template.name") != "tpl-web-2" || jsonString(t, got, "template.flavor") != "s6.large.2" ||
		jsonString(t, got, "template.vpc.id") != "autoCreate" || jsonNumber(t, got, "template.disk.0.id") != diskID {
		t.Errorf("after update: %v", got)
	}
	if pw := env.do(http.MethodGet, "/v3/vm/templates/"+id+"/target-password", nil).json(t); pw["target_password"] != "S3cret!pass" {
		t.Errorf("the password after an update that left it out: %v", pw)
	}

	env.do(http.MethodPost, "/v3/vm/templates", templateBodyFor("tpl-db")).wantOK(t)
	list := env.do(http.MethodGet, "/v3/vm/templates?name=tpl-db", nil).json(t)
	if list["count"] != float64(1) || jsonString(t, list, "templates.0.name") != "tpl-db" {
		t.Errorf("list by name: %v", list)
	}

	env.do(http.MethodDelete, "/v3/vm/templates/"+id, nil).wantOK(t)
	env.do(http.MethodGet, "/v3/vm/templates/"+id, nil).wantError(t, http.StatusNotFound, CodeTemplateNotFound, id)
	env.do(http.MethodDelete, "/v3/vm/templates/"+id, nil).wantError(t, http.StatusNotFound, CodeTemplateNotFound, id)
}

func TestTemplates_validation(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	before := env.snapshot()
	cases := []struct {
		name       string
		path       string
		value      any
		code, text string
	}{
		{"name chars", "template.name", "bad name!", CodeNotAllowed, "template.name may contain only"},
		{"name missing", "template.name", deleteKey, CodeMandatoryMissing, "template.name is mandatory"},
		{"nic cidr missing", "template.nics.0.cidr", deleteKey, CodeMandatoryMissing, "template.nics[0].cidr is mandatory"},
		{"autoCreate with another", "template.security_groups", []any{map[string]any{"id": "autoCreate", "name": "a"}, map[string]any{"id": "sg-1", "name": "b"}},
			CodeNotAllowed, "security_groups[0].id is autoCreate, which must be the only item"},
		{"bandwidth step", "template.publicip.bandwidth_size", 333, CodeNotAllowed, "publicip.bandwidth_size must be a multiple of 50"},
		{"bandwidth range", "template.publicip.bandwidth_size", 0, CodeOutOfRange, "template.publicip.bandwidth_size must be between 1 and 2000"},
		{"disk size type", "template.disk.0.size", "40", CodeWrongType, "template.disk[0].size must be an integer"},
	}
	for _, tc := range cases {
		body := templateBodyFor("tpl")
		setPath(t, body, tc.path, tc.value)
		env.do(http.MethodPost, "/v3/vm/templates", body).wantError(t, http.StatusBadRequest, tc.code, tc.text)
	}
	env.do(http.MethodPost, "/v3/vm/templates", map[string]any{"name": "x"}).wantError(t, http.StatusBadRequest, CodeMandatoryMissing, "template is mandatory")
	if after := env.snapshot(); after != before {
		t.Errorf("a rejected template changed the state")
	}
}

func TestTaskConfigurations(t *testing.T) {
	t.Parallel()
	// The endpoints are the same in both task-API models.
	for _, model := range []APIModel{APIModelSeed, APIModelCurrent} {
		t.Run(string(model), func(t *testing.T) {
			t.Parallel()
			env := newTestEnv(t, Options{APIModel: model})
			id := env.createTask(createBody("t1", linuxSourceID))
			path := "/v3/tasks/" + id + "/configuration-setting"

			got := env.do(http.MethodGet, path, nil).json(t)
			if len(jsonArray(t, got, "configurations")) != 0 || jsonString(t, got, "migrate_type") != "LINUX_MIGRATE_BLOCK" {
				t.Errorf("initial configuration = %v", got)
			}
			env.do(http.MethodPost, path, map[string]any{"configurations": []any{
				map[string]any{"config_key": "LINUX_CPU_LIMIT", "config_value": "50"},
				map[string]any{"config_key": "MIGRATE_EXCLUDE_DIR", "config_value": "/tmp,/var/cache"},
			}}).wantOK(t)
			got = env.do(http.MethodGet, path+"?config_key=LINUX_CPU_LIMIT", nil).json(t)
			if diff := cmp.Diff([]any{map[string]any{"config_key": "LINUX_CPU_LIMIT", "config_value": "50"}}, got["configurations"]); diff != "" {
				t.Errorf("filtered configurations (-want +got):\n%s", diff)
			}
			// A POST replaces the whole list.
			env.do(http.MethodPost, path, map[string]any{"configurations": []any{map[string]any{"config_key": "DYNAMIC_PORT", "config_value": "true"}}}).wantOK(t)
			if got := jsonArray(t, env.do(http.MethodGet, path, nil).json(t), "configurations"); len(got) != 1 {
				t.Errorf("after replace: %v", got)
			}

			env.do(http.MethodPost, path, map[string]any{"configurations": []any{map[string]any{"config_key": "BOGUS", "config_value": "1"}}}).
				wantError(t, http.StatusBadRequest, CodeNotAllowed, "configurations[0].config_key must be one of MIGRATE_EXCLUDE_DIR")
			env.do(http.MethodPost, path, map[string]any{"configurations": []any{
				map[string]any{"config_key": "DYNAMIC_PORT", "config_value": "1"}, map[string]any{"config_key": "DYNAMIC_PORT", "config_value": "2"},
			}}).wantError(t, http.StatusBadRequest, CodeNotAllowed, "configurations[1].config_key DYNAMIC_PORT is already given")
			env.do(http.MethodPost, "/v3/tasks/nope/configuration-setting", map[string]any{"configurations": []any{}}).wantError(t, http.StatusNotFound, CodeTaskNotFound, "nope")

			first := jsonString(t, env.do(http.MethodGet, "/v3/tasks/"+id+"/passphrase", nil).json(t), "passphrase")
			second := env.do(http.MethodGet, "/v3/tasks/"+id+"/passphrase", nil).json(t)
			if first == "" || jsonString(t, second, "passphrase") != first || jsonString(t, second, "task_id") != id {
				t.Errorf("passphrase answers %q then %v", first, second)
			}
		})
	}
}

// TestCompanions_faultsAndJournal: the source, template and configuration endpoints are
// journaled and take injected faults like the task endpoints.
func TestCompanions_faultsAndJournal(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	id := env.createTask(createBody("t1", linuxSourceID))
	env.e.SetFaults("/v3/sources", Faults{Rate503: 1})
	env.e.SetFaults("/v3/vm/templates", Faults{Rate429: 1, Methods: []string{http.MethodPost}})
	before := env.snapshot()
	env.do(http.MethodGet, "/v3/sources/"+linuxSourceID, nil).wantError(t, http.StatusServiceUnavailable, CodeUnavailable, "injected")
	env.do(http.MethodPost, "/v3/vm/templates", templateBodyFor("tpl")).wantError(t, http.StatusTooManyRequests, CodeGatewayThrottled, "injected")
	if env.snapshot() != before {
		t.Error("a faulted create changed the state")
	}
	env.do(http.MethodGet, "/v3/vm/templates", nil).wantOK(t) // GET is not faulted
	env.do(http.MethodGet, "/v3/tasks/"+id+"/passphrase", nil).wantOK(t)

	var got []string
	for _, j := range env.e.Journal() {
		got = append(got, j.Method+" "+j.Path+" "+j.Fault)
	}
	want := []string{"POST /v3/tasks ", "GET /v3/sources/" + linuxSourceID + " 503", "POST /v3/vm/templates 429",
		"GET /v3/vm/templates ", "GET /v3/tasks/" + id + "/passphrase "}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("journal (-want +got):\n%s", diff)
	}
}
