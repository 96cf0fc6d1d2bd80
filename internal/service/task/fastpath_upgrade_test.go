package task_test

import (
	"encoding/json"
	"math/big"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	smstask "github.com/sms-migration/terraform-provider-sms/internal/service/task"
)

// TestFastPathUpgradesStateLikeTheFramework holds the fast path's UpgradeResourceState
// (the call Terraform makes for every instance before a refresh) to the framework's:
// states as Terraform stores them, shallow and deep, with attributes the schema has since
// lost or gained at every depth, and the states the framework refuses, each to the same
// upgraded state and the same diagnostics.
func TestFastPathUpgradesStateLikeTheFramework(t *testing.T) {
	body, model := smstask.SeedExampleTask(t)
	servers := newTaskServersFor(t, body, conns.APIModelCurrent)
	full := stateJSONOf(t, stateValueOf(t, model))
	_, deepModel := smstask.DeepTaskBody(t, 6, 3)
	deep := stateJSONOf(t, stateValueOf(t, deepModel))

	edited := func(edit func(state map[string]any)) []byte {
		var state map[string]any
		if err := json.Unmarshal(full, &state); err != nil {
			t.Fatal(err)
		}
		edit(state)
		out, err := json.Marshal(state)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	nested := func(state map[string]any, name string) map[string]any {
		obj, ok := state[name].(map[string]any)
		if !ok {
			t.Fatalf("the example's state has no object %s", name)
		}
		return obj
	}
	firstDisk := func(state map[string]any) map[string]any {
		disks, ok := nested(state, "target_server")["disks"].([]any)
		if !ok || len(disks) == 0 {
			t.Fatal("the example's target server has no disks")
		}
		disk, ok := disks[0].(map[string]any)
		if !ok {
			t.Fatal("the example's first disk is not an object")
		}
		return disk
	}

	cases := map[string]*tfprotov6.RawState{
		"the example's state": {JSON: full},
		"a deep state":        {JSON: deep},
		"attributes the schema no longer has": {JSON: edited(func(s map[string]any) {
			s["retired"] = "x"
			nested(s, "target_server")["retired"] = 1
			firstDisk(s)["retired"] = []any{true}
		})},
		"attributes the schema has since gained": {JSON: edited(func(s map[string]any) {
			delete(s, "speed_limit")
			delete(nested(s, "source_server"), "hostname")
			delete(firstDisk(s), "size")
		})},
		"a value of the wrong type":   {JSON: edited(func(s map[string]any) { s["speed_limit"] = "fast" })},
		"not JSON":                    {JSON: []byte(`{"id": `)},
		"a flatmap state":             {Flatmap: map[string]string{"id": "t-1"}},
		"nothing":                     nil,
		"an empty object":             {JSON: []byte(`{}`)},
		"null where an object stands": {JSON: edited(func(s map[string]any) { s["target_server"] = nil })},
	}
	for name, raw := range cases {
		for _, version := range []int64{0, 1} {
			req := &tfprotov6.UpgradeResourceStateRequest{TypeName: "sms_migration_task", Version: version, RawState: raw}
			ours, err1 := servers.provider.UpgradeResourceState(t.Context(), req)
			theirs, err2 := servers.framework.UpgradeResourceState(t.Context(), req)
			if err1 != nil || err2 != nil {
				t.Fatalf("%s: %v / %v", name, err1, err2)
			}
			if diff := stateDiff(t, theirs.UpgradedState, ours.UpgradedState) +
				cmp.Diff(diagnosticLines(theirs.Diagnostics), diagnosticLines(ours.Diagnostics)); diff != "" {
				t.Errorf("%s, version %d, differs from the framework's (-framework +ours):\n%s", name, version, diff)
			}
			if version == 0 && raw != nil && raw.JSON != nil && name != "not JSON" && name != "a value of the wrong type" &&
				(ours.UpgradedState == nil || hasErrors(ours.Diagnostics)) {
				t.Errorf("%s: no upgraded state (%v)", name, diagnosticLines(ours.Diagnostics))
			}
		}
	}
}

// stateJSONOf is v as Terraform writes an instance's attributes in its state file.
func stateJSONOf(t *testing.T, v tftypes.Value) []byte {
	t.Helper()
	out, err := json.Marshal(jsonValueOf(t, v))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func jsonValueOf(t *testing.T, v tftypes.Value) any {
	t.Helper()
	if v.IsNull() {
		return nil
	}
	switch typ := v.Type(); {
	case typ.Is(tftypes.Object{}), typ.Is(tftypes.Map{}):
		var attrs map[string]tftypes.Value
		if err := v.As(&attrs); err != nil {
			t.Fatal(err)
		}
		out := make(map[string]any, len(attrs))
		for k, a := range attrs {
			out[k] = jsonValueOf(t, a)
		}
		return out
	case typ.Is(tftypes.List{}), typ.Is(tftypes.Set{}), typ.Is(tftypes.Tuple{}):
		var elems []tftypes.Value
		if err := v.As(&elems); err != nil {
			t.Fatal(err)
		}
		out := make([]any, len(elems))
		for i, e := range elems {
			out[i] = jsonValueOf(t, e)
		}
		return out
	case typ.Is(tftypes.Number):
		var n big.Float
		if err := v.As(&n); err != nil {
			t.Fatal(err)
		}
		return json.Number(n.Text('g', -1))
	case typ.Is(tftypes.Bool):
		var b bool
		if err := v.As(&b); err != nil {
			t.Fatal(err)
		}
		return b
	default:
		var s string
		if err := v.As(&s); err != nil {
			t.Fatal(err)
		}
		return s
	}
}
