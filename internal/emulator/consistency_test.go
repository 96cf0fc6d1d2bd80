package emulator

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// The Agent posts a task's consistency check; the task and its source show it, and the
// export has a row per checked directory.
func TestConsistencyResults(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t, Options{})
	task := env.createTask(createBody("checked", linuxSourceID))
	path := "/v3/tasks/" + task + "/consistency-result"
	empty := env.do(http.MethodGet, path, nil).json(t)
	if empty["task_id"] != task || len(jsonArray(t, empty, "result_list")) != 0 {
		t.Errorf("results before any check: %v", empty)
	}
	if got := env.do(http.MethodGet, "/v3/sources?is_consistency_result_exist=true", nil).json(t)["count"]; got != float64(0) {
		t.Errorf("sources with a result before any check: %v", got)
	}

	before := env.snapshot()
	env.do(http.MethodPost, path, map[string]any{"consistency_result": []any{map[string]any{"dir_check": "/"}}}).
		wantError(t, http.StatusBadRequest, CodeMandatoryMissing, "consistency_result[0].num_total_files is mandatory")
	env.do(http.MethodPost, path, map[string]any{"consistency_result": []any{map[string]any{"dir_check": "/", "num_total_files": 2000000,
		"num_different_files": 0, "num_target_miss_files": 0, "num_target_more_files": 0}}}).
		wantError(t, http.StatusBadRequest, CodeOutOfRange, "num_total_files")
	if env.snapshot() != before {
		t.Errorf("a refused result changed the state")
	}

	env.do(http.MethodPost, path, map[string]any{"consistency_result": []any{
		map[string]any{"dir_check": "/etc", "num_total_files": 10, "num_different_files": 0, "num_target_miss_files": 0, "num_target_more_files": 0},
		map[string]any{"dir_check": "/var", "num_total_files": 20, "num_different_files": 1, "num_target_miss_files": 2, "num_target_more_files": 3},
	}}).wantOK(t)
	got := env.do(http.MethodGet, path, nil).json(t)
	var verdicts []string
	for i := range jsonArray(t, got, "result_list") {
		var r struct {
			DirCheck    string `json:"dir_check"`
			CheckResult string `json:"check_result"`
		}
		item := jsonString(t, got, "result_list."+strconv.Itoa(i))
		if err := json.Unmarshal([]byte(item), &r); err != nil {
			t.Fatalf("result_list item %q is not JSON text: %v", item, err)
		}
		verdicts = append(verdicts, r.DirCheck+":"+r.CheckResult)
	}
	if strings.Join(verdicts, " ") != "/etc:consistent /var:inconsistent" {
		t.Errorf("results: %v", verdicts)
	}
	listed := env.do(http.MethodGet, "/v3/sources?is_consistency_result_exist=true", nil).json(t)
	if listed["count"] != float64(1) || jsonAt(t, listed, "source_servers.0.is_consistency_result_exist") != true {
		t.Errorf("sources with a result: %v", listed)
	}

	export := env.do(http.MethodPost, "/v3/tasks/consistency-results/export", map[string]any{"task_info": []any{
		map[string]any{"task_id": task, "source_id": linuxSourceID, "source_name": "web"}}})
	export.wantOK(t)
	if ct := export.header.Get("Content-Type"); ct != "application/octet-stream" || strings.Count(string(export.body), "\n") != 3 {
		t.Errorf("export (%s): %q", ct, export.body)
	}
	env.do(http.MethodPost, "/v3/tasks/consistency-results/export", map[string]any{"task_info": []any{map[string]any{"task_id": "nope"}}}).
		wantError(t, http.StatusNotFound, CodeTaskNotFound, "nope")
	env.do(http.MethodGet, "/v3/tasks/nope/consistency-result", nil).wantError(t, http.StatusNotFound, CodeTaskNotFound, "nope")
}
