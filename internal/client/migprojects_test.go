package client

import (
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMigprojects_wire(t *testing.T) {
	t.Parallel()
	bodies := map[string]string{}
	f := newFakeSMS(t, func(f *fakeSMS, w http.ResponseWriter, r *http.Request, body []byte, n int) bool {
		switch r.Method + " " + r.URL.Path {
		case "POST /v3/migprojects":
			bodies["create"] = string(body)
			writeBody(f.t, w, []byte(`{"id":"mp-1"}`))
		case "GET /v3/migprojects/mp-1":
			// ShowMigprojectResponse has no id.
			writeBody(f.t, w, []byte(`{"name":"wave-1","region":"ap-southeast-3","type":"MIGRATE_FILE","isdefault":false,"speed_limit":100}`))
		case "PUT /v3/migprojects/mp-1":
			bodies["update"] = string(body)
			w.WriteHeader(http.StatusOK)
		case "PUT /v3/migprojects/mp-1/default":
			bodies["default"] = string(body)
			w.WriteHeader(http.StatusOK)
		case "DELETE /v3/migprojects/mp-1":
			w.WriteHeader(http.StatusOK)
		case "GET /v3/migprojects":
			pages := []string{
				`{"count":3,"migprojects":[{"id":"mp-0","name":"default","isdefault":true},{"id":"mp-1","name":"wave-1"}]}`,
				`{"count":3,"migprojects":[{"id":"mp-2","name":"wave-2"}]}`,
			}
			writeBody(f.t, w, []byte(pages[n-1]))
		default:
			writeJSON(f.t, w, http.StatusNotFound, map[string]string{"error_code": "SMS.1101", "error_msg": "no such project"})
		}
		return true
	})
	c, _ := newTestClient(t, f, nil)
	c.listPageSize = 2
	ctx := testContext(t)
	speed, no := int64(100), false
	id, err := c.CreateMigproject(ctx, &MigProject{Name: "wave-1", Region: "ap-southeast-3", Type: "MIGRATE_FILE", SpeedLimit: &speed, UsePublicIP: &no})
	if err != nil || id != "mp-1" {
		t.Fatalf("CreateMigproject = %q, %v", id, err)
	}
	got, err := c.ShowMigproject(ctx, id)
	if err != nil {
		t.Fatalf("ShowMigproject: %v", err)
	}
	if *got.ID != "mp-1" || got.Name != "wave-1" || *got.IsDefault || *got.SpeedLimit != 100 {
		t.Errorf("ShowMigproject = %+v", got)
	}
	desc := "first wave"
	if err := c.UpdateMigproject(ctx, id, &MigProject{Description: &desc}); err != nil {
		t.Fatalf("UpdateMigproject: %v", err)
	}
	if err := c.SetDefaultMigproject(ctx, id); err != nil {
		t.Fatalf("SetDefaultMigproject: %v", err)
	}
	projects, err := c.ListMigprojects(ctx)
	if err != nil {
		t.Fatalf("ListMigprojects: %v", err)
	}
	var ids []string
	for _, p := range projects {
		ids = append(ids, *p.ID)
	}
	if diff := cmp.Diff([]string{"mp-0", "mp-1", "mp-2"}, ids); diff != "" {
		t.Errorf("listed ids (-want +got):\n%s", diff)
	}
	if err := c.DeleteMigproject(ctx, id); err != nil {
		t.Fatalf("DeleteMigproject: %v", err)
	}
	if _, err := c.ShowMigproject(ctx, "gone"); !IsNotFound(err) {
		t.Errorf("missing project: err = %v, want not found", err)
	}
	// The create sends what is set, an update only the keys it changes (UpdateMigproject
	// merges), the default call an empty object.
	want := map[string]string{
		"create":  `{"name":"wave-1","region":"ap-southeast-3","speed_limit":100,"use_public_ip":false,"type":"MIGRATE_FILE"}`,
		"update":  `{"description":"first wave"}`,
		"default": `{}`,
	}
	for k := range bodies {
		bodies[k] = strings.TrimSpace(bodies[k])
	}
	if diff := cmp.Diff(want, bodies); diff != "" {
		t.Errorf("bodies (-want +got):\n%s", diff)
	}
	for _, bad := range []error{
		func() error { _, err := c.ShowMigproject(ctx, ""); return err }(),
		c.UpdateMigproject(ctx, "", &MigProject{}), c.SetDefaultMigproject(ctx, ""), c.DeleteMigproject(ctx, ""),
	} {
		if bad == nil || !strings.Contains(bad.Error(), "must not be empty") {
			t.Errorf("empty id: err = %v", bad)
		}
	}
	assertAllSigned(t, f)
}
