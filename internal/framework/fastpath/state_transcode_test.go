package fastpath

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

var transcodeTestType = tftypes.Object{AttributeTypes: map[string]tftypes.Type{
	"s": tftypes.String, "n": tftypes.Number, "b": tftypes.Bool,
	"tags":  tftypes.Map{ElementType: tftypes.String},
	"names": tftypes.Set{ElementType: tftypes.String},
	"disks": tftypes.List{ElementType: tftypes.Object{AttributeTypes: map[string]tftypes.Type{
		"size":    tftypes.Number,
		"volumes": tftypes.List{ElementType: tftypes.Object{AttributeTypes: map[string]tftypes.Type{"id": tftypes.String}}},
	}}},
	"single": tftypes.Object{AttributeTypes: map[string]tftypes.Type{"y": tftypes.Number, "z": tftypes.String}},
}}

// TestTranscodeStateMatchesTftypes transcodes stored states and checks each against what
// tftypes reads from the same JSON (ignoring attributes the type lacks), and that every
// one of them was transcoded rather than left to the framework: every number and string
// encoding msgpack has, escapes, attributes missing or extra at every depth, any order,
// any spacing.
func TestTranscodeStateMatchesTftypes(t *testing.T) {
	shape := newStateShape(transcodeTestType)
	if shape == nil {
		t.Fatal("no shape for the test type")
	}
	var docs []string
	for _, n := range []string{"0", "-0", "7", "-5", "-32", "-33", "127", "128", "255", "256", "65536", "-129", "-40000",
		"9223372036854775807", "-9223372036854775808", "9223372036854775808", "18446744073709551616", "1e3", "1E+2",
		"1.5", "-2.25", "0.1", "12.3", "2.5e-3", "123456789012345678901234567890.5", "1e400", "-1e400", "5e-400"} {
		docs = append(docs, fmt.Sprintf(`{"n": %s, "single": {"y": %s, "z": null}}`, n, n))
	}
	for _, s := range []string{``, `a`, strings.Repeat("x", 31), strings.Repeat("x", 32), strings.Repeat("x", 255),
		strings.Repeat("x", 256), strings.Repeat("x", 65535), strings.Repeat("x", 65536), `é😀`,
		`\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00`, `tab\there`} {
		docs = append(docs, fmt.Sprintf(`{"s": "%s", "tags": {"%s": "%s"}, "names": ["%s"]}`, s, s, s, s))
	}
	docs = append(docs,
		`{}`,
		`null`,
		` { "b" : true , "s":"x" } `,
		"{\n  \"b\": false,\n  \"disks\": [\n    {\"size\": 1, \"volumes\": [{\"id\": \"v1\"}, {\"id\": null}]},\n    {\"volumes\": [], \"size\": null}\n  ]\n}\n",
		`{"disks": [], "names": [], "tags": {}, "single": {}}`,
		`{"disks": null, "names": null, "tags": null, "single": null, "s": null, "n": null, "b": null}`,
		`{"retired": {"deep": [1, "two", {"three": [true, false, null]}], "e": 1.5e3}, "s": "kept", "single": {"gone": "x", "y": 2}}`,
		`{"disks": [{"size": 3, "old": [1,2], "volumes": [{"id": "v", "older": {"x": null}}]}]}`,
		`{"z": 1, "y": 2, "single": {"z": "b", "y": 1}, "s": "order"}`,
		`{"tags": {"b": "2", "a": "1", "c": null}}`,
	)
	for _, doc := range docs {
		want, err := tftypes.ValueFromJSONWithOpts([]byte(doc), transcodeTestType, tftypes.ValueFromJSONOpts{IgnoreUndefinedAttributes: true})
		if err != nil {
			t.Fatalf("tftypes refuses %.80s: %v", doc, err)
		}
		out, ok := shape.transcodeState([]byte(doc))
		if !ok {
			t.Errorf("not transcoded: %.120s", doc)
			continue
		}
		got, err := (&tfprotov6.DynamicValue{MsgPack: out}).Unmarshal(transcodeTestType)
		if err != nil {
			t.Errorf("%.80s: the msgpack does not read: %v", doc, err)
			continue
		}
		if !got.Equal(want) {
			t.Errorf("%.120s:\n got %s\nwant %s", doc, got, want)
		}
	}
}

// TestTranscodeStateLeavesTheRestToTheFramework: what the transcoder does not read exactly
// as tftypes does goes the framework's way (ok false), whether tftypes then takes it or
// says what is wrong with it.
func TestTranscodeStateLeavesTheRestToTheFramework(t *testing.T) {
	shape := newStateShape(transcodeTestType)
	for _, doc := range []string{
		`{"s": "a", "s": "b"}`,           // a repeated attribute
		`{"tags": {"k": "a", "k": "b"}}`, // a repeated map key
		`{"s": 5}`,                       // a number where a string stands (tftypes takes it)
		`{"n": "5"}`,                     // a string where a number stands (tftypes takes it)
		`{"b": "true"}`,                  // a string where a bool stands
		`{"s": "a"} x`,                   // trailing text
		`{"s": "a"`,                      // cut short
		`{"s": "a",}`,                    // a trailing comma
		`{"s": "` + "\xff" + `"}`,        // invalid UTF-8
		`{"s": "a` + "\n" + `b"}`,        // a raw control character
		`{"n": 01}`,                      // not a JSON number
		`{"n": 1.}`,                      // nor this
		`{"disks": {"size": 1}}`,         // an object where a list stands
		`{"single": [1]}`,                // a list where an object stands
		`{"retired": [1, 2,], "s": "a"}`, // a malformed value of a dropped attribute
		`{"retired": tru, "s": "a"}`,     // and another
		`[]`,                             // not an object at all
		``,                               // nothing
	} {
		if out, ok := shape.transcodeState([]byte(doc)); ok {
			t.Errorf("%q transcoded to %x; want it left to the framework", doc, out)
		}
	}
	if newStateShape(tftypes.Object{AttributeTypes: map[string]tftypes.Type{"d": tftypes.DynamicPseudoType}}) != nil {
		t.Error("a dynamic attribute has a shape")
	}
	if newStateShape(tftypes.Object{AttributeTypes: map[string]tftypes.Type{"t": tftypes.Tuple{ElementTypes: []tftypes.Type{tftypes.String}}}}) != nil {
		t.Error("a tuple has a shape")
	}
}
