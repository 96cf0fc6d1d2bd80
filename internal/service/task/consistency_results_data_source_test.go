package task_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// TestAccConsistencyResultsDataSource_basic reads a task's results before the Agent
// reports any, after it reports a clean check, and after it reports a difference.
func TestAccConsistencyResultsDataSource_basic(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	taskID := acctest.CreateTask(t, env, "web-consistency", acctest.EmulatorLinuxSrc)
	const ds = "data.sms_migration_task_consistency_results.web"
	cfg := env.ProviderBlock + fmt.Sprintf(`
data "sms_migration_task_consistency_results" "web" {
  task_id = %q
}
`, taskID)
	result := func(i int, name string) tfjsonpath.Path {
		return tfjsonpath.New("results").AtSliceIndex(i).AtMapKey(name)
	}
	report := func(results ...acctest.AgentConsistencyResult) func() {
		return func() {
			if err := env.AgentReportConsistency(taskID, results...); err != nil {
				t.Fatal(err)
			}
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("results"), knownvalue.ListSizeExact(0)),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("consistent"), knownvalue.Null()),
				},
			},
			{
				PreConfig: report(acctest.AgentConsistencyResult{DirCheck: "/", Total: 1200},
					acctest.AgentConsistencyResult{DirCheck: "/data", Total: 40}),
				Config: cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("results"), knownvalue.ListSizeExact(2)),
					statecheck.ExpectKnownValue(ds, result(0, "dir_check"), knownvalue.StringExact("/")),
					statecheck.ExpectKnownValue(ds, result(0, "num_total_files"), knownvalue.Int64Exact(1200)),
					statecheck.ExpectKnownValue(ds, result(0, "num_different_files"), knownvalue.Int64Exact(0)),
					statecheck.ExpectKnownValue(ds, result(0, "check_result"), knownvalue.StringExact("consistent")),
					statecheck.ExpectKnownValue(ds, result(0, "finished_time"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(ds, result(1, "raw"), knownvalue.StringRegexp(testcheck.CLIText(`"dir_check":"/data"`))),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("consistent"), knownvalue.Bool(true)),
				},
			},
			{
				PreConfig: report(acctest.AgentConsistencyResult{DirCheck: "/", Total: 1200, TargetMiss: 2, TargetExtra: 1}),
				Config:    cfg,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("results"), knownvalue.ListSizeExact(1)),
					statecheck.ExpectKnownValue(ds, result(0, "num_target_miss_files"), knownvalue.Int64Exact(2)),
					statecheck.ExpectKnownValue(ds, result(0, "num_target_more_files"), knownvalue.Int64Exact(1)),
					statecheck.ExpectKnownValue(ds, result(0, "check_result"), knownvalue.StringExact("inconsistent")),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("consistent"), knownvalue.Bool(false)),
				},
			},
		},
	})
}

func TestAccConsistencyResultsDataSource_badInput(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	step := func(taskID string, want ...string) resource.TestStep {
		return resource.TestStep{
			Config:      env.ProviderBlock + fmt.Sprintf("data \"sms_migration_task_consistency_results\" \"x\" {\n  task_id = %q\n}\n", taskID),
			ExpectError: testcheck.ErrorPattern(want...),
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			step("", `Attribute task_id string length must be between 1 and 255, got: 0`),
			step("no-such-task", `Error reading the consistency results of SMS migration task no-such-task`, `status: 404`, `error_code: SMS\.`),
		},
	})
}

// TestAccConsistencyResultsDataSource_example applies the documentation example: its
// postcondition passes on a clean check and fails the run on a difference, naming the
// directory.
func TestAccConsistencyResultsDataSource_example(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	acctest.WithEmulatorEnv(t, env)
	taskID := acctest.CreateTask(t, env, "web-consistency-example", acctest.EmulatorLinuxSrc)
	example := acctest.ReadExample(t, "data-sources/sms_migration_task_consistency_results/data-source.tf")
	vars := config.Variables{"task_id": config.StringVariable(taskID)}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					if err := env.AgentReportConsistency(taskID, acctest.AgentConsistencyResult{DirCheck: "/", Total: 900},
						acctest.AgentConsistencyResult{DirCheck: "/srv", Total: 12}); err != nil {
						t.Fatal(err)
					}
				},
				Config: example, ConfigVariables: vars,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("checked_directories", knownvalue.MapExact(map[string]knownvalue.Check{
						"/": knownvalue.Int64Exact(900), "/srv": knownvalue.Int64Exact(12),
					})),
				},
			},
			{
				PreConfig: func() {
					if err := env.AgentReportConsistency(taskID, acctest.AgentConsistencyResult{DirCheck: "/", Total: 900},
						acctest.AgentConsistencyResult{DirCheck: "/srv", Total: 12, Different: 3}); err != nil {
						t.Fatal(err)
					}
				},
				Config: example, ConfigVariables: vars,
				ExpectError: testcheck.CLIText("Resource postcondition failed", "The copy differs from the source: /srv."),
			},
		},
	})
}
