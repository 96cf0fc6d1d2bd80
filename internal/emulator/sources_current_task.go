package emulator

import "time"

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
