package emulator

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var currentIgnoring = Options{APIModel: APIModelCurrent}
var currentRejecting = Options{APIModel: APIModelCurrent, RejectSeedOnlyKeys: true}

// A seed-only key in a PUT: the seed model applies it, the current model answers 200 and
// applies only PutTaskReq's keys, or (rejecting) answers 400 and changes nothing.
func TestAPIModel_seedOnlyKeysInPut(t *testing.T) {
	t.Parallel()
	put := map[string]any{"name": "renamed", "priority": 2, "os_type": "WINDOWS", "start_target_server": false}
	cases := []struct {
		name          string
		opts          Options
		wantStatus    int
		wantName      string
		wantPriority  float64
		wantOSType    string
		wantErrorCode string
	}{
		{"seed", seedModel, http.StatusOK, "renamed", 2, "WINDOWS", ""},
		{"current ignoring", currentIgnoring, http.StatusOK, "renamed", 1, "LINUX", ""},
		{"current rejecting", currentRejecting, http.StatusBadRequest, "t", 1, "LINUX", CodeNotInUpdateBody},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := newTestEnv(t, tc.opts)
			id := env.createTask(createBody("t", linuxSourceID))
			before := env.snapshot()
			resp := env.do(http.MethodPut, "/v3/tasks/"+id, put)
			if tc.wantErrorCode != "" {
				resp.wantError(t, tc.wantStatus, tc.wantErrorCode,
					"os_type, priority, start_target_server are not in the update body (PutTaskReq)")
				if env.snapshot() != before {
					t.Fatal("a rejected PUT changed the state")
				}
			} else {
				resp.wantOK(t)
			}
			got := env.task(id)
			if jsonString(t, got, "name") != tc.wantName || jsonNumber(t, got, "priority") != tc.wantPriority ||
				jsonString(t, got, "os_type") != tc.wantOSType {
				t.Fatalf("after the PUT: name %v, priority %v, os_type %v; want %s, %v, %s",
					got["name"], got["priority"], got["os_type"], tc.wantName, tc.wantPriority, tc.wantOSType)
			}
		})
	}
}

// ShowTask: the seed model returns everything stored; the current one a summary of
// source_server and a subset of target_server.
func TestAPIModel_showTaskShapes(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name       string
		opts       Options
		wantSource []string
		wantTarget []string
	}{
		{"seed", seedModel, []string{"agent_version", "id", "ip", "name", "os_type", "os_version"},
			[]string{"disks", "hostname", "ip", "name", "networks", "os_type", "vm_id"}},
		{"current", currentIgnoring, []string{"id", "ip", "name", "os_type", "os_version"},
			[]string{"disks", "ip", "name", "os_type", "vm_id"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := newTestEnv(t, tc.opts)
			id := env.createTask(createBody("t", linuxSourceID))
			// hostname and networks are in both update bodies; only the seed's ShowTask returns them.
			target := map[string]any{"name": "t2", "vm_id": "vm-2", "ip": "10.0.0.9", "os_type": "LINUX", "disks": []any{},
				"hostname": "web", "networks": []any{map[string]any{"name": "eth0", "ip": "10.0.0.9", "netmask": "255.255.255.0",
					"gateway": "10.0.0.1", "mac": "fa:16:3e:00:00:01"}}}
			env.do(http.MethodPut, "/v3/tasks/"+id, map[string]any{"target_server": target}).wantOK(t)
			got := env.task(id)
			if diff := cmp.Diff(tc.wantSource, keysOf(jsonObject(t, got, "source_server"))); diff != "" {
				t.Errorf("source_server keys (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantTarget, keysOf(jsonObject(t, got, "target_server"))); diff != "" {
				t.Errorf("target_server keys (-want +got):\n%s", diff)
			}
		})
	}
}

// target_server.btrfs_list: strings in the seed's PUT, objects in the current one; ShowTask
// returns strings in both.
func TestAPIModel_btrfsListShapes(t *testing.T) {
	t.Parallel()
	fsObject := map[string]any{"name": "fs1", "uuid": "b-1"}
	cases := []struct {
		name    string
		opts    Options
		item    any
		wantErr string
	}{
		{"seed strings", seedModel, "fs1", ""},
		{"seed objects", seedModel, fsObject, "target_server.btrfs_list[0] must be a string, got an object"},
		{"current objects", currentIgnoring, fsObject, ""},
		{"current strings", currentIgnoring, "fs1", "target_server.btrfs_list[0] must be an object, got a string"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := newTestEnv(t, tc.opts)
			id := env.createTask(createBody("t", linuxSourceID))
			target := map[string]any{"ip": "10.0.0.9", "os_type": "LINUX", "disks": []any{}, "btrfs_list": []any{tc.item}}
			resp := env.do(http.MethodPut, "/v3/tasks/"+id, map[string]any{"target_server": target})
			if tc.wantErr != "" {
				resp.wantError(t, http.StatusBadRequest, CodeWrongType, tc.wantErr)
				return
			}
			resp.wantOK(t)
			if got := jsonArray(t, env.task(id), "target_server.btrfs_list"); !cmp.Equal(got, []any{"fs1"}) {
				t.Fatalf("btrfs_list = %v, want [fs1]", got)
			}
		})
	}
}

// The current model relaxes TargetServer and NetWork: a partial target_server is accepted.
func TestAPIModel_partialTargetServer(t *testing.T) {
	t.Parallel()
	target := map[string]any{"name": "t2", "networks": []any{map[string]any{"mac": "fa:16:3e:00:00:01", "ipv6": "fd00::1"}}}
	seed := newTestEnv(t, seedModel)
	id := seed.createTask(createBody("t", linuxSourceID))
	seed.do(http.MethodPut, "/v3/tasks/"+id, map[string]any{"target_server": target}).
		wantError(t, http.StatusBadRequest, CodeMandatoryMissing, "target_server.ip is mandatory")

	current := newTestEnv(t, currentIgnoring)
	id = current.createTask(createBody("t", linuxSourceID))
	current.do(http.MethodPut, "/v3/tasks/"+id, map[string]any{"target_server": target}).wantOK(t)
	if got := jsonString(t, current.task(id), "target_server.name"); got != "t2" {
		t.Fatalf("target_server.name = %q, want t2", got)
	}
	current.do(http.MethodPut, "/v3/tasks/"+id, map[string]any{"target_server": map[string]any{"networks": []any{map[string]any{"ip": "10.0.0.1"}}}}).
		wantError(t, http.StatusBadRequest, CodeMandatoryMissing, "target_server.networks[0].mac is mandatory")
}

// The keys PutTaskReq added: enterprise_project renames enterprise_project_id (and is
// unknown to the seed model), use_ipv6 governs migration_ip, and the ID lists are kept
// but never returned.
func TestAPIModel_addedKeys(t *testing.T) {
	t.Parallel()
	put := map[string]any{"enterprise_project": "ep-1", "use_ipv6": true, "migration_ip": "fd00::5",
		"target_disk_ids": "d-1 d-2", "snapshot_ids": "s-1;s-2", "image_disk_id": "img-1", "cutovered_snapshot_ids": "c-1"}

	current := newTestEnv(t, currentIgnoring)
	id := current.createTask(createBody("t", linuxSourceID))
	current.do(http.MethodPut, "/v3/tasks/"+id, put).wantOK(t)
	got := current.task(id)
	if jsonString(t, got, "enterprise_project_id") != "ep-1" || jsonString(t, got, "migration_ip") != "fd00::5" {
		t.Fatalf("after the PUT: enterprise_project_id %v, migration_ip %v", got["enterprise_project_id"], got["migration_ip"])
	}
	for _, key := range []string{"enterprise_project", "use_ipv6", "target_disk_ids", "snapshot_ids", "image_disk_id", "cutovered_snapshot_ids"} {
		if _, shown := got[key]; shown {
			t.Errorf("ShowTask returned %s, which the current ShowTask never returns", key)
		}
	}
	current.do(http.MethodPut, "/v3/tasks/"+id, map[string]any{"use_ipv6": false, "migration_ip": "fd00::6"}).
		wantError(t, http.StatusBadRequest, CodeNotAllowed, "migration_ip must be an IPv4 address because use_ipv6 is not true")

	seed := newTestEnv(t, seedModel)
	id = seed.createTask(createBody("t", linuxSourceID))
	seed.do(http.MethodPut, "/v3/tasks/"+id, map[string]any{"enterprise_project": "ep-1"}).wantOK(t)
	if got := jsonString(t, seed.task(id), "enterprise_project_id"); got != "0" {
		t.Fatalf("the seed model applied enterprise_project: enterprise_project_id = %q", got)
	}
}

// CreateTask: with a vm_template_id the current model accepts a target_server without
// name and vm_id; the seed model (and the current one without a template) does not.
func TestAPIModel_createWithoutTargetName(t *testing.T) {
	t.Parallel()
	body := func(template bool) map[string]any {
		b := createBody("t", linuxSourceID)
		b["target_server"] = map[string]any{}
		if template {
			b["vm_template_id"] = "tpl-1"
		}
		return b
	}
	seed := newTestEnv(t, seedModel)
	seed.do(http.MethodPost, "/v3/tasks", body(true)).
		wantError(t, http.StatusBadRequest, CodeMandatoryMissing, "target_server.name is mandatory")
	current := newTestEnv(t, currentIgnoring)
	current.do(http.MethodPost, "/v3/tasks", body(false)).
		wantError(t, http.StatusBadRequest, CodeMandatoryMissing, "target_server.name is mandatory unless vm_template_id is given")
	id := current.createTask(body(true))
	if got := jsonString(t, current.task(id), "vm_template_id"); got != "tpl-1" {
		t.Fatalf("vm_template_id = %q", got)
	}
}

func TestAPIModel_options(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		opts Options
		want string
	}{
		"unknown model":             {Options{APIModel: "2024"}, `APIModel: API model must be one of seed, current, got "2024"`},
		"rejecting in the seed":     {Options{APIModel: APIModelSeed, RejectSeedOnlyKeys: true}, "RejectSeedOnlyKeys applies only to APIModel current"},
		"rejecting, model unset":    {Options{RejectSeedOnlyKeys: true}, ""},
		"explicit current (ok)":     {Options{APIModel: APIModelCurrent}, ""},
		"zero value is the current": {Options{}, ""},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			e, err := New(tc.opts)
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("New: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("New error = %v, want one containing %q", err, tc.want)
			case tc.want == "" && tc.opts.APIModel == "" && e.opts.APIModel != APIModelCurrent:
				t.Fatalf("APIModel = %q, want current", e.opts.APIModel)
			}
		})
	}
}

func keysOf(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Every answer names the model in X-Sms-Emulator-Api-Model: success, SMS and gateway
// errors, injected faults and the admin endpoints.
func TestAPIModel_responseHeader(t *testing.T) {
	t.Parallel()
	for _, model := range APIModels {
		t.Run(string(model), func(t *testing.T) {
			t.Parallel()
			srv, err := Start(Options{APIModel: model, Clock: NewManualClock(testEpoch)})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = srv.Close() })
			srv.SetFaults("/v3/tasks/faulty", Faults{Rate503: 1})
			token := http.Header{"X-Auth-Token": {DefaultAuthToken}}
			calls := []struct {
				name, method, path string
				header             http.Header
				wantStatus         int
			}{
				{"ok", http.MethodGet, "/v3/tasks", token, http.StatusOK},
				{"SMS error", http.MethodGet, "/v3/tasks/no-such-task", token, http.StatusNotFound},
				{"gateway error", http.MethodGet, "/v3/tasks", nil, http.StatusUnauthorized},
				{"injected fault", http.MethodGet, "/v3/tasks/faulty", token, http.StatusServiceUnavailable},
				{"admin", http.MethodGet, "/__emulator/health", nil, http.StatusOK},
			}
			for _, c := range calls {
				req, err := http.NewRequest(c.method, srv.URL+c.path, nil)
				if err != nil {
					t.Fatal(err)
				}
				req.Header = c.header.Clone()
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				_ = resp.Body.Close()
				if resp.StatusCode != c.wantStatus || resp.Header.Get(APIModelHeader) != string(model) {
					t.Errorf("%s: status %d, %s %q; want %d, %q", c.name, resp.StatusCode, APIModelHeader,
						resp.Header.Get(APIModelHeader), c.wantStatus, model)
				}
			}
		})
	}
}

// Today the first NIC's MAC must not be empty (the others' may be); the seed allows "".
func TestAPIModel_firstMACNotEmpty(t *testing.T) {
	t.Parallel()
	nics := func(macs ...string) map[string]any {
		list := make([]any, len(macs))
		for i, mac := range macs {
			list[i] = map[string]any{"name": "eth", "ip": "10.0.0.9", "netmask": "255.255.255.0", "gateway": "10.0.0.1", "mac": mac}
		}
		return map[string]any{"target_server": map[string]any{"ip": "10.0.0.9", "os_type": "LINUX", "disks": []any{}, "networks": list}}
	}
	current := newTestEnv(t, currentIgnoring)
	id := current.createTask(createBody("t", linuxSourceID))
	before := current.snapshot()
	current.do(http.MethodPut, "/v3/tasks/"+id, nics("", "fa:16:3e:00:00:02")).wantError(t, http.StatusBadRequest, CodeNotAllowed,
		"target_server.networks[0].mac must not be empty: the first NIC needs its MAC address")
	if current.snapshot() != before {
		t.Fatal("a refused PUT changed the state")
	}
	current.do(http.MethodPut, "/v3/tasks/"+id, nics("fa:16:3e:00:00:01", "")).wantOK(t)

	seed := newTestEnv(t, seedModel)
	id = seed.createTask(createBody("t", linuxSourceID))
	seed.do(http.MethodPut, "/v3/tasks/"+id, nics("", "")).wantOK(t)
}
