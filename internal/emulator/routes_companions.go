package emulator

import (
	"net/http"
	"strings"
)

// routeCompanions dispatches the source-server and template operations; served is false
// for any other path.
func (e *Emulator) routeCompanions(r *http.Request, body []byte) (rep reply, served bool) {
	path, method := r.URL.Path, r.Method
	switch path {
	case "/v3/sources":
		if method == http.MethodGet {
			return e.listServers(r.URL.Query()), true
		}
		return fail(noSuchAPI(method, path)), true
	case "/v3/vm/templates":
		switch method {
		case http.MethodGet:
			return e.listTemplates(r.URL.Query()), true
		case http.MethodPost:
			return e.createTemplate(body), true
		}
		return fail(noSuchAPI(method, path)), true
	}
	if id, found := strings.CutPrefix(path, "/v3/sources/"); found {
		if id == "" || strings.Contains(id, "/") || method != http.MethodGet {
			return fail(noSuchAPI(method, path)), true
		}
		return e.showServer(id), true
	}
	if id, found := strings.CutPrefix(path, "/v3/vm/templates/"); found {
		if id == "" || strings.Contains(id, "/") {
			return fail(noSuchAPI(method, path)), true
		}
		switch method {
		case http.MethodGet:
			return e.showTemplate(id), true
		case http.MethodPut:
			return e.updateTemplate(id, body), true
		case http.MethodDelete:
			return e.deleteTemplate(id), true
		}
		return fail(noSuchAPI(method, path)), true
	}
	return reply{}, false
}
