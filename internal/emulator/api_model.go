package emulator

import (
	"fmt"
	"slices"
	"strings"
)

// APIModel is the task API an emulator speaks. The seed document (PUT /v3/tasks/{task_id}
// as documented in 2024) and the current SDK (PutTaskReq since v0.1.186) disagree on the
// update body and on what ShowTask returns; a client must work with the service as it is
// today, and with an endpoint that still speaks the seed's model.
type APIModel string

const (
	// APIModelSeed: the seed's update body (30 keys, source_server and the status fields
	// included), and ShowTask returns everything stored.
	APIModelSeed APIModel = "seed"
	// APIModelCurrent: the current SDK's PutTaskReq (19 keys, target_server.btrfs_list as
	// objects, enterprise_project), ShowTask's summaries, and CreateTask accepting a
	// target_server without name and vm_id when vm_template_id is given. The zero value
	// means current.
	APIModelCurrent APIModel = "current"
)

// APIModelHeader names the emulator's model ("seed" or "current") on every response, API
// and admin alike, errors and injected faults included, so that a client can say in one
// line when its own api_model setting disagrees with the endpoint's. The real service
// sends no such header.
const APIModelHeader = "X-Sms-Emulator-Api-Model"

// APIModels lists the models in the order help texts show them.
var APIModels = []APIModel{APIModelSeed, APIModelCurrent}

// ParseAPIModel accepts "seed" or "current".
func ParseAPIModel(s string) (APIModel, error) {
	if m := APIModel(s); slices.Contains(APIModels, m) {
		return m, nil
	}
	return "", fmt.Errorf("API model must be one of seed, current, got %q", s)
}

// seedOnlyUpdateKeys are the 19 keys of the seed's update body that PutTaskReq no longer
// has. The current service binds leniently: by default a PUT carrying them answers 200 and
// applies none of them (the hard case for a client); Options.RejectSeedOnlyKeys makes it
// answer 400 instead, as a strict binder would.
var seedOnlyUpdateKeys = []string{
	"os_type", "priority", "start_target_server", "id", "enterprise_project_id", "source_server",
	"state", "connected", "error_json", "float_ip", "target_snapshot_id",
	"estimate_complete_time", "create_date", "start_date", "finish_date", "total_time", "remain_seconds",
	"migrate_speed", "sub_tasks",
}

// The current model's nested types: every field optional, NetWork gains ipv6 (only mac
// mandatory), LogicalVolumes gains inode_nums, and target_server.btrfs_list holds
// BtrfsFileSystem objects.

var currentBtrfsSubvolumnFields = optionalFields(btrfsSubvolumnFields)

var currentBtrfsFileSystemFields = withField(optionalFields(btrfsFileSystemFields),
	array("subvolumn", maxArray, object("", currentBtrfsSubvolumnFields...)))

var currentNetworkFields = append(withField(optionalFields(networkFields), s255("mac").required()), s255("ipv6"))

var currentLogicalVolumeFields = append(optionalFields(logicalVolumeFields), long("inode_nums"))

var currentVolumeGroupFields = withField(slices.Clone(volumeGroupFields),
	limitedArray("logical_volumes", object("", currentLogicalVolumeFields...)))

var currentTargetServerFields = withField(withField(withField(optionalFields(targetServerFields),
	array("btrfs_list", maxArray, object("", currentBtrfsFileSystemFields...))),
	array("networks", maxArray, object("", currentNetworkFields...))),
	array("volume_groups", maxArray, object("", currentVolumeGroupFields...)))

// currentPutTaskFields is PutTaskReq: the 11 keys kept from the seed and the 8 added. The
// bounds of the fields declared limited are in taskLimits.
var currentPutTaskFields = []field{
	limited(kindString, "name"),
	s255("type").oneOf(taskTypes...),
	s255("region_id"),
	s255("region_name"),
	s255("migration_ip"),
	limited(kindInteger, "speed_limit"),
	s255("project_name"),
	s255("project_id"),
	limited(kindString, "vm_template_id"),
	object("target_server", currentTargetServerFields...),
	object("clone_server", cloneServerFields...),
	boolean("exist_server"),
	boolean("use_ipv6"),
	boolean("use_public_ip"),
	limited(kindString, "enterprise_project"),
	s255("image_disk_id"),
	limited(kindString, "target_disk_ids"),
	limited(kindString, "snapshot_ids"),
	limited(kindString, "cutovered_snapshot_ids"),
}

// optionalFields copies fields with "mandatory" dropped at this level.
func optionalFields(fields []field) []field {
	out := slices.Clone(fields)
	for i := range out {
		out[i].mandatory, out[i].nullable = false, false
	}
	return out
}

// withField replaces the field of the same name.
func withField(fields []field, f field) []field {
	out := slices.Clone(fields)
	for i := range out {
		if out[i].name == f.name {
			out[i] = f
			return out
		}
	}
	panic("emulator: no field " + f.name + " to replace")
}

// putExtras keeps what a current-model PUT sets that ShowTask never returns.
type putExtras struct {
	ImageDiskID          *string `json:"image_disk_id,omitempty"`
	TargetDiskIDs        *string `json:"target_disk_ids,omitempty"`
	SnapshotIDs          *string `json:"snapshot_ids,omitempty"`
	CutoveredSnapshotIDs *string `json:"cutovered_snapshot_ids,omitempty"`
}

// currentUpdateBody is what a current-model PUT decodes into besides the task body.
type currentUpdateBody struct {
	ExistServer       *bool   `json:"exist_server"`
	UseIPv6           *bool   `json:"use_ipv6"`
	UsePublicIP       *bool   `json:"use_public_ip"`
	EnterpriseProject *string `json:"enterprise_project"`
	putExtras
}

// seedOnlyKeysIn returns the seed-only keys present in a PUT body, in the seed's order.
func seedOnlyKeysIn(obj map[string]any) []string {
	var found []string
	for _, k := range seedOnlyUpdateKeys {
		if _, ok := obj[k]; ok {
			found = append(found, k)
		}
	}
	return found
}

func seedOnlyKeysRejected(keys []string) *apiError {
	return badRequest(CodeNotInUpdateBody, "%s %s not in the update body (PutTaskReq); set %s at creation or through the APIs that own %s",
		strings.Join(keys, ", "), pluralIs(len(keys)), pronoun(len(keys)), pronoun(len(keys)))
}

func pluralIs(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

func pronoun(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// btrfsNames turns a current PUT's target_server.btrfs_list objects into the strings the
// task stores and ShowTask returns (their names), as CreateTask does.
func btrfsNames(obj map[string]any) {
	ts, ok := obj["target_server"].(map[string]any)
	if !ok {
		return
	}
	items, ok := ts["btrfs_list"].([]any)
	if !ok {
		return
	}
	names := make([]any, 0, len(items))
	for _, item := range items {
		if fs, ok := item.(map[string]any); ok {
			if name, ok := fs["name"].(string); ok {
				names = append(names, name)
			}
		}
	}
	ts["btrfs_list"] = names
}

// shownTask is a task as ShowTask returns it in the emulator's model. The current model
// returns a summary of source_server (SourceServerResponse) and a subset of target_server
// (TaskTargetServer).
func (e *Emulator) shownTask(rec *taskRecord) any {
	if e.opts.APIModel != APIModelCurrent {
		return rec.Body
	}
	b := rec.Body
	if s := b.SourceServer; s != nil {
		b.SourceServer = &sourceServerBody{ID: s.ID, IP: s.IP, Name: s.Name, OSType: s.OSType, OSVersion: s.OSVersion,
			OEMSystem: s.OEMSystem, State: s.State, MigrationCycle: s.MigrationCycle}
	}
	if s := b.TargetServer; s != nil {
		b.TargetServer = &targetServer{ID: s.ID, VMID: s.VMID, Name: s.Name, IP: s.IP, OSType: s.OSType, OSVersion: s.OSVersion,
			SystemDir: s.SystemDir, ImageDiskID: s.ImageDiskID, CutoveredSnapshotIDs: s.CutoveredSnapshotIDs,
			Disks: s.Disks, VolumeGroups: s.VolumeGroups, BtrfsList: s.BtrfsList}
		if b.TargetServer.Disks == nil {
			b.TargetServer.Disks = ptr([]targetDisk{}) // disks is always present in TaskTargetServer
		}
	}
	return b
}

// Describe is the emulator's model in a few words, for a startup line: "api model seed",
// "api model current, seed-only update keys ignored" (or "rejected"). An unset model is
// current, as in New.
func (o Options) Describe() string {
	switch {
	case o.APIModel == APIModelSeed:
		return "api model seed"
	case o.RejectSeedOnlyKeys:
		return "api model current, seed-only update keys rejected"
	default:
		return "api model current, seed-only update keys ignored"
	}
}
