package emulator

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// The bound cases are generated from the schemas the validator reads (requestSchema: the
// structural schema with the model's column of taskLimits over it), not picked by hand:
// for every bounded leaf of CreateTask, UpdateTask and ListTasks under each model, a
// request exactly at each bound is accepted and one just past it is refused with 400, an
// error_msg naming the leaf's path, and no change to the stored state.

// boundCase is one generated request: value at path, and the answer it must get.
type boundCase struct {
	op       taskOp
	path     string   // as error messages print it: "target_server.disks[0].size"
	steps    []string // how to put it in a body: "target_server", "disks[]", "size"
	value    any
	wantCode string // "" = accepted
	wantMsg  string // the whole error_msg
	// crossCheck: the value is within its bound but fails a check that comes after it
	// (crossChecked), so the error_msg names the path but says something else.
	crossCheck bool
	big        bool // a body of many megabytes
}

func (c boundCase) name() string {
	if c.wantCode == CodeMandatoryMissing {
		return c.wantMsg
	}
	if c.wantCode == "" {
		return fmt.Sprintf("%s accepts %s", c.path, describe(c.value))
	}
	return fmt.Sprintf("%s refuses %s", c.path, describe(c.value))
}

func describe(v any) string {
	switch v := v.(type) {
	case string:
		if n := len([]rune(v)); n > 12 {
			return fmt.Sprintf("%d characters", n)
		}
		return strconv.Quote(v)
	case []any:
		return fmt.Sprintf("%d items", len(v))
	case map[string]any:
		return "its mandatory members only"
	default:
		return fmt.Sprint(v)
	}
}

// crossChecked are the leaves whose at-bound value passes the bound but not a check that
// comes after it: the answer must be that check's refusal, not a bound's.
var crossChecked = map[string]string{
	"migration_ip":     CodeNotAllowed,          // must be an IP address
	"source_server.id": CodeUnknownSourceServer, // must be registered
}

// boundCases walks fields and returns the cases of every bounded leaf.
func boundCases(model APIModel, op taskOp, path string, steps []string, fields []field) []boundCase {
	var out []boundCase
	for _, f := range fields {
		p, s := joinPath(path, f.name), append(steps[:len(steps):len(steps)], f.name)
		out = append(out, leafCases(model, op, p, s, f)...)
	}
	return out
}

func leafCases(model APIModel, op taskOp, p string, s []string, f field) []boundCase {
	at := func(v any) boundCase { return boundCase{op: op, path: p, steps: s, value: v} }
	past := func(v any, code, format string, args ...any) boundCase {
		return boundCase{op: op, path: p, steps: s, value: v, wantCode: code, wantMsg: p + " " + fmt.Sprintf(format, args...)}
	}
	var out []boundCase
	switch f.kind {
	case kindString:
		if len(f.enum) > 0 { // the values subsume the length
			for _, v := range f.enum {
				out = append(out, at(v))
			}
			bad := f.enum[0] + "_X"
			return append(out, past(bad, CodeNotAllowed, "must be one of %s, got %q", strings.Join(f.enum, ", "), bad))
		}
		length := func(n int) string { return strings.Repeat("a", n) }
		tooLong := "must be between %d and %d characters long, got %d"
		if f.maxLen >= 0 {
			out = append(out, at(length(f.maxLen)), past(length(f.maxLen+1), CodeBadLength, tooLong, f.minLen, f.maxLen, f.maxLen+1))
		}
		if f.minLen > 0 {
			out = append(out, at(length(f.minLen)), past(length(f.minLen-1), CodeBadLength, tooLong, f.minLen, f.maxLen, f.minLen-1))
		}
		if r := ruleAt(model, op, p); r != nil {
			out = append(out, at(r.edgeIn), past(r.edgeOut, CodeNotAllowed, "%s", r.check(r.edgeOut)))
		}
		if code, ok := crossChecked[p]; ok {
			for i := range out {
				if out[i].wantCode == "" && out[i].value != "" {
					out[i].wantCode, out[i].crossCheck = code, true
				}
			}
		}
	case kindInteger:
		one := big.NewInt(1)
		lo, hi := big.NewInt(f.min), big.NewInt(f.max)
		n := func(x *big.Int) json.Number { return json.Number(x.String()) }
		rangeMsg := "must be between %d and %d"
		out = append(out,
			at(n(lo)), past(n(new(big.Int).Sub(lo, one)), CodeOutOfRange, rangeMsg, f.min, f.max),
			at(n(hi)), past(n(new(big.Int).Add(hi, one)), CodeOutOfRange, rangeMsg, f.min, f.max))
	case kindNumber:
		n := func(x float64) json.Number { return json.Number(formatFloat(x)) }
		if math.IsInf(f.fmax, 1) {
			out = append(out, at(n(f.fmin)), past(n(f.fmin-0.5), CodeOutOfRange, "must be at least %s", formatFloat(f.fmin)))
			break
		}
		rangeMsg := "must be between %s and %s"
		lo, hi := formatFloat(f.fmin), formatFloat(f.fmax)
		out = append(out, at(n(f.fmin)), past(n(f.fmin-0.5), CodeOutOfRange, rangeMsg, lo, hi),
			at(n(f.fmax)), past(n(f.fmax+0.5), CodeOutOfRange, rangeMsg, lo, hi))
	case kindObject:
		return boundCases(model, op, p, s, f.fields)
	case kindArray:
		if f.maxItems >= 0 {
			// One item too many is refused before any item is looked at, so those items
			// can be anything small.
			full, over := at(repeated(minimal(*f.elem), f.maxItems)),
				past(repeated(map[string]any{}, f.maxItems+1), CodeBadLength, "must have between 0 and %d items, got %d", f.maxItems, f.maxItems+1)
			full.big, over.big = f.maxItems > 1024, f.maxItems > 1024
			out = append(out, full, over)
		}
		elemSteps := append(s[:len(s)-1:len(s)-1], s[len(s)-1]+"[]")
		if f.elem.kind == kindObject {
			return append(out, boundCases(model, op, p+"[0]", elemSteps, f.elem.fields)...)
		}
		elem := *f.elem
		elem.name = ""
		out = append(out, leafCases(model, op, p+"[0]", append(elemSteps, ""), elem)...)
	}
	return out
}

// ruleAt is the character rule taskLimits gives the leaf at the error path p, if any.
func ruleAt(model APIModel, op taskOp, p string) *charRule {
	tablePath := strings.ReplaceAll(p, "[0]", "[]")
	for _, row := range taskLimits {
		if row.op == op && row.path == tablePath {
			return row.bound(model).rule
		}
	}
	return nil
}

// minimal is the smallest valid value of f: mandatory members only, the first allowed
// value, the shortest non-empty string (the first NIC's MAC must not be empty), the lowest
// number.
func minimal(f field) any {
	switch f.kind {
	case kindString:
		if len(f.enum) > 0 {
			return f.enum[0]
		}
		return strings.Repeat("a", max(f.minLen, 1))
	case kindInteger:
		return json.Number(strconv.FormatInt(f.min, 10))
	case kindNumber:
		return json.Number(formatFloat(f.fmin))
	case kindBool:
		return false
	case kindObject:
		obj := map[string]any{}
		for _, c := range f.fields {
			if c.mandatory {
				obj[c.name] = minimal(c)
			}
		}
		return obj
	default:
		return []any{}
	}
}

func repeated(v any, n int) []any {
	out := make([]any, n)
	for i := range out {
		out[i] = v
	}
	return out
}

// put sets value at steps in obj, making the objects and one-item arrays on the way
// from their minimal values. A step "x[]" is the first item of the array x; the step ""
// is the array item itself.
func put(obj map[string]any, fields []field, steps []string, value any) {
	name, each := strings.CutSuffix(steps[0], "[]")
	var f field
	for _, c := range fields {
		if c.name == name {
			f = c
		}
	}
	switch {
	case len(steps) == 1 && value == deleteKey:
		delete(obj, name)
	case len(steps) == 1:
		obj[name] = value
	case each && len(steps) == 2 && steps[1] == "":
		obj[name] = []any{value}
	case each:
		item, _ := minimal(*f.elem).(map[string]any)
		put(item, f.elem.fields, steps[1:], value)
		obj[name] = []any{item}
	default:
		inner, ok := obj[name].(map[string]any)
		if !ok {
			inner, _ = minimal(f).(map[string]any)
		} else {
			inner = cloneObject(inner)
		}
		put(inner, f.fields, steps[1:], value)
		obj[name] = inner
	}
}

func cloneObject(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func TestLimits_generatedBoundCases(t *testing.T) {
	t.Parallel()
	runGenerated(t, []taskOp{opCreate, opUpdate, opList}, func(model APIModel, op taskOp) []boundCase {
		return boundCases(model, op, "", nil, requestSchema(model, op))
	})
}

// runGenerated runs the cases generate gives for each model and request, in parallel.
func runGenerated(t *testing.T, ops []taskOp, generate func(APIModel, taskOp) []boundCase) {
	t.Helper()
	for _, model := range APIModels {
		for _, op := range ops {
			cases := generate(model, op)
			t.Logf("%s %s: %d cases", model, op, len(cases))
			t.Run(fmt.Sprintf("%s/%s", model, op), func(t *testing.T) {
				t.Parallel()
				for _, c := range cases {
					t.Run(c.name(), func(t *testing.T) {
						t.Parallel()
						runBoundCase(t, model, c)
					})
				}
			})
		}
	}
}

func runBoundCase(t *testing.T, model APIModel, c boundCase) {
	e, err := New(Options{APIModel: model, Clock: NewManualClock(testEpoch)})
	if err != nil {
		t.Fatal(err)
	}
	fields := requestSchema(model, c.op)
	var method, target string
	var body map[string]any
	switch c.op {
	case opCreate:
		method, target, body = http.MethodPost, "/v3/tasks", createBody("t", linuxSourceID)
		// With a template, the current model also takes a target_server without name and
		// vm_id (checkCurrentCreateTarget), so that its minimal target_server is valid.
		body["vm_template_id"] = "tpl-1"
		put(body, fields, c.steps, c.value)
	case opUpdate:
		id := serveBody(t, e, http.MethodPost, "/v3/tasks", createBody("t", linuxSourceID))
		method, target, body = http.MethodPut, "/v3/tasks/"+id, map[string]any{}
		put(body, fields, c.steps, c.value)
	case opList:
		method, target = http.MethodGet, "/v3/tasks?"+url.Values{c.path: {fmt.Sprint(c.value)}}.Encode()
	}
	if c.big && c.wantCode == "" {
		// Tens of megabytes of JSON per request would make this test the slowest of the
		// package: the handlers' validator itself judges the body instead.
		if aerr := validateObject("", fields, body); aerr != nil {
			t.Fatalf("refused: %s %s", aerr.Code, aerr.Msg)
		}
		return
	}
	before := stateOf(e)
	rec := serve(e, method, target, body)
	if c.wantCode == "" {
		if rec.Code != http.StatusOK {
			t.Fatalf("status %d, want 200: %s", rec.Code, rec.Body)
		}
		return
	}
	var got struct {
		Code string `json:"error_code"`
		Msg  string `json:"error_msg"`
	}
	_ = json.Unmarshal(rec.Body.Bytes(), &got)
	if rec.Code != http.StatusBadRequest || got.Code != c.wantCode {
		t.Fatalf("status %d %s, want 400 %s: %s", rec.Code, got.Code, c.wantCode, rec.Body)
	}
	switch {
	case c.crossCheck && !strings.HasPrefix(got.Msg, c.path+" "):
		t.Fatalf("error_msg %q does not start with the path %s", got.Msg, c.path)
	case !c.crossCheck && got.Msg != c.wantMsg:
		t.Fatalf("error_msg %q, want %q", got.Msg, c.wantMsg)
	}
	if after := stateOf(e); after != before {
		t.Fatal("a refused request changed the stored state")
	}
}

func serve(e *Emulator, method, target string, body map[string]any) *httptest.ResponseRecorder {
	var data []byte
	if body != nil {
		data, _ = json.Marshal(body)
	}
	req := httptest.NewRequest(method, target, strings.NewReader(string(data)))
	req.Header.Set("X-Auth-Token", DefaultAuthToken)
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	return rec
}

// serveBody sends a request that must succeed and returns the id it answers.
func serveBody(t *testing.T, e *Emulator, method, target string, body map[string]any) string {
	t.Helper()
	rec := serve(e, method, target, body)
	var got struct{ ID string }
	if err := json.Unmarshal(rec.Body.Bytes(), &got); rec.Code != http.StatusOK || err != nil {
		t.Fatalf("%s %s: %d %s", method, target, rec.Code, rec.Body)
	}
	return got.ID
}

func stateOf(e *Emulator) string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return string(encodeJSON(e.st))
}
