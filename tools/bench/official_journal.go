package main

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
)

// requestShape is how many requests of one method and path pattern one plan sent, and
// how many of them were answered with an error status or carried no valid signature.
type requestShape struct {
	call                 string // "GET /v3/tasks/{id}/passphrase"
	count, failed, unsig int
}

// idSegment is a path segment that names one object: a UUID or a 32-digit hex ID.
var idSegment = regexp.MustCompile(`^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32})$`)

// callPattern is method and path with every ID segment written {id}.
func callPattern(method, path string) string {
	segs := strings.Split(path, "/")
	for i, s := range segs {
		if idSegment.MatchString(s) {
			segs[i] = "{id}"
		}
	}
	return method + " " + strings.Join(segs, "/")
}

// requestShapes counts a journal by call, in the order of each call's first request.
func requestShapes(journal []emulator.JournalEntry) []requestShape {
	var out []requestShape
	for _, e := range journal {
		call := callPattern(e.Method, e.Path)
		i := slices.IndexFunc(out, func(r requestShape) bool { return r.call == call })
		if i < 0 {
			out = append(out, requestShape{call: call})
			i = len(out) - 1
		}
		out[i].count++
		if e.Status < 200 || e.Status > 299 {
			out[i].failed++
		}
		if !e.SignatureValid {
			out[i].unsig++
		}
	}
	return out
}

// describeRequests is "GET /v3/tasks/{id} ×1.00" per task for each call, with the failed
// and unsigned requests named.
func describeRequests(shapes []requestShape, n int) string {
	if len(shapes) == 0 {
		return "none"
	}
	var parts []string
	for _, r := range shapes {
		s := fmt.Sprintf("`%s` ×%.2f", r.call, float64(r.count)/float64(n))
		var notes []string
		if r.failed > 0 {
			notes = append(notes, fmt.Sprintf("%d answered with an error", r.failed))
		}
		if r.unsig > 0 {
			notes = append(notes, fmt.Sprintf("%d without a valid signature", r.unsig))
		}
		if len(notes) > 0 {
			s += " (" + strings.Join(notes, ", ") + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}
