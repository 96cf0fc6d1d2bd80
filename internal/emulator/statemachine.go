package emulator

import (
	"slices"
	"strings"
)

// Task states as ShowTask reports them.
const (
	stateReady          = "READY"
	stateRunning        = "RUNNING"
	stateSyncing        = "SYNCING"
	stateMigrateSuccess = "MIGRATE_SUCCESS"
	stateSyncSuccess    = "SYNC_SUCCESS"
	stateMigrateFail    = "MIGRATE_FAIL"
	stateSyncFail       = "SYNC_FAIL"
	stateAborting       = "ABORTING"
	stateAbort          = "ABORT"
)

// allTaskStates are the values a ListTasks state filter may name: the union of the
// response enum and the filter enum.
var allTaskStates = []string{stateReady, stateRunning, stateSyncing, stateMigrateSuccess, stateSyncSuccess,
	stateMigrateFail, stateSyncFail, stateAborting, stateAbort, "SKIPPING", "DELETING", "RESETING",
	"SYNC_F_ROLLBACKING", "SYNC_F_ROLLBACK_SUCCESS"}

// operationStates says in which states each action is accepted. The SDK encodes no
// transition table; this one follows the state descriptions: start a ready or paused task,
// stop a moving one, restart a stopped or failed one, test/clone/drill a replicated one.
var operationStates = map[string][]string{
	"start":          {stateReady, stateAbort},
	"stop":           {stateRunning, stateSyncing},
	"restart":        {stateAbort, stateMigrateFail, stateSyncFail},
	"test":           {stateMigrateSuccess, stateSyncSuccess, stateSyncing},
	"clone_test":     {stateMigrateSuccess, stateSyncSuccess, stateSyncing},
	"migration_test": {stateMigrateSuccess, stateSyncSuccess, stateSyncing},
	"network_check":  {stateReady, stateAbort, stateMigrateFail, stateSyncFail, stateMigrateSuccess, stateSyncSuccess},
	"clear":          {stateAbort, stateMigrateFail, stateSyncFail, stateMigrateSuccess, stateSyncSuccess},
	"skip":           {stateRunning, stateSyncing},
}

// undeletableStates: the real service refuses to delete a task that is moving data.
var undeletableStates = []string{stateRunning, stateSyncing, stateAborting}

// applyAction performs an UpdateTaskStatus operation on rec at simulated time nowMS.
func (e *Emulator) applyAction(rec *taskRecord, a actionBody, nowMS int64) *apiError {
	allowed := operationStates[a.Operation]
	if !slices.Contains(allowed, rec.state()) {
		return badRequest(CodeOperationNotAllowed, "operation %q is not allowed while the task is in state %s (allowed in %s)",
			a.Operation, rec.state(), strings.Join(allowed, ", "))
	}
	if a.SwitchHCE != nil && *a.SwitchHCE && rec.osType() != "LINUX" {
		return badRequest(CodeOperationNotAllowed, "switch_hce is allowed only for LINUX tasks, this task's os_type is %s", rec.osType())
	}
	switch a.Operation {
	case "start":
		if rec.Run != nil && rec.Run.Paused {
			rec.resumeRun(nowMS)
		} else {
			e.startRun(rec, nowMS)
		}
	case "restart":
		e.startRun(rec, nowMS)
	case "stop":
		if rec.Run != nil {
			rec.Run.PausedAtSec = rec.Run.elapsedSec(nowMS)
			rec.Run.Paused = true
		}
		rec.setState(stateAborting)
		rec.AbortingSinceMS = nowMS
		rec.Body.MigrateSpeed, rec.Body.EstimateCompleteTime = ptr(0.0), nil
	case "clone_test":
		// A clone server the task already names is the one cloned to; otherwise SMS makes one.
		clone := rec.Body.CloneServer
		if clone == nil {
			clone = &cloneServer{}
		}
		if clone.VMID == nil || *clone.VMID == "" {
			clone.VMID = ptr(newUUID())
		}
		if clone.Name == nil || *clone.Name == "" {
			name := "clone"
			if rec.Body.Name != nil {
				name = *rec.Body.Name + "-clone"
			}
			clone.Name = ptr(name)
		}
		clone.CloneState, clone.CloneError, clone.ErrorMsg = ptr("CREATING"), nil, nil
		rec.Body.CloneServer = clone
		rec.CloneStartedMS = nowMS
	case "clear":
		rec.Body.TargetSnapshotID = nil
	case "migration_test":
		rec.Body.NeedMigrationTest = ptr(true)
	case "test", "network_check", "skip":
		// Accepted; nothing the task body shows changes.
	}
	return nil
}

// startRun begins a fresh migration of rec.
func (e *Emulator) startRun(rec *taskRecord, nowMS int64) {
	rec.Run = e.planRun(rec, nowMS)
	rec.Reports = nil
	rec.AbortingSinceMS = 0
	rec.Body.StartDate = ptr(nowMS)
	rec.Body.FinishDate, rec.Body.ErrorJSON = nil, nil
	rec.setState(stateRunning)
	rec.advanceRun(nowMS)
}

// resumeRun continues a stopped migration where it was paused.
func (rec *taskRecord) resumeRun(nowMS int64) {
	r := rec.Run
	r.OriginMS = nowMS - int64(r.PausedAtSec*1000)
	r.Paused, r.PausedAtSec = false, 0
	rec.AbortingSinceMS = 0
	rec.setState(stateRunning)
	rec.advanceRun(nowMS)
}
