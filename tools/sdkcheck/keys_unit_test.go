package sdkcheck

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/sms/v3/model"
)

// The checker itself: it must find keys the model lacks at any depth, in arrays and
// maps, and leave the SDK's self-decoding enums alone.
func TestUnknownKeys(t *testing.T) {
	raw := `{"count": 1, "agent_version": "x", "source_servers": [{"id": "a", "boot_loader": "GRUB", "os_type": "LINUX",
		"current_task": {"id": "t", "bogus": 1}, "init_target_server": {"disks": [{"name": "d", "size": 1, "extra": true}]}}]}`
	var v any
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		t.Fatal(err)
	}
	got := unknownKeys("", v, reflect.TypeOf(model.ListServersResponse{}))
	want := []string{"agent_version", "source_servers[].boot_loader", "source_servers[].current_task.bogus",
		"source_servers[].init_target_server.disks[].extra"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("unknown keys (-want +got):\n%s", diff)
	}
}
