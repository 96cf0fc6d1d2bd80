package emulator

// UpdateTaskStatus (actions), UpdateSpeed / ShowsSpeedLimits, and UpdateTaskSpeed (the
// Agent's progress report). Their success answers are the SDK's "raw text" kind: 200 with
// an empty body.

func (e *Emulator) taskAction(id string, body []byte) reply {
	var a actionBody
	if aerr := decodeAndValidate(body, actionFields, &a); aerr != nil {
		return fail(aerr)
	}
	return e.withTask(id, true, func(rec *taskRecord, now int64) reply {
		if aerr := e.applyAction(rec, a, now); aerr != nil {
			return fail(aerr)
		}
		return reply{status: 200}
	})
}

func (e *Emulator) setSpeedLimits(id string, body []byte) reply {
	var req speedLimitBody
	if aerr := decodeAndValidate(body, speedLimitFields, &req); aerr != nil {
		return fail(aerr)
	}
	windows := append([]speedLimitWindow{}, req.SpeedLimit...)
	return e.withTask(id, true, func(rec *taskRecord, _ int64) reply {
		rec.SpeedLimits = &windows
		return reply{status: 200}
	})
}

// showSpeedLimits answers the windows set, none ([]) before any is: the documents give
// the answer as {speed_limit: arr} and no precondition. SMS.6302 ("no migration speed
// limit found") is a documented public code, but nothing documents it for this call.
func (e *Emulator) showSpeedLimits(id string) reply {
	return e.withTask(id, false, func(rec *taskRecord, _ int64) reply {
		windows := []speedLimitWindow{}
		if rec.SpeedLimits != nil {
			windows = *rec.SpeedLimits
		}
		return ok(map[string]any{"speed_limit": windows})
	})
}

func (e *Emulator) reportProgress(id string, body []byte) reply {
	var rep progressReport
	if aerr := decodeAndValidate(body, progressFields, &rep); aerr != nil {
		return fail(aerr)
	}
	return e.withTask(id, true, func(rec *taskRecord, now int64) reply {
		if s := rec.state(); s != stateRunning && s != stateSyncing {
			return fail(badRequest(CodeOperationNotAllowed, "progress can be reported only while the task is RUNNING or SYNCING, the task is %s", s))
		}
		index := -1
		if rec.Body.SubTasks != nil {
			for i, st := range *rec.Body.SubTasks {
				if st.Name != nil && *st.Name == rep.SubtaskName {
					index = i
				}
			}
		}
		if index < 0 {
			return fail(badRequest(CodeInvalidSubtask, "subtask_name %s is not a subtask of task %s", rep.SubtaskName, id))
		}
		if rec.Run != nil {
			// The simulation redraws sub_tasks on every read; the report is laid over it.
			if rec.Reports == nil {
				rec.Reports = map[string]progressReport{}
			}
			rec.Reports[rep.SubtaskName] = rep
			rec.advanceRun(now)
		} else {
			st := &(*rec.Body.SubTasks)[index]
			st.Progress, st.ProcessTrace = ptr(rep.Progress), ptr(rep.ProcessTrace)
			if rep.MigrateSpeed != nil {
				st.MigrateSpeed, rec.Body.MigrateSpeed = rep.MigrateSpeed, rep.MigrateSpeed
			}
			if rep.RemainTime != nil {
				rec.Body.RemainSeconds = rep.RemainTime
			}
			rep.applyFigures(&rec.Body)
		}
		if rep.NeedMigrationTest != nil {
			rec.Body.NeedMigrationTest = rep.NeedMigrationTest
		}
		return reply{status: 200}
	})
}

// decodeAndValidate parses body, checks it against fields and fills dst.
func decodeAndValidate(body []byte, fields []field, dst any) *apiError {
	obj, aerr := decodeObject(body)
	if aerr == nil {
		aerr = validateObject("", fields, obj)
	}
	if aerr != nil {
		return aerr
	}
	decodeValidated(obj, fields, dst)
	return nil
}
