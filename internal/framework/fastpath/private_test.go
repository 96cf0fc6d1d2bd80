package fastpath

import (
	"encoding/json"
	"testing"
)

// TestPrivateStateRoundTrip: private state written back holds what it was read with,
// the framework's own keys included, and a key set to nothing is dropped.
func TestPrivateStateRoundTrip(t *testing.T) {
	in := privateJSON(t, map[string]string{".import_before_read": "true", "imported_windows": "true", "someone_elses": "1"})
	s, diags := decodePrivateState(t.Context(), in, []string{"imported_windows", "pending_action"})
	if diags.HasError() {
		t.Fatal(diags)
	}
	if d := s.provider.in.Private.SetKey(t.Context(), "imported_windows", nil); d.HasError() {
		t.Fatal(d)
	}
	out, diags := s.encode(t.Context())
	if diags.HasError() {
		t.Fatal(diags)
	}
	if want := privateJSON(t, map[string]string{".import_before_read": "true", "someone_elses": "1"}); string(out) != string(want) {
		t.Errorf("encoded %s, want %s", out, want)
	}
	empty, _ := decodePrivateState(t.Context(), nil, []string{"imported_windows", "pending_action"})
	if out, _ := empty.encode(t.Context()); out != nil {
		t.Errorf("empty private state encoded as %s, want nothing", out)
	}
}

// privateJSON is private state as the framework stores it: JSON values, each as bytes.
func privateJSON(t testing.TB, values map[string]string) []byte {
	t.Helper()
	data := make(map[string][]byte, len(values))
	for k, v := range values {
		data[k] = []byte(v)
	}
	b, err := json.Marshal(data)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
