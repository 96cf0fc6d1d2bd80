package task_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// TestAccMigrationTaskDataSource_lookupLimits: a task ID or source server ID longer than
// the model's ShowTask and ListTasks take (36 characters today, 255 in the seed) is refused
// at plan time, naming the attribute and both models' limits, and nothing is sent.
func TestAccMigrationTaskDataSource_lookupLimits(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	tooLong, want := strings.Repeat("a", 37), func(attr string) []string {
		return []string{"Attribute " + attr + " must be 1 to 36 characters under api_model \"current\"", `\(1 to 255 characters under "seed"\)`, "got"}
	}
	if env.APIModel == conns.APIModelSeed {
		// The schema's own bound, the seed's: refused before the model is known.
		tooLong, want = strings.Repeat("a", 256), func(attr string) []string {
			return []string{"Attribute " + attr + " (string length|UTF-8 character count) must be between 1 and 255", "got: 256"}
		}
	}
	var steps []resource.TestStep
	for _, c := range []struct{ config, attr string }{
		{fmt.Sprintf(`data "sms_migration_task" "test" { id = %q }`, tooLong), "id"},
		{fmt.Sprintf(`data "sms_migration_tasks" "test" { id = %q }`, tooLong), "id"},
		{fmt.Sprintf(`data "sms_migration_tasks" "test" { source_server_id = %q }`, tooLong), "source_server_id"},
	} {
		steps = append(steps, resource.TestStep{
			Config:      env.ProviderBlock + c.config,
			ExpectError: testcheck.ErrorPattern(want(c.attr)...),
		})
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		Steps:                    steps,
	})
	if gets := env.Requests(http.MethodGet, "/v3/tasks"); len(gets) > 0 {
		t.Errorf("refused lookups were sent: %v", testcheck.Paths(gets))
	}
}
