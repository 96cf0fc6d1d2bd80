package emulator

import (
	"net/url"
	"slices"
)

// UpdateServerName, DeleteServer, DeleteServers, ShowOverview and ListErrorServers.

var putSourceVolumeFields = []field{s255("id"), boolean("need_migration"), long("adjust_size")}

// putSourceFields is PutSourceServerBody; every field is optional.
var putSourceFields = []field{
	str("name", 1, 255),
	s255("migprojectid"),
	array("disks", maxArray, object("", append(slices.Clone(putSourceVolumeFields),
		array("physical_volumes", maxArray, object("", putSourceVolumeFields...)))...)),
	array("volume_groups", maxArray, object("", append(slices.Clone(putSourceVolumeFields),
		array("logical_volumes", maxArray, object("", putSourceVolumeFields...)))...)),
}

type putSourceBody struct {
	Name         *string `json:"name"`
	MigprojectID *string `json:"migprojectid"`
}

// updateServerName renames the source and moves it to another project. The disk and
// volume-group selections are accepted and not kept: nothing the API shows reflects them.
func (e *Emulator) updateServerName(id string, body []byte) reply {
	var b putSourceBody
	if aerr := decodeAndValidate(body, putSourceFields, &b); aerr != nil {
		return fail(aerr)
	}
	return e.mutate(func() reply {
		rec, found := e.st.Sources[id]
		if !found {
			return fail(sourceNotFound(id))
		}
		if b.MigprojectID != nil {
			if _, found := e.st.Migprojects[*b.MigprojectID]; !found {
				return fail(migprojectNotFound(*b.MigprojectID))
			}
			rec.MigprojectID = *b.MigprojectID
		}
		if b.Name != nil {
			rec.Detail.Name, rec.Config.Name = *b.Name, *b.Name
		}
		return reply{status: 200}
	})
}

func (e *Emulator) deleteServer(id string) reply {
	return e.mutate(func() reply {
		if aerr := e.deleteSourceLocked(id); aerr != nil {
			return fail(aerr)
		}
		return reply{status: 200}
	})
}

func (e *Emulator) deleteServers(body []byte) reply { return e.deleteEach(body, e.deleteSourceLocked) }

// deleteSourceLocked removes a source unless a task of it is moving data: that would
// orphan a running migration. Its tasks stay, as on the service, where a source comes
// back when its Agent registers again.
func (e *Emulator) deleteSourceLocked(id string) *apiError {
	if _, found := e.st.Sources[id]; !found {
		return sourceNotFound(id)
	}
	now := e.clock.nowMS()
	for _, t := range e.st.Tasks {
		if t.sourceServerID() != id {
			continue
		}
		t.materialize(now)
		if slices.Contains(undeletableStates, t.state()) {
			return badRequest(CodeSourceBusy, "source server %s has task %s in state %s; stop the task before deleting the source",
				id, deref(t.Body.ID), t.state())
		}
	}
	delete(e.st.Sources, id)
	if !slices.Contains(e.st.DeletedSources, id) {
		e.st.DeletedSources = append(e.st.DeletedSources, id)
	}
	return nil
}

// overviewAnswer is ShowOverviewResponse: how many sources are in each state.
type overviewAnswer struct {
	Waiting      int `json:"waiting"`
	Replicate    int `json:"replicate"`
	Syncing      int `json:"syncing"`
	Stopped      int `json:"stopped"`
	Deleting     int `json:"deleting"`
	Cutovering   int `json:"cutovering"`
	Unavailable  int `json:"unavailable"`
	Stopping     int `json:"stopping"`
	Skipping     int `json:"skipping"`
	Finished     int `json:"finished"`
	Initialize   int `json:"initialize"`
	Error        int `json:"error"`
	Cloning      int `json:"cloning"`
	Unconfigured int `json:"unconfigured"`
}

// showOverview counts the sources by state. unconfigured is not a state: it counts the
// sources no task has been created for, which have no target configuration.
func (e *Emulator) showOverview() reply {
	e.mu.Lock()
	defer e.mu.Unlock()
	var o overviewAnswer
	buckets := map[string]*int{"waiting": &o.Waiting, "replicate": &o.Replicate, "syncing": &o.Syncing,
		"stopped": &o.Stopped, "deleting": &o.Deleting, "cutovering": &o.Cutovering, "unavailable": &o.Unavailable,
		"stopping": &o.Stopping, "skipping": &o.Skipping, "finished": &o.Finished, "initialize": &o.Initialize,
		"error": &o.Error, "cloning": &o.Cloning}
	for _, rec := range e.st.Sources {
		if n, counted := buckets[deref(rec.Detail.State)]; counted {
			*n++
		}
		if e.currentTaskLocked(rec.Detail.ID) == nil {
			o.Unconfigured++
		}
	}
	return ok(o)
}

type migrationError struct {
	ErrorJSON string `json:"error_json"`
	HostName  string `json:"host_name"`
	Name      string `json:"name"`
	SourceID  string `json:"source_id"`
	SourceIP  string `json:"source_ip"`
	TargetIP  string `json:"target_ip"`
}

type listErrorServersAnswer struct {
	Count           int              `json:"count"`
	MigrationErrors []migrationError `json:"migration_errors"`
}

// listErrorServers lists the sources whose current task has failed, with that task's
// error_json, and those the Agent put in state error. migproject (removed from the SDK, still sent by the official provider) and
// enterprise_project_id filter as in ListServers.
func (e *Emulator) listErrorServers(q url.Values) reply {
	page, aerr := newPager(q, 0)
	if aerr != nil {
		return fail(aerr)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	answer := listErrorServersAnswer{MigrationErrors: []migrationError{}}
	for _, rec := range e.st.orderedSources() {
		if (q.Has("migproject") && rec.MigprojectID != q.Get("migproject")) ||
			(q.Has("enterprise_project_id") && deref(rec.Detail.EnterpriseProjectID) != q.Get("enterprise_project_id")) {
			continue
		}
		task := e.currentTaskLocked(rec.Detail.ID)
		var errorJSON string
		if task != nil {
			errorJSON = deref(task.Body.ErrorJSON)
		}
		if errorJSON == "" && deref(rec.Detail.State) != "error" {
			continue
		}
		if page.onPage() {
			me := migrationError{ErrorJSON: errorJSON, HostName: deref(rec.Detail.Hostname),
				Name: rec.Detail.Name, SourceID: rec.Detail.ID, SourceIP: rec.Detail.IP}
			if task != nil && task.Body.TargetServer != nil {
				me.TargetIP = deref(task.Body.TargetServer.IP)
			}
			answer.MigrationErrors = append(answer.MigrationErrors, me)
		}
	}
	answer.Count = page.count
	return ok(answer)
}
