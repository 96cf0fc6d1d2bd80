package emulator

import "slices"

// Source servers live in the store, so that the Agent can register new ones, users can
// rename, move and delete them, and all of that survives a restart with a data file.
// The built-in and configured sources seed the store; one the user deleted stays deleted.

// sourceRecord is one registered source server.
type sourceRecord struct {
	Seq int64 `json:"seq"` // registration order, for listing
	// Config is the source as the options define it (for a built-in or configured source)
	// or as the emulator derived it from a registration; it drives the simulation.
	Config       SourceServer `json:"config"`
	Detail       sourceDetail `json:"detail"` // ShowServer's body, current_task aside
	MigprojectID string       `json:"migproject_id,omitempty"`
	// ConsistencyResultExist: the Agent posted a consistency result for a task of this source.
	ConsistencyResultExist bool `json:"consistency_result_exist,omitempty"`
	// Commands are what ShowCommand hands to the Agent next, oldest first.
	Commands []agentCommand `json:"commands,omitempty"`
	// LastCommandResult is the Agent's latest UpdateCommandResult, kept for tests.
	LastCommandResult *commandResult `json:"last_command_result,omitempty"`
}

// seedSources adds the built-in and configured sources the store does not hold yet (a
// source deleted through the API is not brought back) and refreshes FailMigration of
// those it does, the one option that is no part of what the API shows (a rename through
// the API must survive a restart).
func (s *store) seedSources(opts Options, details []sourceDetail) {
	if s.Sources == nil {
		s.Sources = map[string]*sourceRecord{}
	}
	registry := opts.sourceServerRegistry()
	for _, d := range details {
		if rec, found := s.Sources[d.ID]; found {
			rec.Config.FailMigration = registry[d.ID].FailMigration
			continue
		}
		if slices.Contains(s.DeletedSources, d.ID) {
			continue
		}
		s.Sources[d.ID] = &sourceRecord{Seq: s.nextSeq(), Config: registry[d.ID], Detail: d, MigprojectID: s.DefaultMigproject}
	}
}

// orderedSources returns the sources in registration order.
func (s *store) orderedSources() []*sourceRecord {
	return orderedBySeq(s.Sources, func(rec *sourceRecord) int64 { return rec.Seq })
}

// sourceLocked returns the registration of source id. Callers hold e.mu.
func (e *Emulator) sourceLocked(id string) (SourceServer, bool) {
	rec, found := e.st.Sources[id]
	if !found {
		return SourceServer{}, false
	}
	return rec.Config, true
}

// registeredSource is sourceLocked for a caller that does not hold e.mu.
func (e *Emulator) registeredSource(id string) (SourceServer, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.sourceLocked(id)
}
