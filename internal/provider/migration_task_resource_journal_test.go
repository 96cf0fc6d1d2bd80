package provider

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
)

// TestAccMigrationTaskResource_journal proves from the emulator's journal what each
// Terraform operation costs on the wire.
func TestAccMigrationTaskResource_journal(t *testing.T) {
	env := newAccEnv(t)
	env.requireEmulator(t)
	cfg := func(speedLimit int) string {
		return env.providerBlock + fmt.Sprintf(`
resource "sms_migration_task" "test" {
  count         = 3
  name          = "task-journal-${count.index}"
  type          = "MIGRATE_FILE"
  os_type       = "LINUX"
  speed_limit   = count.index == 0 ? %d : 0
  source_server = { id = %q }
}
`, speedLimit, env.sourceServerID)
	}
	reset := func() { env.emu.ResetJournal() }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy:             env.checkDestroy,
		Steps: []resource.TestStep{
			{Config: cfg(10)},
			{
				// Only speed_limit of one task changes: one PUT, holding exactly that key.
				PreConfig: reset,
				Config:    cfg(20),
				Check: func(*terraform.State) error {
					puts := env.requests(http.MethodPut, "/v3/tasks/")
					if len(puts) != 1 {
						return fmt.Errorf("want 1 PUT, got %d", len(puts))
					}
					var body map[string]json.RawMessage
					if err := json.Unmarshal(puts[0].Body, &body); err != nil {
						return err
					}
					if keys := sortedKeys(body); !slices.Equal(keys, []string{"speed_limit"}) || string(body["speed_limit"]) != "20" {
						return fmt.Errorf("PUT body = %s, want exactly {\"speed_limit\":20}", puts[0].Body)
					}
					return env.noWrites(http.MethodPost, http.MethodDelete)
				},
			},
			{
				// Unchanged re-apply: nothing written.
				PreConfig: reset,
				Config:    cfg(20),
				Check:     func(*terraform.State) error { return env.noWrites(http.MethodPost, http.MethodPut, http.MethodDelete) },
			},
			{
				// A refresh costs one GET per task.
				PreConfig:    reset,
				RefreshState: true,
				Check: func(*terraform.State) error {
					gets := env.requests(http.MethodGet, "/v3/tasks/")
					if len(gets) != 3 {
						return fmt.Errorf("refresh of 3 tasks made %d GETs: %v", len(gets), paths(gets))
					}
					return env.noWrites(http.MethodPost, http.MethodPut, http.MethodDelete)
				},
			},
		},
	})
	// Every request of the whole test carried a valid SDK-HMAC-SHA256 signature.
	for _, e := range env.emu.Journal() {
		if !e.SignatureValid && !strings.HasPrefix(e.Path, "/__emulator") {
			t.Errorf("%s %s was not validly signed (auth mode %q)", e.Method, e.Path, e.AuthMode)
		}
	}
}

// requests returns the journal entries of method whose path starts with prefix.
func (e *accEnv) requests(method, prefix string) []emulator.JournalEntry {
	var out []emulator.JournalEntry
	for _, j := range e.emu.Journal() {
		if j.Method == method && strings.HasPrefix(j.Path, prefix) {
			out = append(out, j)
		}
	}
	return out
}

// noWrites fails if the journal holds any request of the given methods.
func (e *accEnv) noWrites(methods ...string) error {
	for _, j := range e.emu.Journal() {
		if slices.Contains(methods, j.Method) {
			return fmt.Errorf("unexpected %s %s (body %s)", j.Method, j.Path, j.Body)
		}
	}
	return nil
}

func paths(entries []emulator.JournalEntry) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = e.Method + " " + e.Path
	}
	return out
}
