package emulator

import (
	"fmt"
	"math"
)

// A simulated migration is a plan of phases (one per subtask) laid out on the simulated
// clock from an origin. The task body is recomputed from the plan whenever the task is
// read, so progress needs no goroutine and survives a restart (the plan is persisted).

const (
	abortDelayMS          = 3_000  // ABORTING lasts this long before ABORT
	cloneDurationMS       = 60_000 // clone_test: CREATING lasts this long before FINISHED
	defaultMigrationBytes = 20 << 30
	failAtFraction        = 0.4 // a failing migration fails this far into its copy phase
	failErrorCode         = "SMS.3802"
)

type runPhase struct {
	Name    string  `json:"name"`
	Seconds float64 `json:"seconds"`
	Copies  bool    `json:"copies,omitempty"` // data moves in this phase: it has a migrate_speed
	Syncing bool    `json:"syncing,omitempty"`
}

type migrationRun struct {
	OriginMS    int64      `json:"origin_ms"` // simulated time at elapsed 0 (moved on resume)
	Phases      []runPhase `json:"phases"`
	SubTaskIDs  []int64    `json:"subtask_ids"`
	FailAtSec   float64    `json:"fail_at_sec,omitempty"` // 0 = the run succeeds
	SpeedMbps   float64    `json:"speed_mbps"`
	TotalBytes  int64      `json:"total_bytes"`
	Paused      bool       `json:"paused,omitempty"`
	PausedAtSec float64    `json:"paused_at_sec,omitempty"`
}

// planRun lays out a fresh migration of rec: about ten simulated minutes, plus two for the
// sync phase of a task created with syncing=true.
func (e *Emulator) planRun(rec *taskRecord, nowMS int64) *migrationRun {
	suffix := "LINUX_BLOCK"
	switch {
	case rec.osType() == "WINDOWS":
		suffix = "WINDOWS_BLOCK"
	case rec.Body.Type != nil && *rec.Body.Type == "MIGRATE_FILE":
		suffix = "LINUX_FILE"
	}
	windows := suffix == "WINDOWS_BLOCK"
	formatName, configureName := "FORMAT_DISK_"+suffix, "CONFIGURE_"+suffix
	if windows {
		formatName, configureName = "FORMAT_DISK_WINDOWS", "CONFIGURE_WINDOWS"
	}

	copySeconds := 360.0
	var phases []runPhase
	if rec.Body.TargetServer == nil || rec.Body.TargetServer.VMID == nil || *rec.Body.TargetServer.VMID == "" {
		phases = append(phases, runPhase{Name: "CREATE_CLOUD_SERVER", Seconds: 60})
	} else {
		copySeconds += 60 // the target exists: the time goes to copying instead
	}
	phases = append(phases,
		runPhase{Name: "SSL_CONFIG", Seconds: 20},
		runPhase{Name: "ATTACH_AGENT_IMAGE", Seconds: 30},
		runPhase{Name: formatName, Seconds: 30},
		runPhase{Name: "MIGRATE_" + suffix, Seconds: copySeconds, Copies: true},
		runPhase{Name: configureName, Seconds: 60},
		runPhase{Name: "DETTACH_AGENT_IMAGE", Seconds: 40},
	)
	if rec.Flags.Syncing != nil && *rec.Flags.Syncing {
		phases = append(phases, runPhase{Name: "SYNC_" + suffix, Seconds: 120, Copies: true, Syncing: true})
	}

	run := &migrationRun{OriginMS: nowMS, Phases: phases, TotalBytes: targetUsedBytes(rec)}
	for range phases {
		run.SubTaskIDs = append(run.SubTaskIDs, e.st.nextSubTaskID())
	}
	run.SpeedMbps = math.Round(float64(run.TotalBytes)*8/1e6/copySeconds*100) / 100
	if rec.Body.SpeedLimit != nil && *rec.Body.SpeedLimit > 0 {
		run.SpeedMbps = math.Min(run.SpeedMbps, float64(*rec.Body.SpeedLimit))
	}
	if src, ok := e.sourceLocked(rec.sourceServerID()); ok && src.FailMigration {
		at := 0.0
		for _, p := range phases {
			if p.Copies {
				run.FailAtSec = at + p.Seconds*failAtFraction
				break
			}
			at += p.Seconds
		}
	}
	return run
}

func targetUsedBytes(rec *taskRecord) int64 {
	var total int64
	if ts := rec.Body.TargetServer; ts != nil && ts.Disks != nil {
		for _, d := range *ts.Disks {
			if d.UsedSize != nil {
				total += *d.UsedSize
			}
		}
	}
	if total <= 0 {
		return defaultMigrationBytes
	}
	return total
}

func (r *migrationRun) elapsedSec(nowMS int64) float64 {
	if r.Paused {
		return r.PausedAtSec
	}
	return math.Max(0, float64(nowMS-r.OriginMS)/1000)
}

func (r *migrationRun) totalSec() float64 {
	total := 0.0
	for _, p := range r.Phases {
		total += p.Seconds
	}
	return total
}

func (r *migrationRun) msAt(sec float64) int64 { return r.OriginMS + int64(sec*1000) }

// advanceRun writes the run's state at nowMS into the task body, and ends the run once the
// migration has succeeded or failed.
func (rec *taskRecord) advanceRun(nowMS int64) {
	r := rec.Run
	elapsed, total := r.elapsedSec(nowMS), r.totalSec()
	switch {
	case r.FailAtSec > 0 && elapsed >= r.FailAtSec:
		current := rec.showRunAt(r.FailAtSec)
		rec.setState(stateMigrateFail)
		rec.Body.FinishDate = ptr(r.msAt(r.FailAtSec))
		rec.Body.ErrorJSON = ptr(fmt.Sprintf(`{"error_code":"%s","error_param":["%s","%s"]}`,
			failErrorCode, current.Name, "read timed out on the source disk"))
		rec.Body.MigrateSpeed, rec.Body.RemainSeconds, rec.Body.EstimateCompleteTime = ptr(0.0), ptr(int64(0)), nil
		rec.clearFigures()
		rec.Run = nil
	case elapsed >= total:
		rec.showRunAt(total)
		final := stateMigrateSuccess
		if r.Phases[len(r.Phases)-1].Syncing {
			final = stateSyncSuccess
		}
		rec.setState(final)
		rec.Body.FinishDate = ptr(r.msAt(total))
		rec.Body.EstimateCompleteTime = rec.Body.FinishDate
		rec.Body.MigrateSpeed, rec.Body.RemainSeconds = ptr(0.0), ptr(int64(0))
		rec.clearFigures()
		rec.Body.SubtaskInfo = ptr(r.Phases[len(r.Phases)-1].Name + ":100")
		rec.Run = nil
	default:
		current := rec.showRunAt(elapsed)
		rec.setState(stateRunning)
		if current.Syncing {
			rec.setState(stateSyncing)
		}
		remain := int64(math.Ceil(total - elapsed))
		rec.Body.RemainSeconds = ptr(remain)
		rec.Body.EstimateCompleteTime = ptr(nowMS + remain*1000)
		rec.Body.MigrateSpeed = ptr(0.0)
		if current.Copies {
			rec.Body.MigrateSpeed = ptr(r.SpeedMbps)
		}
		rec.fillFigures(current, rec.progressOf(current.Name), r.SpeedMbps)
	}
}

// showRunAt fills sub_tasks and total_time for the moment elapsed seconds into the run and
// returns the phase in progress then (the last one when the run is over).
func (rec *taskRecord) showRunAt(elapsed float64) runPhase {
	r := rec.Run
	subs := make([]subTask, len(r.Phases))
	current := r.Phases[len(r.Phases)-1]
	at := 0.0
	for i, p := range r.Phases {
		st := subTask{ID: ptr(r.SubTaskIDs[i]), Name: ptr(p.Name), Progress: ptr(int64(0)), UserOp: ptr("REPLICATE")}
		if p.Syncing {
			st.UserOp = ptr("SYNC")
		}
		if elapsed >= at {
			done := math.Min(1, (elapsed-at)/p.Seconds)
			st.Progress = ptr(int64(done * 100))
			st.StartDate = ptr(r.msAt(at))
			if done >= 1 {
				st.EndDate = ptr(r.msAt(at + p.Seconds))
			} else {
				current = p
			}
			if p.Copies {
				st.MigrateSpeed = ptr(r.SpeedMbps)
				st.ProcessTrace = ptr(fmt.Sprintf("replicated %d of %d bytes", int64(done*float64(r.TotalBytes)), r.TotalBytes))
			}
		}
		if rep, ok := rec.Reports[p.Name]; ok {
			st.Progress = ptr(max(*st.Progress, rep.Progress))
			st.ProcessTrace = ptr(rep.ProcessTrace)
			if rep.MigrateSpeed != nil {
				st.MigrateSpeed = rep.MigrateSpeed
			}
		}
		subs[i] = st
		at += p.Seconds
	}
	rec.Body.SubTasks = &subs
	rec.Body.TotalTime = ptr(int64(math.Min(elapsed, r.totalSec())))
	return current
}

// materialize brings rec up to the simulated time nowMS: a running migration advances,
// ABORTING becomes ABORT after a moment, a clone finishes.
func (rec *taskRecord) materialize(nowMS int64) {
	switch rec.state() {
	case stateRunning, stateSyncing:
		if rec.Run != nil && !rec.Run.Paused {
			rec.advanceRun(nowMS)
		}
	case stateAborting:
		if rec.AbortingSinceMS > 0 && nowMS >= rec.AbortingSinceMS+abortDelayMS {
			rec.setState(stateAbort)
			rec.AbortingSinceMS = 0
		}
	}
	if rec.CloneStartedMS > 0 && nowMS >= rec.CloneStartedMS+cloneDurationMS && rec.Body.CloneServer != nil {
		rec.Body.CloneServer.CloneState = ptr("FINISHED")
		rec.CloneStartedMS = 0
	}
}
