package task

import (
	"encoding/json"
	"slices"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The benchmarks below run on the seed's full example body (testdata/
// seed_put_example.json): expand and the PUT diff on the model it flattens to, flatten on
// the body itself. make bench (go run ./tools/bench) reports their medians in BENCHMARKS.md,
// along with the custom byte metrics, which size the PUT bodies.

// benchBody is a body expand and flatten run on, with the model it flattens to.
type benchBody struct {
	name  string
	body  []byte
	model migrationTaskResourceModel
}

// benchBodiesCache keeps the bodies across the runs of -count: flattening the deep one
// takes seconds, which would otherwise be paid again by every run.
var benchBodiesCache struct {
	sync.Mutex
	bodies []benchBody
}

// benchBodies are the seed example and a 1024-disk target server of 8 volumes each, the
// largest size of make bench's deep-body step.
func benchBodies(b *testing.B) []benchBody {
	b.Helper()
	benchBodiesCache.Lock()
	defer benchBodiesCache.Unlock()
	if benchBodiesCache.bodies == nil {
		seedBody, seedModel := SeedExampleTask(b)
		deepBody, deepModel := DeepTaskBody(b, 1024, 8)
		benchBodiesCache.bodies = []benchBody{
			{"seed_example", seedBody, seedModel},
			{"target_1024_disks_x8", deepBody, deepModel},
		}
	}
	return benchBodiesCache.bodies
}

func BenchmarkExpandMigrationTaskBody(b *testing.B) {
	for _, bc := range benchBodies(b) {
		b.Run(bc.name, func(b *testing.B) {
			task, diags := expandMigrationTaskBody(b.Context(), bc.model)
			if diags.HasError() {
				b.Fatal(diags)
			}
			// What a PUT of every PUT-able attribute would send, for comparison with the diff.
			full, err := json.Marshal(task)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, diags := expandMigrationTaskBody(b.Context(), bc.model); diags.HasError() {
					b.Fatal(diags)
				}
			}
			b.ReportMetric(float64(len(full)), "full-put-bytes")
		})
	}
}

// BenchmarkFlattenMigrationTask decodes and flattens a GET body over the state the same
// body produced: the refresh of an unchanged task.
func BenchmarkFlattenMigrationTask(b *testing.B) {
	for _, bc := range benchBodies(b) {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, diags := decodeAndFlattenMigrationTask(b.Context(), bc.body, bc.model); diags.HasError() {
					b.Fatal(diags)
				}
			}
			b.ReportMetric(float64(len(bc.body)), "body-bytes")
		})
	}
}

func BenchmarkMigrationTaskUpdateBody(b *testing.B) {
	_, state := SeedExampleTask(b)
	scalar := state
	scalar.SpeedLimit = types.Int64Value(200)
	nested := state
	nested.TargetServer = benchWithInt64At(b, state.TargetServer, 1073741824, "disks", 0, "physical_volumes", 1, "size")

	for _, bc := range []struct {
		name     string
		plan     migrationTaskResourceModel
		wantKeys []string
	}{
		{"unchanged", state, []string{}},
		{"one_scalar", scalar, []string{"speed_limit"}},
		{"nested_volume_size", nested, []string{"target_server"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			body, diags := migrationTaskUpdateBody(b.Context(), bc.plan, state)
			if diags.HasError() {
				b.Fatal(diags)
			}
			if got := body.Keys(); !slices.Equal(got, bc.wantKeys) {
				b.Fatalf("PUT body keys = %v, want %v", got, bc.wantKeys)
			}
			encoded, err := json.Marshal(body)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, diags := migrationTaskUpdateBody(b.Context(), bc.plan, state); diags.HasError() {
					b.Fatal(diags)
				}
			}
			if len(body.Keys()) > 0 {
				b.ReportMetric(float64(len(encoded)), "put-bytes")
			}
		})
	}
}

// benchWithInt64At returns v with the Int64 at path (attribute names and list indexes)
// replaced by n.
func benchWithInt64At(b *testing.B, v attr.Value, n int64, path ...any) types.Object {
	b.Helper()
	out, ok := benchSetPath(b, v, types.Int64Value(n), path).(types.Object)
	if !ok {
		b.Fatalf("%v: not an object", path)
	}
	return out
}

func benchSetPath(b *testing.B, v, nv attr.Value, path []any) attr.Value {
	b.Helper()
	if len(path) == 0 {
		return nv
	}
	switch step := path[0].(type) {
	case string:
		obj, ok := v.(types.Object)
		if !ok {
			b.Fatalf("%v: %T is not an object", path, v)
		}
		attrs := obj.Attributes()
		attrs[step] = benchSetPath(b, attrs[step], nv, path[1:])
		out, diags := types.ObjectValue(obj.AttributeTypes(b.Context()), attrs)
		if diags.HasError() {
			b.Fatal(diags)
		}
		return out
	case int:
		list, ok := v.(types.List)
		if !ok || step >= len(list.Elements()) {
			b.Fatalf("%v: %T has no element %d", path, v, step)
		}
		elems := slices.Clone(list.Elements())
		elems[step] = benchSetPath(b, elems[step], nv, path[1:])
		out, diags := types.ListValue(list.ElementType(b.Context()), elems)
		if diags.HasError() {
			b.Fatal(diags)
		}
		return out
	}
	b.Fatalf("bad path step %v", path[0])
	return nil
}
