package emulator

import (
	"net/http"
	"strings"
)

// routeMore dispatches the calls beyond tasks, source list/show and template CRUD:
// migration projects, source management, consistency results, batch deletes, secrets,
// the Agent's calls and the metadata calls; served is false for any other request. It
// runs first, so its exact paths (e.g. /v3/sources/overview) win over the {id} routes.
func (e *Emulator) routeMore(r *http.Request, body []byte) (rep reply, served bool) {
	path, method := r.URL.Path, r.Method
	q := r.URL.Query()
	switch method + " " + path {
	case "GET /", "GET /v3", "GET /v3/":
		return apiVersions(r), true
	case "GET /v3/config":
		return e.showConfig(), true
	case "GET /v3/privacy-agreements":
		return e.showPrivacyAgreements(), true
	case "POST /v3/privacy-agreements":
		return e.createPrivacyAgreements(), true
	case "GET /v3/migprojects":
		return e.listMigprojects(q), true
	case "POST /v3/migprojects":
		return e.createMigproject(body), true
	case "POST /v3/sources":
		return e.registerServer(body), true
	case "GET /v3/sources/overview":
		return e.showOverview(), true
	case "POST /v3/sources/delete":
		return e.deleteServers(body), true
	case "GET /v3/errors":
		return e.listErrorServers(q), true
	case "POST /v3/tasks/delete":
		return e.deleteTasks(body), true
	case "POST /v3/tasks/consistency-results/export":
		return e.exportConsistencyResults(body), true
	case "POST /v3/vm/templates/delete":
		return e.deleteTemplates(body), true
	}
	for _, sub := range subRoutes {
		rest, found := strings.CutPrefix(path, sub.prefix)
		id, tail, _ := strings.Cut(rest, "/")
		if !found || id == "" || strings.Contains(tail, "/") {
			continue
		}
		if handle, known := sub.calls[method+" "+tail]; known {
			return handle(e, id, r, body), true
		}
	}
	// /v3/{task_id}/update-network-check-info has no "tasks/" segment.
	if rest, found := strings.CutPrefix(path, "/v3/"); found && method == http.MethodPost {
		if id, found := strings.CutSuffix(rest, "/update-network-check-info"); found && id != "" && !strings.Contains(id, "/") {
			return e.updateNetworkCheckInfo(id, body), true
		}
	}
	return reply{}, false
}

type subCall func(e *Emulator, id string, r *http.Request, body []byte) reply

// subRoutes are the calls on one object, keyed by "METHOD tail" where tail is what
// follows /{id} ("" for the object itself). Calls of the other routers are not here.
var subRoutes = []struct {
	prefix string
	calls  map[string]subCall
}{
	{"/v3/migprojects/", map[string]subCall{
		"GET ":        func(e *Emulator, id string, _ *http.Request, _ []byte) reply { return e.showMigproject(id) },
		"PUT ":        func(e *Emulator, id string, _ *http.Request, b []byte) reply { return e.updateMigproject(id, b) },
		"DELETE ":     func(e *Emulator, id string, _ *http.Request, _ []byte) reply { return e.deleteMigproject(id) },
		"PUT default": func(e *Emulator, id string, _ *http.Request, _ []byte) reply { return e.setDefaultMigproject(id) },
	}},
	{"/v3/sources/", map[string]subCall{
		"PUT ":                func(e *Emulator, id string, _ *http.Request, b []byte) reply { return e.updateServerName(id, b) },
		"DELETE ":             func(e *Emulator, id string, _ *http.Request, _ []byte) reply { return e.deleteServer(id) },
		"PUT diskinfo":        func(e *Emulator, id string, _ *http.Request, b []byte) reply { return e.updateDiskInfo(id, b) },
		"PUT changestate":     func(e *Emulator, id string, _ *http.Request, b []byte) reply { return e.updateCopyState(id, b) },
		"GET command":         func(e *Emulator, id string, _ *http.Request, _ []byte) reply { return e.showCommand(id) },
		"POST command_result": func(e *Emulator, id string, _ *http.Request, b []byte) reply { return e.updateCommandResult(id, b) },
	}},
	{"/v3/tasks/", map[string]subCall{
		"GET consistency-result":  func(e *Emulator, id string, _ *http.Request, _ []byte) reply { return e.showConsistencyResult(id) },
		"POST consistency-result": func(e *Emulator, id string, _ *http.Request, b []byte) reply { return e.updateConsistencyResult(id, b) },
		"GET certkey":             func(e *Emulator, id string, r *http.Request, _ []byte) reply { return e.showCertKey(id, r.URL.Query()) },
		"POST log":                func(e *Emulator, id string, _ *http.Request, b []byte) reply { return e.collectLog(id, b) },
	}},
	{"/v3/vm/templates/", map[string]subCall{
		"GET target-password": func(e *Emulator, id string, _ *http.Request, _ []byte) reply { return e.showTargetPassword(id) },
	}},
}
