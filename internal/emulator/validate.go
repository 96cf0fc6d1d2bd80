package emulator

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The validator checks a decoded JSON body against a declarative schema (the seed's
// tables) before anything is stored, so a bad request changes nothing. Unknown keys are
// ignored, as the real service does. The first violation wins, in schema order, which
// keeps error messages deterministic.

type kind int

const (
	kindString kind = iota
	kindInteger
	kindNumber
	kindBool
	kindObject
	kindArray
)

// field is one documented parameter.
type field struct {
	name      string
	kind      kind
	mandatory bool
	nullable  bool // a mandatory key may still be sent as null (the seed's own example does)

	minLen, maxLen int // strings, in characters; maxLen < 0 means no limit
	min, max       int64
	fmin, fmax     float64 // numbers; fmax = +Inf when there is no maximum

	enum     []string
	enumCode string                    // error code for an enum miss; CodeNotAllowed when empty
	check    func(value string) string // extra rule on a string; returns the reason it fails

	fields   []field // objects
	elem     *field  // arrays
	maxItems int     // arrays; < 0 means no limit

	fromTable bool // declared limited: the bound comes from taskLimits (limits.go)
}

func str(name string, minLen, maxLen int) field {
	return field{name: name, kind: kindString, minLen: minLen, maxLen: maxLen}
}

func integer(name string, minValue, maxValue int64) field { //nolint:unparam // the schema spells out the seed's documented min..max ranges; every minimum so far is 0
	return field{name: name, kind: kindInteger, min: minValue, max: maxValue}
}

// long is the seed's "Long" with its usual range 0..9223372036854775807.
func long(name string) field { return integer(name, 0, math.MaxInt64) }

func number(name string, minValue, maxValue float64) field { //nolint:unparam // the schema spells out the seed's documented min..max ranges; every minimum so far is 0
	return field{name: name, kind: kindNumber, fmin: minValue, fmax: maxValue}
}

func boolean(name string) field { return field{name: name, kind: kindBool} }

func object(name string, fields ...field) field {
	return field{name: name, kind: kindObject, fields: fields}
}

func array(name string, maxItems int, elem field) field { //nolint:unparam // the schemas spell out the documented item counts; those that differ by model are in taskLimits
	return field{name: name, kind: kindArray, elem: &elem, maxItems: maxItems}
}

func (f field) required() field { f.mandatory = true; return f }

func (f field) requiredNullable() field { f.mandatory, f.nullable = true, true; return f }

func (f field) oneOf(values ...string) field { f.enum = values; return f }

func (f field) enumError(code string) field { f.enumCode = code; return f }

func (f field) withCheck(check func(string) string) field { f.check = check; return f }

// decodeObject parses a request body into a generic JSON object, keeping numbers exact.
func decodeObject(body []byte) (map[string]any, *apiError) {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, badRequest(CodeMalformedJSON, "request body is empty")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, badRequest(CodeMalformedJSON, "request body is not valid JSON: %v", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, badRequest(CodeMalformedJSON, "request body has data after the JSON value")
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, badRequest(CodeWrongType, "request body must be a JSON object, got %s", jsonTypeName(v))
	}
	return obj, nil
}

// validateObject checks obj against fields; path is the object's own path ("" at the top).
func validateObject(path string, fields []field, obj map[string]any) *apiError {
	for _, f := range fields {
		p := joinPath(path, f.name)
		v, present := obj[f.name]
		switch {
		case !present:
			if f.mandatory {
				return badRequest(CodeMandatoryMissing, "%s is mandatory", p)
			}
		case v == nil:
			if f.mandatory && !f.nullable {
				return badRequest(CodeMandatoryMissing, "%s is mandatory and must not be null", p)
			}
		default:
			if err := validateValue(p, f, v); err != nil {
				return err
			}
		}
	}
	return nil
}

func validateValue(p string, f field, v any) *apiError {
	switch f.kind {
	case kindString:
		return validateString(p, f, v)
	case kindInteger:
		return validateInteger(p, f, v)
	case kindNumber:
		return validateNumber(p, f, v)
	case kindBool:
		if _, ok := v.(bool); !ok {
			return wrongType(p, "a boolean", v)
		}
	case kindObject:
		obj, ok := v.(map[string]any)
		if !ok {
			return wrongType(p, "an object", v)
		}
		return validateObject(p, f.fields, obj)
	case kindArray:
		items, ok := v.([]any)
		if !ok {
			return wrongType(p, "an array", v)
		}
		if f.maxItems >= 0 && len(items) > f.maxItems {
			return badRequest(CodeBadLength, "%s must have between 0 and %d items, got %d", p, f.maxItems, len(items))
		}
		for i, item := range items {
			ip := fmt.Sprintf("%s[%d]", p, i)
			if item == nil {
				return wrongType(ip, elemTypeName(*f.elem), item)
			}
			if err := validateValue(ip, *f.elem, item); err != nil {
				return err
			}
		}
	}
	return nil
}

func validateString(p string, f field, v any) *apiError {
	s, ok := v.(string)
	if !ok {
		return wrongType(p, "a string", v)
	}
	if n := utf8.RuneCountInString(s); n < f.minLen || (f.maxLen >= 0 && n > f.maxLen) {
		return badRequest(CodeBadLength, "%s must be between %d and %d characters long, got %d", p, f.minLen, f.maxLen, n)
	}
	if len(f.enum) > 0 && !slices.Contains(f.enum, s) {
		code := f.enumCode
		if code == "" {
			code = CodeNotAllowed
		}
		return badRequest(code, "%s must be one of %s, got %q", p, strings.Join(f.enum, ", "), s)
	}
	if f.check != nil {
		if reason := f.check(s); reason != "" {
			return badRequest(CodeNotAllowed, "%s %s", p, reason)
		}
	}
	return nil
}

func validateInteger(p string, f field, v any) *apiError {
	n, ok := v.(json.Number)
	if !ok {
		return wrongType(p, "an integer", v)
	}
	i, err := strconv.ParseInt(string(n), 10, 64)
	if errors.Is(err, strconv.ErrRange) {
		return badRequest(CodeOutOfRange, "%s must be between %d and %d", p, f.min, f.max)
	}
	if err != nil {
		return badRequest(CodeWrongType, "%s must be an integer, got %s", p, n)
	}
	if i < f.min || i > f.max {
		return badRequest(CodeOutOfRange, "%s must be between %d and %d", p, f.min, f.max)
	}
	return nil
}

func validateNumber(p string, f field, v any) *apiError {
	n, ok := v.(json.Number)
	if !ok {
		return wrongType(p, "a number", v)
	}
	x, err := strconv.ParseFloat(string(n), 64)
	if err != nil || x < f.fmin || x > f.fmax {
		if math.IsInf(f.fmax, 1) {
			return badRequest(CodeOutOfRange, "%s must be at least %s", p, formatFloat(f.fmin))
		}
		return badRequest(CodeOutOfRange, "%s must be between %s and %s", p, formatFloat(f.fmin), formatFloat(f.fmax))
	}
	return nil
}

func wrongType(p, want string, got any) *apiError {
	return badRequest(CodeWrongType, "%s must be %s, got %s", p, want, jsonTypeName(got))
}

func elemTypeName(f field) string {
	switch f.kind {
	case kindString:
		return "a string"
	case kindInteger:
		return "an integer"
	case kindNumber:
		return "a number"
	case kindBool:
		return "a boolean"
	case kindArray:
		return "an array"
	default:
		return "an object"
	}
}

func jsonTypeName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	default:
		return "an object"
	}
}

func joinPath(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + "." + name
}

func formatFloat(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// decodeValidated fills dst, a wire type, from a body the validator accepted. Only the
// schema's keys are kept: encoding/json matches keys case-insensitively, so an unknown key
// such as "Name" must not reach it.
func decodeValidated(obj map[string]any, fields []field, dst any) {
	mustRoundTrip(knownKeys(obj, fields), dst)
}

func knownKeys(obj map[string]any, fields []field) map[string]any {
	out := make(map[string]any, len(fields))
	for _, f := range fields {
		if v, ok := obj[f.name]; ok {
			out[f.name] = knownValue(v, f)
		}
	}
	return out
}

func knownValue(v any, f field) any {
	switch f.kind {
	case kindObject:
		if m, ok := v.(map[string]any); ok {
			return knownKeys(m, f.fields)
		}
	case kindArray:
		if items, ok := v.([]any); ok {
			out := make([]any, len(items))
			for i, item := range items {
				out[i] = knownValue(item, *f.elem)
			}
			return out
		}
	}
	return v
}
