package task_test

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
	smstask "github.com/sms-migration/terraform-provider-sms/internal/service/task"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

func TestMigrationTaskDataSourceSchema(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	var resp datasource.SchemaResponse
	smstask.NewMigrationTaskDataSource().Schema(ctx, datasource.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("schema diagnostics: %v", resp.Diagnostics)
	}
	if diags := resp.Schema.ValidateImplementation(ctx); diags.HasError() {
		t.Fatalf("ValidateImplementation: %v", diags)
	}
	if strings.TrimSpace(resp.Schema.MarkdownDescription) == "" {
		t.Error("the data source has no MarkdownDescription")
	}
}

// TestMigrationTaskDataSource_stateFromSeedExample writes the seed's task body into
// data source state and reads every attribute back: each equals what the resource's
// flatten makes of the same body, and configuration-only attributes are not there.
func TestMigrationTaskDataSource_stateFromSeedExample(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	body, err := os.ReadFile("testdata/seed_put_example.json")
	if err != nil {
		t.Fatal(err)
	}
	var task client.Task
	if err := json.Unmarshal(body, &task); err != nil {
		t.Fatal(err)
	}
	task.ID = testcheck.Ptr("0b7f1c0e-7c43-4f58-9a1e-1d2c3b4a5f60")
	task.NeedMigrationTest = testcheck.Ptr(true) // returned by ShowTask, yet configuration-only here

	var schemaResp datasource.SchemaResponse
	smstask.NewMigrationTaskDataSource().Schema(ctx, datasource.SchemaRequest{}, &schemaResp)
	state := tfsdk.State{Schema: schemaResp.Schema, Raw: tftypes.NewValue(schemaResp.Schema.Type().TerraformType(ctx), nil)}
	if diags := smstask.SetMigrationTaskDataSourceState(ctx, &state, &task); diags.HasError() {
		t.Fatalf("setMigrationTaskDataSourceState: %v", diags)
	}

	want, diags := smstask.FlattenMigrationTaskFromAPI(ctx, &task)
	if diags.HasError() {
		t.Fatal(diags)
	}
	fields := smstask.MigrationTaskDataSourceFields()
	if len(fields) != len(schemaResp.Schema.Attributes) {
		t.Errorf("%d fields are copied, but the schema has %d attributes", len(fields), len(schemaResp.Schema.Attributes))
	}
	for _, f := range fields {
		wantValue := f.Get(&want)
		target := reflect.New(reflect.TypeOf(wantValue))
		if diags := state.GetAttribute(ctx, path.Root(f.Key), target.Interface()); diags.HasError() {
			t.Errorf("%s: %v", f.Key, diags)
			continue
		}
		got, ok := target.Elem().Interface().(attr.Value)
		if !ok || !got.Equal(wantValue) {
			t.Errorf("%s = %v, want %v", f.Key, got, wantValue)
		}
	}
	// Spot checks that the comparison above is not vacuous.
	for _, c := range []struct {
		path path.Path
		want attr.Value
	}{
		{path.Root("id"), types.StringValue("0b7f1c0e-7c43-4f58-9a1e-1d2c3b4a5f60")},
		{path.Root("name"), types.StringValue("MigrationTask")},
		{path.Root("state"), types.StringValue("RUNNING")},
		{path.Root("create_date"), types.Int64Value(1598435778000)},
		{path.Root("target_server").AtName("disks").AtListIndex(0).AtName("id"), types.Int64Value(88008)},
	} {
		target := reflect.New(reflect.TypeOf(c.want))
		if diags := state.GetAttribute(ctx, c.path, target.Interface()); diags.HasError() {
			t.Errorf("%s: %v", c.path, diags)
			continue
		}
		if got, ok := target.Elem().Interface().(attr.Value); !ok || !got.Equal(c.want) {
			t.Errorf("%s = %v, want %s", c.path, got, c.want)
		}
	}
	var excluded types.String
	if diags := state.GetAttribute(ctx, path.Root("clonevm_template_id"), &excluded); !diags.HasError() {
		t.Error("clonevm_template_id (create-only, never returned) is readable from data source state; it should not be in the schema")
	}
}

func TestAccMigrationTaskDataSource_basic(t *testing.T) {
	env := acctest.NewAccEnv(t)
	const ds = "data.sms_migration_task.test"
	same := func(p tfjsonpath.Path) statecheck.StateCheck {
		return statecheck.CompareValuePairs(testAccTaskAddress, p, ds, p, compare.ValuesSame())
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				Config: env.ProviderBlock + testAccMigrationTaskDataSourceConfig_basic(env.SourceServerID, "task-ds-basic"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("name"), knownvalue.StringExact("task-ds-basic")),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("state"), knownvalue.StringExact("READY")),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("speed_limit"), knownvalue.Int64Exact(300)),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("source_server").AtMapKey("id"), knownvalue.StringExact(env.SourceServerID)),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("source_server").AtMapKey("name"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(ds, tfjsonpath.New("target_server").AtMapKey("disks"), knownvalue.NotNull()),
					same(tfjsonpath.New("id")),
					same(tfjsonpath.New("name")),
					same(tfjsonpath.New("state")),
					same(tfjsonpath.New("create_date")),
					same(tfjsonpath.New("enterprise_project_id")),
					same(tfjsonpath.New("region_name")),
					same(tfjsonpath.New("source_server").AtMapKey("name")),
					same(tfjsonpath.New("source_server").AtMapKey("ip")),
					same(tfjsonpath.New("source_server").AtMapKey("os_version")),
					same(tfjsonpath.New("target_server")),
					same(tfjsonpath.New("target_server").AtMapKey("disks")),
					same(tfjsonpath.New("clone_server")),
					same(tfjsonpath.New("sub_tasks")),
				},
			},
		},
	})
}

func TestAccMigrationTaskDataSource_notFound(t *testing.T) {
	env := acctest.NewAccEnv(t)
	const missing = "00000000-0000-4000-8000-000000000000"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: env.ProviderBlock + fmt.Sprintf(`
data "sms_migration_task" "missing" {
  id = %q
}
`, missing),
				ExpectError: testcheck.ErrorPattern("migration task "+missing+" not found", "status: 404", `error_code: SMS\.\d{4}`, "error_msg:", `request id: \S+`),
			},
		},
	})
}

// TestAccMigrationTaskDataSource_examples applies both data source examples, the files
// the data source documentation shows, against an emulator.
func TestAccMigrationTaskDataSource_examples(t *testing.T) {
	// A manual clock keeps the started task RUNNING for as long as the test takes.
	env := acctest.NewAccEnvWith(t, emulator.Options{Clock: emulator.NewManualClock(time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC))})
	env.RequireEmulator(t)
	acctest.WithEmulatorEnv(t, env)
	ctx := testcheck.TestCtx()
	running := acctest.CreateTask(t, env, "web-linux-01-migration", acctest.EmulatorLinuxSrc)
	if err := env.Client.UpdateTaskStatus(ctx, running, client.TaskAction{Operation: "start"}); err != nil {
		t.Fatal(err)
	}
	acctest.CreateTask(t, env, "web-linux-01-second", acctest.EmulatorLinuxSrc) // READY: not listed

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:          acctest.ReadExample(t, "data-sources/sms_migration_task/data-source.tf"),
				ConfigVariables: config.Variables{"task_id": config.StringVariable(running)},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.sms_migration_task.example", tfjsonpath.New("name"), knownvalue.StringExact("web-linux-01-migration")),
					statecheck.ExpectKnownOutputValue("task_state", knownvalue.StringExact("RUNNING")),
					statecheck.ExpectKnownOutputValue("source_server_ip", knownvalue.StringExact("10.0.0.21")),
				},
			},
			{
				Config: acctest.ReadExample(t, "data-sources/sms_migration_tasks/data-source.tf"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("running_task_ids", knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(running)})),
					statecheck.ExpectKnownOutputValue("running_task_names", knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("web-linux-01-migration")})),
				},
			},
		},
	})
}

func testAccMigrationTaskDataSourceConfig_basic(sourceServerID, name string) string {
	return fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name          = %[2]q
  type          = "MIGRATE_FILE"
  os_type       = "LINUX"
  speed_limit   = 300
  source_server = { id = %[1]q }
}

data "sms_migration_task" "test" {
  id = sms_migration_task.test.id
}
`, sourceServerID, name)
}
