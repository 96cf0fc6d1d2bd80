package acctest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

// The SMS Agent's side of a migration, for tests that drive what only an Agent reports
// (consistency results, a source's copy state): signed requests to the emulator's agent
// endpoints, as the Agent on a source server sends them. The provider never makes these
// calls, so they are not in internal/client.

// AgentCall sends one signed request to env's emulator and fails unless it answers 2xx.
func (e *AccEnv) AgentCall(method, path string, body any) error {
	if e.Emu == nil {
		return fmt.Errorf("agent call %s %s: needs the emulator", method, path)
	}
	var payload []byte
	if body != nil {
		var err error
		if payload, err = json.Marshal(body); err != nil {
			return err
		}
	}
	req, err := http.NewRequest(method, e.Emu.URL+path, bytes.NewReader(payload))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Project-Id", EmulatorProjectID)
	if err := client.Sign(req, payload, EmulatorAccessKey, EmulatorSecretKey, time.Now()); err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("agent call %s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	answer, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 300 {
		return fmt.Errorf("agent call %s %s: status %d: %s", method, path, resp.StatusCode, answer)
	}
	return nil
}

// AgentConsistencyResult is one checked directory as the Agent reports it.
type AgentConsistencyResult struct {
	DirCheck                                  string
	Total, Different, TargetMiss, TargetExtra int
}

// AgentReportConsistency posts the task's consistency-check results
// (POST /v3/tasks/{id}/consistency-result), replacing earlier ones.
func (e *AccEnv) AgentReportConsistency(taskID string, results ...AgentConsistencyResult) error {
	items := make([]map[string]any, len(results))
	for i, r := range results {
		items[i] = map[string]any{"dir_check": r.DirCheck, "num_total_files": r.Total, "num_different_files": r.Different,
			"num_target_miss_files": r.TargetMiss, "num_target_more_files": r.TargetExtra}
	}
	return e.AgentCall(http.MethodPost, "/v3/tasks/"+taskID+"/consistency-result", map[string]any{"consistency_result": items})
}

// AgentReportCopyState moves a source through its migration cycle
// (PUT /v3/sources/{id}/changestate), e.g. "cutovering" then "finished" in cycle
// "cutovered" once its target is launched.
func (e *AccEnv) AgentReportCopyState(sourceID, copyState, migrationCycle string) error {
	return e.AgentCall(http.MethodPut, "/v3/sources/"+sourceID+"/changestate",
		map[string]string{"copystate": copyState, "migrationcycle": migrationCycle})
}

// AgentReportCommandResult answers the source's last command
// (POST /v3/sources/{id}/command_result): a failed START or SYNC fails the source's
// current task, with detail as its error_json.
func (e *AccEnv) AgentReportCommandResult(sourceID, command, result string, detail any) error {
	return e.AgentCall(http.MethodPost, "/v3/sources/"+sourceID+"/command_result",
		map[string]any{"command_name": command, "result": result, "result_detail": detail})
}
