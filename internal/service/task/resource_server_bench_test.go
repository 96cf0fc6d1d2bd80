package task_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	smsprovider "github.com/sms-migration/terraform-provider-sms/internal/provider"
	smstask "github.com/sms-migration/terraform-provider-sms/internal/service/task"

	// Benchmarks of one plan, one refresh and one validation of sms_migration_task through
	// the framework's protocol server, as Terraform calls them, beside a floor: the same
	// schema with every plan modifier, validator and default stripped, on a resource with
	// no ModifyPlan, no ValidateConfig and a Read that changes nothing, so the difference is
	// what the provider itself adds to the framework's own cost. Run them with
	//
	//	go test ./internal/service/task -run '^$' -bench 'BenchmarkMigrationTaskServer.*/(seed|deep_128)' -benchmem
	//
	// and the larger deep cases, which take many seconds each, once each with
	//
	//	go test ./internal/service/task -run '^$' -bench 'BenchmarkMigrationTaskServer.*/deep_(256|1024)' -benchtime=1x -benchmem
	//
	// Each case has a provider and a floor sub-benchmark, e.g.
	// BenchmarkMigrationTaskServerPlan/seed_unchanged/provider and .../floor. Besides ns/op
	// (wall time) each reports cpu-ns/op, the process's CPU time per operation: the figure
	// to compare on a loaded machine.

	providerschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"
	"github.com/hashicorp/terraform-plugin-log/tfsdklogtest"
)

const benchTaskType = "sms_migration_task"

// benchServerCase is one request's values: the prior state (null for a create), the
// configuration, the proposed new state Terraform computes from both, and the GET body a
// refresh reads.
type benchServerCase struct {
	prior, config, propose tftypes.Value
	body                   []byte
}

// benchServerCaseNames are, for the seed's example body: a create of it, a plan with
// nothing changed and one changing speed_limit; for target servers of 128, 256 and 1024
// disks of 8 volumes: the create of a configuration like make bench's deep step (only
// the disks and a few fields set) and (128 and 1024) the plan of that task unchanged. Plan runs every case,
// Read the ones with a prior state, Validate the creates.
var benchServerCaseNames = []string{
	"seed_create", "seed_unchanged", "seed_one_scalar",
	"deep_128_create", "deep_128_unchanged", "deep_256_create", "deep_1024_create", "deep_1024_unchanged",
}

// benchServers are the provider under test (configured against an HTTP server answering
// every GET with body), the same provider served by the framework's server alone (what
// protocolServer replaces for the task resource) and the floor provider.
type benchServers struct {
	provider, framework, floor tfprotov6.ProviderServer
}

// benchContext carries root SDK and provider loggers writing to io.Discard, as the
// plugin server sets them up under Terraform, with the framework's own logging at the
// level the environment asks for (run with TF_LOG_SDK_FRAMEWORK=TRACE to see what it
// costs the floor: on the deep creates it grows with the square of the values planned).
func benchContext(b *testing.B) context.Context {
	b.Helper()
	return tflogtest.RootLogger(tfsdklogtest.RootLogger(b.Context(), io.Discard), io.Discard)
}

func BenchmarkMigrationTaskServerPlan(b *testing.B) {
	for _, name := range benchServerCaseNames {
		b.Run(name, func(b *testing.B) {
			bc := benchServerCaseFor(b, name)
			servers := newBenchServers(b, bc.body)
			for _, side := range []struct {
				name   string
				server tfprotov6.ProviderServer
			}{{"provider", servers.provider}, {"floor", servers.floor}} {
				b.Run(side.name, func(b *testing.B) {
					req := &tfprotov6.PlanResourceChangeRequest{
						TypeName:         benchTaskType,
						PriorState:       benchDynamicValue(b, bc.prior),
						ProposedNewState: benchDynamicValue(b, bc.propose),
						Config:           benchDynamicValue(b, bc.config),
					}
					ctx := benchContext(b)
					b.ReportAllocs()
					cpu := startBenchCPU()
					for b.Loop() {
						resp, err := side.server.PlanResourceChange(ctx, req)
						benchCheck(b, err, resp.Diagnostics)
					}
					cpu.report(b)
				})
			}
		})
	}
}

func BenchmarkMigrationTaskServerRead(b *testing.B) {
	for _, name := range benchServerCaseNames {
		if strings.HasSuffix(name, "_create") {
			continue // nothing to refresh
		}
		b.Run(name, func(b *testing.B) {
			bc := benchServerCaseFor(b, name)
			servers := newBenchServers(b, bc.body)
			for _, side := range []struct {
				name   string
				server tfprotov6.ProviderServer
			}{{"provider", servers.provider}, {"floor", servers.floor}} {
				b.Run(side.name, func(b *testing.B) {
					req := &tfprotov6.ReadResourceRequest{
						TypeName:     benchTaskType,
						CurrentState: benchDynamicValue(b, bc.prior),
					}
					ctx := benchContext(b)
					b.ReportAllocs()
					cpu := startBenchCPU()
					for b.Loop() {
						resp, err := side.server.ReadResource(ctx, req)
						benchCheck(b, err, resp.Diagnostics)
					}
					cpu.report(b)
				})
			}
		})
	}
}

func BenchmarkMigrationTaskServerValidate(b *testing.B) {
	for _, name := range benchServerCaseNames {
		if !strings.HasSuffix(name, "_create") {
			continue // the same configurations again
		}
		b.Run(name, func(b *testing.B) {
			bc := benchServerCaseFor(b, name)
			servers := newBenchServers(b, bc.body)
			for _, side := range []struct {
				name   string
				server tfprotov6.ProviderServer
			}{{"provider", servers.provider}, {"floor", servers.floor}} {
				b.Run(side.name, func(b *testing.B) {
					req := &tfprotov6.ValidateResourceConfigRequest{
						TypeName: benchTaskType,
						Config:   benchDynamicValue(b, bc.config),
					}
					ctx := benchContext(b)
					b.ReportAllocs()
					cpu := startBenchCPU()
					for b.Loop() {
						resp, err := side.server.ValidateResourceConfig(ctx, req)
						benchCheck(b, err, resp.Diagnostics)
					}
					cpu.report(b)
				})
			}
		})
	}
}

// benchCPU reports a benchmark's process CPU time per operation (cpu-ns/op, the GC's
// included), which unlike ns/op does not grow with the load of a shared machine.
type benchCPU struct {
	start time.Duration
	ok    bool
}

func startBenchCPU() benchCPU {
	start, ok := processCPUTime()
	return benchCPU{start, ok}
}

func (c benchCPU) report(b *testing.B) {
	end, ok := processCPUTime()
	if c.ok && ok && b.N > 0 {
		b.ReportMetric(float64(end-c.start)/float64(b.N), "cpu-ns/op")
	}
}

func benchCheck(b testing.TB, err error, diags []*tfprotov6.Diagnostic) {
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

var benchServerCasesCache struct {
	sync.Mutex
	cases map[string]benchServerCase
}

// benchServerCaseFor builds the case name once per process: the deep ones take seconds.
func benchServerCaseFor(b testing.TB, name string) benchServerCase {
	b.Helper()
	benchServerCasesCache.Lock()
	defer benchServerCasesCache.Unlock()
	if c, ok := benchServerCasesCache.cases[name]; ok {
		return c
	}
	typ := benchResourceType(b)
	var c benchServerCase
	switch name {
	case "seed_create", "seed_unchanged", "seed_one_scalar":
		body, model := smstask.BenchSeed(b)
		state := benchStateValue(b, model)
		config := benchConfigOf(b, state)
		switch name {
		case "seed_create":
			c = benchServerCase{tftypes.NewValue(typ, nil), config, config, body}
		case "seed_unchanged":
			c = benchServerCase{state, config, state, body}
		case "seed_one_scalar":
			speed := tftypes.NewValue(tftypes.Number, 200)
			c = benchServerCase{state, benchWithAttribute(b, config, "speed_limit", speed), benchWithAttribute(b, state, "speed_limit", speed), body}
		}
	default:
		var disks int
		var kind string
		if _, err := fmt.Sscanf(strings.ReplaceAll(name, "_", " "), "deep %d %s", &disks, &kind); err != nil {
			b.Fatalf("case %s: %v", name, err)
		}
		body, model := smstask.BenchDeepBody(b, disks, smstask.VolumesPerBenchDisk)
		if kind == "create" {
			create := benchDeepConfig(b, typ, disks, smstask.VolumesPerBenchDisk)
			c = benchServerCase{tftypes.NewValue(typ, nil), create, create, body}
		} else {
			state := benchStateValue(b, model)
			c = benchServerCase{state, benchConfigOf(b, state), state, body}
		}
	}
	if benchServerCasesCache.cases == nil {
		benchServerCasesCache.cases = map[string]benchServerCase{}
	}
	benchServerCasesCache.cases[name] = c
	return c
}

func benchResourceSchema() schema.Schema {
	var resp resource.SchemaResponse
	(&smstask.MigrationTaskResource{}).Schema(context.Background(), resource.SchemaRequest{}, &resp)
	return resp.Schema
}

func benchResourceType(b testing.TB) tftypes.Object {
	b.Helper()
	typ, ok := benchResourceSchema().Type().TerraformType(b.Context()).(tftypes.Object)
	if !ok {
		b.Fatal("the resource schema is not an object")
	}
	return typ
}

// benchStateValue is model as state, with an id (the seed's body has none).
func benchStateValue(b testing.TB, model smstask.MigrationTaskResourceModel) tftypes.Value {
	b.Helper()
	model.ID = types.StringValue("bench-task")
	model.Timeouts = timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{
		"create": types.StringType, "update": types.StringType, "delete": types.StringType,
	})}
	s := benchResourceSchema()
	state := tfsdk.State{Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(b.Context()), nil)}
	if diags := state.Set(b.Context(), &model); diags.HasError() {
		b.Fatal(diags)
	}
	return state.Raw
}

// benchConfigOf is the configuration that plans state unchanged: every value a user can
// set, set as state holds it; read-only values null.
func benchConfigOf(b testing.TB, state tftypes.Value) tftypes.Value {
	b.Helper()
	s := benchResourceSchema()
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

// benchWithAttribute is object v with its top-level attribute name replaced by nv.
func benchWithAttribute(b testing.TB, v tftypes.Value, name string, nv tftypes.Value) tftypes.Value {
	b.Helper()
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		b.Fatal(err)
	}
	attrs[name] = nv
	return tftypes.NewValue(v.Type(), attrs)
}

// benchObject is an object of type t with the given attributes, every other one null.
func benchObject(b testing.TB, t tftypes.Type, set map[string]tftypes.Value) tftypes.Value {
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

// benchDeepConfig is make bench's deep-step configuration: a new task whose
// target_server sets only a name, vm_id, os_type and disks of volumes each.
func benchDeepConfig(b testing.TB, typ tftypes.Object, disks, volumes int) tftypes.Value {
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
			volumeValues[p] = benchObject(b, volumeList.ElementType, map[string]tftypes.Value{
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
		diskValues[d] = benchObject(b, diskList.ElementType, map[string]tftypes.Value{
			"name":             str(fmt.Sprintf("/dev/vd%d", d)),
			"size":             num(10737418240),
			"used_size":        num(1073741824),
			"device_use":       str(use),
			"physical_volumes": tftypes.NewValue(volumeList, volumeValues),
		})
	}
	return benchObject(b, typ, map[string]tftypes.Value{
		"name":          str("bench-deep"),
		"type":          str("MIGRATE_BLOCK"),
		"os_type":       str("LINUX"),
		"source_server": benchObject(b, typ.AttributeTypes["source_server"], map[string]tftypes.Value{"id": str(acctest.EmulatorLinuxSrc)}),
		"target_server": benchObject(b, target, map[string]tftypes.Value{
			"name":    str("bench-target"),
			"vm_id":   str("c1bd67b6-1caa-403e-9e32-81d2feafcda9"),
			"os_type": str("LINUX"),
			"disks":   tftypes.NewValue(diskList, diskValues),
		}),
	})
}

func benchDynamicValue(b testing.TB, v tftypes.Value) *tfprotov6.DynamicValue {
	b.Helper()
	dv, err := tfprotov6.NewDynamicValue(v.Type(), v)
	if err != nil {
		b.Fatal(err)
	}
	return &dv
}

// newBenchServers starts an HTTP server answering every GET with body and returns the
// provider configured against it, and the floor provider.
func newBenchServers(b testing.TB, body []byte) benchServers {
	b.Helper()
	return newBenchServersFor(b, body, "")
}

// newBenchServersFor is newBenchServers with the provider's api_model set (unless "").
func newBenchServersFor(b testing.TB, body []byte, apiModel string) benchServers {
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
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			http.Error(w, "the benchmark sends only GET", http.StatusMethodNotAllowed)
			return
		}
		if strings.HasSuffix(r.URL.Path, "/"+benchGoneTaskID) {
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
		configureBenchServer(b, server, api.URL, apiModel)
	}

	floor := providerserver.NewProtocol6(&benchFloorProvider{})()
	floorConfig := tftypes.NewValue(tftypes.Object{AttributeTypes: map[string]tftypes.Type{}}, map[string]tftypes.Value{})
	floorResp, err := floor.ConfigureProvider(b.Context(), &tfprotov6.ConfigureProviderRequest{
		TerraformVersion: "1.11.4",
		Config:           benchDynamicValue(b, floorConfig),
	})
	if err != nil {
		b.Fatal(err)
	}
	benchCheck(b, nil, floorResp.Diagnostics)
	return benchServers{provider: ours, framework: framework, floor: floor}
}

// configureBenchServer configures server's provider against the API at url.
func configureBenchServer(b testing.TB, server tfprotov6.ProviderServer, url, apiModel string) {
	b.Helper()
	schemaResp, err := server.GetProviderSchema(b.Context(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		b.Fatal(err)
	}
	benchCheck(b, nil, schemaResp.Diagnostics)
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
	config := benchObject(b, schemaResp.Provider.ValueType(), settings)
	configResp, err := server.ConfigureProvider(b.Context(), &tfprotov6.ConfigureProviderRequest{
		TerraformVersion: "1.11.4",
		Config:           benchDynamicValue(b, config),
	})
	if err != nil {
		b.Fatal(err)
	}
	benchCheck(b, nil, configResp.Diagnostics)
}

// benchFloorProvider serves only benchFloorResource.
type benchFloorProvider struct{}

func (p *benchFloorProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "sms"
}

func (p *benchFloorProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = providerschema.Schema{}
}

func (p *benchFloorProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (p *benchFloorProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{func() resource.Resource { return benchFloorResource{} }}
}

func (p *benchFloorProvider) DataSources(context.Context) []func() datasource.DataSource {
	return nil
}

// benchFloorResource has sms_migration_task's schema stripped of every plan modifier,
// validator and default, and does nothing: what is left of a plan, refresh or
// validation is the framework's own work on values of that schema.
type benchFloorResource struct{}

func (benchFloorResource) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = benchTaskType
}

var benchFloorSchema = sync.OnceValue(func() schema.Schema {
	s := benchResourceSchema()
	s.Attributes = benchStripAttributes(s.Attributes)
	return s
})

func (benchFloorResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = benchFloorSchema()
}

func (benchFloorResource) Create(context.Context, resource.CreateRequest, *resource.CreateResponse) {}
func (benchFloorResource) Read(context.Context, resource.ReadRequest, *resource.ReadResponse)       {}
func (benchFloorResource) Update(context.Context, resource.UpdateRequest, *resource.UpdateResponse) {}
func (benchFloorResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}

func benchStripAttributes(attrs map[string]schema.Attribute) map[string]schema.Attribute {
	out := make(map[string]schema.Attribute, len(attrs))
	for name, a := range attrs {
		out[name] = benchStripAttribute(a)
	}
	return out
}

// benchStripAttribute is a without plan modifiers, validators or default, at any depth.
// An attribute type the schema does not use panics, so the floor never keeps one by
// mistake.
func benchStripAttribute(a schema.Attribute) schema.Attribute {
	switch a := a.(type) {
	case schema.StringAttribute:
		a.PlanModifiers, a.Validators, a.Default = nil, nil, nil
		return a
	case schema.Int64Attribute:
		a.PlanModifiers, a.Validators, a.Default = nil, nil, nil
		return a
	case schema.BoolAttribute:
		a.PlanModifiers, a.Validators, a.Default = nil, nil, nil
		return a
	case schema.Float64Attribute:
		a.PlanModifiers, a.Validators, a.Default = nil, nil, nil
		return a
	case schema.ListAttribute:
		a.PlanModifiers, a.Validators, a.Default = nil, nil, nil
		return a
	case schema.ListNestedAttribute:
		a.PlanModifiers, a.Validators, a.Default = nil, nil, nil
		a.NestedObject = benchStripObject(a.NestedObject)
		return a
	case schema.SetNestedAttribute:
		a.PlanModifiers, a.Validators, a.Default = nil, nil, nil
		a.NestedObject = benchStripObject(a.NestedObject)
		return a
	case schema.SingleNestedAttribute:
		a.PlanModifiers, a.Validators, a.Default = nil, nil, nil
		a.Attributes = benchStripAttributes(a.Attributes)
		return a
	}
	panic(fmt.Sprintf("benchStripAttribute: unexpected attribute type %T", a))
}

func benchStripObject(o schema.NestedAttributeObject) schema.NestedAttributeObject {
	o.PlanModifiers, o.Validators = nil, nil
	o.Attributes = benchStripAttributes(o.Attributes)
	return o
}
