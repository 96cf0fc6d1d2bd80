package sdkcheck

import (
	"encoding/json"
	"reflect"
	"sort"
	"strings"
)

var unmarshalerType = reflect.TypeOf((*json.Unmarshaler)(nil)).Elem()

// unknownKeys lists the paths of the keys in raw (decoded JSON) that the Go type t has
// no json tag for, at any depth. A type that decodes itself (the SDK's enums, times) and
// an interface take any value.
func unknownKeys(path string, raw any, t reflect.Type) []string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) || t.Kind() == reflect.Interface {
		return nil
	}
	var out []string
	switch t.Kind() {
	case reflect.Struct:
		obj, isObject := raw.(map[string]any)
		if !isObject {
			return nil
		}
		fields := jsonFields(t)
		for key, v := range obj {
			ft, known := fields[key]
			if !known {
				out = append(out, joinPath(path, key))
				continue
			}
			out = append(out, unknownKeys(joinPath(path, key), v, ft)...)
		}
	case reflect.Slice, reflect.Array:
		if items, isArray := raw.([]any); isArray {
			for _, item := range items {
				out = append(out, unknownKeys(path+"[]", item, t.Elem())...)
			}
		}
	case reflect.Map:
		if obj, isObject := raw.(map[string]any); isObject {
			for k, v := range obj {
				out = append(out, unknownKeys(joinPath(path, k), v, t.Elem())...)
			}
		}
	}
	sort.Strings(out)
	return dedupe(out)
}

// jsonFields maps the JSON names of t's fields to their types, with embedded structs
// flattened as encoding/json does.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			for k, v := range jsonFields(ft) {
				out[k] = v
			}
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = f.Type
	}
	return out
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func dedupe(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
