package emulator

import (
	"strings"
	"time"
)

// currentTaskOf is a source's current_task as ListServers answers it (ShowServer's is
// its embedded part): the task's own fields, its create flags and its log upload.
func currentTaskOf(rec *taskRecord) *listedCurrentTask {
	b := rec.Body
	c := &listedCurrentTask{sourceCurrentTask: sourceCurrentTask{ID: b.ID, Name: b.Name, Type: b.Type, State: b.State,
		StartDate: b.StartDate, SpeedLimit: b.SpeedLimit, MigrateSpeed: b.MigrateSpeed, StartTargetServer: b.StartTargetServer,
		VMTemplateID: b.VMTemplateID, RegionID: b.RegionID, ProjectName: b.ProjectName, ProjectID: b.ProjectID,
		ExistServer: rec.Flags.ExistServer, UsePublicIP: rec.Flags.UsePublicIP, CloneServer: b.CloneServer,
		SubtaskInfo: b.SubtaskInfo},
		EstimateCompleteTime: b.EstimateCompleteTime, CompressRate: b.CompressRate, RemainSeconds: b.RemainSeconds}
	if ts := b.TargetServer; ts != nil {
		c.TargetServer = &targetServerRef{VMID: ts.VMID, Name: ts.Name}
	}
	if a := rec.Agent; a != nil && a.LogCollectStatus != "" {
		c.LogCollectStatus, c.LogBucket = ptr(a.LogCollectStatus), nonEmpty(a.LogBucket)
		if a.LogUploadMS > 0 {
			c.LogUploadTime = ptr(a.LogUploadMS)
			c.LogExpire = ptr(logShareValidity.Milliseconds())
			c.LogShareURL = ptr("https://" + a.LogBucket + ".obs.example.invalid/sms-logs/" + deref(b.ID) + ".zip")
		}
	}
	return c
}

// logShareValidity is how long an uploaded log's share link stays valid (log_expire,
// answered in milliseconds like the API's other durations).
const logShareValidity = 7 * 24 * time.Hour

// copiedBytes are a source's replicatesize and totalsize while its task copies it: the
// Agent's latest report on the copy, else the copy subtask's progress of the bytes the
// target's disks use. A task that has not started copying has neither.
func (rec *taskRecord) copiedBytes() (replicated, total *int64) {
	if rec.Body.SubTasks == nil {
		return nil, nil
	}
	for _, st := range *rec.Body.SubTasks {
		name := deref(st.Name)
		if !strings.HasPrefix(name, "MIGRATE_") {
			continue
		}
		if r, reported := rec.Reports[name]; reported {
			return ptr(r.ReplicateSize), ptr(r.TotalSize)
		}
		all := targetUsedBytes(rec)
		if rec.Run != nil {
			all = rec.Run.TotalBytes
		}
		progress := int64(0)
		if st.Progress != nil {
			progress = *st.Progress
		}
		return ptr(all * progress / 100), ptr(all)
	}
	return nil, nil
}
