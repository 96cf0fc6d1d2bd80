package task_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

func TestAccMigrationTaskResource_faults_retried(t *testing.T) {
	// A fixed seed makes the faults, and so the test, the same on every run.
	env := acctest.NewAccEnvWith(t, emulator.Options{ClockSpeed: 600, FaultSeed: 1})
	env.RequireEmulator(t)
	env.Emu.SetFaults("/v3/tasks", emulator.Faults{Rate429: 0.15, Rate503: 0.15, Rate500: 0.05, Latency: 20 * time.Millisecond})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{Config: env.ProviderBlock + testAccMigrationTaskConfig_basic(env.SourceServerID, "task-flaky", 10)},
			{Config: env.ProviderBlock + testAccMigrationTaskConfig_basic(env.SourceServerID, "task-flaky", 20)},
			{ResourceName: testAccTaskAddress, ImportState: true, ImportStateVerify: true},
		},
	})
	failures := map[int]int{}
	for _, e := range env.Emu.Journal() {
		if e.Status == http.StatusTooManyRequests || e.Status >= 500 {
			failures[e.Status]++
		}
	}
	if failures[http.StatusTooManyRequests] == 0 || failures[http.StatusServiceUnavailable] == 0 {
		t.Errorf("injected faults by status: %v; want both 429 and 503 (else the test proves nothing)", failures)
	}
}

func TestAccMigrationTaskResource_faults_lostCreateReply(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	// The first POST /v3/tasks creates the task, then its reply is lost.
	env.Emu.SetFaults("/v3/tasks", emulator.Faults{LoseReplyAfterApply: 1, Methods: []string{http.MethodPost}})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				Config: env.ProviderBlock + testAccMigrationTaskConfig_basic(env.SourceServerID, "task-lost-reply", 0),
				Check: func(*terraform.State) error {
					if n := env.Emu.TaskCount(); n != 1 {
						return fmt.Errorf("emulator holds %d tasks, want exactly 1", n)
					}
					tasks, err := env.Client.ListTasks(context.Background(), client.ListTasksFilter{Name: "task-lost-reply"})
					if err != nil {
						return err
					}
					if len(tasks) != 1 {
						return fmt.Errorf("ListTasks finds %d tasks named task-lost-reply, want 1", len(tasks))
					}
					if posts := env.Requests(http.MethodPost, "/v3/tasks"); len(posts) != 1 {
						return fmt.Errorf("want exactly 1 create POST (the lost one, reconciled), got %d", len(posts))
					}
					return nil
				},
			},
		},
	})
}

func TestAccMigrationTaskResource_deleteRunningTask(t *testing.T) {
	// A real-time clock keeps the migration running until the destroy.
	env := acctest.NewAccEnvWith(t, emulator.Options{ClockSpeed: 1})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				Config: env.ProviderBlock + testAccMigrationTaskConfig_basic(env.SourceServerID, "task-running", 0),
				Check: func(s *terraform.State) error {
					id, err := testcheck.ResourceID(s, testAccTaskAddress)
					if err != nil {
						return err
					}
					if err := env.Client.UpdateTaskStatus(context.Background(), id, client.TaskAction{Operation: "start"}); err != nil {
						return err
					}
					task, err := env.Client.ShowTask(context.Background(), id)
					if err != nil {
						return err
					}
					if got := testcheck.Deref(task.State); got != "RUNNING" {
						return fmt.Errorf("task state after start = %q, want RUNNING", got)
					}
					return nil
				},
			},
		},
	})
}

func TestAccMigrationTaskResource_faults_lostStopReply(t *testing.T) {
	env := acctest.NewAccEnvWith(t, emulator.Options{ClockSpeed: 1})
	env.RequireEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				Config: env.ProviderBlock + testAccMigrationTaskConfig_basic(env.SourceServerID, "task-lost-stop", 0),
				Check: func(s *terraform.State) error {
					id, err := testcheck.ResourceID(s, testAccTaskAddress)
					if err != nil {
						return err
					}
					if err := env.Client.UpdateTaskStatus(context.Background(), id, client.TaskAction{Operation: "start"}); err != nil {
						return err
					}
					// The destroy's stop is applied, but its reply never arrives.
					env.Emu.SetFaults("/v3/tasks/"+id+"/action", emulator.Faults{LoseReplyAfterApply: 1, Methods: []string{http.MethodPost}})
					return nil
				},
			},
		},
	})
}
