package emulator

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
)

// route dispatches an authenticated request to its operation. Anything else is the
// gateway's "API does not exist", as the real endpoint answers for unknown paths or
// methods.
func (e *Emulator) route(r *http.Request, body []byte) reply {
	path, method := r.URL.Path, r.Method
	if rep, served := e.routeMore(r, body); served {
		return rep
	}
	if rep, served := e.routeCompanions(r, body); served {
		return rep
	}
	if path == "/v3/tasks" {
		switch method {
		case http.MethodGet:
			return e.listTasks(r.URL.Query())
		case http.MethodPost:
			return e.createTask(body)
		}
		return fail(noSuchAPI(method, path))
	}
	rest, found := strings.CutPrefix(path, "/v3/tasks/")
	id, sub, _ := strings.Cut(rest, "/")
	if !found || id == "" || strings.Contains(sub, "/") {
		return fail(noSuchAPI(method, path))
	}
	switch sub + " " + method {
	case " GET":
		return e.showTask(id)
	case " PUT":
		return e.updateTask(id, body)
	case " DELETE":
		return e.deleteTask(id)
	case "action POST":
		return e.taskAction(id, body)
	case "speed-limit GET":
		return e.showSpeedLimits(id)
	case "speed-limit POST":
		return e.setSpeedLimits(id, body)
	case "progress PUT":
		return e.reportProgress(id, body)
	case "configuration-setting GET":
		return e.showConfigurations(id, r.URL.Query())
	case "configuration-setting POST":
		return e.setConfigurations(id, body)
	case "passphrase GET":
		return e.showPassphrase(id)
	}
	return fail(noSuchAPI(method, path))
}

// reply is an operation's answer. The JSON body is encoded when the reply is made, while
// the handler still holds the lock, so it never races with a later change.
type reply struct {
	status int
	json   []byte // nil = empty body (the SDK's "raw text" answers)
	err    *apiError
	header http.Header
	// contentType, when set, is the body's type instead of JSON (a binary export).
	contentType string
}

func ok(v any) reply { return reply{status: http.StatusOK, json: encodeJSON(v)} }

func fail(err *apiError) reply { return reply{status: err.Status, err: err} }

// injectedError is the answer of an injected 429, 500 or 503.
func injectedError(status int) reply {
	switch status {
	case http.StatusTooManyRequests:
		rep := fail(&apiError{Status: status, Code: CodeGatewayThrottled,
			Msg: "The throttling threshold has been reached: policy user over ratelimit (injected fault)"})
		rep.header = http.Header{"Retry-After": {"1"}}
		return rep
	case http.StatusServiceUnavailable:
		return fail(&apiError{Status: status, Code: CodeUnavailable, Msg: "Service temporarily unavailable (injected fault)"})
	default:
		return fail(&apiError{Status: status, Code: CodeInternal, Msg: "Internal server error (injected fault)"})
	}
}

func (rep reply) write(w http.ResponseWriter, requestID string) {
	for k, v := range rep.header {
		w.Header()[k] = v
	}
	data := rep.json
	if rep.err != nil {
		data = encodeJSON(rep.err.body(requestID))
	}
	if data != nil {
		w.Header().Set("Content-Type", "application/json;charset=UTF-8")
		if rep.contentType != "" {
			w.Header().Set("Content-Type", rep.contentType)
		}
	}
	w.WriteHeader(rep.status)
	_, _ = w.Write(data)
}

// encodeJSON encodes like the service: no HTML escaping.
func encodeJSON(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic("emulator: encoding an answer: " + err.Error())
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}
