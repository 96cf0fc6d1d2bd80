package emulator

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"
)

// adminPrefix is where the unauthenticated admin endpoints live. They are served only by
// HandlerWithAdmin (and so by Start and the command), never by the plain API handler.
const adminPrefix = "/__emulator/"

// HandlerWithAdmin returns the API handler plus the admin endpoints:
//
//	GET    /__emulator/health      {"status":"ok","tasks":N,"now":"<simulated time>","api_model":"current"}
//	GET    /__emulator/journal     the journal as JSON (bodies as text)
//	DELETE /__emulator/journal     forget the journal
//	POST   /__emulator/faults      {"path","rate429","rate500","rate503","latency":"50ms","drop_rate","lose_reply_after_apply","methods"}
//	DELETE /__emulator/faults      remove every fault
//	POST   /__emulator/clock       {"advance":"10m"}: move simulated time forward
//	DELETE /__emulator/tasks/{id}  delete a task out of band
//	PATCH  /__emulator/tasks/{id}  merge top-level fields into a task out of band
func (e *Emulator) HandlerWithAdmin() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, adminPrefix) {
			w.Header().Set("X-Request-Id", newRequestID())
			w.Header().Set(APIModelHeader, string(e.opts.APIModel))
			e.serveAdmin(w, r)
			return
		}
		e.ServeHTTP(w, r)
	})
}

func (e *Emulator) serveAdmin(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes))
	if err != nil {
		adminError(w, http.StatusBadRequest, err)
		return
	}
	name := strings.TrimPrefix(r.URL.Path, adminPrefix)
	switch {
	case name == "health" && r.Method == http.MethodGet:
		adminJSON(w, map[string]any{"status": "ok", "tasks": e.TaskCount(), "now": e.Now().UTC().Format(time.RFC3339),
			"api_model": e.opts.APIModel})
	case name == "journal" && r.Method == http.MethodGet:
		adminJSON(w, e.Journal())
	case name == "journal" && r.Method == http.MethodDelete:
		e.ResetJournal()
		w.WriteHeader(http.StatusNoContent)
	case name == "faults" && r.Method == http.MethodPost:
		path, f, err := parseFaultRequest(body)
		if err != nil {
			adminError(w, http.StatusBadRequest, err)
			return
		}
		e.SetFaults(path, f)
		w.WriteHeader(http.StatusNoContent)
	case name == "faults" && r.Method == http.MethodDelete:
		e.ClearFaults()
		w.WriteHeader(http.StatusNoContent)
	case name == "clock" && r.Method == http.MethodPost:
		var req struct{ Advance string }
		if err := json.Unmarshal(body, &req); err != nil {
			adminError(w, http.StatusBadRequest, err)
			return
		}
		d, err := time.ParseDuration(req.Advance)
		if err != nil || d < 0 {
			adminError(w, http.StatusBadRequest, errors.New(`advance must be a non-negative duration such as "10m"`))
			return
		}
		e.Advance(d)
		adminJSON(w, map[string]string{"now": e.Now().UTC().Format(time.RFC3339)})
	case strings.HasPrefix(name, "tasks/"):
		e.serveAdminTask(w, r.Method, strings.TrimPrefix(name, "tasks/"), body)
	default:
		adminError(w, http.StatusNotFound, errors.New("no admin endpoint "+r.Method+" "+r.URL.Path))
	}
}

func (e *Emulator) serveAdminTask(w http.ResponseWriter, method, id string, body []byte) {
	switch method {
	case http.MethodDelete:
		if !e.DeleteTaskOutOfBand(id) {
			adminError(w, http.StatusNotFound, ErrTaskNotFound)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	case http.MethodPatch:
		var fields map[string]any
		if err := json.Unmarshal(body, &fields); err != nil {
			adminError(w, http.StatusBadRequest, err)
			return
		}
		if err := e.ModifyTaskOutOfBand(id, fields); err != nil {
			status := http.StatusBadRequest
			if errors.Is(err, ErrTaskNotFound) {
				status = http.StatusNotFound
			}
			adminError(w, status, err)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	default:
		adminError(w, http.StatusNotFound, errors.New("tasks/{id} serves DELETE and PATCH"))
	}
}

func adminJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(encodeJSON(v))
}

func adminError(w http.ResponseWriter, status int, err error) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(encodeJSON(map[string]string{"error": err.Error()}))
}
