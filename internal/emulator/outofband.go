package emulator

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// Changes made behind the API's back, as another user or the console would: tests use
// them to create drift and disappearance.

// ErrTaskNotFound is returned (wrapped) for a task ID the emulator does not have.
var ErrTaskNotFound = errors.New("task not found")

// DeleteTaskOutOfBand removes a task whatever its state; it reports whether it existed.
func (e *Emulator) DeleteTaskOutOfBand(id string) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	rec, found := e.st.Tasks[id]
	if !found {
		return false
	}
	delete(e.st.Tasks, id)
	if err := e.saveLocked(); err != nil {
		e.st.Tasks[id] = rec
		return false
	}
	return true
}

// ModifyTaskOutOfBand merges fieldJSON's top-level keys (seed field names, values as they
// would appear in JSON; nil removes the field) into the stored task, without validation
// beyond types. The task's "id" cannot be changed. Setting state or sub_tasks stops any
// simulated migration from driving the task, as a PUT does.
func (e *Emulator) ModifyTaskOutOfBand(id string, fieldJSON map[string]any) error {
	if _, has := fieldJSON["id"]; has {
		return errors.New("the task id cannot be changed")
	}
	return e.withTask(id, true, func(rec *taskRecord, now int64) reply {
		fields := rawFields(rec.Body)
		for k, v := range fieldJSON {
			if v == nil {
				delete(fields, k)
				continue
			}
			data, err := json.Marshal(v)
			if err != nil {
				return fail(badRequest(CodeWrongType, "%s: %v", k, err))
			}
			fields[k] = data
		}
		data, _ := json.Marshal(fields)
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		var body taskBody
		if err := dec.Decode(&body); err != nil {
			return fail(badRequest(CodeWrongType, "%v", err))
		}
		rec.Body = body
		_, sentState := fieldJSON["state"]
		_, sentSubTasks := fieldJSON["sub_tasks"]
		if sentState || sentSubTasks {
			rec.detachRun(now)
		}
		return reply{status: 200}
	}).asError(id)
}

// TaskCount returns how many tasks exist.
func (e *Emulator) TaskCount() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return len(e.st.Tasks)
}

// asError turns a reply into a Go error for the out-of-band methods.
func (rep reply) asError(id string) error {
	switch {
	case rep.err == nil:
		return nil
	case rep.err.Code == CodeTaskNotFound:
		return fmt.Errorf("task %q: %w", id, ErrTaskNotFound)
	default:
		return errors.New(rep.err.Msg)
	}
}
