package emulator

import (
	"net/http"
	"testing"
)

func TestMigprojects_lifecycle(t *testing.T) {
	t.Parallel()
	for _, model := range APIModels {
		t.Run(string(model), func(t *testing.T) {
			t.Parallel()
			env := newTestEnv(t, Options{APIModel: model})
			list := env.do(http.MethodGet, "/v3/migprojects", nil).json(t)
			if list["count"] != float64(1) || jsonAt(t, list, "migprojects.0.isdefault") != true {
				t.Fatalf("a fresh account has one default project, got %v", list)
			}
			defaultID := jsonString(t, list, "migprojects.0.id")

			resp := env.do(http.MethodPost, "/v3/migprojects", map[string]any{"name": "wave-1", "region": DefaultRegion,
				"type": "MIGRATE_FILE", "speed_limit": 100, "use_public_ip": false})
			resp.wantOK(t)
			id := jsonString(t, resp.json(t), "id")

			shown := env.do(http.MethodGet, "/v3/migprojects/"+id, nil).json(t)
			if _, hasID := shown["id"]; hasID || shown["name"] != "wave-1" || shown["isdefault"] != false || shown["speed_limit"] != float64(100) {
				t.Errorf("ShowMigproject = %v", shown)
			}

			// An update merges: keys left out keep their values.
			env.do(http.MethodPut, "/v3/migprojects/"+id, map[string]any{"description": "first wave"}).wantOK(t)
			shown = env.do(http.MethodGet, "/v3/migprojects/"+id, nil).json(t)
			if shown["description"] != "first wave" || shown["type"] != "MIGRATE_FILE" || shown["speed_limit"] != float64(100) {
				t.Errorf("after a partial update: %v", shown)
			}

			before := env.snapshot()
			env.do(http.MethodDelete, "/v3/migprojects/"+defaultID, nil).wantError(t, http.StatusBadRequest, CodeDefaultMigproject, "default")
			env.do(http.MethodPut, "/v3/migprojects/"+defaultID, map[string]any{"isdefault": false}).
				wantError(t, http.StatusBadRequest, CodeDefaultMigproject, "default")
			env.do(http.MethodPost, "/v3/migprojects", map[string]any{"name": "bad name!", "region": "r", "type": "MIGRATE_FILE"}).
				wantError(t, http.StatusBadRequest, CodeNotAllowed, "name")
			env.do(http.MethodPost, "/v3/migprojects", map[string]any{"name": "x", "type": "MIGRATE_FILE"}).
				wantError(t, http.StatusBadRequest, CodeMandatoryMissing, "region is mandatory")
			if after := env.snapshot(); after != before {
				t.Errorf("a refused request changed the state")
			}

			// A source moved into the project is listed by it; deleting the project sends
			// it back to the default one.
			env.do(http.MethodPut, "/v3/sources/"+linuxSourceID, map[string]any{"migprojectid": id}).wantOK(t)
			inProject := env.do(http.MethodGet, "/v3/sources?migproject="+id, nil).json(t)
			if inProject["count"] != float64(1) || jsonString(t, inProject, "source_servers.0.id") != linuxSourceID {
				t.Errorf("sources of the project: %v", inProject)
			}
			env.do(http.MethodPut, "/v3/sources/"+linuxSourceID, map[string]any{"migprojectid": "nope"}).
				wantError(t, http.StatusNotFound, CodeMigprojectNotFound, "nope")

			env.do(http.MethodPut, "/v3/migprojects/"+id+"/default", map[string]any{}).wantOK(t)
			env.do(http.MethodDelete, "/v3/migprojects/"+id, nil).wantError(t, http.StatusBadRequest, CodeDefaultMigproject, "")
			env.do(http.MethodPut, "/v3/migprojects/"+defaultID+"/default", nil).wantOK(t)
			env.do(http.MethodDelete, "/v3/migprojects/"+id, nil).wantOK(t)
			env.do(http.MethodGet, "/v3/migprojects/"+id, nil).wantError(t, http.StatusNotFound, CodeMigprojectNotFound, id)
			if got := env.do(http.MethodGet, "/v3/sources?migproject="+defaultID, nil).json(t)["count"]; got != float64(3) {
				t.Errorf("the default project holds %v sources, want 3", got)
			}
			page := env.do(http.MethodGet, "/v3/migprojects?limit=1&offset=1", nil).json(t)
			if page["count"] != float64(1) || len(jsonArray(t, page, "migprojects")) != 0 {
				t.Errorf("a page past the end: %v", page)
			}
		})
	}
}
