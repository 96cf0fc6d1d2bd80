package task

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// migrationTaskResourceModel is the Terraform state and plan of sms_migration_task.
// Nested objects and lists are types.Object / types.List holding the schema's own
// values (a plan can hold them unknown); they go to and from the client's wire structs
// by their attribute names (resource_wire.go), with no Go struct of their own.
//
// Each field's sms tag is its role, the one place the field tables below come from:
//   - put: updatable in place, a top-level key of PUT /v3/tasks/{task_id} (seed order);
//     ShowTask returns it too;
//   - read: returned by ShowTask (read-only status, id, and need_migration_test);
//   - createonly: sent only by CreateTask, RequiresReplace (createOnly*Replace); without
//     read, state keeps the planned value since ShowTask never returns it;
//   - currentput: a create-only flag that today's update body (api_model "current")
//     also carries, so only the seed model replaces the task to change it;
//   - current: a key only today's update body has; never returned by ShowTask;
//   - lifecycle: drives the migration (its own endpoints), never part of the task body.
type migrationTaskResourceModel struct {
	ID types.String `tfsdk:"id" sms:"read"`

	// Configurable and updatable in place (sent by PUT /v3/tasks/{task_id}), in seed order.
	Name                types.String `tfsdk:"name" sms:"put"`
	Type                types.String `tfsdk:"type" sms:"put"`
	OSType              types.String `tfsdk:"os_type" sms:"put"`
	Priority            types.Int64  `tfsdk:"priority" sms:"put"`
	RegionID            types.String `tfsdk:"region_id" sms:"put"`
	StartTargetServer   types.Bool   `tfsdk:"start_target_server" sms:"put"`
	EnterpriseProjectID types.String `tfsdk:"enterprise_project_id" sms:"put"`
	MigrationIP         types.String `tfsdk:"migration_ip" sms:"put"`
	RegionName          types.String `tfsdk:"region_name" sms:"put"`
	SpeedLimit          types.Int64  `tfsdk:"speed_limit" sms:"put"`
	ProjectName         types.String `tfsdk:"project_name" sms:"put"`
	ProjectID           types.String `tfsdk:"project_id" sms:"put"`
	VMTemplateID        types.String `tfsdk:"vm_template_id" sms:"put"`
	SourceServer        types.Object `tfsdk:"source_server" sms:"put"`
	TargetServer        types.Object `tfsdk:"target_server" sms:"put"`
	CloneServer         types.Object `tfsdk:"clone_server" sms:"put"`

	// Create-only: sent by POST /v3/tasks, absent from the seed's PUT body.
	UsePublicIP            types.Bool    `tfsdk:"use_public_ip" sms:"createonly,currentput"`
	UseIPv6                types.Bool    `tfsdk:"use_ipv6" sms:"createonly,currentput"`
	Syncing                types.Bool    `tfsdk:"syncing" sms:"createonly"`
	ExistServer            types.Bool    `tfsdk:"exist_server" sms:"createonly,currentput"`
	AutoStart              types.Bool    `tfsdk:"auto_start" sms:"createonly"`
	StartNetworkCheck      types.Bool    `tfsdk:"start_network_check" sms:"createonly"`
	IsNeedConsistencyCheck types.Bool    `tfsdk:"is_need_consistency_check" sms:"createonly"`
	NeedMigrationTest      types.Bool    `tfsdk:"need_migration_test" sms:"createonly,read"`
	OverSpeedThreshold     types.Float64 `tfsdk:"over_speed_threshold" sms:"createonly"`
	ClonevmTemplateID      types.String  `tfsdk:"clonevm_template_id" sms:"createonly"`

	// Added by today's update body (api_model "current"); never returned by ShowTask.
	ImageDiskID          types.String `tfsdk:"image_disk_id" sms:"current"`
	TargetDiskIDs        types.String `tfsdk:"target_disk_ids" sms:"current"`
	SnapshotIDs          types.String `tfsdk:"snapshot_ids" sms:"current"`
	CutoveredSnapshotIDs types.String `tfsdk:"cutovered_snapshot_ids" sms:"current"`

	// Read-only status.
	State                types.String  `tfsdk:"state" sms:"read"`
	EstimateCompleteTime types.Int64   `tfsdk:"estimate_complete_time" sms:"read"`
	Connected            types.Bool    `tfsdk:"connected" sms:"read"`
	CreateDate           types.Int64   `tfsdk:"create_date" sms:"read"`
	StartDate            types.Int64   `tfsdk:"start_date" sms:"read"`
	FinishDate           types.Int64   `tfsdk:"finish_date" sms:"read"`
	MigrateSpeed         types.Float64 `tfsdk:"migrate_speed" sms:"read"`
	ErrorJSON            types.String  `tfsdk:"error_json" sms:"read"`
	TotalTime            types.Int64   `tfsdk:"total_time" sms:"read"`
	FloatIP              types.String  `tfsdk:"float_ip" sms:"read"`
	RemainSeconds        types.Int64   `tfsdk:"remain_seconds" sms:"read"`
	TargetSnapshotID     types.String  `tfsdk:"target_snapshot_id" sms:"read"`
	SubTasks             types.List    `tfsdk:"sub_tasks" sms:"read"`

	// Lifecycle: not part of the task body; each has its own endpoint.
	Action            types.String `tfsdk:"action" sms:"lifecycle"`
	WaitForCompletion types.Bool   `tfsdk:"wait_for_completion" sms:"lifecycle"`
	SpeedLimitWindows types.List   `tfsdk:"speed_limit_windows" sms:"lifecycle"`
	Configurations    types.Set    `tfsdk:"configurations" sms:"lifecycle"`

	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

// The roles of the sms tag.
const (
	migrationTaskRolePut        = "put"
	migrationTaskRoleRead       = "read"
	migrationTaskRoleCreateOnly = "createonly"
	migrationTaskRoleCurrentPut = "currentput"
	migrationTaskRoleCurrent    = "current"
	migrationTaskRoleLifecycle  = "lifecycle"
)

// migrationTaskField names one top-level attribute of the model by its tfsdk (and API
// JSON) name, with access to its value, so the PUT diff, the flatten merge and the plan
// checks walk the model generically instead of repeating 40 assignments.
type migrationTaskField struct {
	Key   string
	index int
	roles []string
}

// Get is the field's value in m.
func (f migrationTaskField) Get(m *migrationTaskResourceModel) attr.Value {
	v, _ := reflect.ValueOf(m).Elem().Field(f.index).Interface().(attr.Value)
	return v
}

// set stores v in m's field; false when v has another Go type.
func (f migrationTaskField) set(m *migrationTaskResourceModel, v attr.Value) bool {
	field := reflect.ValueOf(m).Elem().Field(f.index)
	if v == nil || reflect.TypeOf(v) != field.Type() {
		return false
	}
	field.Set(reflect.ValueOf(v))
	return true
}

func (f migrationTaskField) has(role string) bool { return slices.Contains(f.roles, role) }

// migrationTaskFields are every field with an sms tag, in the model's order.
var migrationTaskFields = sync.OnceValue(func() []migrationTaskField {
	t := reflect.TypeFor[migrationTaskResourceModel]()
	var fields []migrationTaskField
	for i := range t.NumField() {
		tag, ok := t.Field(i).Tag.Lookup("sms")
		if !ok {
			continue
		}
		roles := strings.Split(tag, ",")
		for _, role := range roles {
			switch role {
			case migrationTaskRolePut, migrationTaskRoleRead, migrationTaskRoleCreateOnly, migrationTaskRoleCurrentPut,
				migrationTaskRoleCurrent, migrationTaskRoleLifecycle:
			default:
				panic(fmt.Sprintf("migrationTaskResourceModel.%s: unknown role %q", t.Field(i).Name, role))
			}
		}
		fields = append(fields, migrationTaskField{Key: t.Field(i).Tag.Get("tfsdk"), index: i, roles: roles})
	}
	return fields
})

// migrationTaskFieldsWhere are the fields for which keep is true, in the model's order.
func migrationTaskFieldsWhere(keep func(migrationTaskField) bool) []migrationTaskField {
	var out []migrationTaskField
	for _, f := range migrationTaskFields() {
		if keep(f) {
			out = append(out, f)
		}
	}
	return out
}

func migrationTaskFieldsWith(role string) []migrationTaskField {
	return migrationTaskFieldsWhere(func(f migrationTaskField) bool { return f.has(role) })
}

// migrationTaskPutFields are the top-level attributes PUT /v3/tasks/{task_id} accepts,
// in seed order. The key is the seed's JSON name.
func migrationTaskPutFields() []migrationTaskField {
	return migrationTaskFieldsWith(migrationTaskRolePut)
}

// migrationTaskReadFields are the top-level attributes ShowTask can return: the PUT
// fields, then id, the read-only status and need_migration_test.
func migrationTaskReadFields() []migrationTaskField {
	return append(migrationTaskPutFields(), migrationTaskFieldsWhere(func(f migrationTaskField) bool {
		return f.has(migrationTaskRoleRead) && !f.has(migrationTaskRolePut)
	})...)
}

// migrationTaskCreateOnlyFields are sent only by CreateTask and never returned by
// ShowTask (need_migration_test is returned, so it is a read field), so their state
// always comes from the prior plan or state.
func migrationTaskCreateOnlyFields() []migrationTaskField {
	return migrationTaskFieldsWhere(func(f migrationTaskField) bool {
		return f.has(migrationTaskRoleCreateOnly) && !f.has(migrationTaskRoleRead)
	})
}

// migrationTaskLifecycleFields are the attributes that drive the migration (action, the
// wait, speed-limit windows, configurations): never part of the task body, so flatten
// keeps them as planned or as they were.
func migrationTaskLifecycleFields() []migrationTaskField {
	return migrationTaskFieldsWith(migrationTaskRoleLifecycle)
}

// migrationTaskCurrentModelFields are the keys today's update body (api_model "current")
// added that the seed's lacks (migrationTaskCurrentModelAttributes).
func migrationTaskCurrentModelFields() []migrationTaskField {
	return migrationTaskFieldsWith(migrationTaskRoleCurrent)
}

// migrationTaskKeys are the keys of fields.
func migrationTaskKeys(fields []migrationTaskField) []string {
	keys := make([]string, len(fields))
	for i, f := range fields {
		keys[i] = f.Key
	}
	return keys
}
