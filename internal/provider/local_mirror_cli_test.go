package provider_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

// The README's offline route: `make local-mirror` lays the provider out as a filesystem
// mirror with a CLI configuration, and `terraform init` (the CLI under test) of a configuration with a local
// module then installs it from there with no network (any attempt to leave the machine
// would go to a closed proxy port); apply and destroy work against the emulator.
func TestAccLocalMirror_initOfflineWithLocalModule(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	t.Parallel()
	mirror := t.TempDir()
	// The mirror is laid out at the address the CLI under test resolves
	// (registry.opentofu.org/... under OpenTofu).
	host, _, _ := strings.Cut(acctest.ProviderAddress(), "/")
	mk := exec.Command("make", "local-mirror", "MIRROR_DIR="+mirror, "MIRROR_HOST="+host)
	mk.Dir = filepath.Join("..", "..")
	if out, err := mk.CombinedOutput(); err != nil {
		t.Fatalf("make local-mirror: %v\n%s", err, out)
	}
	cliConfig := filepath.Join(mirror, "sms.tfrc")
	if _, err := os.Stat(cliConfig); err != nil {
		t.Fatalf("make local-mirror wrote no CLI configuration: %v", err)
	}

	w := acctest.NewCLIWorkdir(t, cliConfig)
	w.Env = append(w.Env, "HTTPS_PROXY=http://127.0.0.1:9", "HTTP_PROXY=http://127.0.0.1:9")
	w.Write("main.tf", env.ProviderBlock+fmt.Sprintf(`
module "web" {
  source           = "./modules/task"
  name             = "web-01-mirror"
  source_server_id = %q
}

output "task_id" { value = module.web.id }
`, env.SourceServerID))
	w.Write("modules/task/main.tf", `
terraform {
  required_providers {
    sms = { source = "sms-migration/sms" }
  }
}

variable "name" { type = string }
variable "source_server_id" { type = string }

resource "sms_migration_task" "this" {
  name          = var.name
  type          = "MIGRATE_FILE"
  os_type       = "LINUX"
  source_server = { id = var.source_server_id }
}

output "id" { value = sms_migration_task.this.id }
`)
	out := w.Run("init", "-input=false")
	for _, want := range []string{"Initializing modules...", "- web in modules/task", "Installed sms-migration/sms v"} {
		if !strings.Contains(out, want) {
			t.Errorf("terraform init output lacks %q:\n%s", want, out)
		}
	}
	w.Run("apply", "-auto-approve", "-input=false")
	id := strings.TrimSpace(w.Run("output", "-raw", "task_id"))
	if posts := env.Requests(http.MethodPost, "/v3/tasks"); len(posts) != 1 {
		t.Errorf("POST /v3/tasks sent %d times, want 1", len(posts))
	}
	if _, err := w.TryRun("plan", "-input=false", "-detailed-exitcode"); err != nil {
		t.Errorf("the plan after the apply is not empty: %v", err)
	}
	w.Run("destroy", "-auto-approve", "-input=false")
	if _, err := env.Client.ShowTask(context.Background(), id); !client.IsNotFound(err) {
		t.Errorf("after destroy, ShowTask(%s) = %v, want 404", id, err)
	}
}
