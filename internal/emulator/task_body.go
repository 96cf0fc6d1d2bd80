package emulator

import (
	"encoding/json"
)

// How request bodies become the stored task body: the new task of a CreateTask, the
// top-level replacement of a PUT, the source server merged with its registration, and the
// IDs and documented defaults the service fills in.

// newTaskRecord builds the READY task a valid CreateTask body describes.
func (e *Emulator) newTaskRecord(id string, req createTaskBody, src SourceServer, nowMS int64) *taskRecord {
	osType := src.OSType
	if req.OSType != nil {
		osType = *req.OSType
	}
	ts := &targetServer{
		Name:         ptr(req.TargetServer.Name),
		VMID:         ptr(req.TargetServer.VMID),
		IP:           ptr(""),
		OSType:       ptr(osType),
		Disks:        ptr(e.targetDisksFromCreate(req.TargetServer.Disks)),
		VolumeGroups: ptr([]volumeGroup{}),
		BtrfsList:    ptr([]string{}),
	}
	// TargetServerByTask copies the source's volume groups and Btrfs file systems; the
	// stored target keeps the groups and, as ShowTask's btrfs_list is an array of strings,
	// the file systems' names.
	if req.TargetServer.VolumeGroups != nil {
		ts.VolumeGroups = req.TargetServer.VolumeGroups
	}
	for _, fs := range req.TargetServer.BtrfsList {
		if fs.Name != nil {
			*ts.BtrfsList = append(*ts.BtrfsList, *fs.Name)
		}
	}
	fillTargetDefaults(ts, e.st)

	rec := &taskRecord{
		Seq: e.st.NextSeq,
		Body: taskBody{
			ID:                  ptr(id),
			Name:                ptr(req.Name),
			Type:                ptr(req.Type),
			OSType:              ptr(osType),
			Priority:            orDefault(req.Priority, 1),
			RegionID:            ptr(req.RegionID),
			RegionName:          ptr(req.RegionName),
			ProjectID:           ptr(req.ProjectID),
			ProjectName:         ptr(req.ProjectName),
			StartTargetServer:   orDefault(req.StartTargetServer, true),
			EnterpriseProjectID: ptr("0"), // the default enterprise project
			MigrationIP:         req.MigrationIP,
			SpeedLimit:          orDefault(req.SpeedLimit, 0),
			VMTemplateID:        req.VMTemplateID,
			SourceServer:        registeredSourceBody(src),
			TargetServer:        ts,
			State:               ptr(stateReady),
			Connected:           ptr(true),
			CreateDate:          ptr(nowMS),
			SubTasks:            ptr([]subTask{}),
			NeedMigrationTest:   orDefault(req.NeedMigrationTest, false),
		},
		Flags: createFlags{
			AutoStart:              req.AutoStart,
			ClonevmTemplateID:      req.ClonevmTemplateID,
			UsePublicIP:            req.UsePublicIP,
			UseIPv6:                req.UseIPv6,
			Syncing:                req.Syncing,
			ExistServer:            req.ExistServer,
			StartNetworkCheck:      req.StartNetworkCheck,
			OverSpeedThreshold:     req.OverSpeedThreshold,
			IsNeedConsistencyCheck: req.IsNeedConsistencyCheck,
		},
	}
	e.st.NextSeq++
	return rec
}

func (e *Emulator) targetDisksFromCreate(disks []createTargetDisk) []targetDisk {
	out := make([]targetDisk, 0, len(disks))
	for _, d := range disks {
		td := targetDisk{DeviceUse: d.DeviceUse, DiskID: d.DiskID, Name: d.Name, Size: d.Size, UsedSize: d.UsedSize}
		if d.PhysicalVolumes != nil {
			pvs := make([]targetPhysicalVolume, 0, len(d.PhysicalVolumes))
			for _, pv := range d.PhysicalVolumes {
				pvs = append(pvs, targetPhysicalVolume{DeviceUse: pv.DeviceUse, FileSystem: pv.FileSystem, Index: pv.Index,
					MountPoint: pv.MountPoint, Name: pv.Name, Size: pv.Size, UsedSize: pv.UsedSize, UUID: pv.UUID})
			}
			td.PhysicalVolumes = &pvs
		}
		out = append(out, td)
	}
	return out
}

// registeredSourceBody is what a task shows of its registered source server.
func registeredSourceBody(s SourceServer) *sourceServerBody {
	b := &sourceServerBody{ID: ptr(s.ID), IP: ptr(s.IP), Name: ptr(s.Name), OSType: ptr(s.OSType)}
	if s.OSVersion != "" {
		b.OSVersion = ptr(s.OSVersion)
	}
	if s.AgentVersion != "" {
		b.AgentVersion = ptr(s.AgentVersion)
	}
	return b
}

// applyPut replaces the top-level keys a valid PUT body sent; a key sent as null clears
// the field. "id" is ignored (the path names the task) and so is a null "state" (a task
// always has one). A PUT of state or sub_tasks means the Agent now reports progress, so
// the simulated migration, if any, stops driving the task.
func (e *Emulator) applyPut(rec *taskRecord, sent map[string]any, patch taskBody, nowMS int64) {
	if patch.TargetServer != nil {
		fillTargetDefaults(patch.TargetServer, e.st)
	}
	if patch.SourceServer != nil {
		patch.SourceServer = e.mergeRegisteredSource(patch.SourceServer, rec.sourceServerID())
	}
	stored, incoming := rawFields(rec.Body), rawFields(patch)
	for _, f := range putTaskFields {
		v, present := sent[f.name]
		switch {
		case !present || f.name == "id":
		case v == nil && f.name == "state":
		case v == nil:
			delete(stored, f.name)
		default:
			stored[f.name] = incoming[f.name]
		}
	}
	var body taskBody
	mustRoundTrip(stored, &body)
	rec.Body = body

	_, sentState := sent["state"]
	_, sentSubTasks := sent["sub_tasks"]
	if sentState || sentSubTasks {
		rec.detachRun(nowMS)
	}
}

// detachRun hands the task over to whoever set its state or sub_tasks: the simulated
// migration stops driving it. A task set to ABORTING still reaches ABORT.
func (rec *taskRecord) detachRun(nowMS int64) {
	rec.Run = nil
	rec.AbortingSinceMS = 0
	if rec.state() == stateAborting {
		rec.AbortingSinceMS = nowMS
	}
}

// mergeRegisteredSource fills the fields a PUT's source_server left out from the
// registration of the server it names (or the task's current one).
func (e *Emulator) mergeRegisteredSource(sent *sourceServerBody, currentID string) *sourceServerBody {
	id := currentID
	if sent.ID != nil {
		id = *sent.ID
	}
	src, _ := e.sourceLocked(id)
	merged := rawFields(registeredSourceBody(src))
	for k, v := range rawFields(sent) {
		merged[k] = v
	}
	var out sourceServerBody
	mustRoundTrip(merged, &out)
	fillVolumeGroupDefaults(out.VolumeGroups)
	return &out
}

// fillTargetDefaults gives new target disks and physical volumes their IDs and applies the
// seed's defaults (device_use NORMAL, block_count 0, block_size 0).
func fillTargetDefaults(ts *targetServer, st *store) {
	if ts.Disks != nil {
		for i := range *ts.Disks {
			d := &(*ts.Disks)[i]
			if d.ID == nil {
				d.ID = ptr(st.nextDiskID())
			}
			d.DeviceUse = orDefault(d.DeviceUse, "NORMAL")
			if d.PhysicalVolumes == nil {
				continue
			}
			for j := range *d.PhysicalVolumes {
				pv := &(*d.PhysicalVolumes)[j]
				if pv.ID == nil {
					pv.ID = ptr(st.nextVolumeID())
				}
				pv.DeviceUse = orDefault(pv.DeviceUse, "NORMAL")
			}
		}
	}
	fillVolumeGroupDefaults(ts.VolumeGroups)
}

func fillVolumeGroupDefaults(groups *[]volumeGroup) {
	if groups == nil {
		return
	}
	for i := range *groups {
		if lvs := (*groups)[i].LogicalVolumes; lvs != nil {
			for j := range *lvs {
				lv := &(*lvs)[j]
				lv.BlockCount = orDefault(lv.BlockCount, 0)
				lv.BlockSize = orDefault(lv.BlockSize, 0)
			}
		}
	}
}

// rawFields splits a JSON object type into its encoded top-level fields.
func rawFields(v any) map[string]json.RawMessage {
	m := map[string]json.RawMessage{}
	mustRoundTrip(v, &m)
	return m
}

func orDefault[T any](p *T, def T) *T {
	if p != nil {
		return p
	}
	return &def
}
