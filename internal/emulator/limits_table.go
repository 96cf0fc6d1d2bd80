package emulator

import (
	"math"
	"regexp"
	"slices"
	"strconv"
)

// taskLimits are the task requests' limits that differ between the models, or that only
// one model has: the seed column keeps the seed's (and, for CreateTask and ListTasks, which
// the seed does not cover, the API reference's as the emulator had them before today's
// pages); the current column is today's, from api/sms-v3-task-constraints-today.md, whose
// row each entry names. Where today's pages and the SDK disagree, the pages win; the rows
// say so. Everything else (the bounds both models share, and which members are mandatory)
// is in the structural schemas.
var taskLimits = slices.Concat(
	updateLimits,
	logicalVolumeLimits(opUpdate, "target_server.volume_groups", true),
	logicalVolumeLimits(opUpdate, "source_server.volume_groups", false), // in the seed's body only
	createLimits,
	logicalVolumeLimits(opCreate, "target_server.volume_groups", true),
	listLimits,
)

// updateLimits: the UpdateTask body (PutTaskReq).
var updateLimits = []limitRow{
	{opUpdate, "name", chars(0, 255).matching(seedNameRule), chars(1, 64).matching(todayNameRule),
		docRow{"## UpdateTask body", "name"}},
	{opUpdate, "speed_limit", ints(0, 10000), ints(0, 1000), docRow{"## UpdateTask body", "speed_limit"}},
	{opUpdate, "vm_template_id", chars(0, 255), chars(0, 100), docRow{"## UpdateTask body", "vm_template_id"}},
	// "" is allowed today: the seed's enterprise_project_id was 1–255.
	{opUpdate, "enterprise_project", bound{}, chars(0, 36), docRow{"## UpdateTask body", "enterprise_project"}},
	// Space-separated disk IDs: the list 0–16384 (each ID up to 255, which is not checked).
	{opUpdate, "target_disk_ids", bound{}, chars(0, 16384), docRow{"## UpdateTask body", "target_disk_ids"}},
	{opUpdate, "snapshot_ids", bound{}, chars(0, 1024),
		docRow{"## UpdateTask body", "snapshot_ids, cutovered_snapshot_ids (top level)"}},
	{opUpdate, "cutovered_snapshot_ids", bound{}, chars(0, 1024),
		docRow{"## UpdateTask body", "snapshot_ids, cutovered_snapshot_ids (top level)"}},
	{opUpdate, "clone_server.clone_state", chars(0, 255), chars(0, 255).oneOf(cloneStates...),
		docRow{"## NetWork, VolumeGroups", "CloneServer clone_state"}},
}

// createLimits: the CreateTask body (PostTask).
var createLimits = []limitRow{
	{opCreate, "name", chars(1, 255).matching(seedNameRule), chars(1, 64).matching(todayNameRule),
		docRow{"## CreateTask body", "name"}},
	// The page and the SDK disagree: the page says int32 0–65535, the SDK's notes 0/1/2
	// (what ShowTask and ListTasks return). The page wins.
	{opCreate, "priority", ints(0, 2), ints(0, 65535), docRow{"## CreateTask body", "priority"}},
	{opCreate, "speed_limit", ints(0, 10000), ints(0, 1000), docRow{"## CreateTask body", "speed_limit"}},
	// A percentage: 10–100 on the page, default 10 (the emulator had only ≥0).
	{opCreate, "over_speed_threshold", nums(0, math.Inf(1)), nums(10, 100), docRow{"## CreateTask body", "over_speed_threshold"}},
	{opCreate, "vm_template_id", chars(0, 255), chars(0, 100), docRow{"## CreateTask body", "vm_template_id, clonevm_template_id"}},
	{opCreate, "clonevm_template_id", chars(0, 255), chars(0, 100), docRow{"## CreateTask body", "vm_template_id, clonevm_template_id"}},
	{opCreate, "target_server.disks", items(maxArray), items(50), docRow{"## CreateTask body", "target_server.disks; .volume_groups"}},
	{opCreate, "target_server.volume_groups", items(maxArray), items(50), docRow{"## CreateTask body", "target_server.disks; .volume_groups"}},
	{opCreate, "target_server.disks[].physical_volumes", items(maxArray), items(50),
		docRow{"## CreateTask body", "TargetDisks.physical_volumes"}},
	// int64 today; the seed's PhysicalVolume (which CreateTask borrowed) stopped at 2^32.
	{opCreate, "target_server.disks[].physical_volumes[].inode_size", ints(0, maxInode), ints(0, math.MaxInt64),
		docRow{"## CreateTask body", "PhysicalVolumes device_use; inode_size"}},
}

// listLimits: the ListTasks query. The seed model checks only the state and the paging
// numbers.
var listLimits = []limitRow{
	{opList, "state", chars(0, noLimit).oneOf(allTaskStates...), chars(0, noLimit).oneOf(listStates...),
		docRow{"## ListTasks query", "state"}},
	{opList, "name", chars(0, noLimit), chars(0, 255), docRow{"## ListTasks query", "name; enterprise_project_id"}},
	{opList, "enterprise_project_id", chars(0, noLimit), chars(0, 255), docRow{"## ListTasks query", "name; enterprise_project_id"}},
	{opList, "id", chars(0, noLimit), chars(1, 36), docRow{"## ListTasks query", "id; source_server_id"}},
	{opList, "source_server_id", chars(0, noLimit), chars(1, 36), docRow{"## ListTasks query", "id; source_server_id"}},
	{opList, "limit", ints(0, maxInt32), ints(0, 200), docRow{"## ListTasks query", "limit"}},
	{opList, "offset", ints(0, maxInt32), ints(0, 65535), docRow{"## ListTasks query", "offset"}},
}

// logicalVolumeLimits are the rows of VolumeGroups.logical_volumes and its LVs'
// block_count and inode_size, which are the same wherever VolumeGroups appears; inCurrent
// says whether the current model's body has that path. The page (0–50 items, int32) wins
// over the SDK's notes, which keep the seed's 0–255 items.
func logicalVolumeLimits(op taskOp, volumeGroups string, inCurrent bool) []limitRow {
	rows := []limitRow{
		{op, volumeGroups + "[].logical_volumes", items(255), items(50),
			docRow{"## NetWork, VolumeGroups", "VolumeGroups logical_volumes"}},
		{op, volumeGroups + "[].logical_volumes[].block_count", ints(0, maxInode), ints(0, maxInt32),
			docRow{"## NetWork, VolumeGroups", "LV block_count"}},
		{op, volumeGroups + "[].logical_volumes[].inode_size", ints(0, maxInode), ints(0, maxInt32),
			docRow{"## NetWork, VolumeGroups", "LV inode_size"}},
	}
	if !inCurrent {
		for i := range rows {
			rows[i].current = bound{}
		}
	}
	return rows
}

// cloneStates are CloneServer.clone_state's values today (the seed: free text).
var cloneStates = []string{"NOT_READY", "READY", "PREPARING", "CREATING", "ERROR", "FINISHED"}

// listStates are the states a ListTasks filter may name today: ten, where the emulator's
// seed model takes every state a task can report.
var listStates = []string{stateReady, stateRunning, stateSyncing, stateMigrateSuccess, stateMigrateFail,
	stateAborting, stateAbort, "DELETING", "SYNC_F_ROLLBACKING", "SYNC_F_ROLLBACK_SUCCESS"}

// seedNameRule is the task name's alphabet as the API reference had it when the seed was
// written ("Chinese characters, letters, digits, _ and -"); the seed gives no alphabet.
var seedNameRule = &charRule{
	check:   checkTaskName,
	edgeIn:  "\U00020000", // CJK Extension B: Han
	edgeOut: "\u3001",     // the ideographic comma: not Han
}

// todayNameRule is today's pattern. The English page names only letters, digits, _ and -;
// the Chinese page and the pattern also allow U+4E00 to U+9FA5, and the pattern wins.
var todayNameRule = &charRule{
	doc:     `^[A-Za-z0-9_\-\u4e00-\u9fa5]{1,64}$`,
	check:   checkTodayTaskName,
	edgeIn:  "\u9fa5",
	edgeOut: "\u9fa6",
}

var todayTaskName = regexp.MustCompile(`^[A-Za-z0-9_\-\x{4e00}-\x{9fa5}]{1,64}$`)

func checkTodayTaskName(name string) string {
	if todayTaskName.MatchString(name) {
		return ""
	}
	return "may contain only letters, digits, _, - and the CJK ideographs U+4E00 to U+9FA5 " +
		`(^[A-Za-z0-9_\-\u4e00-\u9fa5]{1,64}$), got ` + strconv.Quote(name)
}
