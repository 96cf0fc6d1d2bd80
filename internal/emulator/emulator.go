package emulator

import (
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
)

// maxBodyBytes bounds a request body; the largest valid PUT (65535 disks) stays below it.
const maxBodyBytes = 64 << 20

// Emulator is the SMS v3 task API as an http.Handler. It is safe for concurrent use.
type Emulator struct {
	opts     Options
	clock    *simClock
	tokens   []string
	verifier *signatureVerifier

	mu sync.Mutex // guards st
	st *store

	journal journal
	faults  faultTable
}

// New returns an Emulator configured by opts. With opts.DataFile set, the state saved there
// is loaded (a missing file is an empty state).
func New(opts Options) (*Emulator, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return nil, fmt.Errorf("emulator options: %w", err)
	}
	st := newStore()
	if opts.DataFile != "" {
		if st, err = loadStore(opts.DataFile); err != nil {
			return nil, err
		}
	}
	sourceList, err := sourceDetails(opts)
	if err != nil {
		return nil, err
	}
	st.ensureDefaultMigproject()
	st.seedSources(opts, sourceList)
	base := opts.Clock
	if base == nil {
		start := time.Now()
		if saved := time.UnixMilli(st.SimNowMS); st.SimNowMS > 0 && saved.After(start) {
			start = saved // a fast clock must not run backwards across a restart
		}
		base = newScaledClock(start, opts.ClockSpeed)
	}
	e := &Emulator{
		opts:     opts,
		clock:    &simClock{base: base},
		tokens:   opts.AuthTokens,
		verifier: newSignatureVerifier(opts.Credentials, opts.MaxClockSkew, time.Now),
		st:       st,
	}
	e.faults.init(opts.FaultSeed)
	return e, nil
}

// ServeHTTP answers one API request: faults first (as a network or gateway would), then
// authentication, then the operation. Every request is journaled before its answer is
// written, so a client that has its answer also finds it in the journal.
func (e *Emulator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	requestID := newRequestID()
	w.Header().Set("X-Request-Id", requestID)
	w.Header().Set(APIModelHeader, string(e.opts.APIModel))
	body, readErr := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes+1))
	entry := JournalEntry{Time: time.Now(), RequestID: requestID, Method: r.Method, Path: r.URL.Path,
		RawQuery: r.URL.RawQuery, Header: r.Header.Clone(), Body: body}

	plan := e.faults.plan(r.Method, r.URL.Path)
	if plan.latency > 0 {
		entry.Fault = "latency"
		select {
		case <-time.After(plan.latency):
		case <-r.Context().Done():
			e.journal.add(entry)
			return
		}
	}
	if plan.drop {
		entry.Fault = "drop"
		e.journal.add(entry)
		abortConnection(w)
		return
	}
	if plan.status != 0 {
		rep := injectedError(plan.status)
		entry.Fault, entry.Status = fmt.Sprint(plan.status), rep.status
		e.journal.add(entry)
		rep.write(w, requestID)
		return
	}

	auth := e.authenticate(r, body)
	entry.AuthMode, entry.SignatureValid = auth.mode, auth.signatureValid
	var rep reply
	switch {
	case auth.err != nil:
		rep = fail(auth.err)
	case readErr != nil:
		rep = fail(badRequest(CodeMalformedJSON, "reading the request body: %v", readErr))
	case len(body) > maxBodyBytes:
		rep = fail(badRequest(CodeMalformedJSON, "request body is larger than %d bytes", maxBodyBytes))
	default:
		rep = e.route(r, body)
		if e.faults.takeLoseReply(plan) {
			entry.Fault, entry.Status = "lose-reply", rep.status
			e.journal.add(entry)
			abortConnection(w)
			return
		}
	}
	entry.Status = rep.status
	e.journal.add(entry)
	rep.write(w, requestID)
}

// Advance moves the emulator's simulated time forward by d, whatever its clock.
func (e *Emulator) Advance(d time.Duration) { e.clock.advance(d) }

// Now returns the emulator's simulated time.
func (e *Emulator) Now() time.Time { return e.clock.Now() }

// abortConnection closes the client's connection without any reply, as a network fault
// would. A ResponseWriter that cannot be hijacked (HTTP/2, a recorder) is aborted instead.
func abortConnection(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			_ = conn.Close()
			return
		}
	}
	panic(http.ErrAbortHandler)
}
