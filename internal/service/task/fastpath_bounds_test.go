package task_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	smsprovider "github.com/sms-migration/terraform-provider-sms/internal/provider"
)

// boundCase is one value of one leaf: at a documented bound (accepted) or one past it
// (refused, with a diagnostic on the leaf).
type boundCase struct {
	leaf    taskLeaf
	value   any
	refused bool
}

func (c boundCase) String() string { return fmt.Sprintf("%s = %v", c.leaf, c.value) }

var (
	boundBetween = regexp.MustCompile(`(?:value|length|count) must be between (-?[0-9.]+) and (-?[0-9.]+)`)
	boundAtLeast = regexp.MustCompile(`(?:value|length|count) must be at least (-?[0-9.]+)`)
	boundAtMost  = regexp.MustCompile(`(?:value|length|count) must be at most (-?[0-9.]+)`)
)

// leafBounds are the bounds the leaf's validators describe (nil where one has none).
func leafBounds(ctx context.Context, a schema.Attribute) (low, high *big.Float) {
	var descriptions []string
	switch a := a.(type) {
	case schema.Int64Attribute:
		for _, v := range a.Validators {
			descriptions = append(descriptions, v.Description(ctx))
		}
	case schema.Float64Attribute:
		for _, v := range a.Validators {
			descriptions = append(descriptions, v.Description(ctx))
		}
	case schema.StringAttribute:
		for _, v := range a.Validators {
			descriptions = append(descriptions, v.Description(ctx))
		}
	}
	parse := func(s string) *big.Float {
		f, _, err := big.ParseFloat(s, 10, 512, big.ToNearestEven)
		if err != nil {
			panic(err)
		}
		return f
	}
	for _, d := range descriptions {
		if m := boundBetween.FindStringSubmatch(d); m != nil {
			low, high = parse(m[1]), parse(m[2])
		}
		if m := boundAtLeast.FindStringSubmatch(d); m != nil {
			low = parse(m[1])
		}
		if m := boundAtMost.FindStringSubmatch(d); m != nil {
			high = parse(m[1])
		}
	}
	return low, high
}

// boundCases are, for every settable number and string leaf, its documented bounds and
// one past each; every Int64 leaf also one past what a 64-bit integer holds.
func boundCases(t *testing.T) []boundCase {
	t.Helper()
	ctx := context.Background()
	s := migrationTaskSchema(t)
	one := big.NewFloat(1)
	int64Max, _, _ := big.ParseFloat("9223372036854775807", 10, 512, big.ToNearestEven)
	var out []boundCase
	for _, leaf := range settableLeaves(t, nil, nil, s.Attributes) {
		low, high := leafBounds(ctx, leaf.attr)
		number := func(f *big.Float) any { return json.Number(f.Text('f', -1)) }
		switch leaf.attr.(type) {
		case schema.Int64Attribute, schema.Float64Attribute:
			if _, isInt := leaf.attr.(schema.Int64Attribute); isInt {
				if high == nil {
					high = int64Max
				}
				out = append(out, boundCase{leaf, number(new(big.Float).Add(int64Max, one)), true})
			}
			if low != nil {
				out = append(out, boundCase{leaf, number(low), false}, boundCase{leaf, number(new(big.Float).Sub(low, one)), true})
			}
			if high != nil {
				out = append(out, boundCase{leaf, number(high), false})
				if high.Cmp(int64Max) < 0 {
					out = append(out, boundCase{leaf, number(new(big.Float).Add(high, one)), true})
				}
			}
		case schema.StringAttribute:
			text := func(f *big.Float) any {
				n, _ := f.Int64()
				return strings.Repeat("a", int(n))
			}
			if low != nil && low.Sign() > 0 {
				out = append(out, boundCase{leaf, text(low), false}, boundCase{leaf, text(new(big.Float).Sub(low, one)), true})
			}
			if high != nil {
				out = append(out, boundCase{leaf, text(high), false}, boundCase{leaf, text(new(big.Float).Add(high, one)), true})
			}
		}
	}
	return out
}

// TestFastPathMatchesFrameworkAtEveryBound validates, through the fast path and through
// the plain framework server, the task with every leaf set (testdata/every_leaf_task.json)
// changed at one leaf to each documented bound of that leaf and to one past it. Both
// servers must answer with the same diagnostics (severity, summary, detail, attribute),
// a value past a bound must be refused with a diagnostic on the leaf itself, and a value
// at a bound must raise nothing on the leaf.
func TestFastPathMatchesFrameworkAtEveryBound(t *testing.T) {
	t.Parallel()
	base := everyLeafTask(t, acctest.EmulatorLinuxSrc)

	fast, err := smsprovider.NewServer(smsprovider.ServerOptions{Version: "test", FastPath: true})
	if err != nil {
		t.Fatal(err)
	}
	framework, err := smsprovider.NewServer(smsprovider.ServerOptions{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	typ := migrationTaskSchema(t).Type().TerraformType(context.Background())
	cases := boundCases(t)
	if len(cases) < 200 {
		t.Fatalf("only %d bound cases: the walk lost leaves or the bounds' descriptions changed", len(cases))
	}
	for _, c := range cases {
		v, err := treeToTerraform(typ, treeWith(base, c.leaf.path, c.value))
		if err != nil {
			t.Fatalf("%s: %v", c, err)
		}
		dv, err := tfprotov6.NewDynamicValue(typ, v)
		if err != nil {
			t.Fatal(err)
		}
		req := &tfprotov6.ValidateResourceConfigRequest{TypeName: "sms_migration_task", Config: &dv}
		ours, err1 := fast.ValidateResourceConfig(t.Context(), req)
		theirs, err2 := framework.ValidateResourceConfig(t.Context(), req)
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v / %v", c, err1, err2)
		}
		if diff := cmp.Diff(diagnosticLines(theirs.Diagnostics), diagnosticLines(ours.Diagnostics)); diff != "" {
			t.Errorf("%s: diagnostics differ (-framework +fast path):\n%s", c, diff)
		}
		onLeaf := onPath(ours.Diagnostics, leafAttributePath(c.leaf))
		switch {
		case c.refused && len(onLeaf) == 0:
			t.Errorf("%s: refused by no diagnostic on the leaf; got %v", c, diagnosticLines(ours.Diagnostics))
		case !c.refused && len(boundRefusals(onLeaf)) > 0:
			t.Errorf("%s: a bound, but refused as out of range: %v", c, diagnosticLines(onLeaf))
		}
		for _, d := range onLeaf {
			if strings.Contains(d.Detail, "%!") {
				t.Errorf("%s: the value is not legible: %s", c, d.Detail)
			}
		}
	}
}

func leafAttributePath(l taskLeaf) *tftypes.AttributePath {
	p := tftypes.NewAttributePath()
	for _, step := range l.path {
		switch s := step.(type) {
		case string:
			p = p.WithAttributeName(s)
		case int:
			p = p.WithElementKeyInt(s)
		}
	}
	return p
}

// onPath are the error diagnostics of diags attached to p.
func onPath(diags []*tfprotov6.Diagnostic, p *tftypes.AttributePath) []*tfprotov6.Diagnostic {
	var out []*tfprotov6.Diagnostic
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError && d.Attribute != nil && d.Attribute.Equal(p) {
			out = append(out, d)
		}
	}
	return out
}

// boundRefusals are those of diags that refuse a value for its range or length (a value at
// a bound may still break another rule of its leaf: an enum, an address format).
func boundRefusals(diags []*tfprotov6.Diagnostic) []*tfprotov6.Diagnostic {
	var out []*tfprotov6.Diagnostic
	for _, d := range diags {
		if boundBetween.MatchString(d.Detail) || boundAtLeast.MatchString(d.Detail) || boundAtMost.MatchString(d.Detail) {
			out = append(out, d)
		}
	}
	return out
}
