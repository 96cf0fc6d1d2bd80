package emulator

import (
	"net/http"
	"path/filepath"
	"testing"
)

// Sources, projects and account settings live in the data file too: a registered source
// and a new default project come back, a deleted built-in source stays deleted.
func TestPersistence_sourcesAndProjects(t *testing.T) {
	t.Parallel()
	dataFile := filepath.Join(t.TempDir(), "state.json")
	clock := NewManualClock(testEpoch)

	first := newTestEnv(t, Options{DataFile: dataFile, Clock: clock})
	resp := first.do(http.MethodPost, "/v3/sources", registration("kept"))
	resp.wantOK(t)
	src := jsonString(t, resp.json(t), "id")
	resp = first.do(http.MethodPost, "/v3/migprojects", map[string]any{"name": "p2", "region": DefaultRegion, "type": "MIGRATE_BLOCK"})
	resp.wantOK(t)
	project := jsonString(t, resp.json(t), "id")
	first.do(http.MethodPut, "/v3/migprojects/"+project+"/default", nil).wantOK(t)
	first.do(http.MethodDelete, "/v3/sources/"+failingSourceID, nil).wantOK(t)
	first.do(http.MethodPost, "/v3/privacy-agreements", nil).wantOK(t)

	second := newTestEnv(t, Options{DataFile: dataFile, Clock: clock})
	if got := jsonString(t, second.do(http.MethodGet, "/v3/sources/"+src, nil).json(t), "name"); got != "kept" {
		t.Errorf("the registered source after a restart: %q", got)
	}
	second.do(http.MethodGet, "/v3/sources/"+failingSourceID, nil).wantError(t, http.StatusNotFound, CodeSourceNotFound, "")
	if got := second.do(http.MethodGet, "/v3/migprojects/"+project, nil).json(t)["isdefault"]; got != true {
		t.Errorf("the default project after a restart: isdefault %v", got)
	}
	if got := second.do(http.MethodGet, "/v3/privacy-agreements", nil).json(t)["flag"]; got != true {
		t.Errorf("the privacy agreement after a restart: %v", got)
	}
}
