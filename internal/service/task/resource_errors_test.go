package task_test

import (
	"context"
	"fmt"
	"net"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// An endpoint on a closed port fails after a few quick dials, not after max_retries
// backoffs, naming the endpoint, where it was set and one count of attempts.
func TestAccProvider_closedEndpointFailsFast(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String()
	ln.Close()
	providerBlock := strings.Replace(env.ProviderBlock, env.Emu.URL, closed, 1)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerBlock + testAccMigrationTaskConfig_basic(env.SourceServerID, "task-closed-port", 0),
			ExpectError: testcheck.CLIText("SMS API request POST /v3/tasks failed after 3 attempt(s): the SMS endpoint " + closed +
				" (from the provider's endpoint attribute) refused the connection: nothing is listening there."),
		}},
	})
}

// An https:// endpoint from HW_SMS_ENDPOINT that speaks plain HTTP (the emulator) fails
// on the first attempt (the list before the create's POST) under a summary naming the problem, saying where the endpoint came
// from and that no task was created. Not parallel: it sets the provider's environment.
func TestAccProvider_endpointFromEnvironmentNotTLS(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	httpsURL := strings.Replace(env.Emu.URL, "http://", "https://", 1)
	t.Setenv("HW_SMS_ENDPOINT", httpsURL)
	providerBlock := strings.Replace(env.ProviderBlock, fmt.Sprintf("endpoint    = %q\n", env.Emu.URL), "", 1)
	if providerBlock == env.ProviderBlock {
		t.Fatal("the provider block sets no endpoint to remove")
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerBlock + testAccMigrationTaskConfig_basic(env.SourceServerID, "task-not-tls", 0),
			ExpectError: testcheck.CLIText("The SMS endpoint does not speak HTTPS",
				`Error creating SMS migration task: create task "task-not-tls": the task was not created: SMS API request GET /v3/tasks failed after 1 attempt(s): the SMS endpoint `+httpsURL+
					" (from the environment variable HW_SMS_ENDPOINT) does not speak TLS",
				"Check the endpoint's scheme and port: a plain-HTTP server, such as the emulator, needs http://"),
		}},
	})
	if n := len(env.Emu.Journal()); n != 0 {
		t.Errorf("the emulator journaled %d requests, want none (no request reached it)", n)
	}
}

// A wrong secret key says what to check, on create and on refresh alike, under a summary
// that names the real problem.
func TestAccProvider_wrongSecretKeySaysWhatToCheck(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	good := env.ProviderBlock + testAccMigrationTaskConfig_basic(env.SourceServerID, "task-wrong-sk", 0)
	bad := strings.Replace(good, acctest.EmulatorSecretKey, "WRONGSKabcdefghijklmnopqrstuvwxyz0123456", 1)
	hint := testcheck.CLIText("The SMS API refused the credentials", "status 401",
		"Check that access_key and secret_key (or the environment variables HW_ACCESS_KEY and HW_SECRET_KEY) are a matching pair",
		"Check this machine's clock too", "error_code: APIGW.0301")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{Config: bad, ExpectError: hint},
			{Config: good},
			{Config: bad, ExpectError: hint}, // the refresh
			{Config: good},
		},
	})
}

// A task deleted outside Terraform is reported by the refresh, by id, before the plan
// proposes to create it again.
func TestAccMigrationTaskResource_deletedOutsideTerraformWarns(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	w := acctest.NewDevOverrideWorkdir(t)
	w.Write("main.tf", env.ProviderBlock+testAccMigrationTaskConfig_basic(env.SourceServerID, "task-gone", 0)+`
output "id" { value = sms_migration_task.test.id }
`)
	w.Run("apply", "-auto-approve", "-input=false")
	id := strings.TrimSpace(w.Run("output", "-raw", "id"))
	if err := env.Client.DeleteTask(context.Background(), id); err != nil {
		t.Fatal(err)
	}
	out := w.Run("plan", "-input=false")
	for _, want := range []string{
		"Warning: SMS migration task no longer exists",
		"The SMS migration task " + id + " no longer exists",
		"sms_migration_task.test will be created",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("plan output lacks %q:\n%s", want, out)
		}
	}
}
