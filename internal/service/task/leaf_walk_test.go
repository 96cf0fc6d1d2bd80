package task_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	"github.com/sms-migration/terraform-provider-sms/internal/provider"
	"github.com/sms-migration/terraform-provider-sms/internal/service/task"
)

// A leaf walk: the user-settable leaves of sms_migration_task, found by walking its
// schema, and for each a different value the provider's own validation accepts. A
// configuration is held as a JSON-like tree (map[string]any, []any, string, json.Number,
// bool) and rendered as HCL.

// taskLeaf is one settable leaf: its place in the configuration tree (attribute names,
// and index 0 of every list or set of objects) and its schema attribute.
type taskLeaf struct {
	path []any
	attr schema.Attribute
	// ancestors are the nested attributes above the leaf, outermost first.
	ancestors []schema.Attribute
}

func (l taskLeaf) String() string {
	var b strings.Builder
	for i, p := range l.path {
		switch p := p.(type) {
		case string:
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(p)
		case int:
			fmt.Fprintf(&b, "[%d]", p)
		}
	}
	return b.String()
}

func (l taskLeaf) top() string { return l.path[0].(string) } //nolint:forcetypeassert // paths start with a name

// migrationTaskSchema is the resource schema, as Terraform gets it.
func migrationTaskSchema(t *testing.T) schema.Schema {
	t.Helper()
	var resp resource.SchemaResponse
	task.NewMigrationTaskResource().Schema(context.Background(), resource.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("schema: %v", resp.Diagnostics)
	}
	return resp.Schema
}

// settableLeaves walks attrs depth-first and returns every Required or Optional leaf.
// A kind of attribute the walk does not know fails the test, so that a new kind of
// schema field cannot be skipped silently.
func settableLeaves(t *testing.T, prefix []any, ancestors []schema.Attribute, attrs map[string]schema.Attribute) []taskLeaf {
	t.Helper()
	var out []taskLeaf
	for _, name := range conns.SortedKeys(attrs) {
		a := attrs[name]
		p := append(slices.Clone(prefix), name)
		up := append(slices.Clone(ancestors), a)
		switch a := a.(type) {
		case schema.SingleNestedAttribute:
			out = append(out, settableLeaves(t, p, up, a.Attributes)...)
		case schema.ListNestedAttribute:
			out = append(out, settableLeaves(t, append(p, 0), up, a.NestedObject.Attributes)...)
		case schema.SetNestedAttribute:
			out = append(out, settableLeaves(t, append(p, 0), up, a.NestedObject.Attributes)...)
		case schema.StringAttribute, schema.Int64Attribute, schema.Float64Attribute, schema.BoolAttribute, schema.ListAttribute:
			if a.IsRequired() || a.IsOptional() {
				out = append(out, taskLeaf{path: p, attr: a, ancestors: ancestors})
			}
		default:
			t.Errorf("the leaf walk does not know %s (%T): teach it this kind of attribute", taskLeaf{path: p}, a)
		}
	}
	return out
}

// treeGet returns the value at path in tree, and whether it is there.
func treeGet(tree any, path []any) (any, bool) {
	cur := tree
	for _, p := range path {
		switch p := p.(type) {
		case string:
			m, ok := cur.(map[string]any)
			if !ok {
				return nil, false
			}
			if cur, ok = m[p]; !ok {
				return nil, false
			}
		case int:
			l, ok := cur.([]any)
			if !ok || p >= len(l) {
				return nil, false
			}
			cur = l[p]
		}
	}
	return cur, true
}

// treeWith is a deep copy of tree with the value at path set to v (nil removes it).
func treeWith(tree any, path []any, v any) any {
	if len(path) == 0 {
		return v
	}
	switch p := path[0].(type) {
	case string:
		m, _ := tree.(map[string]any)
		out := make(map[string]any, len(m)+1)
		for k, e := range m {
			out[k] = e
		}
		if len(path) == 1 && v == nil {
			delete(out, p)
		} else {
			out[p] = treeWith(m[p], path[1:], v)
		}
		return out
	case int:
		l, _ := tree.([]any)
		out := slices.Clone(l)
		for len(out) <= p {
			out = append(out, map[string]any{})
		}
		out[p] = treeWith(out[p], path[1:], v)
		return out
	}
	return tree
}

// quotedInDescriptions are the quoted strings of the validators' descriptions: for
// stringvalidator.OneOf, the allowed values.
var quotedString = regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`)

func oneOfValues(a schema.StringAttribute) []string {
	var out []string
	for _, v := range a.Validators {
		d := v.Description(context.Background())
		if !strings.Contains(d, "one of") {
			continue
		}
		for _, m := range quotedString.FindAllStringSubmatch(d, -1) {
			if s, err := strconv.Unquote(`"` + m[1] + `"`); err == nil {
				out = append(out, s)
			}
		}
	}
	return out
}

// stringCandidates are tried, after a OneOf's allowed values, for a string leaf: plain
// text, then the shapes some leaves need (an IPv4 or IPv6 address, a duration, a time of
// day), the first one that the provider's validation accepts wins.
var stringCandidates = []string{"edited", "192.0.2.10", "2001:db8::10", "45m", "09:00", "10:00", "edited-2"}

// leafReferences are the leaves whose value names another object SMS holds, which no
// validator can know: the values they can take in the emulator.
var leafReferences = map[string][]any{
	"source_server.id": {acctest.EmulatorWindowsSrc}, // another registered source server
}

// limitTableValues are the values the limits table allows at leaf under model, when it
// names allowed values there (the schema holds the looser bound of the two models, so
// its validators would take a value the model refuses at plan time).
func limitTableValues(leaf taskLeaf, model string) []string {
	at := strings.ReplaceAll(leaf.String(), "[0]", "[]")
	for _, row := range task.MigrationTaskLimitRows() {
		if row.Path != at {
			continue
		}
		if model == conns.APIModelSeed {
			return row.Seed.Values
		}
		return row.Current.Values
	}
	return nil
}

// onlyValueUnder is the one value the limits table allows at leaf under model, if it
// allows exactly one: such a leaf cannot change under that model.
func onlyValueUnder(leaf taskLeaf, model string) (string, bool) {
	if values := limitTableValues(leaf, model); len(values) == 1 {
		return values[0], true
	}
	return "", false
}

// candidateValues lists the values to try for leaf under model, whose value is now
// current (nil: unset), in order.
func candidateValues(leaf taskLeaf, current any, model string) ([]any, error) {
	if refs, ok := leafReferences[leaf.String()]; ok {
		return refs, nil
	}
	switch a := leaf.attr.(type) {
	case schema.BoolAttribute:
		b, _ := current.(bool)
		return []any{!b}, nil
	case schema.Int64Attribute:
		n := int64(0)
		if current != nil {
			var err error
			if n, err = current.(json.Number).Int64(); err != nil { //nolint:forcetypeassert // numbers are json.Number
				return nil, err
			}
		}
		return []any{json.Number(strconv.FormatInt(n+1, 10)), json.Number(strconv.FormatInt(n-1, 10))}, nil
	case schema.Float64Attribute:
		f := 0.0
		if current != nil {
			var err error
			if f, err = current.(json.Number).Float64(); err != nil { //nolint:forcetypeassert // numbers are json.Number
				return nil, err
			}
		}
		return []any{json.Number(strconv.FormatFloat(f+1, 'f', -1, 64)), json.Number(strconv.FormatFloat(f-1, 'f', -1, 64))}, nil
	case schema.StringAttribute:
		var out []any
		tried := slices.Concat(oneOfValues(a), stringCandidates)
		if values := limitTableValues(leaf, model); len(values) > 0 {
			tried = values
		}
		for _, s := range tried {
			if s != current {
				out = append(out, s)
			}
		}
		return out, nil
	case schema.ListAttribute:
		if a.ElementType != types.StringType {
			return nil, fmt.Errorf("a list of %s: the walk knows lists of strings only", a.ElementType)
		}
		l, _ := current.([]any)
		return []any{append(slices.Clone(l), "edited")}, nil
	}
	return nil, fmt.Errorf("no value generator for %T", leaf.attr)
}

// taskConfigValidator runs the provider's own validation (attribute validators and the
// resource's config validators) over a whole configuration tree, as Terraform would.
type taskConfigValidator struct {
	server tfprotov6.ProviderServer
	typ    tftypes.Type
}

func newTaskConfigValidator(t *testing.T, s schema.Schema) *taskConfigValidator {
	t.Helper()
	server, err := provider.NewServer(provider.ServerOptions{Version: "test", FastPath: true})
	if err != nil {
		t.Fatal(err)
	}
	return &taskConfigValidator{server: server, typ: s.Type().TerraformType(context.Background())}
}

func (v *taskConfigValidator) validate(tree any) error {
	val, err := treeToTerraform(v.typ, tree)
	if err != nil {
		return err
	}
	dv, err := tfprotov6.NewDynamicValue(v.typ, val)
	if err != nil {
		return err
	}
	resp, err := v.server.ValidateResourceConfig(context.Background(), &tfprotov6.ValidateResourceConfigRequest{
		TypeName: "sms_migration_task", Config: &dv,
	})
	if err != nil {
		return err
	}
	for _, d := range resp.Diagnostics {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return fmt.Errorf("%s: %s", d.Summary, d.Detail)
		}
	}
	return nil
}

// treeToTerraform converts a configuration tree to a value of typ; what the tree leaves
// out is null.
func treeToTerraform(typ tftypes.Type, v any) (tftypes.Value, error) {
	if v == nil {
		return tftypes.NewValue(typ, nil), nil
	}
	switch {
	case typ.Is(tftypes.Object{}):
		obj := typ.(tftypes.Object) //nolint:forcetypeassert // checked by Is
		m, ok := v.(map[string]any)
		if !ok {
			return tftypes.Value{}, fmt.Errorf("want an object, got %T", v)
		}
		for k := range m {
			if _, ok := obj.AttributeTypes[k]; !ok {
				return tftypes.Value{}, fmt.Errorf("no attribute %q", k)
			}
		}
		vals := map[string]tftypes.Value{}
		for k, at := range obj.AttributeTypes {
			e, err := treeToTerraform(at, m[k])
			if err != nil {
				return tftypes.Value{}, fmt.Errorf("%s: %w", k, err)
			}
			vals[k] = e
		}
		return tftypes.NewValue(typ, vals), nil
	case typ.Is(tftypes.List{}) || typ.Is(tftypes.Set{}):
		var elem tftypes.Type
		if l, ok := typ.(tftypes.List); ok {
			elem = l.ElementType
		} else {
			elem = typ.(tftypes.Set).ElementType //nolint:forcetypeassert // checked by Is
		}
		l, ok := v.([]any)
		if !ok {
			return tftypes.Value{}, fmt.Errorf("want a list, got %T", v)
		}
		vals := make([]tftypes.Value, 0, len(l))
		for i, e := range l {
			ev, err := treeToTerraform(elem, e)
			if err != nil {
				return tftypes.Value{}, fmt.Errorf("[%d]: %w", i, err)
			}
			vals = append(vals, ev)
		}
		return tftypes.NewValue(typ, vals), nil
	case typ.Is(tftypes.String):
		s, ok := v.(string)
		if !ok {
			return tftypes.Value{}, fmt.Errorf("want a string, got %T", v)
		}
		return tftypes.NewValue(typ, s), nil
	case typ.Is(tftypes.Bool):
		b, ok := v.(bool)
		if !ok {
			return tftypes.Value{}, fmt.Errorf("want a bool, got %T", v)
		}
		return tftypes.NewValue(typ, b), nil
	case typ.Is(tftypes.Number):
		n, ok := v.(json.Number)
		if !ok {
			return tftypes.Value{}, fmt.Errorf("want a number, got %T", v)
		}
		f, _, err := big.ParseFloat(n.String(), 10, 512, big.ToNearestEven)
		if err != nil {
			return tftypes.Value{}, err
		}
		return tftypes.NewValue(typ, f), nil
	}
	return tftypes.Value{}, fmt.Errorf("no conversion to %s", typ)
}

// renderHCL writes a configuration tree as HCL attribute syntax.
func renderHCL(v any, indent string) string {
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var b strings.Builder
		b.WriteString("{\n")
		for _, k := range keys {
			fmt.Fprintf(&b, "%s  %s = %s\n", indent, k, renderHCL(v[k], indent+"  "))
		}
		b.WriteString(indent + "}")
		return b.String()
	case []any:
		items := make([]string, len(v))
		for i, e := range v {
			items[i] = renderHCL(e, indent)
		}
		return "[" + strings.Join(items, ", ") + "]"
	case string:
		// HCL reads Go's escapes for the characters these values hold; ${ and %{ start
		// templates there, so they are doubled.
		q := strconv.Quote(v)
		q = strings.ReplaceAll(q, "${", "$${")
		return strings.ReplaceAll(q, "%{", "%%{")
	case json.Number:
		return v.String()
	case bool:
		return strconv.FormatBool(v)
	case nil:
		return "null"
	}
	return fmt.Sprintf("%v", v)
}
