package task

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

// TestCheckLookupLimits: each model's own bound, exactly at and one past, the diagnostics
// in one order whatever the map's, and nothing checked before the model is known.
func TestCheckLookupLimits(t *testing.T) {
	t.Parallel()
	for model, maxLen := range map[string]int{conns.APIModelCurrent: 36, conns.APIModelSeed: 255} {
		at, past := types.StringValue(strings.Repeat("a", maxLen)), types.StringValue(strings.Repeat("a", maxLen+1))
		if d := checkLookupLimits(model, map[string]attr.Value{"id": at, "source_server_id": at}); d.HasError() {
			t.Errorf("%s: %d characters refused: %v", model, maxLen, d)
		}
		for range 5 {
			d := checkLookupLimits(model, map[string]attr.Value{"source_server_id": past, "id": past, "name": past})
			if len(d) != 2 || !strings.HasPrefix(d[0].Detail(), "Attribute id must be 1 to ") || !strings.HasPrefix(d[1].Detail(), "Attribute source_server_id must be 1 to ") {
				t.Fatalf("%s: %d characters: %v", model, maxLen+1, d)
			}
		}
	}
	if d := checkLookupLimits("", map[string]attr.Value{"id": types.StringValue(strings.Repeat("a", 300))}); d.HasError() {
		t.Errorf("checked before the model is known: %v", d)
	}
}
