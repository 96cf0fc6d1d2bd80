package task_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// taskIdentityType is the task's identity as Terraform holds it: the id alone.
var taskIdentityType = tftypes.Object{AttributeTypes: map[string]tftypes.Type{"id": tftypes.String}}

// protocolIdentity is the identity of the task id, as Terraform sends it.
func protocolIdentity(t testing.TB, id string) *tfprotov6.ResourceIdentityData {
	t.Helper()
	v := tftypes.NewValue(taskIdentityType, map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.String, id)})
	return &tfprotov6.ResourceIdentityData{IdentityData: dynamicValueOf(t, v)}
}

// identityValue is an identity as Terraform holds it (false when the answer carries none).
func identityValue(t testing.TB, in *tfprotov6.ResourceIdentityData) (tftypes.Value, bool) {
	t.Helper()
	if in == nil || in.IdentityData == nil {
		return tftypes.Value{}, false
	}
	v, err := in.IdentityData.Unmarshal(taskIdentityType)
	if err != nil {
		t.Fatal(err)
	}
	return v, true
}

// identityText is an identity as text ("<none>" when the answer carries none).
func identityText(t testing.TB, in *tfprotov6.ResourceIdentityData) string {
	t.Helper()
	if v, ok := identityValue(t, in); ok {
		return v.String()
	}
	return "<none>"
}

// maskedIdentity is identityText with a known id replaced by "ID": two emulators number
// their tasks each on their own.
func maskedIdentity(t testing.TB, in *tfprotov6.ResourceIdentityData) string {
	t.Helper()
	v, ok := identityValue(t, in)
	var attrs map[string]tftypes.Value
	if !ok || v.IsNull() || v.As(&attrs) != nil || attrs["id"].IsNull() {
		return identityText(t, in)
	}
	return "id=ID"
}

// stateID is the id a task's state holds.
func stateID(t testing.TB, state tftypes.Value) string {
	t.Helper()
	var attrs map[string]tftypes.Value
	var id string
	if err := state.As(&attrs); err != nil {
		t.Fatal(err)
	}
	if err := attrs["id"].As(&id); err != nil {
		t.Fatal(err)
	}
	return id
}
