package main

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
)

// phaseRequests is what the emulator journaled during one terraform command.
type phaseRequests struct {
	entries []emulator.JournalEntry
}

func (p phaseRequests) count(method string) int {
	n := 0
	for _, e := range p.entries {
		if e.Method == method {
			n++
		}
	}
	return n
}

// writes counts the requests that change something.
func (p phaseRequests) writes() int {
	return p.count(http.MethodPost) + p.count(http.MethodPut) + p.count(http.MethodDelete) + p.count(http.MethodPatch)
}

// sequence lists the requests in order, with the path kind and any non-2xx status.
func (p phaseRequests) sequence() string {
	if len(p.entries) == 0 {
		return "none"
	}
	parts := make([]string, len(p.entries))
	for i, e := range p.entries {
		parts[i] = e.Method + " " + pathKind(e.Path)
		if e.Status < 200 || e.Status > 299 {
			parts[i] += fmt.Sprintf(" → %d", e.Status)
		}
	}
	return strings.Join(parts, ", ")
}

// bodies are the request bodies sent with method, in order.
func (p phaseRequests) bodies(method string) [][]byte {
	var out [][]byte
	for _, e := range p.entries {
		if e.Method == method {
			out = append(out, e.Body)
		}
	}
	return out
}

// only reports whether the phase made exactly the requests in want (method → count)
// and nothing else.
func (p phaseRequests) only(want map[string]int) bool {
	total := 0
	for method, n := range want {
		if p.count(method) != n {
			return false
		}
		total += n
	}
	return len(p.entries) == total
}

// pathKind replaces the task id in an API path with {id}: /v3/tasks/{id}/action.
func pathKind(path string) string {
	rest, ok := strings.CutPrefix(path, "/v3/tasks/")
	if !ok || rest == "" {
		return path
	}
	_, sub, hasSub := strings.Cut(rest, "/")
	if hasSub {
		return "/v3/tasks/{id}/" + sub
	}
	return "/v3/tasks/{id}"
}
