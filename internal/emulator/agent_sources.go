package emulator

import (
	"encoding/json"
	"net"
	"slices"
	"strings"
)

// The Agent's calls on its source: RegisterServer, UpdateCopyState, UpdateDiskInfo and
// the command channel (ShowCommand, UpdateCommandResult).

// registerSourceFields is PostSourceServerBody as the current SDK has it: name, os_type,
// os_version, networks and agent_version are mandatory, one of ip and ipv6 is (checked
// apart), and the enums v0.1.186 dropped are free strings.
var registerSourceFields = []field{
	s255("id"), s255("ip"), s255("ipv6"),
	s255("name").required(),
	s255("hostname"),
	s255("os_type").oneOf(osTypes...).required(),
	s255("os_version").required(),
	s255("linux_block_check"),
	s255("firmware").oneOf(firmwares...),
	integer("cpu_quantity", 0, 65535),
	long("memory"),
	array("disks", maxArray, object("", registerDiskFields...)),
	array("btrfs_list", maxArray, object("", currentBtrfsFileSystemFields...)),
	array("networks", maxArray, object("", currentNetworkFields...)).required(),
	s255("domain_id"),
	boolean("has_rsync"), boolean("paravirtualization"), s255("raw_devices"),
	boolean("driver_files"), boolean("system_services"), boolean("account_rights"),
	s255("boot_loader"), s255("system_dir"),
	array("volume_groups", maxArray, object("", currentVolumeGroupFields...)),
	s255("agent_version").required(),
	s255("kernel_version"),
	s255("migration_cycle").oneOf(migrationCycles...),
	s255("state").oneOf(sourceStates...),
	boolean("oem_system"),
	s255("start_type"),
	number("io_read_wait", 0, maxFloat),
	boolean("has_tc"),
	s255("platform").oneOf("hw", "ali", "aws", "azure", "gcp", "tencent", "vmware", "hyperv", "other", "default"),
}

const maxFloat = 1.7976931348623157e308

// registerDiskFields is ServerDisk with every field optional (partition_style and
// device_use are free strings since v0.1.186).
var registerDiskFields = []field{
	s255("name"), s255("partition_style"), s255("device_use"), long("size"), long("used_size"),
	array("physical_volumes", maxArray, object("", append(optionalFields(physicalVolumeFields), long("inode_nums"))...)),
	boolean("os_disk"), s255("relation_name"), integer("inode_size", 0, maxInode),
}

// registerServer adds a source as its Agent does: into the default migration project,
// waiting for a target configuration, connected. A registration that names an id (an
// Agent restarting, or registering again after its source was deleted) keeps that id and
// refreshes the source if it exists.
func (e *Emulator) registerServer(body []byte) reply {
	var d sourceDetail
	if aerr := decodeAndValidate(body, registerSourceFields, &d); aerr != nil {
		return fail(aerr)
	}
	var extra struct {
		IPv6 string `json:"ipv6"`
	}
	_ = json.Unmarshal(body, &extra) // the body has been validated: it decodes
	switch {
	case d.IP == "" && extra.IPv6 == "":
		return fail(badRequest(CodeMandatoryMissing, "one of ip and ipv6 is mandatory"))
	case d.IP != "" && net.ParseIP(d.IP).To4() == nil:
		return fail(badRequest(CodeNotAllowed, "ip must be an IPv4 address, got %q", d.IP))
	case extra.IPv6 != "" && (net.ParseIP(extra.IPv6) == nil || net.ParseIP(extra.IPv6).To4() != nil):
		return fail(badRequest(CodeNotAllowed, "ipv6 must be an IPv6 address, got %q", extra.IPv6))
	}
	if len(d.Networks) == 0 || d.Networks[0].MAC == "" {
		return fail(badRequest(CodeMandatoryMissing, "networks[0].mac is mandatory and must not be empty"))
	}
	return e.mutate(func() reply {
		now := e.clock.nowMS()
		if d.ID == "" {
			d.ID = newUUID()
		}
		d.AddDate, d.Connected, d.LastVisitTime = ptr(now), ptr(true), ptr(now)
		d.State, d.MigrationCycle = orDefault(d.State, "waiting"), orDefault(d.MigrationCycle, "setting")
		d.StateActionTime, d.StageActionTime = ptr(now), ptr(now)
		d.StartType = orDefault(d.StartType, "MANUAL")
		if d.VolumeGroups == nil {
			d.VolumeGroups = []sourceVolumeGroup{}
		}
		if d.BtrfsList == nil {
			d.BtrfsList = []btrfsFileSystem{}
		}
		d.InitTargetServer = recommendedTarget(d)
		cfg := SourceServer{ID: d.ID, Name: d.Name, IP: d.IP, OSType: d.OSType, OSVersion: deref(d.OSVersion),
			AgentVersion: deref(d.AgentVersion)}
		if old, found := e.st.Sources[d.ID]; found {
			old.Config, old.Detail = cfg, d
			return ok(map[string]string{"id": d.ID})
		}
		e.st.DeletedSources = slices.DeleteFunc(e.st.DeletedSources, func(id string) bool { return id == d.ID })
		e.st.Sources[d.ID] = &sourceRecord{Seq: e.st.nextSeq(), Config: cfg, Detail: d, MigprojectID: e.st.DefaultMigproject}
		return ok(map[string]string{"id": d.ID})
	})
}

// recommendedTarget is init_target_server for a source's disks: the same disks, sizes and
// partitions on the target, and the same volume groups.
func recommendedTarget(d sourceDetail) *initTargetServer {
	t := &initTargetServer{Disks: []initTargetDisk{}, VolumeGroups: d.VolumeGroups}
	for _, disk := range d.Disks {
		td := initTargetDisk{Name: deref(disk.Name), Size: *orDefault(disk.Size, 0), UsedSize: disk.UsedSize,
			DeviceUse: disk.DeviceUse}
		for _, pv := range disk.PhysicalVolumes {
			td.PhysicalVolumes = append(td.PhysicalVolumes, initPhysicalVolume{DeviceUse: pv.DeviceUse, FileSystem: pv.FileSystem,
				Index: pv.Index, MountPoint: pv.MountPoint, Name: pv.Name, Size: pv.Size, InodeSize: pv.InodeSize,
				UsedSize: pv.UsedSize, UUID: pv.UUID})
		}
		t.Disks = append(t.Disks, td)
	}
	if t.VolumeGroups == nil {
		t.VolumeGroups = []sourceVolumeGroup{}
	}
	return t
}

// copyStatePairs is which copystate each migrationcycle accepts in UpdateCopyState.
var copyStatePairs = map[string][]string{
	"checking":    {"unavailable", "waiting"},
	"setting":     {"waiting", "premigready", "premiging", "premiged", "premigfailed"},
	"replicating": {"init", "replicate", "deleting", "stopping", "error", "stopped"},
	"syncing":     {"syncing", "cloning", "deleting", "stopping", "error", "stopped"},
	"cutovering":  {"cutovering", "deleting", "stopping", "error", "stopped"},
	"cutovered":   {"finished", "deleting", "stopping", "error", "stopped"},
}

// copyStateFrozen are the states in which the service drops an UpdateCopyState.
var copyStateFrozen = []string{"unavailable", "stopping", "stopped", "deleting", "finished", "clearing", "clearfailed"}

// updateCopyState sets the source's state and migration cycle. The official provider
// sends a single key when the other did not change, so either may be left out; a pair
// must be one the table allows. The call writes init where sources report initialize.
func (e *Emulator) updateCopyState(id string, body []byte) reply {
	var b struct {
		CopyState      string `json:"copystate"`
		MigrationCycle string `json:"migrationcycle"`
	}
	if aerr := decodeAndValidate(body, []field{s255("copystate"), s255("migrationcycle")}, &b); aerr != nil {
		return fail(aerr)
	}
	state, cycle := strings.ToLower(b.CopyState), strings.ToLower(b.MigrationCycle)
	if state == "" && cycle == "" {
		return fail(badRequest(CodeMandatoryMissing, "copystate and migrationcycle are mandatory"))
	}
	return e.mutate(func() reply {
		rec, found := e.st.Sources[id]
		if !found {
			return fail(sourceNotFound(id))
		}
		if slices.Contains(copyStateFrozen, deref(rec.Detail.State)) {
			return reply{status: 200} // dropped unvalidated, as the service does in these states
		}
		checkCycle, checkState := cycle, state
		if checkCycle == "" {
			checkCycle = deref(rec.Detail.MigrationCycle)
		}
		if checkState == "" {
			checkState = strings.Replace(deref(rec.Detail.State), "initialize", "init", 1)
		}
		if allowed, known := copyStatePairs[checkCycle]; !known || !slices.Contains(allowed, checkState) {
			return fail(badRequest(CodeCopyStateRejected, "copystate %q is not allowed with migrationcycle %q", checkState, checkCycle))
		}
		now := e.clock.nowMS()
		if state != "" {
			if state == "init" {
				state = "initialize"
			}
			rec.Detail.State, rec.Detail.StateActionTime = ptr(state), ptr(now)
		}
		if cycle != "" {
			rec.Detail.MigrationCycle, rec.Detail.StageActionTime = ptr(cycle), ptr(now)
		}
		return reply{status: 200}
	})
}

// updateDiskInfo replaces the source's disks, volume groups (key volumegroups) and
// Btrfs file systems. Once a task exists for the source, the target is configured and
// the call does nothing, as documented.
func (e *Emulator) updateDiskInfo(id string, body []byte) reply {
	fields := []field{
		array("disks", maxArray, object("", registerDiskFields...)),
		array("volumegroups", maxArray, object("", currentVolumeGroupFields...)),
		array("btrfs_list", maxArray, object("", currentBtrfsFileSystemFields...)),
	}
	var b struct {
		Disks        []sourceDisk        `json:"disks"`
		VolumeGroups []sourceVolumeGroup `json:"volumegroups"`
		BtrfsList    []btrfsFileSystem   `json:"btrfs_list"`
	}
	if aerr := decodeAndValidate(body, fields, &b); aerr != nil {
		return fail(aerr)
	}
	return e.mutate(func() reply {
		rec, found := e.st.Sources[id]
		if !found {
			return fail(sourceNotFound(id))
		}
		if e.currentTaskLocked(id) != nil {
			return reply{status: 200}
		}
		d := &rec.Detail
		d.Disks = b.Disks
		d.VolumeGroups, d.BtrfsList = orEmpty(b.VolumeGroups), orEmpty(b.BtrfsList)
		d.InitTargetServer = recommendedTarget(*d)
		return reply{status: 200}
	})
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
