package task_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
	smstask "github.com/sms-migration/terraform-provider-sms/internal/service/task"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

func TestMigrationProgressSummary(t *testing.T) {
	t.Parallel()
	finished := client.SubTask{Name: testcheck.Ptr("SSL_CONFIG"), Progress: testcheck.Ptr(int64(100)), StartDate: testcheck.Ptr(int64(1)), EndDate: testcheck.Ptr(int64(2))}
	copying := client.SubTask{Name: testcheck.Ptr("MIGRATE_LINUX_FILE"), Progress: testcheck.Ptr(int64(37)), StartDate: testcheck.Ptr(int64(3)), MigrateSpeed: testcheck.Ptr(80.0)}
	waiting := client.SubTask{Name: testcheck.Ptr("CONFIGURE_LINUX_FILE"), Progress: testcheck.Ptr(int64(0))}
	cases := []struct {
		name string
		task *client.Task
		want string
	}{
		{"no task", nil, ""},
		{"no sub-tasks yet", &client.Task{State: testcheck.Ptr("RUNNING")}, ""},
		{"copying", &client.Task{MigrateSpeed: testcheck.Ptr(42.5), RemainSeconds: testcheck.Ptr(int64(300)), SubTasks: []client.SubTask{finished, copying, waiting}},
			"sub-task MIGRATE_LINUX_FILE at 37%, 42.5 Mbit/s, about 5m0s remaining; 1 of 3 sub-tasks finished"},
		{"failed: the sub-task keeps its last speed", &client.Task{MigrateSpeed: testcheck.Ptr(0.0), RemainSeconds: testcheck.Ptr(int64(0)), SubTasks: []client.SubTask{finished, copying, waiting}},
			"sub-task MIGRATE_LINUX_FILE at 37%, 80 Mbit/s; 1 of 3 sub-tasks finished"},
		{"nothing started", &client.Task{SubTasks: []client.SubTask{waiting}}, "no sub-task started yet (0 of 1 finished)"},
		{"all done", &client.Task{SubTasks: []client.SubTask{finished, finished}}, "all 2 sub-tasks finished"},
	}
	for _, tc := range cases {
		if got := smstask.MigrationProgressSummary(tc.task); got != tc.want {
			t.Errorf("%s: summary = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// A migration that fails while an apply waits for it ends with an error that says where
// it was: the sub-task, its percent and its last speed.
func TestAccMigrationTaskResource_failedWaitSummarisesProgress(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t) // the failing source server is the emulator's
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{Config: env.ProviderBlock + testAccMigrationTaskConfig_action(acctest.EmulatorFailingSrc, "", false)},
			{
				Config: env.ProviderBlock + testAccMigrationTaskConfig_action(acctest.EmulatorFailingSrc, "start", true),
				ExpectError: testcheck.ErrorPattern("ended in state MIGRATE_FAIL",
					`progress: sub-task MIGRATE_LINUX_FILE at 40%, [0-9.]+ Mbit/s; 4 of 7 sub-tasks finished`),
			},
		},
	})
}

// A wait that runs out of time ends with the progress the migration had made.
func TestAccMigrationTaskResource_waitTimeoutSummarisesProgress(t *testing.T) {
	env := acctest.NewAccEnvWith(t, emulator.Options{ClockSpeed: 20}) // about 30 s for the whole migration
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{Config: env.ProviderBlock + testAccMigrationTaskConfig_waitTimeout(env.SourceServerID, "", "")},
			{
				Config: env.ProviderBlock + testAccMigrationTaskConfig_waitTimeout(env.SourceServerID, "start", "8s"),
				ExpectError: testcheck.ErrorPattern("SMS migration still running",
					`the task is in state RUNNING \(progress: sub-task [A-Z_]+ at [0-9]+%`, `[0-9]+ of 7 sub-tasks finished\) and SMS goes on migrating`),
			},
		},
	})
}
