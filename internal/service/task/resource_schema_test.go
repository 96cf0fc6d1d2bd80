package task

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/defaults"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/float64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

// migrationTaskSchemaNode is one attribute of the resource schema at any depth.
type migrationTaskSchemaNode struct {
	// path addresses the attribute in a config, list elements at index 0.
	path path.Path
	// key is the dotted name without list indexes, e.g. "source_server.disks.size".
	key  string
	attr schema.Attribute
}

func migrationTaskTestSchema(t *testing.T) schema.Schema {
	t.Helper()
	var resp resource.SchemaResponse
	(&migrationTaskResource{}).Schema(context.Background(), resource.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("Schema returned diagnostics: %v", resp.Diagnostics)
	}
	return resp.Schema
}

// migrationTaskSchemaNodes walks the schema depth-first and returns every attribute, sorted by key.
func migrationTaskSchemaNodes(t *testing.T) []migrationTaskSchemaNode {
	t.Helper()
	var nodes []migrationTaskSchemaNode
	var walk func(attrs map[string]schema.Attribute, parent path.Path, parentKey string)
	walk = func(attrs map[string]schema.Attribute, parent path.Path, parentKey string) {
		for name, a := range attrs {
			p := parent.AtName(name)
			key := name
			if parentKey != "" {
				key = parentKey + "." + name
			}
			nodes = append(nodes, migrationTaskSchemaNode{path: p, key: key, attr: a})
			switch n := a.(type) {
			case schema.SingleNestedAttribute:
				walk(n.Attributes, p, key)
			case schema.ListNestedAttribute:
				walk(n.NestedObject.Attributes, p.AtListIndex(0), key)
			}
		}
	}
	walk(migrationTaskTestSchema(t).Attributes, path.Empty(), "")
	sort.Slice(nodes, func(i, j int) bool { return nodes[i].key < nodes[j].key })
	return nodes
}

func migrationTaskSchemaNodeByKey(t *testing.T, key string) migrationTaskSchemaNode {
	t.Helper()
	for _, n := range migrationTaskSchemaNodes(t) {
		if n.key == key {
			return n
		}
	}
	t.Fatalf("schema has no attribute %s", key)
	return migrationTaskSchemaNode{}
}

// migrationTaskPlanModifierDescriptions returns the descriptions of an attribute's plan modifiers.
func migrationTaskPlanModifierDescriptions(ctx context.Context, a schema.Attribute) []string {
	var out []string
	add := func(d interface{ Description(context.Context) string }) { out = append(out, d.Description(ctx)) }
	switch a := a.(type) {
	case schema.StringAttribute:
		for _, m := range a.PlanModifiers {
			add(m)
		}
	case schema.Int64Attribute:
		for _, m := range a.PlanModifiers {
			add(m)
		}
	case schema.BoolAttribute:
		for _, m := range a.PlanModifiers {
			add(m)
		}
	case schema.Float64Attribute:
		for _, m := range a.PlanModifiers {
			add(m)
		}
	case schema.ListAttribute:
		for _, m := range a.PlanModifiers {
			add(m)
		}
	case schema.ListNestedAttribute:
		for _, m := range a.PlanModifiers {
			add(m)
		}
	case schema.SingleNestedAttribute:
		for _, m := range a.PlanModifiers {
			add(m)
		}
	}
	return out
}

// migrationTaskPlanModifierKinds names a plan modifier by its description, for every
// attribute type the schema uses.
func migrationTaskPlanModifierKinds(ctx context.Context) map[string]string {
	kinds := map[string]string{}
	for kind, mods := range map[string][]interface{ Description(context.Context) string }{
		"RequiresReplace": {
			stringplanmodifier.RequiresReplace(), int64planmodifier.RequiresReplace(), boolplanmodifier.RequiresReplace(),
			float64planmodifier.RequiresReplace(), listplanmodifier.RequiresReplace(), objectplanmodifier.RequiresReplace(),
			// The create-only flags: a replacement, unless adopting values after an import.
			createOnlyBoolReplace(), createOnlyFloat64Replace(), createOnlyStringReplace(),
		},
		"UseStateForUnknown": {
			stringplanmodifier.UseStateForUnknown(), int64planmodifier.UseStateForUnknown(), boolplanmodifier.UseStateForUnknown(),
			float64planmodifier.UseStateForUnknown(), listplanmodifier.UseStateForUnknown(), objectplanmodifier.UseStateForUnknown(),
		},
		"UseNonNullStateForUnknown": {
			stringplanmodifier.UseNonNullStateForUnknown(), int64planmodifier.UseNonNullStateForUnknown(), boolplanmodifier.UseNonNullStateForUnknown(),
			float64planmodifier.UseNonNullStateForUnknown(), listplanmodifier.UseNonNullStateForUnknown(), objectplanmodifier.UseNonNullStateForUnknown(),
		},
	} {
		for _, m := range mods {
			kinds[m.Description(ctx)] = kind
		}
	}
	return kinds
}

// migrationTaskAttributeMode is "required", "optional", "computed" or "optional+computed".
func migrationTaskAttributeMode(a schema.Attribute) string {
	switch {
	case a.IsRequired():
		return "required"
	case a.IsOptional() && a.IsComputed():
		return "optional+computed"
	case a.IsOptional():
		return "optional"
	case a.IsComputed():
		return "computed"
	}
	return "none"
}

// migrationTaskJSONNames lists the JSON field names of a client wire struct.
func migrationTaskJSONNames(typ reflect.Type) []string {
	var names []string
	for _, f := range testWireFields(typ) {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

func migrationTaskPrefixed(prefix string, names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		out = append(out, prefix+"."+n)
	}
	return out
}

// migrationTaskCreateOnlyKeys are the CreateTask flags the seed's PUT lacks: the only
// attributes that may force a new task.
var migrationTaskCreateOnlyKeys = []string{
	"auto_start", "clonevm_template_id", "exist_server", "is_need_consistency_check", "need_migration_test",
	"over_speed_threshold", "start_network_check", "syncing", "use_ipv6", "use_public_ip",
}

// migrationTaskAttributeReplaceKeys are the create-only attributes whose own plan
// modifier forces a new task: all but the flags today's update body also carries, which
// the resource's plan replaces only under api_model "seed".
func migrationTaskAttributeReplaceKeys() []string {
	var keys []string
	for _, k := range migrationTaskCreateOnlyKeys {
		if !slices.Contains(migrationTaskCurrentUpdatableFlags(), k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// migrationTaskVolatileKeys are Optional+Computed children that SMS changes by itself, so
// no prior value may stand in for them.
var migrationTaskVolatileKeys = []string{
	"clone_server.clone_error", "clone_server.clone_state", "clone_server.error_msg",
	"source_server.migration_cycle", "source_server.state",
}

func TestMigrationTaskResourceSchema(t *testing.T) {
	t.Parallel()
	ctx := context.Background()

	t.Run("implementation is valid", func(t *testing.T) {
		t.Parallel()
		if diags := migrationTaskTestSchema(t).ValidateImplementation(ctx); len(diags) > 0 {
			t.Fatalf("ValidateImplementation: %v", diags)
		}
	})

	t.Run("every attribute has a markdown description", func(t *testing.T) {
		t.Parallel()
		if migrationTaskTestSchema(t).MarkdownDescription == "" {
			t.Error("the resource has no MarkdownDescription")
		}
		var missing []string
		for _, n := range migrationTaskSchemaNodes(t) {
			if strings.TrimSpace(n.attr.GetMarkdownDescription()) == "" {
				missing = append(missing, n.key)
			}
		}
		if len(missing) > 0 {
			t.Errorf("attributes without MarkdownDescription: %v", missing)
		}
	})

	t.Run("no blocks", func(t *testing.T) {
		t.Parallel()
		if blocks := migrationTaskTestSchema(t).Blocks; len(blocks) > 0 {
			t.Errorf("schema has blocks %v; nested attributes only", blocks)
		}
	})

	t.Run("required optional computed", func(t *testing.T) {
		t.Parallel()
		want := map[string]string{}
		set := func(mode string, keys ...string) {
			for _, k := range keys {
				want[k] = mode
			}
		}
		set("required", "name", "type", "source_server", "source_server.id")
		set("required", migrationTaskPrefixed("source_server.disks",
			[]string{"name", "device_use", "size", "used_size", "physical_volumes"})...)
		set("required", migrationTaskPrefixed("source_server.btrfs_list",
			migrationTaskJSONNames(reflect.TypeFor[client.BtrfsFileSystem]()))...)
		set("required", migrationTaskPrefixed("source_server.btrfs_list.subvolumn",
			migrationTaskJSONNames(reflect.TypeFor[client.BtrfsSubvolumn]()))...)
		// Today's btrfs_list objects (api_model "current", whose members are all optional);
		// SMS never reports them, so what is left out stays null.
		set("optional", "target_server.btrfs_file_systems")
		set("optional", migrationTaskPrefixed("target_server.btrfs_file_systems",
			migrationTaskJSONNames(reflect.TypeFor[client.BtrfsFileSystem]()))...)
		set("optional", migrationTaskPrefixed("target_server.btrfs_file_systems.subvolumn",
			migrationTaskJSONNames(reflect.TypeFor[client.BtrfsSubvolumn]()))...)
		// The source server keeps the seed's mandatory members (today's update body has no
		// source_server); the target's are required under "seed" only, which ModifyPlan
		// checks (migrationTaskLimits), so the schema leaves them to SMS.
		set("required", migrationTaskPrefixed("source_server.networks",
			[]string{"name", "ip", "netmask", "gateway", "mac"})...)
		set("required", migrationTaskPrefixed("source_server.volume_groups.logical_volumes",
			[]string{"file_system", "inode_size", "mount_point", "name", "size", "used_size", "free_size"})...)
		set("required", "target_server.networks.mac")
		set("computed", "id", "state", "connected", "create_date", "start_date", "finish_date",
			"estimate_complete_time", "remain_seconds", "total_time", "migrate_speed", "error_json",
			"float_ip", "target_snapshot_id", "sub_tasks")
		set("computed", migrationTaskPrefixed("sub_tasks", migrationTaskJSONNames(reflect.TypeFor[client.SubTask]()))...)
		set("optional", "image_disk_id", "target_disk_ids", "snapshot_ids", "cutovered_snapshot_ids")
		set("optional", "over_speed_threshold", "clonevm_template_id",
			"timeouts", "timeouts.create", "timeouts.update", "timeouts.delete")
		// The lifecycle attributes: configuration only, never read from the task body.
		set("optional", "action", "speed_limit_windows", "speed_limit_windows.speed", "speed_limit_windows.over_speed_threshold")
		set("required", "speed_limit_windows.start", "speed_limit_windows.end")
		set("optional", "configurations")

		got := map[string]string{}
		for _, n := range migrationTaskSchemaNodes(t) {
			got[n.key] = migrationTaskAttributeMode(n.attr)
			if _, ok := want[n.key]; !ok {
				want[n.key] = "optional+computed" // everything else: filled by SMS when left out
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("attribute modes (-want +got):\n%s", diff)
		}
	})

	t.Run("plan modifiers", func(t *testing.T) {
		t.Parallel()
		kinds := migrationTaskPlanModifierKinds(ctx)
		volatile := map[string]bool{}
		for _, k := range migrationTaskVolatileKeys {
			volatile[k] = true
		}
		want := map[string][]string{}
		for _, k := range []string{"id", "region_id", "region_name", "project_id", "project_name",
			"enterprise_project_id", "migration_ip", "speed_limit", "vm_template_id", "create_date", "os_type", "use_public_ip"} {
			want[k] = []string{"UseStateForUnknown"}
		}
		for _, k := range migrationTaskAttributeReplaceKeys() {
			want[k] = []string{"RequiresReplace"}
		}
		got := map[string][]string{}
		for _, n := range migrationTaskSchemaNodes(t) {
			for _, d := range migrationTaskPlanModifierDescriptions(ctx, n.attr) {
				kind, ok := kinds[d]
				if !ok {
					kind = "unexpected: " + d
				}
				got[n.key] = append(got[n.key], kind)
			}
			// Stable server-filled children of nested objects keep their known value; a
			// default already makes a value known, and volatile ones must not be pinned.
			if strings.Contains(n.key, ".") && !strings.HasPrefix(n.key, "timeouts.") &&
				migrationTaskAttributeMode(n.attr) == "optional+computed" &&
				!schemaHasDefault(n.attr) && !volatile[n.key] {
				want[n.key] = []string{"UseNonNullStateForUnknown"}
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("plan modifiers by attribute (-want +got):\n%s", diff)
		}
		for _, k := range migrationTaskVolatileKeys {
			if got[k] != nil {
				t.Errorf("%s changes by itself but has plan modifiers %v", k, got[k])
			}
		}
	})

	t.Run("requires replace only on create-only attributes", func(t *testing.T) {
		t.Parallel()
		kinds := migrationTaskPlanModifierKinds(ctx)
		var got []string
		for _, n := range migrationTaskSchemaNodes(t) {
			for _, d := range migrationTaskPlanModifierDescriptions(ctx, n.attr) {
				if kinds[d] == "RequiresReplace" {
					got = append(got, n.key)
				}
			}
		}
		if diff := cmp.Diff(migrationTaskAttributeReplaceKeys(), got); diff != "" {
			t.Errorf("attributes with RequiresReplace (-want +got):\n%s", diff)
		}
	})

	t.Run("defaults", func(t *testing.T) {
		t.Parallel()
		want := map[string]string{
			"priority":                       "1",
			"start_target_server":            "true",
			"target_server.disks.device_use": "NORMAL",
			"target_server.disks.physical_volumes.device_use": "NORMAL",
		}
		for _, k := range migrationTaskCreateOnlyKeys {
			if k != "over_speed_threshold" && k != "clonevm_template_id" && k != "use_public_ip" {
				want[k] = "false"
			}
		}
		want["wait_for_completion"] = "false"
		for _, server := range []string{"source_server", "target_server"} {
			want[server+".volume_groups.logical_volumes.block_count"] = "0"
			want[server+".volume_groups.logical_volumes.block_size"] = "0"
		}
		got := map[string]string{}
		for _, n := range migrationTaskSchemaNodes(t) {
			if v, ok := migrationTaskDefaultValue(ctx, t, n.attr); ok {
				got[n.key] = v
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("defaults (-want +got):\n%s", diff)
		}
	})

	t.Run("attributes mirror the client wire types", func(t *testing.T) {
		t.Parallel()
		s := migrationTaskTestSchema(t)
		// Top level: the task body, the CreateTask-only flags, and timeouts.
		var createOnly []string
		extra := map[string]reflect.Type{}
		taskNames := map[string]bool{}
		for _, n := range migrationTaskJSONNames(reflect.TypeFor[client.Task]()) {
			taskNames[n] = true
		}
		createType := reflect.TypeFor[client.CreateTaskRequest]()
		for i := 0; i < createType.NumField(); i++ {
			f := createType.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" {
				continue // not sent (RefuseExisting)
			}
			if !taskNames[name] {
				createOnly = append(createOnly, name)
				extra[name] = f.Type
			}
		}
		sort.Strings(createOnly)
		// The create-only flags of the wire type are exactly the RequiresReplace set
		// (need_migration_test is also in Task, as ShowTask returns it).
		wantCreateOnly := []string{}
		for _, k := range migrationTaskCreateOnlyKeys {
			if k != "need_migration_test" {
				wantCreateOnly = append(wantCreateOnly, k)
			}
		}
		if diff := cmp.Diff(wantCreateOnly, createOnly); diff != "" {
			t.Errorf("CreateTaskRequest-only fields (-want +got):\n%s", diff)
		}
		extra["timeouts"] = nil
		// The lifecycle attributes have endpoints of their own, not fields of the task body.
		extra["action"] = reflect.TypeFor[client.TaskAction]().Field(0).Type
		extra["wait_for_completion"] = reflect.TypeFor[bool]()
		extra["speed_limit_windows"] = reflect.TypeFor[[]client.SpeedLimitWindow]()
		// Keys of today's update body only, sent as plain strings (migrationTaskUpdateBodyFor).
		for _, f := range migrationTaskCurrentModelFields() {
			extra[f.Key] = reflect.TypeFor[*string]()
		}
		extra["configurations"] = nil // a set keyed by config_key ([]client.TaskConfiguration on the wire)
		migrationTaskCheckAttributesMirror(t, "", s.Attributes, reflect.TypeFor[client.Task](), extra)
	})

	t.Run("the 13 nested object types", func(t *testing.T) {
		t.Parallel()
		tests := []struct {
			key    string
			list   bool
			goType reflect.Type
		}{
			{"source_server", false, reflect.TypeFor[client.SourceServer]()},
			{"source_server.disks", true, reflect.TypeFor[client.ServerDisk]()},
			{"source_server.disks.physical_volumes", true, reflect.TypeFor[client.PhysicalVolume]()},
			{"source_server.btrfs_list", true, reflect.TypeFor[client.BtrfsFileSystem]()},
			{"source_server.btrfs_list.subvolumn", true, reflect.TypeFor[client.BtrfsSubvolumn]()},
			{"source_server.networks", true, reflect.TypeFor[client.Network]()},
			{"target_server.networks", true, reflect.TypeFor[client.TargetNetwork]()},
			{"source_server.volume_groups", true, reflect.TypeFor[client.VolumeGroup]()},
			{"target_server.volume_groups", true, reflect.TypeFor[client.TargetVolumeGroup]()},
			{"source_server.volume_groups.logical_volumes", true, reflect.TypeFor[client.LogicalVolume]()},
			{"target_server.volume_groups.logical_volumes", true, reflect.TypeFor[client.TargetLogicalVolume]()},
			{"target_server", false, reflect.TypeFor[client.TargetServer]()},
			{"target_server.disks", true, reflect.TypeFor[client.TargetDisk]()},
			{"target_server.disks.physical_volumes", true, reflect.TypeFor[client.TargetPhysicalVolume]()},
			{"clone_server", false, reflect.TypeFor[client.CloneServer]()},
			{"sub_tasks", true, reflect.TypeFor[client.SubTask]()},
		}
		for _, tt := range tests {
			t.Run(tt.key, func(t *testing.T) {
				t.Parallel()
				n := migrationTaskSchemaNodeByKey(t, tt.key)
				var attrs map[string]schema.Attribute
				switch a := n.attr.(type) {
				case schema.SingleNestedAttribute:
					if tt.list {
						t.Fatalf("%s is a single nested attribute, want a list of objects", tt.key)
					}
					attrs = a.Attributes
				case schema.ListNestedAttribute:
					if !tt.list {
						t.Fatalf("%s is a list of objects, want a single nested attribute", tt.key)
					}
					attrs = a.NestedObject.Attributes
				default:
					t.Fatalf("%s is %T, want a nested attribute", tt.key, n.attr)
				}
				got := make([]string, 0, len(attrs))
				for name := range attrs {
					got = append(got, name)
				}
				sort.Strings(got)
				if diff := cmp.Diff(migrationTaskJSONNames(tt.goType), got); diff != "" {
					t.Errorf("%s attributes vs client.%s fields (-want +got):\n%s", tt.key, tt.goType.Name(), diff)
				}
			})
		}
	})
}

// migrationTaskDefaultValue renders an attribute's static default, if it has one.
func migrationTaskDefaultValue(ctx context.Context, t *testing.T, a schema.Attribute) (string, bool) {
	t.Helper()
	switch a := a.(type) {
	case schema.StringAttribute:
		if a.Default != nil {
			var resp defaults.StringResponse
			a.Default.DefaultString(ctx, defaults.StringRequest{}, &resp)
			return resp.PlanValue.ValueString(), true
		}
	case schema.Int64Attribute:
		if a.Default != nil {
			var resp defaults.Int64Response
			a.Default.DefaultInt64(ctx, defaults.Int64Request{}, &resp)
			return strconv.FormatInt(resp.PlanValue.ValueInt64(), 10), true
		}
	case schema.BoolAttribute:
		if a.Default != nil {
			var resp defaults.BoolResponse
			a.Default.DefaultBool(ctx, defaults.BoolRequest{}, &resp)
			return strconv.FormatBool(resp.PlanValue.ValueBool()), true
		}
	default:
		if schemaHasDefault(a) {
			t.Errorf("unexpected default on %T", a)
		}
	}
	return "", false
}

// migrationTaskCheckAttributesMirror asserts that attrs holds exactly the JSON fields of
// goType (plus extra, name → Go type or nil to skip the type check), each with the
// attribute type the contract maps its Go type to, recursing into nested objects.
func migrationTaskCheckAttributesMirror(t *testing.T, key string, attrs map[string]schema.Attribute, goType reflect.Type, extra map[string]reflect.Type) {
	t.Helper()
	fields := map[string]reflect.Type{}
	for _, f := range testWireFields(goType) {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		fields[name] = f.Type
	}
	for name, typ := range extra {
		fields[name] = typ
	}
	for name := range attrs {
		if _, ok := fields[name]; !ok {
			t.Errorf("attribute %s has no field in client.%s", migrationTaskJoinKey(key, name), goType.Name())
		}
	}
	for name, typ := range fields {
		childKey := migrationTaskJoinKey(key, name)
		a, ok := attrs[name]
		if !ok {
			t.Errorf("client.%s field %q has no attribute %s", goType.Name(), name, childKey)
			continue
		}
		if typ == nil {
			continue
		}
		migrationTaskCheckAttributeType(t, childKey, a, typ)
	}
}

func migrationTaskCheckAttributeType(t *testing.T, key string, a schema.Attribute, typ reflect.Type) {
	t.Helper()
	want, elem := migrationTaskWantAttributeKind(typ)
	if got := fmt.Sprintf("%T", a); got != want {
		t.Errorf("%s is %s, want %s (Go type %s)", key, got, want, typ)
		return
	}
	switch a := a.(type) {
	case schema.SingleNestedAttribute:
		migrationTaskCheckAttributesMirror(t, key, a.Attributes, elem, nil)
	case schema.ListNestedAttribute:
		migrationTaskCheckAttributesMirror(t, key, a.NestedObject.Attributes, elem, nil)
	case schema.ListAttribute:
		if !a.ElementType.Equal(types.StringType) {
			t.Errorf("%s is a list of %s, want a list of strings", key, a.ElementType)
		}
	}
}

// migrationTaskWantAttributeKind is the contract's Go-type → attribute-type mapping; for
// nested attributes it also returns the struct to recurse into.
func migrationTaskWantAttributeKind(typ reflect.Type) (string, reflect.Type) {
	base := typ
	if base.Kind() == reflect.Pointer {
		base = base.Elem()
	}
	switch {
	case base.Kind() == reflect.String:
		return "schema.StringAttribute", nil
	case base.Kind() == reflect.Int64:
		return "schema.Int64Attribute", nil
	case base.Kind() == reflect.Bool:
		return "schema.BoolAttribute", nil
	case base.Kind() == reflect.Float64:
		return "schema.Float64Attribute", nil
	case base.Kind() == reflect.Struct:
		return "schema.SingleNestedAttribute", base
	case base.Kind() == reflect.Slice && base.Elem().Kind() == reflect.Struct:
		return "schema.ListNestedAttribute", base.Elem()
	case base.Kind() == reflect.Slice && base.Elem().Kind() == reflect.String:
		return "schema.ListAttribute", nil
	}
	return "unsupported Go type " + typ.String(), nil
}

func migrationTaskJoinKey(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + "." + name
}
