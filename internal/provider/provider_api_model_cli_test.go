package provider_test

import (
	"strings"
	"testing"

	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
)

// Through the CLI: a provider told api_model = "seed" against an emulator speaking
// "current" says so in one warning per command, however many requests it makes; with
// the models agreeing, nothing is said.
func TestAccProvider_apiModelMismatchWarnsOnce(t *testing.T) {
	env := acctest.NewAccEnvFor(t, "seed", emulator.Options{APIModel: emulator.APIModelCurrent})
	env.RequireEmulator(t)
	w := acctest.NewDevOverrideWorkdir(t)
	config := func(block string) string {
		return block + `
data "sms_migration_tasks" "all" {}
data "sms_source_servers" "all" {}
`
	}
	w.Write("main.tf", config(env.ProviderBlock))
	out := w.Run("plan", "-input=false")
	summary := `Warning: api_model does not match the endpoint: the provider's api_model is "seed", the endpoint speaks "current"; ` +
		`set api_model = "current" (or HW_SMS_API_MODEL=current), or start the emulator with -api-model seed`
	// The CLI wraps long lines inside its │ box: compare words.
	if n := strings.Count(strings.Join(strings.Fields(strings.ReplaceAll(out, "│", " ")), " "), summary); n != 1 {
		t.Errorf("plan output shows the warning %d times, want 1:\n%s", n, out)
	}
	w.Write("main.tf", config(strings.Replace(env.ProviderBlock, `api_model   = "seed"`, `api_model   = "current"`, 1)))
	if out := w.Run("plan", "-input=false"); strings.Contains(out, "api_model does not match") {
		t.Errorf("with matching models the plan warns:\n%s", out)
	}
}
