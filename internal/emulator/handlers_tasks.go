package emulator

import (
	"encoding/json"
	"errors"
	"net/url"
	"slices"
	"strconv"
)

// CreateTask, ShowTask, ListTasks, UpdateTask and DeleteTask.

func (e *Emulator) createTask(body []byte) reply {
	var req createTaskBody
	if aerr := e.decodeCreateTask(body, &req); aerr != nil {
		return fail(aerr)
	}
	src, registered := e.registeredSource(req.SourceServer.ID)
	if !registered {
		return fail(unknownSourceServer(req.SourceServer.ID))
	}
	if req.MigrationIP != nil {
		if aerr := checkMigrationIP(*req.MigrationIP, req.UseIPv6 != nil && *req.UseIPv6); aerr != nil {
			return fail(aerr)
		}
	}

	e.mu.Lock()
	defer e.mu.Unlock()
	now := e.clock.nowMS()
	id := newUUID()
	rec := e.newTaskRecord(id, req, src, now)
	if rec.Flags.AutoStart != nil && *rec.Flags.AutoStart {
		e.startRun(rec, now)
	}
	e.st.Tasks[id] = rec
	if err := e.saveLocked(); err != nil {
		delete(e.st.Tasks, id)
		return fail(internalError("persisting the task: %v", err))
	}
	return ok(map[string]string{"id": id})
}

func (e *Emulator) showTask(id string) reply {
	return e.withTask(id, false, func(rec *taskRecord, _ int64) reply { return ok(e.shownTask(rec)) })
}

func (e *Emulator) updateTask(id string, body []byte) reply {
	if e.opts.APIModel == APIModelCurrent {
		return e.updateTaskCurrent(id, body)
	}
	fields := requestSchema(APIModelSeed, opUpdate)
	obj, aerr := decodeObject(body)
	if aerr == nil {
		aerr = validateObject("", fields, obj)
	}
	if aerr != nil {
		return fail(aerr)
	}
	var patch taskBody
	decodeValidated(obj, fields, &patch)
	return e.withTask(id, true, func(rec *taskRecord, now int64) reply {
		if src := patch.SourceServer; src != nil && src.ID != nil {
			if _, registered := e.sourceLocked(*src.ID); !registered {
				return fail(unknownSourceServer(*src.ID))
			}
		}
		if patch.MigrationIP != nil {
			if aerr := checkMigrationIP(*patch.MigrationIP, rec.Flags.UseIPv6 != nil && *rec.Flags.UseIPv6); aerr != nil {
				return fail(aerr)
			}
		}
		e.applyPut(rec, obj, patch, now)
		return ok(map[string]string{"id": id})
	})
}

func (e *Emulator) deleteTask(id string) reply {
	e.mu.Lock()
	defer e.mu.Unlock()
	rec, found := e.st.Tasks[id]
	if !found {
		return fail(taskNotFound(id))
	}
	rec.materialize(e.clock.nowMS())
	if slices.Contains(undeletableStates, rec.state()) {
		return fail(badRequest(CodeTaskNotDeletable, "task %s is %s and cannot be deleted; stop it first", id, rec.state()))
	}
	delete(e.st.Tasks, id)
	if err := e.saveLocked(); err != nil {
		e.st.Tasks[id] = rec
		return fail(internalError("persisting the deletion: %v", err))
	}
	return reply{status: 200}
}

// listFilters are the ListTasks query parameters that select tasks (exact matches).
var listFilters = []struct {
	param string
	value func(*taskRecord) string
}{
	{"state", (*taskRecord).state},
	{"name", func(t *taskRecord) string { return deref(t.Body.Name) }},
	{"id", func(t *taskRecord) string { return deref(t.Body.ID) }},
	{"source_server_id", (*taskRecord).sourceServerID},
	{"enterprise_project_id", func(t *taskRecord) string { return deref(t.Body.EnterpriseProjectID) }},
}

func (e *Emulator) listTasks(q url.Values) reply {
	fields := requestSchema(e.opts.APIModel, opList)
	obj, aerr := listQuery(q, fields)
	if aerr == nil {
		aerr = validateObject("", fields, obj)
	}
	if aerr != nil {
		return fail(aerr)
	}
	limit, offset := validatedCount(obj, "limit"), validatedCount(obj, "offset")

	e.mu.Lock()
	defer e.mu.Unlock()
	now := e.clock.nowMS()
	answer := listTasksAnswer{Tasks: []listedTask{}}
	for _, rec := range e.st.ordered() {
		rec.materialize(now)
		if !matchesFilters(rec, q) {
			continue
		}
		answer.Count++
		if answer.Count > offset && (limit == 0 || len(answer.Tasks) < limit) {
			answer.Tasks = append(answer.Tasks, summarize(rec))
		}
	}
	return ok(answer)
}

func matchesFilters(rec *taskRecord, q url.Values) bool {
	for _, f := range listFilters {
		if q.Has(f.param) && f.value(rec) != q.Get(f.param) {
			return false
		}
	}
	return true
}

// listQuery turns the query parameters the schema names into a JSON object for the
// validator: strings as they are, integers as numbers once they parse as integers.
func listQuery(q url.Values, fields []field) (map[string]any, *apiError) {
	obj := map[string]any{}
	for _, f := range fields {
		if !q.Has(f.name) {
			continue
		}
		v := q.Get(f.name)
		if f.kind != kindInteger {
			obj[f.name] = v
			continue
		}
		if _, err := strconv.ParseInt(v, 10, 64); err != nil && !errors.Is(err, strconv.ErrRange) {
			return nil, badRequest(CodeWrongType, "%s must be an integer, got %q", f.name, v)
		}
		obj[f.name] = json.Number(v)
	}
	return obj, nil
}

// validatedCount is limit or offset from a validated ListTasks query: absent = 0; limit 0
// means "no limit".
func validatedCount(obj map[string]any, name string) int {
	n, _ := obj[name].(json.Number) // "" when absent
	i, _ := n.Int64()
	return int(i)
}

// queryCount parses limit or offset: absent = 0; limit 0 means "no limit".
func queryCount(q url.Values, name string) (int, *apiError) {
	if !q.Has(name) {
		return 0, nil
	}
	n, err := strconv.Atoi(q.Get(name))
	if err != nil {
		return 0, badRequest(CodeWrongType, "%s must be an integer, got %q", name, q.Get(name))
	}
	if n < 0 || n > maxInt32 {
		return 0, badRequest(CodeOutOfRange, "%s must be between 0 and %d", name, maxInt32)
	}
	return n, nil
}

// summarize is a task as ListTasks shows it (TasksResponseBody).
func summarize(rec *taskRecord) listedTask {
	b := rec.Body
	t := listedTask{ID: b.ID, Name: b.Name, Type: b.Type, OSType: b.OSType, State: b.State,
		EstimateCompleteTime: b.EstimateCompleteTime, CreateDate: b.CreateDate, Priority: b.Priority,
		SpeedLimit: b.SpeedLimit, MigrateSpeed: b.MigrateSpeed, StartTargetServer: b.StartTargetServer,
		ErrorJSON: b.ErrorJSON, TotalTime: b.TotalTime, MigrationIP: b.MigrationIP,
		EnterpriseProjectID: b.EnterpriseProjectID, NeedMigrationTest: b.NeedMigrationTest,
		Syncing: orDefault(rec.Flags.Syncing, false)}
	if b.SubTasks != nil {
		subs := make([]listedSubTask, 0, len(*b.SubTasks))
		for _, s := range *b.SubTasks {
			subs = append(subs, listedSubTask{ID: s.ID, Name: s.Name, Progress: s.Progress, StartDate: s.StartDate,
				EndDate: s.EndDate, ProcessTrace: s.ProcessTrace})
		}
		t.SubTasks = &subs
	}
	if s := b.SourceServer; s != nil {
		t.SourceServer = &listedSourceServer{ID: s.ID, IP: s.IP, Name: s.Name, OSType: s.OSType, OSVersion: s.OSVersion,
			OEMSystem: s.OEMSystem, State: s.State}
	}
	if s := b.TargetServer; s != nil {
		t.TargetServer = &listedTargetServer{ID: s.ID, VMID: s.VMID, Name: s.Name, IP: s.IP, OSVersion: s.OSVersion, OSType: s.OSType}
	}
	if c := b.CloneServer; c != nil {
		t.CloneServer = &listedCloneServer{VMID: c.VMID, Name: c.Name}
	}
	t.addFigures(rec)
	return t
}

// withTask runs fn on task id under the lock after bringing it up to the simulated time.
// A mutating fn is persisted; if it fails, or the save fails, the task is restored.
func (e *Emulator) withTask(id string, mutating bool, fn func(rec *taskRecord, nowMS int64) reply) reply {
	e.mu.Lock()
	defer e.mu.Unlock()
	rec, found := e.st.Tasks[id]
	if !found {
		return fail(taskNotFound(id))
	}
	now := e.clock.nowMS()
	rec.materialize(now)
	if !mutating {
		return fn(rec, now)
	}
	before := rec.clone()
	rep := fn(rec, now)
	if rep.err != nil {
		e.st.Tasks[id] = before
		return rep
	}
	if err := e.saveLocked(); err != nil {
		e.st.Tasks[id] = before
		return fail(internalError("persisting the change: %v", err))
	}
	return rep
}

func unknownSourceServer(id string) *apiError {
	return badRequest(CodeUnknownSourceServer, "source_server.id %q is not a registered source server", id)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
