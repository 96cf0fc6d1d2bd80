package testcheck

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
)

func Ptr[T any](v T) *T { return &v }

func Paths(entries []emulator.JournalEntry) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = e.Method + " " + e.Path
	}
	return out
}

func ContainsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

func ResourceID(s *terraform.State, address string) (string, error) {
	rs, ok := s.RootModule().Resources[address]
	if !ok {
		return "", fmt.Errorf("%s not in state", address)
	}
	return rs.Primary.ID, nil
}

func JSONEqual(a, b string) bool {
	var x, y any
	if json.Unmarshal([]byte(a), &x) != nil || json.Unmarshal([]byte(b), &y) != nil {
		return false
	}
	xb, _ := json.Marshal(x)
	yb, _ := json.Marshal(y)
	return bytes.Equal(xb, yb)
}

// Deref is *p, or the zero value when p is nil.
func Deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}

// privateBytes is private state as the framework stores it: JSON values, each as bytes.
func PrivateBytes(t testing.TB, values map[string]string) []byte {
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

// FirstUnknown returns "" when v is wholly known, else a path suffix (".x[0]") or "!"
// for v itself.
func FirstUnknown(v attr.Value) string {
	if v == nil || v.IsNull() {
		return ""
	}
	if v.IsUnknown() {
		return "!"
	}
	switch typed := v.(type) {
	case basetypes.ObjectValuable: // types.Object and custom object types such as timeouts.Value
		obj, _ := typed.ToObjectValue(context.Background())
		for _, name := range slices.Sorted(maps.Keys(obj.Attributes())) {
			if p := FirstUnknown(obj.Attributes()[name]); p != "" {
				return "." + name + strings.TrimSuffix(p, "!")
			}
		}
	case types.List:
		for i, e := range typed.Elements() {
			if p := FirstUnknown(e); p != "" {
				return fmt.Sprintf("[%d]%s", i, strings.TrimSuffix(p, "!"))
			}
		}
	}
	return ""
}
