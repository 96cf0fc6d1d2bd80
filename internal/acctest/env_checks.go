package acctest

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// checkDestroy asserts that every task left in the final state is gone from the API.
func (e *AccEnv) CheckDestroy(s *terraform.State) error {
	for _, rs := range s.RootModule().Resources {
		if rs.Type != "sms_migration_task" {
			continue
		}
		_, err := e.Client.ShowTask(testcheck.TestCtx(), rs.Primary.ID)
		if err == nil {
			return fmt.Errorf("sms_migration_task %s still exists", rs.Primary.ID)
		}
		if !client.IsNotFound(err) {
			return err
		}
	}
	return nil
}

// deleteOutOfBand deletes the task behind address through the API, as someone outside
// Terraform would.
func (e *AccEnv) DeleteOutOfBand(address string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		id, err := testcheck.ResourceID(s, address)
		if err != nil {
			return err
		}
		return e.Client.DeleteTask(testcheck.TestCtx(), id)
	}
}

// updateOutOfBand changes the task named name through the API, as someone outside
// Terraform would.
func (e *AccEnv) UpdateOutOfBand(name string, body client.UpdateTaskBody) error {
	id, err := e.TaskIDByName(name)
	if err != nil {
		return err
	}
	return e.Client.UpdateTask(testcheck.TestCtx(), id, body)
}

// taskIDByName finds the one task called name.
func (e *AccEnv) TaskIDByName(name string) (string, error) {
	tasks, err := e.Client.ListTasks(testcheck.TestCtx(), client.ListTasksFilter{Name: name})
	if err != nil {
		return "", fmt.Errorf("finding task %s: %w", name, err)
	}
	if len(tasks) != 1 {
		return "", fmt.Errorf("finding task %s: %d found, want 1", name, len(tasks))
	}
	return *tasks[0].ID, nil
}

// requests returns the journal entries of method whose path starts with prefix.
func (e *AccEnv) Requests(method, prefix string) []emulator.JournalEntry {
	var out []emulator.JournalEntry
	for _, j := range e.Emu.Journal() {
		if j.Method == method && strings.HasPrefix(j.Path, prefix) {
			out = append(out, j)
		}
	}
	return out
}

// noWrites fails if the journal holds any request of the given methods.
func (e *AccEnv) NoWrites(methods ...string) error {
	for _, j := range e.Emu.Journal() {
		if slices.Contains(methods, j.Method) {
			return fmt.Errorf("unexpected %s %s (body %s)", j.Method, j.Path, j.Body)
		}
	}
	return nil
}

// noRequestsTo fails if the journal holds a request whose path ends with suffix.
func (e *AccEnv) NoRequestsTo(suffix string) error {
	for _, j := range e.Emu.Journal() {
		if strings.HasSuffix(j.Path, suffix) {
			return fmt.Errorf("unexpected %s %s", j.Method, j.Path)
		}
	}
	return nil
}

// CheckGone is a CheckDestroy: it fails if a resource of type typ in the final state
// still exists. show reads one by ID; a not-found error means it is gone.
func CheckGone(typ string, show func(ctx context.Context, id string) error) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		for _, rs := range s.RootModule().Resources {
			if rs.Type != typ {
				continue
			}
			if err := show(testcheck.TestCtx(), rs.Primary.ID); err == nil {
				return fmt.Errorf("%s %s still exists", typ, rs.Primary.ID)
			} else if !client.IsNotFound(err) {
				return err
			}
		}
		return nil
	}
}

// CheckTemplatesDestroyed fails if a template of the state still exists.
func (e *AccEnv) CheckTemplatesDestroyed(s *terraform.State) error {
	return CheckGone("sms_server_template", func(ctx context.Context, id string) error {
		_, err := e.Client.ShowTemplate(ctx, id)
		return err
	})(s)
}

// CheckMigrationProjectsDestroyed fails if a migration project of the state still exists.
func (e *AccEnv) CheckMigrationProjectsDestroyed(s *terraform.State) error {
	return CheckGone("sms_migration_project", func(ctx context.Context, id string) error {
		_, err := e.Client.ShowMigproject(ctx, id)
		return err
	})(s)
}

// CheckSourceServersDestroyed fails if a source server of the state is still registered.
func (e *AccEnv) CheckSourceServersDestroyed(s *terraform.State) error {
	return CheckGone("sms_source_server", func(ctx context.Context, id string) error {
		_, err := e.Client.ShowSourceServer(ctx, id)
		return err
	})(s)
}

// actionPosts counts the POSTs of operation to the task's action endpoint in the journal.
func (e *AccEnv) ActionPosts(operation string) int {
	n := 0
	for _, j := range e.Requests(http.MethodPost, "/v3/tasks/") {
		if len(j.Path) > len("/action") && j.Path[len(j.Path)-len("/action"):] == "/action" &&
			testcheck.JSONEqual(string(j.Body), fmt.Sprintf(`{"operation":%q}`, operation)) {
			n++
		}
	}
	return n
}

// testAccCreateTask creates a READY task outside Terraform and returns its ID.
func CreateTask(t *testing.T, env *AccEnv, name, sourceServerID string) string {
	t.Helper()
	osType := "LINUX"
	if sourceServerID == EmulatorWindowsSrc {
		osType = "WINDOWS"
	}
	id, err := env.Client.CreateTask(context.Background(), &client.CreateTaskRequest{
		Name: name, Type: "MIGRATE_FILE", OSType: testcheck.Ptr(osType),
		SourceServer: client.CreateSourceServer{ID: sourceServerID},
		TargetServer: client.CreateTargetServer{Name: name + "-target", VMID: "ecs-" + name},
		RegionName:   EmulatorRegion, RegionID: EmulatorRegion, ProjectName: EmulatorRegion, ProjectID: EmulatorProjectID,
	})
	if err != nil {
		t.Fatalf("creating task %s: %v", name, err)
	}
	return id
}
