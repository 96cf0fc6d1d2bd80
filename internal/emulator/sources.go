package emulator

import (
	"embed"
	"encoding/json"
	"fmt"
)

// The built-in source servers' details as the Agent registered them: disks, partitions,
// LVM, Btrfs, NICs and the recommended target layout (sources/<id>.json). The Windows
// server is the seed example's (one MBR disk with volumes Z: and Y:); the Linux ones have
// an LVM volume group on /dev/vda2 and a Btrfs file system on /dev/vdb.
//
//go:embed sources/*.json
var builtinSourceDetails embed.FS

// sourceSourceStates are the 19 source states of ListServers and ShowServer.
var sourceStates = []string{"unavailable", "waiting", "initialize", "replicate", "syncing", "stopping", "stopped",
	"skipping", "deleting", "clearing", "cleared", "clearfailed", "premigready", "premiged", "premigfailed",
	"cloning", "cutovering", "finished", "error"}

var migrationCycles = []string{"checking", "setting", "replicating", "syncing", "cutovering", "cutovered"}

// sourceDetails returns every registered source's ShowServer body, in registration
// order: the built-ins first, then the configured ones.
func sourceDetails(opts Options) ([]sourceDetail, error) {
	var out []sourceDetail
	seen := map[string]int{}
	add := func(s SourceServer) error {
		d, err := sourceDetailOf(s)
		if err != nil {
			return err
		}
		if i, dup := seen[s.ID]; dup {
			out[i] = d
			return nil
		}
		seen[s.ID] = len(out)
		out = append(out, d)
		return nil
	}
	for _, s := range BuiltinSourceServers {
		if err := add(s); err != nil {
			return nil, err
		}
	}
	for _, s := range opts.SourceServers {
		if err := add(s); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// sourceDetailOf is s with the details of its built-in file, or, for a server the
// options add, a single system disk the size of which the recommended layout copies.
func sourceDetailOf(s SourceServer) (sourceDetail, error) {
	var d sourceDetail
	if data, err := builtinSourceDetails.ReadFile("sources/" + s.ID + ".json"); err == nil {
		if err := json.Unmarshal(data, &d); err != nil {
			return d, fmt.Errorf("built-in source server %s: %w", s.ID, err)
		}
	} else {
		d = minimalSourceDetail(s)
	}
	d.ID, d.IP, d.Name, d.OSType = s.ID, s.IP, s.Name, s.OSType
	d.OSVersion, d.AgentVersion = nonEmpty(s.OSVersion), nonEmpty(s.AgentVersion)
	if d.VolumeGroups == nil {
		d.VolumeGroups = []sourceVolumeGroup{}
	}
	if d.BtrfsList == nil {
		d.BtrfsList = []btrfsFileSystem{}
	}
	return d, nil
}

func minimalSourceDetail(s SourceServer) sourceDetail {
	const size, used = 42949672960, 10737418240
	name, fs := "/dev/vda", "ext4"
	if s.OSType == "WINDOWS" {
		name, fs = "Disk 1", "NTFS"
	}
	volume := name + "1"
	if s.OSType == "WINDOWS" {
		volume = "C:"
	}
	return sourceDetail{
		State: ptr("waiting"), Connected: ptr(true), Firmware: ptr("BIOS"), CPUQuantity: ptr(int64(2)),
		Memory: ptr(int64(4096)), MigrationCycle: ptr("setting"), StartType: ptr("MANUAL"),
		Disks: []sourceDisk{{Name: ptr(name), PartitionStyle: ptr("MBR"), DeviceUse: ptr("OS"), Size: ptr(int64(size)),
			UsedSize: ptr(int64(used)), OSDisk: ptr(true), PhysicalVolumes: []sourcePhysicalVolume{{Name: ptr(volume),
				Index: ptr(int64(1)), DeviceUse: ptr("OS"), FileSystem: ptr(fs), Size: ptr(int64(size)), UsedSize: ptr(int64(used))}}}},
		Networks: []sourceNetwork{{Name: ptr("eth0"), IP: ptr(s.IP), MAC: "fa:16:3e:00:00:01"}},
		InitTargetServer: &initTargetServer{Disks: []initTargetDisk{{Name: name, Size: size, DeviceUse: ptr("OS"),
			UsedSize: ptr(int64(used)), PhysicalVolumes: []initPhysicalVolume{{Name: ptr(volume), Index: ptr(int64(1)),
				DeviceUse: ptr("OS"), FileSystem: ptr(fs), Size: ptr(int64(size)), UsedSize: ptr(int64(used))}}}},
			VolumeGroups: []sourceVolumeGroup{}},
	}
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// listed is the source as ListServers shows it: a summary whose memory is in bytes.
func (d sourceDetail) listed() listedSource {
	l := listedSource{ID: d.ID, IP: d.IP, Name: d.Name, EnterpriseProjectID: d.EnterpriseProjectID, AddDate: d.AddDate,
		OSType: d.OSType, OSVersion: d.OSVersion, OEMSystem: d.OEMSystem, State: d.State, Connected: d.Connected,
		CPUQuantity: d.CPUQuantity, Checks: d.Checks, InitTargetServer: d.InitTargetServer,
		MigrationCycle: d.MigrationCycle, HasTC: d.HasTC, StartType: d.StartType, ReplicateSize: d.ReplicateSize,
		TotalSize: d.TotalSize, StageActionTime: d.StageActionTime, LastVisitTime: d.LastVisitTime,
		StateActionTime: d.StateActionTime}
	if d.Memory != nil {
		l.Memory = ptr(*d.Memory << 20)
	}
	return l
}
