package emulator

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// ListServers and ShowServer. The sources are the emulator's registered servers; the
// task most recently created for a source is its current_task.

const defaultSourcePageSize = 200

func (e *Emulator) showServer(id string) reply {
	e.mu.Lock()
	defer e.mu.Unlock()
	rec, found := e.st.Sources[id]
	if !found {
		return fail(sourceNotFound(id))
	}
	return ok(e.withCurrentTaskLocked(rec.Detail))
}

// sourceFilters are ListServers' string filters; name matches a part of the name, as
// the service's fuzzy search does, the others match exactly.
var sourceFilters = []struct {
	param string
	match func(rec *sourceRecord, want string) bool
}{
	{"name", func(rec *sourceRecord, want string) bool { return strings.Contains(rec.Detail.Name, want) }},
	{"id", func(rec *sourceRecord, want string) bool { return rec.Detail.ID == want }},
	{"state", func(rec *sourceRecord, want string) bool { return deref(rec.Detail.State) == want }},
	{"migration_cycle", func(rec *sourceRecord, want string) bool { return deref(rec.Detail.MigrationCycle) == want }},
	{"enterprise_project_id", func(rec *sourceRecord, want string) bool {
		return deref(rec.Detail.EnterpriseProjectID) == want
	}},
	{"connected", func(rec *sourceRecord, want string) bool {
		return strconv.FormatBool(rec.Detail.Connected != nil && *rec.Detail.Connected) == want
	}},
	{"is_consistency_result_exist", func(rec *sourceRecord, want string) bool {
		return strconv.FormatBool(rec.ConsistencyResultExist) == want
	}},
	{"migproject", func(rec *sourceRecord, want string) bool { return rec.MigprojectID == want }},
	// The emulator's clone servers are not tied to sources: this filter matches nothing.
	{"vm_id", func(*sourceRecord, string) bool { return false }},
}

func (e *Emulator) listServers(q url.Values) reply {
	for _, enum := range []struct {
		param  string
		values []string
	}{{"state", sourceStates}, {"migration_cycle", migrationCycles}, {"connected", []string{"true", "false"}},
		{"is_consistency_result_exist", []string{"true", "false"}}} {
		if v := q.Get(enum.param); q.Has(enum.param) && !slices.Contains(enum.values, v) {
			return fail(badRequest(CodeNotAllowed, "%s must be one of %s, got %q", enum.param, strings.Join(enum.values, ", "), v))
		}
	}
	page, aerr := newPager(q, defaultSourcePageSize)
	if aerr != nil {
		return fail(aerr)
	}

	e.mu.Lock()
	defer e.mu.Unlock()
	answer := listServersAnswer{SourceServers: []listedSource{}}
	for _, rec := range e.st.orderedSources() {
		if !matchesSource(rec, q) {
			continue
		}
		if page.onPage() {
			d, task := rec.Detail, e.currentTaskLocked(rec.Detail.ID)
			if task != nil {
				d.ReplicateSize, d.TotalSize = task.copiedBytes()
			}
			item := d.listed()
			if task != nil {
				item.CurrentTask = currentTaskOf(task)
			}
			item.IsConsistencyResultExist = ptr(rec.ConsistencyResultExist)
			answer.SourceServers = append(answer.SourceServers, item)
		}
	}
	answer.Count = page.count
	return ok(answer)
}

func matchesSource(rec *sourceRecord, q url.Values) bool {
	d := rec.Detail
	// ip wins over ipv6 when both are given.
	if q.Has("ip") {
		if d.IP != q.Get("ip") {
			return false
		}
	} else if q.Has("ipv6") && !slices.ContainsFunc(d.Networks, func(n sourceNetwork) bool { return deref(n.IPv6) == q.Get("ipv6") }) {
		return false
	}
	for _, f := range sourceFilters {
		if q.Has(f.param) && !f.match(rec, q.Get(f.param)) {
			return false
		}
	}
	return true
}

// withCurrentTaskLocked sets current_task to the newest task of the source, and the
// bytes it has copied. Callers hold e.mu.
func (e *Emulator) withCurrentTaskLocked(d sourceDetail) sourceDetail {
	if newest := e.currentTaskLocked(d.ID); newest != nil {
		d.CurrentTask = ptr(currentTaskOf(newest).sourceCurrentTask)
		d.ReplicateSize, d.TotalSize = newest.copiedBytes()
	}
	return d
}

// currentTaskLocked returns the newest task of source id, brought up to the simulated
// time, or nil. Callers hold e.mu.
func (e *Emulator) currentTaskLocked(id string) *taskRecord {
	var newest *taskRecord
	for _, rec := range e.st.Tasks {
		if rec.sourceServerID() == id && (newest == nil || rec.Seq > newest.Seq) {
			newest = rec
		}
	}
	if newest != nil {
		newest.materialize(e.clock.nowMS())
	}
	return newest
}
