package emulator

import (
	"net/http"
	"testing"
	"time"
)

func TestSources_renameAndDelete(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	env.do(http.MethodPut, "/v3/sources/"+windowsSourceID, map[string]any{"name": "win-renamed"}).wantOK(t)
	if got := jsonString(t, env.do(http.MethodGet, "/v3/sources/"+windowsSourceID, nil).json(t), "name"); got != "win-renamed" {
		t.Errorf("name after UpdateServerName = %q", got)
	}
	env.do(http.MethodPut, "/v3/sources/nope", map[string]any{"name": "x"}).wantError(t, http.StatusNotFound, CodeSourceNotFound, "nope")

	// A source whose task is moving data cannot be deleted, alone or in a batch.
	id := env.createTask(createBody("busy", linuxSourceID))
	env.action(id, "start").wantOK(t)
	before := env.snapshot()
	env.do(http.MethodDelete, "/v3/sources/"+linuxSourceID, nil).wantError(t, http.StatusBadRequest, CodeSourceBusy, id)
	env.do(http.MethodPost, "/v3/sources/delete", map[string]any{"ids": []string{windowsSourceID, linuxSourceID}}).
		wantError(t, http.StatusBadRequest, CodeSourceBusy, "stop the task")
	if env.snapshot() != before {
		t.Errorf("a refused delete changed the state")
	}

	env.do(http.MethodPost, "/v3/sources/delete", map[string]any{"ids": []string{windowsSourceID, failingSourceID}}).wantOK(t)
	env.do(http.MethodGet, "/v3/sources/"+windowsSourceID, nil).wantError(t, http.StatusNotFound, CodeSourceNotFound, "")
	env.do(http.MethodPost, "/v3/sources/delete", map[string]any{"ids": nil}).wantError(t, http.StatusBadRequest, CodeMandatoryMissing, "ids")
	if got := env.do(http.MethodGet, "/v3/sources", nil).json(t)["count"]; got != float64(1) {
		t.Errorf("after the batch delete, %v sources, want 1", got)
	}

	env.action(id, "stop").wantOK(t)
	env.clock.Advance(time.Minute)
	env.do(http.MethodDelete, "/v3/sources/"+linuxSourceID, nil).wantOK(t)
	env.do(http.MethodDelete, "/v3/sources/"+linuxSourceID, nil).wantError(t, http.StatusNotFound, CodeSourceNotFound, "")
}

func TestSources_overviewAndErrors(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	overview := env.do(http.MethodGet, "/v3/sources/overview", nil).json(t)
	if overview["waiting"] != float64(3) || overview["unconfigured"] != float64(3) || overview["error"] != float64(0) {
		t.Errorf("overview of the built-in sources: %v", overview)
	}
	errs := env.do(http.MethodGet, "/v3/errors?offset=0", nil).json(t)
	if errs["count"] != float64(0) || len(jsonArray(t, errs, "migration_errors")) != 0 {
		t.Errorf("errors before any failure: %v", errs)
	}

	id := env.createTask(createBody("doomed", failingSourceID))
	env.action(id, "start").wantOK(t)
	env.clock.Advance(time.Hour)
	if state := jsonString(t, env.task(id), "state"); state != stateMigrateFail {
		t.Fatalf("the failing source's task is %s", state)
	}
	errs = env.do(http.MethodGet, "/v3/errors?offset=0&limit=10", nil).json(t)
	if errs["count"] != float64(1) || jsonString(t, errs, "migration_errors.0.source_id") != failingSourceID ||
		jsonString(t, errs, "migration_errors.0.error_json") == "" {
		t.Errorf("errors after a failure: %v", errs)
	}
	if got := env.do(http.MethodGet, "/v3/sources/overview", nil).json(t)["unconfigured"]; got != float64(2) {
		t.Errorf("unconfigured after one task = %v, want 2", got)
	}
}

func TestBatchDeletes_tasksAndTemplates(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{APIModel: APIModelCurrent})
	a, b := env.createTask(createBody("a", linuxSourceID)), env.createTask(createBody("b", windowsSourceID))
	env.action(b, "start").wantOK(t)
	before := env.snapshot()
	env.do(http.MethodPost, "/v3/tasks/delete", map[string]any{"ids": []string{a, b}}).wantError(t, http.StatusBadRequest, CodeTaskNotDeletable, b)
	env.do(http.MethodPost, "/v3/tasks/delete", map[string]any{"ids": []string{a, "nope"}}).wantError(t, http.StatusNotFound, CodeTaskNotFound, "nope")
	if env.snapshot() != before {
		t.Errorf("a refused batch delete changed the state")
	}
	env.do(http.MethodPost, "/v3/tasks/delete", map[string]any{"ids": []string{a}}).wantOK(t)
	env.do(http.MethodGet, "/v3/tasks/"+a, nil).wantError(t, http.StatusNotFound, CodeTaskNotFound, a)

	var ids []string
	for _, name := range []string{"t1", "t2"} {
		resp := env.do(http.MethodPost, "/v3/vm/templates", templateBodyFor(name))
		resp.wantOK(t)
		ids = append(ids, jsonString(t, resp.json(t), "id"))
	}
	env.do(http.MethodPost, "/v3/vm/templates/delete", map[string]any{"ids": ids}).wantOK(t)
	if got := env.do(http.MethodGet, "/v3/vm/templates", nil).json(t)["count"]; got != float64(0) {
		t.Errorf("templates left: %v", got)
	}
	env.do(http.MethodPost, "/v3/vm/templates/delete", map[string]any{"ids": ids[:1]}).wantError(t, http.StatusNotFound, CodeTemplateNotFound, ids[0])
}

func TestShowTargetPassword(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	resp := env.do(http.MethodPost, "/v3/vm/templates", templateBodyFor("tpl"))
	resp.wantOK(t)
	id := jsonString(t, resp.json(t), "id")
	got := env.do(http.MethodGet, "/v3/vm/templates/"+id+"/target-password", nil).json(t)
	if got["template_id"] != id || got["target_password"] != "S3cret!pass" {
		t.Errorf("ShowTargetPassword = %v", got)
	}
	env.do(http.MethodGet, "/v3/vm/templates/nope/target-password", nil).wantError(t, http.StatusNotFound, CodeTemplateNotFound, "nope")
}

// While a task copies a source, the source shows how many bytes have gone.
func TestSources_copiedBytes(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	if got := env.do(http.MethodGet, "/v3/sources/"+linuxSourceID, nil).json(t); got["totalsize"] != nil {
		t.Errorf("totalsize before any task = %v", got["totalsize"])
	}
	id := env.createTask(createBody("sizes", linuxSourceID))
	env.action(id, "start").wantOK(t)
	env.clock.Advance(5 * time.Minute) // well into the copy
	shown := env.do(http.MethodGet, "/v3/sources/"+linuxSourceID, nil).json(t)
	total, replicated := jsonNumber(t, shown, "totalsize"), jsonNumber(t, shown, "replicatesize")
	if total <= 0 || replicated <= 0 || replicated >= total {
		t.Errorf("mid-copy: replicatesize %v of totalsize %v", replicated, total)
	}
	env.clock.Advance(time.Hour)
	listed := env.do(http.MethodGet, "/v3/sources?id="+linuxSourceID, nil).json(t)
	if jsonNumber(t, listed, "source_servers.0.replicatesize") != jsonNumber(t, listed, "source_servers.0.totalsize") {
		t.Errorf("after the migration: %v", jsonAt(t, listed, "source_servers.0"))
	}
}
