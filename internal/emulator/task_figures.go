package emulator

import (
	"fmt"
	"math"
)

// The figures ShowTask documents beyond the PUT body (subtask_info, the host's and the
// Agent's CPU, memory and disk I/O, compress_rate): while a simulated migration runs they
// are drawn from its phase, and an Agent's progress report overrides them.

// Plausible figures of a host being copied: the Agent takes a modest share of it.
const (
	simTotalCPU  = 35.0
	simAgentCPU  = 12.5
	simTotalMem  = 2048.0
	simAgentMem  = 256.0
	simCompress  = 0.62
	idleTotalCPU = 4.0
)

// taskFigures are the figures ShowTask, ListTasks and the Agent's progress report
// (UpdateTaskSpeedReq) share, embedded in each so that the three keep one spelling.
type taskFigures struct {
	CompressRate  *float64 `json:"compress_rate,omitempty"`
	TotalCPUUsage *float64 `json:"total_cpu_usage,omitempty"`
	AgentCPUUsage *float64 `json:"agent_cpu_usage,omitempty"`
	TotalMemUsage *float64 `json:"total_mem_usage,omitempty"`
	AgentMemUsage *float64 `json:"agent_mem_usage,omitempty"`
	TotalDiskIO   *float64 `json:"total_disk_io,omitempty"`
	AgentDiskIO   *float64 `json:"agent_disk_io,omitempty"`
}

// fillFigures writes the figures for the moment the run shows current at progress percent.
func (rec *taskRecord) fillFigures(current runPhase, progress int64, speedMbps float64) {
	b := &rec.Body
	b.SubtaskInfo = ptr(fmt.Sprintf("%s:%d", current.Name, progress))
	b.TotalCPUUsage, b.AgentCPUUsage = ptr(idleTotalCPU), ptr(0.0)
	b.TotalMemUsage, b.AgentMemUsage = ptr(simTotalMem), ptr(simAgentMem)
	b.TotalDiskIO, b.AgentDiskIO = ptr(0.0), ptr(0.0)
	if current.Copies {
		b.TotalCPUUsage, b.AgentCPUUsage = ptr(simTotalCPU), ptr(simAgentCPU)
		// The Agent reads what it sends; the host does a little more I/O of its own.
		b.AgentDiskIO = ptr(speedMbps)
		b.TotalDiskIO = ptr(math.Round(speedMbps*1.1*100) / 100)
		b.CompressRate = ptr(simCompress)
	}
	if r, reported := rec.Reports[current.Name]; reported {
		r.applyFigures(b)
	}
}

// applyFigures lays the figures of an Agent's report over the task body.
func (r progressReport) applyFigures(b *taskBody) {
	set := func(dst **float64, v *float64) {
		if v != nil {
			*dst = v
		}
	}
	f, got := &b.taskFigures, r.taskFigures
	set(&f.CompressRate, got.CompressRate)
	set(&f.TotalCPUUsage, got.TotalCPUUsage)
	set(&f.AgentCPUUsage, got.AgentCPUUsage)
	set(&f.TotalMemUsage, got.TotalMemUsage)
	set(&f.AgentMemUsage, got.AgentMemUsage)
	set(&f.TotalDiskIO, got.TotalDiskIO)
	set(&f.AgentDiskIO, got.AgentDiskIO)
	b.SubtaskInfo = ptr(fmt.Sprintf("%s:%d", r.SubtaskName, r.Progress))
}

// clearFigures leaves only what stays meaningful once no data moves: the compression
// rate achieved.
func (rec *taskRecord) clearFigures() {
	rec.Body.taskFigures = taskFigures{CompressRate: rec.Body.CompressRate}
}

// progressOf is the progress sub_tasks shows for the subtask name (0 if none).
func (rec *taskRecord) progressOf(name string) int64 {
	if rec.Body.SubTasks == nil {
		return 0
	}
	for _, st := range *rec.Body.SubTasks {
		if deref(st.Name) == name && st.Progress != nil {
			return *st.Progress
		}
	}
	return 0
}

// addFigures copies into a ListTasks item what ShowTask answers beyond the PUT body,
// the task's log collection and its advanced configuration (special_config).
func (t *listedTask) addFigures(rec *taskRecord) {
	b := rec.Body
	t.taskFigures, t.NetworkCheckInfo, t.SubtaskInfo = b.taskFigures, b.NetworkCheckInfo, b.SubtaskInfo
	if rec.Agent != nil && rec.Agent.LogCollectStatus != "" {
		t.LogCollectStatus = ptr(rec.Agent.LogCollectStatus)
	}
	if rec.Configurations != nil {
		t.SpecialConfig = rec.Configurations
	}
}
