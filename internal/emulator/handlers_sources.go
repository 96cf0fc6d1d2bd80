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
	i := slices.IndexFunc(e.sourceList, func(d sourceDetail) bool { return d.ID == id })
	if i < 0 {
		return fail(sourceNotFound(id))
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	return ok(e.withCurrentTaskLocked(e.sourceList[i]))
}

// sourceFilters are ListServers' string filters; name matches a part of the name, as
// the service's fuzzy search does, the others match exactly.
var sourceFilters = []struct {
	param string
	match func(d sourceDetail, want string) bool
}{
	{"name", func(d sourceDetail, want string) bool { return strings.Contains(d.Name, want) }},
	{"id", func(d sourceDetail, want string) bool { return d.ID == want }},
	{"state", func(d sourceDetail, want string) bool { return deref(d.State) == want }},
	{"migration_cycle", func(d sourceDetail, want string) bool { return deref(d.MigrationCycle) == want }},
	{"enterprise_project_id", func(d sourceDetail, want string) bool { return deref(d.EnterpriseProjectID) == want }},
	{"connected", func(d sourceDetail, want string) bool {
		return strconv.FormatBool(d.Connected != nil && *d.Connected) == want
	}},
	// The emulator keeps no consistency results, has no migration projects and no clone
	// servers: these filters match nothing when set.
	{"is_consistency_result_exist", func(_ sourceDetail, want string) bool { return want == "false" }},
	{"migproject", func(sourceDetail, string) bool { return false }},
	{"vm_id", func(sourceDetail, string) bool { return false }},
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
	limit, aerr := queryCount(q, "limit")
	if aerr != nil {
		return fail(aerr)
	}
	if limit == 0 {
		limit = defaultSourcePageSize
	}
	offset, aerr := queryCount(q, "offset")
	if aerr != nil {
		return fail(aerr)
	}

	e.mu.Lock()
	defer e.mu.Unlock()
	answer := listServersAnswer{SourceServers: []listedSource{}}
	for _, d := range e.sourceList {
		if !matchesSource(d, q) {
			continue
		}
		answer.Count++
		if answer.Count > offset && len(answer.SourceServers) < limit {
			answer.SourceServers = append(answer.SourceServers, e.withCurrentTaskLocked(d).listed())
		}
	}
	return ok(answer)
}

func matchesSource(d sourceDetail, q url.Values) bool {
	// ip wins over ipv6 when both are given.
	if q.Has("ip") {
		if d.IP != q.Get("ip") {
			return false
		}
	} else if q.Has("ipv6") && !slices.ContainsFunc(d.Networks, func(n sourceNetwork) bool { return deref(n.IPv6) == q.Get("ipv6") }) {
		return false
	}
	for _, f := range sourceFilters {
		if q.Has(f.param) && !f.match(d, q.Get(f.param)) {
			return false
		}
	}
	return true
}

// withCurrentTaskLocked sets current_task to the newest task of the source. Callers hold e.mu.
func (e *Emulator) withCurrentTaskLocked(d sourceDetail) sourceDetail {
	var newest *taskRecord
	for _, rec := range e.st.Tasks {
		if rec.sourceServerID() == d.ID && (newest == nil || rec.Seq > newest.Seq) {
			newest = rec
		}
	}
	if newest != nil {
		newest.materialize(e.clock.nowMS())
		b := newest.Body
		d.CurrentTask = &sourceCurrentTask{ID: b.ID, Name: b.Name, Type: b.Type, State: b.State}
	}
	return d
}
