package task_test

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
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
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
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
			servers := newTaskServers(b, bc.body)
			for _, side := range []struct {
				name   string
				server tfprotov6.ProviderServer
			}{{"provider", servers.provider}, {"floor", servers.floor}} {
				b.Run(side.name, func(b *testing.B) {
					req := &tfprotov6.PlanResourceChangeRequest{
						TypeName:         benchTaskType,
						PriorState:       dynamicValueOf(b, bc.prior),
						ProposedNewState: dynamicValueOf(b, bc.propose),
						Config:           dynamicValueOf(b, bc.config),
					}
					ctx := benchContext(b)
					b.ReportAllocs()
					cpu := startBenchCPU()
					for b.Loop() {
						resp, err := side.server.PlanResourceChange(ctx, req)
						checkNoErrors(b, err, resp.Diagnostics)
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
			servers := newTaskServers(b, bc.body)
			for _, side := range []struct {
				name   string
				server tfprotov6.ProviderServer
			}{{"provider", servers.provider}, {"floor", servers.floor}} {
				b.Run(side.name, func(b *testing.B) {
					req := &tfprotov6.ReadResourceRequest{
						TypeName:     benchTaskType,
						CurrentState: dynamicValueOf(b, bc.prior),
					}
					ctx := benchContext(b)
					b.ReportAllocs()
					cpu := startBenchCPU()
					for b.Loop() {
						resp, err := side.server.ReadResource(ctx, req)
						checkNoErrors(b, err, resp.Diagnostics)
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
			servers := newTaskServers(b, bc.body)
			for _, side := range []struct {
				name   string
				server tfprotov6.ProviderServer
			}{{"provider", servers.provider}, {"floor", servers.floor}} {
				b.Run(side.name, func(b *testing.B) {
					req := &tfprotov6.ValidateResourceConfigRequest{
						TypeName: benchTaskType,
						Config:   dynamicValueOf(b, bc.config),
					}
					ctx := benchContext(b)
					b.ReportAllocs()
					cpu := startBenchCPU()
					for b.Loop() {
						resp, err := side.server.ValidateResourceConfig(ctx, req)
						checkNoErrors(b, err, resp.Diagnostics)
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
	typ := taskTerraformType(b)
	var c benchServerCase
	switch name {
	case "seed_create", "seed_unchanged", "seed_one_scalar":
		body, model := smstask.SeedExampleTask(b)
		state := stateValueOf(b, model)
		config := configValueOf(b, state)
		switch name {
		case "seed_create":
			c = benchServerCase{tftypes.NewValue(typ, nil), config, config, body}
		case "seed_unchanged":
			c = benchServerCase{state, config, state, body}
		case "seed_one_scalar":
			speed := tftypes.NewValue(tftypes.Number, 200)
			c = benchServerCase{state, withAttribute(b, config, "speed_limit", speed), withAttribute(b, state, "speed_limit", speed), body}
		}
	default:
		var disks int
		var kind string
		if _, err := fmt.Sscanf(strings.ReplaceAll(name, "_", " "), "deep %d %s", &disks, &kind); err != nil {
			b.Fatalf("case %s: %v", name, err)
		}
		body, model := smstask.DeepTaskBody(b, disks, smstask.VolumesPerDeepDisk)
		if kind == "create" {
			create := deepTaskConfig(b, typ, disks, smstask.VolumesPerDeepDisk)
			c = benchServerCase{tftypes.NewValue(typ, nil), create, create, body}
		} else {
			state := stateValueOf(b, model)
			c = benchServerCase{state, configValueOf(b, state), state, body}
		}
	}
	if benchServerCasesCache.cases == nil {
		benchServerCasesCache.cases = map[string]benchServerCase{}
	}
	benchServerCasesCache.cases[name] = c
	return c
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
	s := fixtureSchema()
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

// BenchmarkMigrationTaskServerApply applies an in-place update (speed_limit) of the seed
// task and of deep tasks through the fast path and through the framework's own server:
// the measurement behind serving ApplyResourceChange on the fast path (BENCHMARKS.md).
func BenchmarkMigrationTaskServerApply(b *testing.B) {
	for _, name := range []string{"seed_one_scalar", "deep_128_unchanged", "deep_1024_unchanged"} {
		b.Run(strings.TrimSuffix(strings.TrimSuffix(name, "_unchanged"), "_one_scalar"), func(b *testing.B) {
			bc := benchServerCaseFor(b, name)
			speed := tftypes.NewValue(tftypes.Number, 300)
			config, planned := withAttribute(b, bc.config, "speed_limit", speed), withAttribute(b, bc.prior, "speed_limit", speed)
			servers := newTaskServers(b, bc.body)
			for _, side := range []struct {
				name   string
				server tfprotov6.ProviderServer
			}{{"fast_path", servers.provider}, {"framework", servers.framework}} {
				b.Run(side.name, func(b *testing.B) {
					req := &tfprotov6.ApplyResourceChangeRequest{
						TypeName:     benchTaskType,
						PriorState:   dynamicValueOf(b, bc.prior),
						PlannedState: dynamicValueOf(b, planned),
						Config:       dynamicValueOf(b, config),
					}
					ctx := benchContext(b)
					b.ReportAllocs()
					cpu := startBenchCPU()
					for b.Loop() {
						resp, err := side.server.ApplyResourceChange(ctx, req)
						checkNoErrors(b, err, resp.Diagnostics)
					}
					cpu.report(b)
				})
			}
		})
	}
}
