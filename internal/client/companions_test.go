package client

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestListSourceServers_pagesWithFilters(t *testing.T) {
	t.Parallel()
	f := newFakeSMS(t, func(f *fakeSMS, w http.ResponseWriter, r *http.Request, _ []byte, n int) bool {
		pages := []string{
			`{"count":3,"source_servers":[{"id":"s1","name":"web-1","memory":4294967296},{"id":"s2","name":"web-2"}]}`,
			`{"count":3,"source_servers":[{"id":"s3","name":"web-3","init_target_server":{"disks":[{"name":"/dev/vda","size":10}]}}]}`,
		}
		writeBody(f.t, w, []byte(pages[n-1]))
		return true
	})
	c, _ := newTestClient(t, f, nil)
	c.listPageSize = 2
	connected := true
	servers, err := c.ListSourceServers(testContext(t), ListSourceServersFilter{Name: "web", State: "waiting", Connected: &connected})
	if err != nil {
		t.Fatalf("ListSourceServers: %v", err)
	}
	var ids []string
	for _, s := range servers {
		ids = append(ids, *s.ID)
	}
	if diff := cmp.Diff([]string{"s1", "s2", "s3"}, ids); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	if got := *servers[2].InitTargetServer.Disks[0].Name; got != "/dev/vda" {
		t.Errorf("init_target_server disk = %q", got)
	}
	var queries []string
	for _, r := range f.Requests() {
		queries = append(queries, r.Method+" "+r.Path+"?"+r.RawQuery)
	}
	want := []string{
		"GET /v3/sources?connected=true&limit=2&name=web&offset=0&state=waiting",
		"GET /v3/sources?connected=true&limit=2&name=web&offset=2&state=waiting",
	}
	if diff := cmp.Diff(want, queries); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
	assertAllSigned(t, f)
}

func TestShowSourceServer(t *testing.T) {
	t.Parallel()
	f := newFakeSMS(t, func(f *fakeSMS, w http.ResponseWriter, r *http.Request, _ []byte, _ int) bool {
		switch r.URL.Path {
		case "/v3/sources/s1":
			writeBody(f.t, w, []byte(`{"id":"s1","name":"win","memory":8192,"disks":[{"name":"Disk 1","physical_volumes":[{"name":"Z:"},{"name":"Y:"}]}],"networks":[{"mac":"fa:16:3e:00:00:01","ipv6":"fe80::1"}]}`))
		case "/v3/sources/nobody":
			writeBody(f.t, w, []byte(`{}`))
		default:
			writeJSON(f.t, w, http.StatusNotFound, map[string]string{"error_code": "SMS.1012", "error_msg": "no such source"})
		}
		return true
	})
	c, _ := newTestClient(t, f, nil)
	s, err := c.ShowSourceServer(testContext(t), "s1")
	if err != nil {
		t.Fatalf("ShowSourceServer: %v", err)
	}
	if *s.Memory != 8192 || *s.Disks[0].PhysicalVolumes[1].Name != "Y:" || *s.Networks[0].IPv6 != "fe80::1" {
		t.Errorf("decoded %+v", s)
	}
	if _, err := c.ShowSourceServer(testContext(t), "gone"); !IsNotFound(err) {
		t.Errorf("missing source: err = %v, want not found", err)
	}
	if _, err := c.ShowSourceServer(testContext(t), "nobody"); err == nil || !strings.Contains(err.Error(), "has no id") {
		t.Errorf("answer without id: err = %v", err)
	}
	if _, err := c.ShowSourceServer(testContext(t), ""); err == nil {
		t.Error("empty id accepted")
	}
}

func TestTemplates_wire(t *testing.T) {
	t.Parallel()
	stored := map[string]json.RawMessage{}
	f := newFakeSMS(t, func(f *fakeSMS, w http.ResponseWriter, r *http.Request, body []byte, _ int) bool {
		switch {
		case r.Method == http.MethodPost && r.URL.Path == "/v3/vm/templates":
			var req struct {
				Template json.RawMessage `json:"template"`
			}
			if err := json.Unmarshal(body, &req); err != nil || req.Template == nil {
				f.t.Errorf("create body %s has no template wrapper", body)
			}
			stored["tpl-1"] = req.Template
			writeBody(f.t, w, []byte(`{"id":"tpl-1"}`))
		case r.Method == http.MethodGet && r.URL.Path == "/v3/vm/templates/tpl-1":
			tpl := strings.Replace(string(stored["tpl-1"]), `"is_template":true`, `"is_template":"true"`, 1)
			writeBody(f.t, w, []byte(fmt.Sprintf(`{"template":%s}`, tpl)))
		case r.Method == http.MethodPut:
			stored["put"] = body
			w.WriteHeader(http.StatusOK)
		case r.Method == http.MethodDelete:
			w.WriteHeader(http.StatusOK)
		case r.Method == http.MethodGet && r.URL.Path == "/v3/vm/templates":
			writeBody(f.t, w, []byte(`{"count":1,"templates":[{"id":"tpl-1","name":"web","is_template":"false"}]}`))
		default:
			return false
		}
		return true
	})
	c, _ := newTestClient(t, f, nil)
	ctx := testContext(t)
	yes := true
	tpl := &Template{Name: "web", IsTemplate: &yes, PublicIP: &TemplatePublicIP{Type: "5_bgp", BandwidthSize: 10},
		Nics: []TemplateNic{{ID: "autoCreate", Name: "autoCreate", CIDR: "192.168.0.0/24"}}, TargetPassword: ptrTo("secret-pw")}
	id, err := c.CreateTemplate(ctx, tpl)
	if err != nil || id != "tpl-1" {
		t.Fatalf("CreateTemplate = %q, %v", id, err)
	}
	got, err := c.ShowTemplate(ctx, id)
	if err != nil {
		t.Fatalf("ShowTemplate: %v", err)
	}
	if *got.ID != "tpl-1" || got.Name != "web" || *got.IsTemplateText != "true" || got.PublicIP.BandwidthSize != 10 || got.Nics[0].CIDR != "192.168.0.0/24" {
		t.Errorf("ShowTemplate = %+v", got)
	}
	if err := c.UpdateTemplate(ctx, id, &Template{Name: "web-2"}); err != nil {
		t.Fatalf("UpdateTemplate: %v", err)
	}
	if want := `{"template":{"name":"web-2"}}` + "\n"; string(stored["put"]) != want {
		t.Errorf("PUT body = %s, want %s", stored["put"], want)
	}
	list, err := c.ListTemplates(ctx, ListTemplatesFilter{Name: "web"})
	if err != nil || len(list) != 1 || *list[0].IsTemplateText != "false" {
		t.Errorf("ListTemplates = %+v, %v", list, err)
	}
	if err := c.DeleteTemplate(ctx, id); err != nil {
		t.Fatalf("DeleteTemplate: %v", err)
	}
	assertAllSigned(t, f)
}

func TestTaskConfigurationsAndPassphrase(t *testing.T) {
	t.Parallel()
	var posted []byte
	f := newFakeSMS(t, func(f *fakeSMS, w http.ResponseWriter, r *http.Request, body []byte, n int) bool {
		switch r.Method + " " + r.URL.Path {
		case "POST /v3/tasks/t1/configuration-setting":
			if n == 1 {
				writeJSON(f.t, w, http.StatusServiceUnavailable, map[string]string{"error_code": "SMS.9998", "error_msg": "busy"})
				return true
			}
			posted = body
			w.WriteHeader(http.StatusOK)
		case "GET /v3/tasks/t1/configuration-setting":
			writeBody(f.t, w, []byte(`{"task_id":"t1","migrate_type":"LINUX_MIGRATE_FILE","configurations":[{"config_key":"LINUX_CPU_LIMIT","config_value":"50"}]}`))
		case "GET /v3/tasks/t1/passphrase":
			writeBody(f.t, w, []byte(`{"task_id":"t1","passphrase":"pp-secret-value"}`))
		default:
			return false
		}
		return true
	})
	capture := &logCapture{}
	c, _ := newTestClient(t, f, func(cfg *Config) { cfg.Log = capture.log })
	ctx := testContext(t)
	// A 503 is retried: the POST replaces the whole list, so repeating it is safe.
	if err := c.UpdateTaskConfigurations(ctx, "t1", nil); err != nil {
		t.Fatalf("UpdateTaskConfigurations: %v", err)
	}
	if string(posted) != `{"configurations":[]}`+"\n" {
		t.Errorf("POST body = %s", posted)
	}
	configs, err := c.ShowTaskConfigurations(ctx, "t1")
	if diff := cmp.Diff([]TaskConfiguration{{ConfigKey: "LINUX_CPU_LIMIT", ConfigValue: "50"}}, configs); err != nil || diff != "" {
		t.Errorf("ShowTaskConfigurations: %v (-want +got):\n%s", err, diff)
	}
	pp, err := c.ShowTaskPassphrase(ctx, "t1")
	if err != nil || pp != "pp-secret-value" {
		t.Errorf("ShowTaskPassphrase = %q, %v", pp, err)
	}
	logged := capture.dump()
	if !strings.Contains(logged, "/v3/tasks/t1/passphrase") || !strings.Contains(logged, `"passphrase":"***"`) {
		t.Errorf("the passphrase answer was not logged masked:\n%s", logged)
	}
	if strings.Contains(logged, "pp-secret-value") {
		t.Errorf("the passphrase reached the log:\n%s", logged)
	}
}

func ptrTo[T any](v T) *T { return &v }
