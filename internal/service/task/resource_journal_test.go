package task_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// TestAccMigrationTaskResource_journal proves from the emulator's journal what each
// Terraform operation costs on the wire.
func TestAccMigrationTaskResource_journal(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	cfg := func(speedLimit int) string {
		return env.ProviderBlock + fmt.Sprintf(`
resource "sms_migration_task" "test" {
  count         = 3
  name          = "task-journal-${count.index}"
  type          = "MIGRATE_FILE"
  os_type       = "LINUX"
  speed_limit   = count.index == 0 ? %d : 0
  source_server = { id = %q }
}
`, speedLimit, env.SourceServerID)
	}
	reset := func() { env.Emu.ResetJournal() }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{Config: cfg(10)},
			{
				// Only speed_limit of one task changes: one PUT, holding exactly that key.
				PreConfig: reset,
				Config:    cfg(20),
				Check: func(*terraform.State) error {
					puts := env.Requests(http.MethodPut, "/v3/tasks/")
					if len(puts) != 1 {
						return fmt.Errorf("want 1 PUT, got %d", len(puts))
					}
					var body map[string]json.RawMessage
					if err := json.Unmarshal(puts[0].Body, &body); err != nil {
						return err
					}
					if keys := conns.SortedKeys(body); !slices.Equal(keys, []string{"speed_limit"}) || string(body["speed_limit"]) != "20" {
						return fmt.Errorf("PUT body = %s, want exactly {\"speed_limit\":20}", puts[0].Body)
					}
					return env.NoWrites(http.MethodPost, http.MethodDelete)
				},
			},
			{
				// Unchanged re-apply: nothing written.
				PreConfig: reset,
				Config:    cfg(20),
				Check:     func(*terraform.State) error { return env.NoWrites(http.MethodPost, http.MethodPut, http.MethodDelete) },
			},
			{
				// A refresh costs one GET per task.
				PreConfig:    reset,
				RefreshState: true,
				Check: func(*terraform.State) error {
					gets := env.Requests(http.MethodGet, "/v3/tasks/")
					if len(gets) != 3 {
						return fmt.Errorf("refresh of 3 tasks made %d GETs: %v", len(gets), testcheck.Paths(gets))
					}
					return env.NoWrites(http.MethodPost, http.MethodPut, http.MethodDelete)
				},
			},
		},
	})
	// Every request of the whole test carried a valid SDK-HMAC-SHA256 signature.
	for _, e := range env.Emu.Journal() {
		if !e.SignatureValid && !strings.HasPrefix(e.Path, "/__emulator") {
			t.Errorf("%s %s was not validly signed (auth mode %q)", e.Method, e.Path, e.AuthMode)
		}
	}
}
