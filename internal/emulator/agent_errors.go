package emulator

import (
	"encoding/json"
	"fmt"
)

// failByAgent ends a moving task as the Agent reported it failed: MIGRATE_FAIL (or
// SYNC_FAIL while syncing), with detail, the Agent's result_detail, as error_json (a
// string detail is taken as the JSON text itself). A task that is not moving is left as
// it is: there is nothing to fail.
func (rec *taskRecord) failByAgent(nowMS int64, detail any) {
	final := stateMigrateFail
	switch rec.state() {
	case stateRunning:
	case stateSyncing:
		final = stateSyncFail
	default:
		return
	}
	errorJSON, isString := detail.(string)
	if !isString {
		data, err := json.Marshal(detail)
		if err != nil || detail == nil {
			data = []byte(fmt.Sprintf(`{"error_code":"%s","error_param":["the Agent reported the command failed"]}`, failErrorCode))
		}
		errorJSON = string(data)
	}
	rec.setState(final)
	rec.Body.ErrorJSON, rec.Body.FinishDate = ptr(errorJSON), ptr(nowMS)
	rec.Body.MigrateSpeed, rec.Body.RemainSeconds, rec.Body.EstimateCompleteTime = ptr(0.0), ptr(int64(0)), nil
	rec.clearFigures()
	rec.Run = nil
}
