package emulator

import (
	"bytes"
	"encoding/json"
	"net/http"
	"sync"
	"time"
)

// maxJournalEntries bounds the journal of a long-running emulator; the oldest go first.
const maxJournalEntries = 10000

// JournalEntry is one request the emulator received, as tests read it to assert what a
// client sent.
type JournalEntry struct {
	Time           time.Time
	RequestID      string // the X-Request-Id answered (also for lost replies)
	Method         string
	Path           string
	RawQuery       string
	Header         http.Header
	Body           []byte
	Status         int    // the status answered (or, for a lost reply, the one that would have been); 0 when dropped
	SignatureValid bool   // an SDK-HMAC-SHA256 signature was present and valid
	AuthMode       string // AuthModeAKSK, AuthModeToken or AuthModeNone
	Fault          string // "", "latency", "drop", "429", "500", "503" or "lose-reply"
}

// MarshalJSON renders the body as text, which is what a reader of the admin journal wants.
func (j JournalEntry) MarshalJSON() ([]byte, error) {
	type plain JournalEntry
	return json.Marshal(struct {
		plain
		Body string
	}{plain(j), string(j.Body)})
}

type journal struct {
	mu      sync.Mutex
	entries []JournalEntry
}

func (j *journal) add(e JournalEntry) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if len(j.entries) >= maxJournalEntries {
		j.entries = append(j.entries[:0:0], j.entries[1:]...)
	}
	j.entries = append(j.entries, e)
}

// Journal returns a copy of every request received so far, oldest first.
func (e *Emulator) Journal() []JournalEntry {
	e.journal.mu.Lock()
	defer e.journal.mu.Unlock()
	out := make([]JournalEntry, len(e.journal.entries))
	for i, entry := range e.journal.entries {
		entry.Header = entry.Header.Clone()
		entry.Body = bytes.Clone(entry.Body)
		out[i] = entry
	}
	return out
}

// ResetJournal forgets every journaled request.
func (e *Emulator) ResetJournal() {
	e.journal.mu.Lock()
	defer e.journal.mu.Unlock()
	e.journal.entries = nil
}
