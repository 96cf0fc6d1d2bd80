package task_test

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	smstask "github.com/sms-migration/terraform-provider-sms/internal/service/task"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	smsprovider "github.com/sms-migration/terraform-provider-sms/internal/provider"
)

// taskServers are the provider under test (configured against an HTTP server answering
// every GET with body), the same provider served by the framework's server alone (what
// the fast path replaces for the task resource) and the floor provider.
type taskServers struct {
	provider, framework, floor tfprotov6.ProviderServer
}

func checkNoErrors(b testing.TB, err error, diags []*tfprotov6.Diagnostic) {
	b.Helper()
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			b.Fatalf("%s: %s (%v)", d.Summary, d.Detail, d.Attribute)
		}
	}
}

func fixtureSchema() schema.Schema {
	var resp resource.SchemaResponse
	(&smstask.MigrationTaskResource{}).Schema(context.Background(), resource.SchemaRequest{}, &resp)
	return resp.Schema
}

func taskTerraformType(b testing.TB) tftypes.Object {
	b.Helper()
	typ, ok := fixtureSchema().Type().TerraformType(b.Context()).(tftypes.Object)
	if !ok {
		b.Fatal("the resource schema is not an object")
	}
	return typ
}

// stateValueOf is model as state, with an id (the seed's body has none).
func stateValueOf(b testing.TB, model smstask.MigrationTaskResourceModel) tftypes.Value {
	b.Helper()
	model.ID = types.StringValue("bench-task")
	model.Timeouts = timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{
		"create": types.StringType, "update": types.StringType, "delete": types.StringType,
	})}
	s := fixtureSchema()
	state := tfsdk.State{Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(b.Context()), nil)}
	if diags := state.Set(b.Context(), &model); diags.HasError() {
		b.Fatal(diags)
	}
	return state.Raw
}

// configValueOf is the configuration that plans state unchanged: every value a user can
// set, set as state holds it; read-only values null.
func configValueOf(b testing.TB, state tftypes.Value) tftypes.Value {
	b.Helper()
	s := fixtureSchema()
	config, err := tftypes.Transform(state, func(p *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		a, err := s.AttributeAtTerraformPath(b.Context(), p)
		if err != nil || a.IsOptional() || a.IsRequired() {
			return v, nil //nolint:nilerr // not an attribute (a list element, the root): kept
		}
		return tftypes.NewValue(v.Type(), nil), nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return config
}

// withAttribute is object v with its top-level attribute name replaced by nv.
func withAttribute(b testing.TB, v tftypes.Value, name string, nv tftypes.Value) tftypes.Value {
	b.Helper()
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		b.Fatal(err)
	}
	attrs[name] = nv
	return tftypes.NewValue(v.Type(), attrs)
}

// objectValueOf is an object of type t with the given attributes, every other one null.
func objectValueOf(b testing.TB, t tftypes.Type, set map[string]tftypes.Value) tftypes.Value {
	b.Helper()
	obj, ok := t.(tftypes.Object)
	if !ok {
		b.Fatalf("%s is not an object type", t)
	}
	attrs := make(map[string]tftypes.Value, len(obj.AttributeTypes))
	for name, at := range obj.AttributeTypes {
		attrs[name] = tftypes.NewValue(at, nil)
	}
	for name, v := range set {
		if _, ok := obj.AttributeTypes[name]; !ok {
			b.Fatalf("no attribute %s", name)
		}
		attrs[name] = v
	}
	return tftypes.NewValue(t, attrs)
}

// deepTaskConfig is make bench's deep-step configuration: a new task whose
// target_server sets only a name, vm_id, os_type and disks of volumes each.
func deepTaskConfig(b testing.TB, typ tftypes.Object, disks, volumes int) tftypes.Value {
	b.Helper()
	target, ok1 := typ.AttributeTypes["target_server"].(tftypes.Object)
	diskList, ok2 := target.AttributeTypes["disks"].(tftypes.List)
	disk, ok3 := diskList.ElementType.(tftypes.Object)
	volumeList, ok4 := disk.AttributeTypes["physical_volumes"].(tftypes.List)
	if !ok1 || !ok2 || !ok3 || !ok4 {
		b.Fatal("target_server.disks.physical_volumes is not a list of objects in a list of objects")
	}
	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	num := func(n int64) tftypes.Value { return tftypes.NewValue(tftypes.Number, n) }
	diskValues := make([]tftypes.Value, disks)
	for d := range disks {
		volumeValues := make([]tftypes.Value, volumes)
		for p := range volumes {
			volumeValues[p] = objectValueOf(b, volumeList.ElementType, map[string]tftypes.Value{
				"name":        str(fmt.Sprintf("/dev/vd%dp%d", d, p)),
				"index":       num(int64(p)),
				"size":        num(1073741824),
				"used_size":   num(536870912),
				"file_system": str("ext4"),
				"mount_point": str(fmt.Sprintf("/mnt/d%dp%d", d, p)),
			})
		}
		use := "NORMAL"
		if d == 0 {
			use = "OS"
		}
		diskValues[d] = objectValueOf(b, diskList.ElementType, map[string]tftypes.Value{
			"name":             str(fmt.Sprintf("/dev/vd%d", d)),
			"size":             num(10737418240),
			"used_size":        num(1073741824),
			"device_use":       str(use),
			"physical_volumes": tftypes.NewValue(volumeList, volumeValues),
		})
	}
	return objectValueOf(b, typ, map[string]tftypes.Value{
		"name":          str("bench-deep"),
		"type":          str("MIGRATE_BLOCK"),
		"os_type":       str("LINUX"),
		"source_server": objectValueOf(b, typ.AttributeTypes["source_server"], map[string]tftypes.Value{"id": str(acctest.EmulatorLinuxSrc)}),
		"target_server": objectValueOf(b, target, map[string]tftypes.Value{
			"name":    str("bench-target"),
			"vm_id":   str("c1bd67b6-1caa-403e-9e32-81d2feafcda9"),
			"os_type": str("LINUX"),
			"disks":   tftypes.NewValue(diskList, diskValues),
		}),
	})
}

func dynamicValueOf(b testing.TB, v tftypes.Value) *tfprotov6.DynamicValue {
	b.Helper()
	dv, err := tfprotov6.NewDynamicValue(v.Type(), v)
	if err != nil {
		b.Fatal(err)
	}
	return &dv
}

// newTaskServers starts an HTTP server answering every GET with body (as changed by the
// PUTs it was sent, top-level keys merged) and returns the provider configured against
// it, and the floor provider.
func newTaskServers(b testing.TB, body []byte) taskServers {
	b.Helper()
	return newTaskServersFor(b, body, "")
}

// newTaskServersFor is newTaskServers with the provider's api_model set (unless "").
func newTaskServersFor(b testing.TB, body []byte, apiModel string) taskServers {
	b.Helper()
	// The seed's body has no id; a read checks the task it gets has one.
	var task map[string]any
	if err := json.Unmarshal(body, &task); err != nil {
		b.Fatal(err)
	}
	task["id"] = "bench-task"
	body, err := json.Marshal(task)
	if err != nil {
		b.Fatal(err)
	}
	var mu sync.Mutex
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		switch r.Method {
		case http.MethodGet:
		case http.MethodPut:
			var changes map[string]any
			if err := json.NewDecoder(r.Body).Decode(&changes); err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			maps.Copy(task, changes)
			if body, err = json.Marshal(task); err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{}`))
			return
		default:
			http.Error(w, "the test API answers only GET and PUT", http.StatusMethodNotAllowed)
			return
		}
		if strings.HasSuffix(r.URL.Path, "/"+goneTaskID) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write([]byte(`{"error_code":"SMS.0205","error_msg":"task not found"}`))
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	}))
	b.Cleanup(api.Close)

	ours, err := smsprovider.NewServer(smsprovider.ServerOptions{Version: "bench", FastPath: true})
	if err != nil {
		b.Fatal(err)
	}
	framework, err := smsprovider.NewServer(smsprovider.ServerOptions{Version: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	for _, server := range []tfprotov6.ProviderServer{ours, framework} {
		configureServer(b, server, api.URL, apiModel)
	}

	floor := providerserver.NewProtocol6(&benchFloorProvider{})()
	floorConfig := tftypes.NewValue(tftypes.Object{AttributeTypes: map[string]tftypes.Type{}}, map[string]tftypes.Value{})
	floorResp, err := floor.ConfigureProvider(b.Context(), &tfprotov6.ConfigureProviderRequest{
		TerraformVersion: "1.11.4",
		Config:           dynamicValueOf(b, floorConfig),
	})
	if err != nil {
		b.Fatal(err)
	}
	checkNoErrors(b, nil, floorResp.Diagnostics)
	return taskServers{provider: ours, framework: framework, floor: floor}
}

// configureServer configures server's provider against the API at url.
func configureServer(b testing.TB, server tfprotov6.ProviderServer, url, apiModel string) {
	b.Helper()
	schemaResp, err := server.GetProviderSchema(b.Context(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		b.Fatal(err)
	}
	checkNoErrors(b, nil, schemaResp.Diagnostics)
	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	settings := map[string]tftypes.Value{
		"endpoint":   str(url),
		"region":     str(acctest.EmulatorRegion),
		"access_key": str(acctest.EmulatorAccessKey),
		"secret_key": str(acctest.EmulatorSecretKey),
		"project_id": str(acctest.EmulatorProjectID),
	}
	if apiModel != "" {
		settings["api_model"] = str(apiModel)
	}
	config := objectValueOf(b, schemaResp.Provider.ValueType(), settings)
	configResp, err := server.ConfigureProvider(b.Context(), &tfprotov6.ConfigureProviderRequest{
		TerraformVersion: "1.11.4",
		Config:           dynamicValueOf(b, config),
	})
	if err != nil {
		b.Fatal(err)
	}
	checkNoErrors(b, nil, configResp.Diagnostics)
}
