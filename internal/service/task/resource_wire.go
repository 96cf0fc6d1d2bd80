package task

import (
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/values"
)

// The task body's nested objects (source_server, target_server, clone_server, sub_tasks
// and everything under them) have no model struct, no attribute-type map and no expand
// or flatten function of their own: their attribute types come from the resource
// schema, and their values go to the client's wire structs and come back from them by
// their attribute names, which are the API's JSON keys. The exceptions are declared
// here, once.

// migrationTaskNotPutAsNamed are the attributes of the PUT-able nested objects that the
// seed's PUT body has no key for, with where they go instead; every other attribute of
// source_server, target_server and clone_server is sent under its own name.
var migrationTaskNotPutAsNamed = map[string]string{
	"target_server.btrfs_file_systems": "sent as target_server.btrfs_list by today's update body (migrationTaskUpdateBodyFor)",
}

// migrationTaskTypeAt is the type of the attribute at a dotted path of the resource
// schema ("source_server.disks"; "" is the whole resource). A step through a list or set
// goes to its elements. An unknown path is a bug in the caller, and panics.
func migrationTaskTypeAt(path string) attr.Type {
	var t attr.Type = migrationTaskObjectType()
	if path == "" {
		return t
	}
	for step := range strings.SplitSeq(path, ".") {
		obj, ok := migrationTaskElemType(t).(basetypes.ObjectType)
		if !ok {
			panic(fmt.Sprintf("migrationTaskTypeAt(%q): %s is no object", path, step))
		}
		if t, ok = obj.AttrTypes[step]; !ok {
			panic(fmt.Sprintf("migrationTaskTypeAt(%q): no attribute %s", path, step))
		}
	}
	return t
}

// migrationTaskAttrTypesAt are the attribute types of the object at path, or of the
// elements of the list or set at path. The map is the schema's own: do not change it.
func migrationTaskAttrTypesAt(path string) map[string]attr.Type {
	obj, ok := migrationTaskElemType(migrationTaskTypeAt(path)).(basetypes.ObjectType)
	if !ok {
		panic(fmt.Sprintf("migrationTaskAttrTypesAt(%q): no object", path))
	}
	return obj.AttrTypes
}

// migrationTaskElemObjectType is the element type of the list or set at path.
func migrationTaskElemObjectType(path string) basetypes.ObjectType {
	return basetypes.ObjectType{AttrTypes: migrationTaskAttrTypesAt(path)}
}

func migrationTaskElemType(t attr.Type) attr.Type {
	if withElem, ok := t.(attr.TypeWithElementType); ok {
		return withElem.ElementType()
	}
	return t
}

// expandWire decodes v into the wire value W through the JSON its attribute names
// spell (values.AppendJSON): null and unknown children are left out, so an optional
// wire field stays nil and a mandatory one goes as its zero value. ok is false when v
// itself is null or unknown: nothing to send.
func expandWire[W any](v attr.Value) (W, bool, diag.Diagnostics) {
	var w W
	var diags diag.Diagnostics
	if v == nil || v.IsNull() || v.IsUnknown() {
		return w, false, diags
	}
	if err := values.ToWire(v, &w); err != nil {
		diags.AddError("Internal error building the migration task request",
			fmt.Sprintf("%T: %s; please report this bug.", w, err))
		return w, false, diags
	}
	return w, true, diags
}

type migrationTaskReaderKey struct {
	path string
	wire reflect.Type
}

var migrationTaskReaders sync.Map // migrationTaskReaderKey → *values.WireReader

// migrationTaskWireReader reads wire values of type w as the attribute at path.
func migrationTaskWireReader(path string, w reflect.Type) (*values.WireReader, error) {
	key := migrationTaskReaderKey{path, w}
	if r, ok := migrationTaskReaders.Load(key); ok {
		return r.(*values.WireReader), nil //nolint:forcetypeassert // only this function stores
	}
	r, err := values.NewWireReader(migrationTaskWireTypeAt(path), w)
	if err != nil {
		return nil, err
	}
	migrationTaskReaders.Store(key, r)
	return r, nil
}

// migrationTaskWireTypeAt is the type flattenWire reads at path: the schema's, except
// for the whole task (""), which is the object of the read fields alone.
func migrationTaskWireTypeAt(path string) attr.Type {
	if path != "" {
		return migrationTaskTypeAt(path)
	}
	return migrationTaskReadType()
}

// migrationTaskReadType is the object of the top-level attributes ShowTask returns.
var migrationTaskReadType = sync.OnceValue(func() basetypes.ObjectType {
	all := migrationTaskObjectType().AttrTypes
	attrTypes := map[string]attr.Type{}
	for _, f := range migrationTaskReadFields() {
		attrTypes[f.Key] = all[f.Key]
	}
	return basetypes.ObjectType{AttrTypes: attrTypes}
})

// flattenWire is the value of the attribute at path that the wire value (as the client
// decoded it from an answer) holds: a nil pointer or slice is null, [] stays [].
func flattenWire(path string, wire any) (attr.Value, diag.Diagnostics) {
	var diags diag.Diagnostics
	r, err := migrationTaskWireReader(path, reflect.TypeOf(wire))
	var v attr.Value
	if err == nil {
		v, err = r.Read(wire)
	}
	if err != nil {
		diags.AddError("Unexpected migration task response",
			fmt.Sprintf("%s: %s; please report this bug.", path, err))
		return values.NullOfType(migrationTaskWireTypeAt(path)), diags
	}
	return v, diags
}
