package client

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The encoding rules the PUT body's types rely on: a nil optional list is left out, a
// non-nil empty one is sent as [], a nil mandatory list is sent as [], and
// target_server.btrfs_list takes the shape asked for.
func TestUpdateTaskBody_encoding(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   any
		want string
	}{
		{"empty body", UpdateTaskBody{}, `{}`},
		{"zero-valued pointers are sent", UpdateTaskBody{Priority: ptrTo(int64(0)), StartTargetServer: ptrTo(false), Name: ptrTo("")},
			`{"name":"","priority":0,"start_target_server":false}`},
		{"nil optional list left out", PutVolumeGroup{}, `{}`},
		{"empty optional list sent as []", PutVolumeGroup{LogicalVolumes: []PutLogicalVolume{}}, `{"logical_volumes":[]}`},
		{"nil mandatory list sent as []", PutServerDisk{}, `{"name":"","device_use":"","size":0,"used_size":0,"physical_volumes":[]}`},
		{"mandatory list elements keep their own mandatory keys", PutServerDisk{PhysicalVolumes: MandatoryList[PutPhysicalVolume]{{}}},
			`{"name":"","device_use":"","size":0,"used_size":0,"physical_volumes":[{}]}`},
		// Members the seed marks mandatory and today's body leaves optional: an unset one
		// is not sent (the seed model requires them at plan time).
		{"btrfs members today optional", PutBtrfsFileSystem{Name: ptrTo("fs"), Subvolumn: []PutBtrfsSubvolumn{{SubvolName: ptrTo("@")}}},
			`{"name":"fs","subvolumn":[{"subvol_name":"@"}]}`},
		{"NIC with only its mac", PutNetwork{MAC: "fa:16:3e:00:00:01"}, `{"mac":"fa:16:3e:00:00:01"}`},
		{"NIC members set to empty are sent", PutNetwork{Name: ptrTo(""), IP: ptrTo("192.0.2.1")}, `{"name":"","ip":"192.0.2.1","mac":""}`},
		{"logical volume with only a name", PutLogicalVolume{Name: ptrTo("lv")}, `{"name":"lv"}`},
		{"logical volume zero sizes are sent", PutLogicalVolume{InodeSize: ptrTo(int64(0)), Size: ptrTo(int64(0))}, `{"inode_size":0,"size":0}`},
		{"btrfs_list unset is left out", PutTargetServer{}, `{"ip":"","os_type":"","disks":[]}`},
		{"btrfs_list names", PutTargetServer{BtrfsList: PutTargetBtrfsList{Names: []string{"a", "b"}}},
			`{"ip":"","os_type":"","disks":[],"btrfs_list":["a","b"]}`},
		{"btrfs_list set empty", PutTargetServer{BtrfsList: PutTargetBtrfsList{Names: []string{}}},
			`{"ip":"","os_type":"","disks":[],"btrfs_list":[]}`},
		{"btrfs_list names as objects", PutTargetServer{BtrfsList: PutTargetBtrfsList{Names: []string{"a"}, AsObjects: true}},
			`{"ip":"","os_type":"","disks":[],"btrfs_list":[{"name":"a"}]}`},
		{"btrfs_list file systems win over names", PutTargetServer{BtrfsList: PutTargetBtrfsList{Names: []string{"a"}, FileSystems: []PutBtrfsFileSystem{}}},
			`{"ip":"","os_type":"","disks":[],"btrfs_list":[]}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := encodeBody(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want+"\n", string(got)); diff != "" {
				t.Errorf("JSON (-want +got):\n%s", diff)
			}
		})
	}
}

func TestUpdateTaskBody_keys(t *testing.T) {
	t.Parallel()
	if got := (UpdateTaskBody{}).Keys(); len(got) != 0 {
		t.Errorf("empty body keys = %v, want none", got)
	}
	body := UpdateTaskBody{SpeedLimit: ptrTo(int64(0)), TargetServer: &PutTargetServer{}, UsePublicIP: ptrTo(false), EnterpriseProject: ptrTo("")}
	if diff := cmp.Diff([]string{"enterprise_project", "speed_limit", "target_server", "use_public_ip"}, body.Keys()); diff != "" {
		t.Errorf("keys (-want +got):\n%s", diff)
	}
}
