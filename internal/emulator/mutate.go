package emulator

import (
	"encoding/json"
	"sort"
)

// mutate runs fn under the lock as one all-or-nothing change of the store: if fn answers
// an error, or the data file cannot be written, the store is put back as it was. The calls
// that use it change several records at once (a batch delete, a project and its sources),
// so a per-record undo would not do.
func (e *Emulator) mutate(fn func() reply) reply {
	e.mu.Lock()
	defer e.mu.Unlock()
	before, err := json.Marshal(e.st)
	if err != nil {
		return fail(internalError("snapshotting the state: %v", err))
	}
	restore := func() {
		st := newStore()
		if err := json.Unmarshal(before, st); err != nil {
			panic("emulator: restoring a snapshot of the state: " + err.Error())
		}
		e.st = st
	}
	rep := fn()
	if rep.err != nil {
		restore()
		return rep
	}
	if err := e.saveLocked(); err != nil {
		restore()
		return fail(internalError("persisting the change: %v", err))
	}
	return rep
}

// orderedBySeq returns the records of m in creation order.
func orderedBySeq[T any](m map[string]T, seq func(T) int64) []T {
	out := make([]T, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return seq(out[i]) < seq(out[j]) })
	return out
}
