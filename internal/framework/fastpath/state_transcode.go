package fastpath

import (
	"encoding/binary"
	"encoding/json"
	"math"
	"math/big"
	"sort"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// stateShape is a schema's Terraform type laid out for transcoding a stored state: each
// object's attributes by name, each collection's element. Built once per schema.
type stateShape struct {
	kind  shapeKind
	names []string               // an object's attribute names, sorted
	attrs map[string]*stateShape // an object's attributes
	elem  *stateShape            // a list's, set's or map's element
}

type shapeKind int

const (
	shapeString shapeKind = iota
	shapeNumber
	shapeBool
	shapeObject
	shapeList // lists and sets: both are msgpack arrays
	shapeMap
)

// newStateShape lays t out, or returns nil when t holds a type the transcoder does not
// handle (a dynamic value, a tuple, optional object attributes): the fast path then does
// not serve the resource (NewProtocolServer).
func newStateShape(t tftypes.Type) *stateShape {
	switch t := t.(type) {
	case tftypes.Object:
		if len(t.OptionalAttributes) > 0 {
			return nil
		}
		s := &stateShape{kind: shapeObject, attrs: make(map[string]*stateShape, len(t.AttributeTypes))}
		for name, at := range t.AttributeTypes {
			a := newStateShape(at)
			if a == nil {
				return nil
			}
			s.attrs[name] = a
			s.names = append(s.names, name)
		}
		sort.Strings(s.names)
		return s
	case tftypes.List:
		return collectionShape(shapeList, t.ElementType)
	case tftypes.Set:
		return collectionShape(shapeList, t.ElementType)
	case tftypes.Map:
		return collectionShape(shapeMap, t.ElementType)
	}
	switch {
	case t.Is(tftypes.String):
		return &stateShape{kind: shapeString}
	case t.Is(tftypes.Number):
		return &stateShape{kind: shapeNumber}
	case t.Is(tftypes.Bool):
		return &stateShape{kind: shapeBool}
	}
	return nil
}

func collectionShape(kind shapeKind, elemType tftypes.Type) *stateShape {
	elem := newStateShape(elemType)
	if elem == nil {
		return nil
	}
	return &stateShape{kind: kind, elem: elem}
}

// transcodeState is the stored state JSON data as the msgpack that tftypes would write
// for it after reading it with the shape's type, attributes the type lacks ignored and
// attributes the JSON lacks null: the framework's passthrough upgrade without building
// a single tftypes value. ok is false for anything it does not read exactly as tftypes
// does (malformed JSON, a value of another type, a repeated attribute, invalid UTF-8);
// the caller then takes the framework's path, which says what is wrong.
func (s *stateShape) transcodeState(data []byte) (out []byte, ok bool) {
	t := transcoder{in: data, out: make([]byte, 0, len(data))}
	if !t.value(s) {
		return nil, false
	}
	t.space()
	return t.out, t.pos == len(t.in)
}

type transcoder struct {
	in  []byte
	pos int
	out []byte
}

func (t *transcoder) space() {
	for t.pos < len(t.in) {
		switch t.in[t.pos] {
		case ' ', '\t', '\n', '\r':
			t.pos++
		default:
			return
		}
	}
}

// literal consumes word (null, true, false) if it comes next.
func (t *transcoder) literal(word string) bool {
	if len(t.in)-t.pos < len(word) || string(t.in[t.pos:t.pos+len(word)]) != word {
		return false
	}
	t.pos += len(word)
	return true
}

// value transcodes the next JSON value as a value of shape s (nil: skip it).
func (t *transcoder) value(s *stateShape) bool {
	t.space()
	if t.pos >= len(t.in) {
		return false
	}
	if t.in[t.pos] == 'n' {
		if !t.literal("null") {
			return false
		}
		if s != nil {
			t.out = append(t.out, 0xc0)
		}
		return true
	}
	if s == nil {
		return t.skip()
	}
	switch s.kind {
	case shapeString:
		str, ok := t.string()
		if ok {
			t.writeString(str)
		}
		return ok
	case shapeNumber:
		return t.number()
	case shapeBool:
		switch {
		case t.literal("true"):
			t.out = append(t.out, 0xc3)
		case t.literal("false"):
			t.out = append(t.out, 0xc2)
		default:
			return false
		}
		return true
	case shapeObject:
		return t.object(s)
	case shapeList:
		return t.array(s.elem)
	case shapeMap:
		return t.mapValue(s.elem)
	}
	return false
}

// object writes every attribute of s, those the JSON lacks as null, in the JSON's order.
func (t *transcoder) object(s *stateShape) bool {
	t.writeMapHeader(len(s.names))
	seen := make(map[string]bool, len(s.names))
	ok := t.members('{', '}', func() bool {
		name, ok := t.key()
		if !ok || seen[name] {
			return false
		}
		attr, known := s.attrs[name]
		if known {
			seen[name] = true
			t.writeString(name)
		}
		return t.value(attr)
	})
	for _, name := range s.names {
		if !seen[name] {
			t.writeString(name)
			t.out = append(t.out, 0xc0)
		}
	}
	return ok
}

// array writes a JSON array as a msgpack array of elem, its length patched in after.
func (t *transcoder) array(elem *stateShape) bool {
	at := len(t.out)
	t.out = append(t.out, 0xdd, 0, 0, 0, 0)
	n := 0
	ok := t.members('[', ']', func() bool {
		n++
		return t.value(elem)
	})
	binary.BigEndian.PutUint32(t.out[at+1:], uint32(n)) //nolint:gosec // a state holds far fewer than 2^32 elements
	return ok
}

// mapValue writes a JSON object as a msgpack map of elem, its size patched in after.
func (t *transcoder) mapValue(elem *stateShape) bool {
	at := len(t.out)
	t.out = append(t.out, 0xdf, 0, 0, 0, 0)
	seen := map[string]bool{}
	ok := t.members('{', '}', func() bool {
		key, ok := t.key()
		if !ok || seen[key] {
			return false
		}
		seen[key] = true
		t.writeString(key)
		return t.value(elem)
	})
	binary.BigEndian.PutUint32(t.out[at+1:], uint32(len(seen))) //nolint:gosec // as for arrays
	return ok
}

// skip passes over a value of an attribute the schema no longer has, checking only its
// shape.
func (t *transcoder) skip() bool {
	switch t.in[t.pos] {
	case '"':
		_, ok := t.string()
		return ok
	case 't':
		return t.literal("true")
	case 'f':
		return t.literal("false")
	case '[':
		return t.members('[', ']', func() bool { return t.value(nil) })
	case '{':
		return t.members('{', '}', func() bool {
			_, ok := t.key()
			return ok && t.value(nil)
		})
	default:
		_, ok := t.numberText()
		return ok
	}
}

// members reads the members of the JSON object or array that opens with open (next in
// the input) up to its close, each through member, which is called past the separator.
func (t *transcoder) members(open, closing byte, member func() bool) bool {
	if t.in[t.pos] != open {
		return false
	}
	t.pos++
	for n := 0; ; n++ {
		t.space()
		if t.pos >= len(t.in) {
			return false
		}
		if t.in[t.pos] == closing {
			t.pos++
			return true
		}
		if n > 0 {
			if t.in[t.pos] != ',' {
				return false
			}
			t.pos++
			t.space()
		}
		if !member() {
			return false
		}
	}
}

// key reads an object member's name and the colon after it.
func (t *transcoder) key() (string, bool) {
	name, ok := t.string()
	if !ok {
		return "", false
	}
	t.space()
	if t.pos >= len(t.in) || t.in[t.pos] != ':' {
		return "", false
	}
	t.pos++
	return name, true
}

// string reads a JSON string; one with escapes is decoded by encoding/json.
func (t *transcoder) string() (string, bool) {
	if t.pos >= len(t.in) || t.in[t.pos] != '"' {
		return "", false
	}
	start, escaped := t.pos, false
	for t.pos++; t.pos < len(t.in); t.pos++ {
		switch c := t.in[t.pos]; {
		case c == '\\':
			escaped = true
			t.pos++
		case c < 0x20:
			return "", false
		case c == '"':
			t.pos++
			raw := t.in[start:t.pos]
			if !escaped {
				body := raw[1 : len(raw)-1]
				return string(body), utf8.Valid(body)
			}
			var s string
			if json.Unmarshal(raw, &s) != nil || !utf8.ValidString(s) {
				return "", false
			}
			return s, true
		}
	}
	return "", false
}

// numberText reads a JSON number's text.
func (t *transcoder) numberText() (string, bool) {
	start := t.pos
	for t.pos < len(t.in) {
		c := t.in[t.pos]
		if (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' {
			t.pos++
			continue
		}
		break
	}
	text := string(t.in[start:t.pos])
	return text, text != "" && json.Valid([]byte(text))
}

// number writes a JSON number as tftypes does: read at 512 bits, then an int64 if it is
// one, a float64 if it is exactly one and not an integer, its decimal text otherwise.
func (t *transcoder) number() bool {
	text, ok := t.numberText()
	if !ok {
		return false
	}
	n, _, err := big.ParseFloat(text, 10, 512, big.ToNearestEven)
	if err != nil {
		return false
	}
	if i, acc := n.Int64(); acc == big.Exact {
		t.writeInt(i)
	} else if f, acc := n.Float64(); acc == big.Exact && !n.IsInt() {
		t.out = append(t.out, 0xcb)
		t.out = binary.BigEndian.AppendUint64(t.out, math.Float64bits(f))
	} else {
		t.writeString(n.Text('f', -1))
	}
	return true
}

func (t *transcoder) writeInt(i int64) {
	switch {
	case i >= 0 && i < 128:
		t.out = append(t.out, byte(i))
	case i < 0 && i >= -32:
		t.out = append(t.out, byte(i)) //nolint:gosec // negative fixint is the value's low byte
	default:
		t.out = append(t.out, 0xd3)
		t.out = binary.BigEndian.AppendUint64(t.out, uint64(i)) //nolint:gosec // two's complement, as msgpack's int64
	}
}

func (t *transcoder) writeString(s string) {
	switch n := len(s); {
	case n < 32:
		t.out = append(t.out, 0xa0|byte(n))
	case n < 1<<8:
		t.out = append(t.out, 0xd9, byte(n))
	case n < 1<<16:
		t.out = append(t.out, 0xda)
		t.out = binary.BigEndian.AppendUint16(t.out, uint16(n))
	default:
		t.out = append(t.out, 0xdb)
		t.out = binary.BigEndian.AppendUint32(t.out, uint32(n)) //nolint:gosec // a state string is far below 4 GiB
	}
	t.out = append(t.out, s...)
}

// writeMapHeader writes a map's header for n entries: fixmap, map16 or map32.
func (t *transcoder) writeMapHeader(n int) {
	switch {
	case n < 16:
		t.out = append(t.out, 0x80|byte(n))
	case n < 1<<16:
		t.out = append(t.out, 0xde)
		t.out = binary.BigEndian.AppendUint16(t.out, uint16(n))
	default:
		t.out = append(t.out, 0xdf)
		t.out = binary.BigEndian.AppendUint32(t.out, uint32(n)) //nolint:gosec // an object has far fewer attributes
	}
}
