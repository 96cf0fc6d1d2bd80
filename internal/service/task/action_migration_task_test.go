package task_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
	"github.com/sms-migration/terraform-provider-sms/internal/service/task"
)

// TestMigrationTaskActions_oneActionPerOperation: every operation the resource's action
// attribute takes is an action sms_migration_task_<operation>, with a timeout where it waits
// and a wait flag for start and restart.
func TestMigrationTaskActions_oneActionPerOperation(t *testing.T) {
	ctx := context.Background()
	var names []string
	for _, newAction := range task.NewMigrationTaskActions() {
		a := newAction()
		var meta action.MetadataResponse
		a.Metadata(ctx, action.MetadataRequest{ProviderTypeName: "sms"}, &meta)
		names = append(names, meta.TypeName)
		var s action.SchemaResponse
		a.Schema(ctx, action.SchemaRequest{}, &s)
		if s.Diagnostics.HasError() {
			t.Fatalf("%s: %v", meta.TypeName, s.Diagnostics)
		}
		op := strings.TrimPrefix(meta.TypeName, "sms_migration_task_")
		var attrs []string
		for name := range s.Schema.Attributes {
			attrs = append(attrs, name)
		}
		slices.Sort(attrs)
		want := []string{"task_id"}
		switch op {
		case "start", "restart":
			want = []string{"task_id", "timeout", "wait"}
		case "stop", "clone_test":
			want = []string{"task_id", "timeout"}
		}
		if !slices.Equal(attrs, want) {
			t.Errorf("%s attributes = %v, want %v", meta.TypeName, attrs, want)
		}
		if !s.Schema.Attributes["task_id"].IsRequired() {
			t.Errorf("%s: task_id is not required", meta.TypeName)
		}
	}
	var want []string
	for _, op := range task.MigrationTaskActionValues {
		want = append(want, "sms_migration_task_"+op)
	}
	if !slices.Equal(names, want) {
		t.Errorf("actions = %v, want %v", names, want)
	}
}

// invokeMigrationTaskAction invokes the action named operation with config (attribute
// values by name, the rest null) and returns its diagnostics and progress messages.
func invokeMigrationTaskAction(t *testing.T, c *client.Client, operation string, config map[string]tftypes.Value) (action.InvokeResponse, []string) {
	t.Helper()
	ctx := context.Background()
	for _, newAction := range task.NewMigrationTaskActions() {
		a := newAction()
		var meta action.MetadataResponse
		a.Metadata(ctx, action.MetadataRequest{ProviderTypeName: "sms"}, &meta)
		if meta.TypeName != "sms_migration_task_"+operation {
			continue
		}
		var s action.SchemaResponse
		a.Schema(ctx, action.SchemaRequest{}, &s)
		typ, ok := s.Schema.Type().TerraformType(ctx).(tftypes.Object)
		if !ok {
			t.Fatal("the action schema is not an object")
		}
		values := map[string]tftypes.Value{}
		for name, attrType := range typ.AttributeTypes {
			values[name] = tftypes.NewValue(attrType, nil)
			if v, ok := config[name]; ok {
				values[name] = v
			}
		}
		var configured action.ConfigureResponse
		a.(action.ActionWithConfigure).Configure(ctx, action.ConfigureRequest{ProviderData: &conns.ProviderData{Client: c}}, &configured) //nolint:forcetypeassert // every task action has Configure
		var messages []string
		resp := action.InvokeResponse{SendProgress: func(e action.InvokeProgressEvent) { messages = append(messages, e.Message) }}
		a.Invoke(ctx, action.InvokeRequest{Config: tfsdk.Config{Raw: tftypes.NewValue(typ, values), Schema: s.Schema}}, &resp)
		return resp, messages
	}
	t.Fatalf("no action for %s", operation)
	return action.InvokeResponse{}, nil
}

func newActionTestEnv(t *testing.T) *acctest.AccEnv {
	t.Helper()
	srv, err := emulator.Start(emulator.Options{ClockSpeed: 600}) // ten simulated minutes in a second
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	c, err := client.New(client.Config{Endpoint: srv.URL, AccessKey: acctest.EmulatorAccessKey, SecretKey: acctest.EmulatorSecretKey, ProjectID: acctest.EmulatorProjectID})
	if err != nil {
		t.Fatal(err)
	}
	return &acctest.AccEnv{Emu: srv, Client: c}
}

// startAndWait creates a task of sourceServerID on an emulator of its own and invokes
// sms_migration_task_start on it with wait.
func startAndWait(t *testing.T, sourceServerID string) (string, action.InvokeResponse, []string) {
	t.Helper()
	env := newActionTestEnv(t)
	id := acctest.CreateTask(t, env, "action-start", sourceServerID)
	resp, messages := invokeMigrationTaskAction(t, env.Client, "start", map[string]tftypes.Value{
		"task_id": tftypes.NewValue(tftypes.String, id),
		"wait":    tftypes.NewValue(tftypes.Bool, true),
		"timeout": tftypes.NewValue(tftypes.String, "1m"),
	})
	return id, resp, messages
}

func TestMigrationTaskAction_startWaitsWithProgress(t *testing.T) {
	t.Parallel()
	id, resp, messages := startAndWait(t, acctest.EmulatorLinuxSrc)
	if resp.Diagnostics.HasError() {
		t.Fatalf("start: %v", resp.Diagnostics)
	}
	joined := strings.Join(messages, "\n")
	for _, want := range []string{`sending "start" to migration task ` + id, "is RUNNING: sub-task ", "%", `"start" done; migration task ` + id + " is MIGRATE_SUCCESS"} {
		if !strings.Contains(joined, want) {
			t.Errorf("progress messages lack %q:\n%s", want, joined)
		}
	}
	for i := 1; i < len(messages); i++ {
		if messages[i] == messages[i-1] {
			t.Errorf("progress message %q sent twice in a row", messages[i])
		}
	}
}

func TestMigrationTaskAction_refusedIsAPIError(t *testing.T) {
	t.Parallel()
	env := newActionTestEnv(t)
	id := acctest.CreateTask(t, env, "action-refused", acctest.EmulatorLinuxSrc)
	resp, _ := invokeMigrationTaskAction(t, env.Client, "stop", map[string]tftypes.Value{"task_id": tftypes.NewValue(tftypes.String, id)})
	if !resp.Diagnostics.HasError() {
		t.Fatal("stop on a READY task: no error")
	}
	d := resp.Diagnostics.Errors()[0]
	for _, want := range []string{"status: 400", "error_code: SMS.1010", "error_msg: ", "request id: ", "neither taints nor replaces"} {
		if !strings.Contains(d.Detail(), want) {
			t.Errorf("%s: detail lacks %q:\n%s", d.Summary(), want, d.Detail())
		}
	}
}

func TestMigrationTaskAction_failedMigrationIsErrorJSON(t *testing.T) {
	t.Parallel()
	_, resp, _ := startAndWait(t, acctest.EmulatorFailingSrc)
	if !resp.Diagnostics.HasError() {
		t.Fatal("a failing migration: no error")
	}
	d := resp.Diagnostics.Errors()[0]
	if d.Summary() != "SMS migration task failed" || !strings.Contains(d.Detail(), "MIGRATE_FAIL") || !strings.Contains(d.Detail(), "error_json: ") ||
		!strings.Contains(d.Detail(), "sms_migration_task_restart") {
		t.Errorf("diagnostic = %s: %s", d.Summary(), d.Detail())
	}
}

func TestMigrationTaskAction_timeoutIsAPositiveDuration(t *testing.T) {
	t.Parallel()
	for value, valid := range map[string]bool{"90m": true, "2h30m": true, "30s": true, "0s": false, "-1m": false, "soon": false, "10": false} {
		var resp validator.StringResponse
		task.DurationValidator{}.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("timeout"), ConfigValue: types.StringValue(value)}, &resp)
		if resp.Diagnostics.HasError() == valid {
			t.Errorf("timeout %q: valid = %t, diagnostics %v", value, !valid, resp.Diagnostics)
		}
	}
}
