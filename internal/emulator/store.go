package emulator

import (
	"sort"
)

// store is the emulator's whole mutable state; it is what the data file holds. All access
// goes through Emulator.mu.
type store struct {
	Tasks         map[string]*taskRecord     `json:"tasks"`
	Templates     map[string]*templateRecord `json:"templates,omitempty"`
	NextSeq       int64                      `json:"next_seq"`
	NextDiskID    int64                      `json:"next_disk_id"`
	NextVolumeID  int64                      `json:"next_volume_id"`
	NextSubTaskID int64                      `json:"next_subtask_id"`

	// Source servers, migration projects and account settings (store_sources.go,
	// migprojects.go, metadata.go).
	Sources           map[string]*sourceRecord     `json:"sources,omitempty"`
	DeletedSources    []string                     `json:"deleted_sources,omitempty"`
	Migprojects       map[string]*migprojectRecord `json:"migprojects,omitempty"`
	DefaultMigproject string                       `json:"default_migproject,omitempty"`
	PrivacyAgreed     bool                         `json:"privacy_agreed,omitempty"`
	// SimNowMS is the simulated time at the last save, so that a restarted emulator with a
	// fast clock does not move time backwards.
	SimNowMS int64 `json:"sim_now_ms"`
}

// taskRecord is one task: the body the API shows plus the emulator's bookkeeping.
type taskRecord struct {
	Seq   int64       `json:"seq"` // creation order, for listing
	Body  taskBody    `json:"body"`
	Flags createFlags `json:"flags"`

	Run             *migrationRun             `json:"run,omitempty"`               // simulated migration, if any
	AbortingSinceMS int64                     `json:"aborting_since_ms,omitempty"` // set while ABORTING
	CloneStartedMS  int64                     `json:"clone_started_ms,omitempty"`  // clone_test in progress
	SpeedLimits     *[]speedLimitWindow       `json:"speed_limits,omitempty"`
	Reports         map[string]progressReport `json:"reports,omitempty"` // latest Agent report per subtask
	Extras          *putExtras                `json:"extras,omitempty"`  // current-model PUT keys ShowTask never returns
	Configurations  *[]configBody             `json:"configurations,omitempty"`
	Passphrase      string                    `json:"passphrase,omitempty"` // secure-channel certificate passphrase
	Agent           *taskAgentData            `json:"agent,omitempty"`      // what the Agent reported (agent_task.go)
}

func newStore() *store {
	// Disk, volume and subtask IDs start far from the seed example's IDs (88008, 135055,
	// 7278) so that IDs a client PUTs back never collide with fresh ones in a test.
	return &store{
		Tasks:         map[string]*taskRecord{},
		Templates:     map[string]*templateRecord{},
		NextSeq:       1,
		NextDiskID:    1000001,
		NextVolumeID:  2000001,
		NextSubTaskID: 3000001,
	}
}

// nextSeq numbers tasks and templates in creation order.
func (s *store) nextSeq() int64 { s.NextSeq++; return s.NextSeq - 1 }

// orderedTemplates returns the templates in creation order.
func (s *store) orderedTemplates() []*templateRecord {
	out := make([]*templateRecord, 0, len(s.Templates))
	for _, t := range s.Templates {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Seq < out[j].Seq })
	return out
}

func (s *store) nextDiskID() int64 { s.NextDiskID++; return s.NextDiskID - 1 }

func (s *store) nextVolumeID() int64 { s.NextVolumeID++; return s.NextVolumeID - 1 }

func (s *store) nextSubTaskID() int64 { s.NextSubTaskID++; return s.NextSubTaskID - 1 }

// ordered returns the tasks in creation order.
func (s *store) ordered() []*taskRecord {
	out := make([]*taskRecord, 0, len(s.Tasks))
	for _, t := range s.Tasks {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Seq < out[j].Seq })
	return out
}

func (t *taskRecord) state() string {
	if t.Body.State == nil {
		return ""
	}
	return *t.Body.State
}

func (t *taskRecord) setState(s string) { t.Body.State = ptr(s) }

func (t *taskRecord) osType() string {
	if t.Body.OSType != nil {
		return *t.Body.OSType
	}
	return "LINUX"
}

func (t *taskRecord) sourceServerID() string {
	if t.Body.SourceServer == nil || t.Body.SourceServer.ID == nil {
		return ""
	}
	return *t.Body.SourceServer.ID
}

// clone deep-copies the record, so a failed save can restore it.
func (t *taskRecord) clone() *taskRecord {
	var c taskRecord
	mustRoundTrip(t, &c)
	return &c
}
