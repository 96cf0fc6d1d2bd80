package emulator

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// The task requests' documented limits that differ between the two API models live in one
// table (taskLimits, limits_table.go), one row per field path with a column per model, so
// that a reader finds a field's limit under each model in one place and the validator reads
// the same data. requestSchema puts the table's column for a model over the request's
// structural schema (schema_task.go, schema_requests.go, api_model.go): a row's bound
// replaces what the schema declares at that path, and a field declared limited has no
// bound until a row gives it one (building the schemas panics otherwise, so a missing row
// shows in any test run).

// taskOp is a request the limits table bounds.
type taskOp string

const (
	opCreate taskOp = "CreateTask" // POST /v3/tasks body
	opUpdate taskOp = "UpdateTask" // PUT /v3/tasks/{task_id} body
	opList   taskOp = "ListTasks"  // GET /v3/tasks query
)

// bound is one leaf's documented limit under one model: a length in characters (strings),
// a range (integers, numbers), an item count (arrays), allowed values and a character rule
// (strings). The zero bound means the model has no such field.
type bound struct {
	kind           kind
	set            bool
	minLen, maxLen int // strings; maxLen noLimit = unchecked
	min, max       int64
	fmin, fmax     float64 // fmax +Inf = no maximum
	maxItems       int
	enum           []string
	rule           *charRule
}

// noLimit is a string length nobody documents (the seed model's ListTasks filters).
const noLimit = -1

func chars(minLen, maxLen int) bound {
	return bound{kind: kindString, set: true, minLen: minLen, maxLen: maxLen}
}

func ints(minValue, maxValue int64) bound { //nolint:unparam // the table spells out the documented min..max ranges; every minimum so far is 0
	return bound{kind: kindInteger, set: true, min: minValue, max: maxValue}
}

func nums(minValue, maxValue float64) bound {
	return bound{kind: kindNumber, set: true, fmin: minValue, fmax: maxValue}
}

func items(maxItems int) bound { return bound{kind: kindArray, set: true, maxItems: maxItems} }

func (b bound) oneOf(values ...string) bound { b.enum = values; return b }

func (b bound) matching(r *charRule) bound { b.rule = r; return b }

// charRule is a character rule: the pattern as the document writes it ("" when no
// document gives one), the check (which returns why a value fails), and two strings at
// its edge, one allowed and one not, for the generated tests.
type charRule struct {
	doc     string
	check   func(string) string
	edgeIn  string
	edgeOut string
}

// limitRow is one row of the table: a field path of one request ("[]" is "every item":
// "target_server.disks[].physical_volumes"), its bound under each model, and where the
// constraints document (api/sms-v3-task-constraints-today.md) states it.
type limitRow struct {
	op            taskOp
	path          string
	seed, current bound
	doc           docRow
}

// docRow locates a row of the constraints document: the section whose heading starts with
// section, and the row whose first cell is row. A zero docRow: the document has no row.
type docRow struct{ section, row string }

func (r limitRow) bound(model APIModel) bound {
	if model == APIModelSeed {
		return r.seed
	}
	return r.current
}

// limited declares a field whose bound comes from the limits table only.
func limited(k kind, name string) field {
	return field{name: name, kind: k, fromTable: true, maxLen: noLimit, maxItems: -1, fmax: math.Inf(1)}
}

func limitedArray(name string, elem field) field {
	f := limited(kindArray, name)
	f.elem = &elem
	return f
}

// structuralSchemas are the requests' fields by model before the table is applied.
func structuralSchemas(model APIModel) map[taskOp][]field {
	if model == APIModelSeed {
		return map[taskOp][]field{opCreate: createTaskFields, opUpdate: putTaskFields, opList: listTaskFields}
	}
	return map[taskOp][]field{opCreate: currentCreateTaskFields, opUpdate: currentPutTaskFields, opList: listTaskFields}
}

// requestSchemas are the schemas the validator reads: by model, then request.
var requestSchemas = buildRequestSchemas()

func requestSchema(model APIModel, op taskOp) []field { return requestSchemas[model][op] }

func buildRequestSchemas() map[APIModel]map[taskOp][]field {
	out := map[APIModel]map[taskOp][]field{}
	for _, model := range APIModels {
		out[model] = structuralSchemas(model)
		for _, row := range taskLimits {
			if b := row.bound(model); b.set {
				out[model][row.op] = withBound(out[model][row.op], splitLimitPath(row.path), b, row)
			}
		}
		for op, fields := range out[model] {
			if p := firstUnbounded("", fields); p != "" {
				panic(fmt.Sprintf("emulator: %s %s: %s is declared limited but taskLimits gives it no bound", model, op, p))
			}
		}
	}
	return out
}

func splitLimitPath(path string) []string { return strings.Split(path, ".") }

// withBound returns fields with b applied at path, copying every level it changes: the
// nested tables are shared between requests and models.
func withBound(fields []field, path []string, b bound, row limitRow) []field {
	name, each := strings.CutSuffix(path[0], "[]")
	i := slices.IndexFunc(fields, func(f field) bool { return f.name == name })
	if i < 0 {
		panic(fmt.Sprintf("emulator: taskLimits %s %s: no field %s", row.op, row.path, name))
	}
	out := slices.Clone(fields)
	f := out[i]
	switch {
	case len(path) == 1 && !each:
		out[i] = b.applyTo(f, row)
	case each && f.kind == kindArray && f.elem.kind == kindObject:
		elem := *f.elem
		elem.fields = withBound(elem.fields, path[1:], b, row)
		f.elem = &elem
		out[i] = f
	case !each && f.kind == kindObject:
		f.fields = withBound(f.fields, path[1:], b, row)
		out[i] = f
	default:
		panic(fmt.Sprintf("emulator: taskLimits %s %s: %s does not lead into an object", row.op, row.path, path[0]))
	}
	return out
}

func (b bound) applyTo(f field, row limitRow) field {
	if b.kind != f.kind {
		panic(fmt.Sprintf("emulator: taskLimits %s %s: the bound does not fit the field's type", row.op, row.path))
	}
	f.fromTable = false
	switch b.kind {
	case kindString:
		f.minLen, f.maxLen, f.enum, f.check = b.minLen, b.maxLen, b.enum, nil
		if b.rule != nil {
			f.check = b.rule.check
		}
	case kindInteger:
		f.min, f.max = b.min, b.max
	case kindNumber:
		f.fmin, f.fmax = b.fmin, b.fmax
	case kindArray:
		f.maxItems = b.maxItems
	}
	return f
}

// firstUnbounded returns the path of the first field still waiting for a bound, or "".
func firstUnbounded(path string, fields []field) string {
	for _, f := range fields {
		p := joinPath(path, f.name)
		switch {
		case f.fromTable:
			return p
		case f.kind == kindObject:
			if u := firstUnbounded(p, f.fields); u != "" {
				return u
			}
		case f.kind == kindArray && f.elem.kind == kindObject:
			if u := firstUnbounded(p+"[]", f.elem.fields); u != "" {
				return u
			}
		}
	}
	return ""
}
