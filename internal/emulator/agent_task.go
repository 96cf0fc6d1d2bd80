package emulator

import "math"

// What the Agent reports about a task beyond its progress (consistency results) and
// what a user asked of it (log collection), kept with the task so that deleting the task
// drops them. The network check goes into the task body, where ShowTask answers it.

type taskAgentData struct {
	Consistency           []consistencyResult `json:"consistency,omitempty"`
	ConsistencyFinishedMS int64               `json:"consistency_finished_ms,omitempty"`
	LogBucket             string              `json:"log_bucket,omitempty"`
	LogCollectStatus      string              `json:"log_collect_status,omitempty"`
	LogUploadMS           int64               `json:"log_upload_ms,omitempty"` // when the Agent reported the upload done
}

func (rec *taskRecord) agent() *taskAgentData {
	if rec.Agent == nil {
		rec.Agent = &taskAgentData{}
	}
	return rec.Agent
}

// networkCheckInfo is NetworkCheckInfoRequestBody.
type networkCheckInfo struct {
	DomainConnectivity      *bool   `json:"domain_connectivity,omitempty"`
	DestinationConnectivity *bool   `json:"destination_connectivity,omitempty"`
	NetworkDelay            float64 `json:"network_delay"`
	NetworkJitter           float64 `json:"network_jitter"`
	MigrationSpeed          float64 `json:"migration_speed"`
	LossPercentage          float64 `json:"loss_percentage"`
	CPUUsage                float64 `json:"cpu_usage"`
	MemUsage                float64 `json:"mem_usage"`
	EvaluationResult        string  `json:"evaluation_result"`
}

var networkCheckFields = []field{
	boolean("domain_connectivity"),
	boolean("destination_connectivity"),
	number("network_delay", 0, math.Inf(1)).required(),
	number("network_jitter", 0, math.Inf(1)).required(),
	number("migration_speed", 0, math.Inf(1)).required(),
	number("loss_percentage", 0, 100).required(),
	number("cpu_usage", 0, 100).required(),
	number("mem_usage", 0, math.Inf(1)).required(),
	s255("evaluation_result").required(),
}

// updateNetworkCheckInfo (POST /v3/{task_id}/update-network-check-info) answers typed
// JSON, {task_id}, unlike most Agent calls.
func (e *Emulator) updateNetworkCheckInfo(id string, body []byte) reply {
	var info networkCheckInfo
	if aerr := decodeAndValidate(body, networkCheckFields, &info); aerr != nil {
		return fail(aerr)
	}
	return e.withTask(id, true, func(rec *taskRecord, _ int64) reply {
		rec.Body.NetworkCheckInfo = &info
		return ok(map[string]string{"task_id": id})
	})
}
