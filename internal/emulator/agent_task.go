package emulator

// What the Agent reports about a task beyond its progress (consistency results), kept
// with the task so that deleting the task drops it.

type taskAgentData struct {
	Consistency           []consistencyResult `json:"consistency,omitempty"`
	ConsistencyFinishedMS int64               `json:"consistency_finished_ms,omitempty"`
}

func (rec *taskRecord) agent() *taskAgentData {
	if rec.Agent == nil {
		rec.Agent = &taskAgentData{}
	}
	return rec.Agent
}
