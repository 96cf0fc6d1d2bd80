package provider

import (
	"strings"
	"testing"

	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
)

func TestAPIModelMismatch(t *testing.T) {
	t.Parallel()
	if client.APIModelHeader != emulator.APIModelHeader {
		t.Errorf("client.APIModelHeader = %q, the emulator sends %q", client.APIModelHeader, emulator.APIModelHeader)
	}
	for _, tc := range []struct{ configured, spoken string }{{"current", ""}, {"current", "current"}, {"seed", "seed"}} {
		if d := apiModelMismatch(tc.configured, tc.spoken); d != nil {
			t.Errorf("api_model %q, endpoint %q: got a warning %q, want none", tc.configured, tc.spoken, d.Summary)
		}
	}
	d := apiModelMismatch("seed", "current")
	want := `api_model does not match the endpoint: the provider's api_model is "seed", the endpoint speaks "current"; ` +
		`set api_model = "current" (or HW_SMS_API_MODEL=current), or start the emulator with -api-model seed`
	if d == nil || d.Summary != want || strings.Contains(d.Summary, "\n") {
		t.Errorf("warning = %+v, want the one line %q", d, want)
	}
}
