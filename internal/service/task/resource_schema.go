package task

import (
	"context"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

// migrationTaskFilledFromState is appended to fields the seed marks mandatory inside
// source_server/target_server: the API wants them in every PUT of that object, so the
// provider sends the value it already holds when the configuration leaves them out.
const migrationTaskFilledFromState = " The API requires it whenever this object is sent; when you leave it out, the provider fills it from the value SMS reports."

// Schema describes sms_migration_task: every field of the seed's task body, nested the way
// the seed nests it (nested attributes, never blocks), plus the CreateTask-only flags.
func (r *migrationTaskResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages a Huawei Cloud SMS (Server Migration Service) v3 migration task: " +
			"the migration of one registered source server to a target server. Settings are updated in " +
			"place with `PUT /v3/tasks/{task_id}`; the CreateTask-only flags force a new task.",
		Attributes: migrationTaskAttributes(ctx),
	}
}

// migrationTaskAttributes holds the top-level attributes: configurable, create-only, then read-only.
func migrationTaskAttributes(ctx context.Context) map[string]schema.Attribute {
	attrs := map[string]schema.Attribute{
		"id": schema.StringAttribute{
			MarkdownDescription: "The migration task ID, assigned by SMS when the task is created. At most 255 characters.",
			Computed:            true,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"name": schema.StringAttribute{
			MarkdownDescription: "The task name, defined by you. 1 to 255 characters: Chinese characters, letters, digits, `_` and `-` only.",
			Required:            true,
			// Length and alphabet differ by api_model: migrationTaskLimits.
		},
		"type": schema.StringAttribute{
			MarkdownDescription: "The task type: `MIGRATE_FILE` (file-level migration) or `MIGRATE_BLOCK` (block-level migration). At most 255 characters.",
			Required:            true,
			Validators: []validator.String{
				stringvalidator.OneOf("MIGRATE_FILE", "MIGRATE_BLOCK"),
				stringvalidator.LengthAtMost(conns.MigrationTaskMaxStringLength),
			},
		},
		"os_type": schema.StringAttribute{
			MarkdownDescription: "The OS type of the server being migrated: `WINDOWS` or `LINUX`.",
			Required:            true, // under "seed" only: migrationTaskLimits
			Validators:          []validator.String{stringvalidator.OneOf("WINDOWS", "LINUX")},
		},
		"priority": schema.Int64Attribute{
			MarkdownDescription: "The migration process priority: `0` (low), `1` (standard) or `2` (high). Defaults to `1`.",
			Optional:            true,
			Computed:            true,
			Default:             int64default.StaticInt64(1),
			// Range: migrationTaskLimits.
		},
		"region_id": migrationTaskLocationAttribute(
			"The ID of the region where the target server is located. At most 255 characters. Taken from the provider's `region` when unset."),
		"region_name": migrationTaskLocationAttribute(
			"The name of the region where the target server is located. At most 255 characters. Taken from the provider's `region` when unset."),
		"project_id": migrationTaskLocationAttribute(
			"The ID of the project the target server belongs to. At most 255 characters. Taken from the provider's `project_id` when unset."),
		"project_name": migrationTaskLocationAttribute(
			"The name of the project the target server belongs to. At most 255 characters. Taken from the provider configuration when unset."),
		"enterprise_project_id": schema.StringAttribute{
			MarkdownDescription: "The enterprise project ID, 1 to 255 characters. SMS uses the default enterprise project (`0`) when unset.",
			Optional:            true,
			Computed:            true,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			// Length: migrationTaskLimits.
		},
		"migration_ip": schema.StringAttribute{
			MarkdownDescription: "The IP address of the target server: the EIP bound to it when migrating over the public network, " +
				"its private IP when migrating over a private line. An IPv4 address, or an IPv6 address when `use_ipv6` is `true`. " +
				"At most 255 characters; not needed when the target server is created automatically.",
			Optional:      true,
			Computed:      true,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			Validators:    []validator.String{stringvalidator.LengthAtMost(conns.MigrationTaskMaxStringLength)},
		},
		"speed_limit": schema.Int64Attribute{
			MarkdownDescription: "The migration rate limit, in Mbit/s, 0 to 10000 (`0` means no limit).",
			Optional:            true,
			Computed:            true,
			PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			// Range: migrationTaskLimits.
		},
		"start_target_server": schema.BoolAttribute{
			MarkdownDescription: "Whether to start the target server after the migration completes (`true`) or leave it stopped (`false`). Defaults to `true`.",
			Optional:            true,
			Computed:            true,
			Default:             booldefault.StaticBool(true),
		},
		"vm_template_id": schema.StringAttribute{
			MarkdownDescription: "The ID of the template used to create the target server automatically. At most 255 characters.",
			Optional:            true,
			Computed:            true,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			// Length: migrationTaskLimits.
		},
		"source_server": schema.SingleNestedAttribute{
			MarkdownDescription: "The source server being migrated (the seed's `PostSourceServerBody`). Only `id`, the ID of a " +
				"source server already registered with SMS, is required; every other field is filled from what SMS reports " +
				"when you leave it out, and is sent when you set it.",
			Required:   true,
			Attributes: migrationTaskSourceServerAttributes(),
		},
		"target_server": schema.SingleNestedAttribute{
			MarkdownDescription: "The target server of the migration (the seed's `TargetServer`). Every field is filled from what SMS reports when you leave it out.",
			Optional:            true,
			Computed:            true,
			Attributes:          MigrationTaskTargetServerAttributes(),
		},
		"clone_server": schema.SingleNestedAttribute{
			MarkdownDescription: "The server cloned from the target server for a migration test (the seed's `CloneServer`). Filled from what SMS reports when you leave it out.",
			Optional:            true,
			Computed:            true,
			Attributes:          migrationTaskCloneServerAttributes(),
		},

		// CreateTask-only settings: the seed's PUT body has no field for them, so a change
		// can only take effect on a new task.
		"use_public_ip":             migrationTaskUsePublicIPAttribute(),
		"use_ipv6":                  migrationTaskCurrentUpdatableBool("Whether `migration_ip` is an IPv6 address."),
		"syncing":                   migrationTaskCreateOnlyBool("Whether to keep synchronizing continuously after the replication or synchronization completes."),
		"exist_server":              migrationTaskCurrentUpdatableBool("Whether the target server already exists (`true`) or must be created (`false`)."),
		"auto_start":                migrationTaskCreateOnlyBool("Whether to start the task automatically once it is created."),
		"start_network_check":       migrationTaskCreateOnlyBool("Whether to turn on the network check."),
		"is_need_consistency_check": migrationTaskCreateOnlyBool("Whether to run a data consistency check."),
		"need_migration_test":       migrationTaskCreateOnlyBool("Whether to turn on the migration drill (test)."),
		"over_speed_threshold": schema.Float64Attribute{
			MarkdownDescription: "The overspeed threshold, in percent, at least 0: the task is stopped when the migration rate exceeds it. " +
				"Set only when the task is created; changing it forces a new task, except on the first apply after an import, which adopts the configured value.",
			Optional:      true,
			PlanModifiers: []planmodifier.Float64{createOnlyFloat64Replace()}, // range: migrationTaskLimits
		},
		"clonevm_template_id": schema.StringAttribute{
			MarkdownDescription: "The ID of the template used for the clone server. At most 255 characters. " +
				"Set only when the task is created; changing it forces a new task, except on the first apply after an import, which adopts the configured value.",
			Optional:      true,
			PlanModifiers: []planmodifier.String{createOnlyStringReplace()}, // length: migrationTaskLimits
		},

		// Read-only status, changing on its own while the task runs: no plan modifiers.
		"state": schema.StringAttribute{
			MarkdownDescription: "The task status reported by SMS, e.g. `READY`, `RUNNING`, `SYNCING`, `MIGRATE_SUCCESS`, `MIGRATE_FAIL`, `ABORT`. At most 255 characters.",
			Computed:            true,
		},
		"connected": schema.BoolAttribute{
			MarkdownDescription: "Whether the source server's agent is connected to SMS.",
			Computed:            true,
		},
		"create_date":            migrationTaskStableLong("The time the task was created, in epoch milliseconds (at least 0)."),
		"start_date":             migrationTaskStatusLong("The time the task started, in epoch milliseconds (at least 0)."),
		"finish_date":            migrationTaskStatusLong("The time the task finished, in epoch milliseconds (at least 0)."),
		"estimate_complete_time": migrationTaskStatusLong("The estimated completion time, in epoch milliseconds (at least 0)."),
		"remain_seconds":         migrationTaskStatusLong("The remaining migration time, in seconds (at least 0)."),
		"total_time":             migrationTaskStatusLong("The migration time elapsed (at least 0)."),
		"migrate_speed": schema.Float64Attribute{
			MarkdownDescription: "The current migration rate, 0 to 10000 (the seed says MB/s; ShowTask reports Mbit/s).",
			Computed:            true,
		},
		"error_json": schema.StringAttribute{
			MarkdownDescription: "The error message of a failed task, as JSON. At most 1024 characters.",
			Computed:            true,
		},
		"float_ip": schema.StringAttribute{
			MarkdownDescription: "A legacy IP field kept only for compatibility with earlier SMS-Agent versions. At most 255 characters.",
			Computed:            true,
		},
		"target_snapshot_id": schema.StringAttribute{
			MarkdownDescription: "The ID of the snapshot of the target server. At most 255 characters.",
			Computed:            true,
		},
		"sub_tasks": schema.ListNestedAttribute{
			MarkdownDescription: "The subtasks (steps) of the migration, as SMS reports them (at most 65535).",
			Computed:            true,
			NestedObject:        schema.NestedAttributeObject{Attributes: migrationTaskSubTaskAttributes()},
		},

		"timeouts": migrationTaskTimeoutsAttribute(ctx),
	}
	maps.Copy(attrs, migrationTaskLifecycleAttributes())
	maps.Copy(attrs, migrationTaskCurrentModelAttributes())
	attrs["configurations"] = migrationTaskConfigurationsAttribute()
	return withNestedTypesBuiltOnce(withModelLimits(attrs))
}

// migrationTaskLocationAttribute is region_id/region_name/project_id/project_name: set by the
// user or by ModifyPlan from the provider, then stable.
func migrationTaskLocationAttribute(description string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Optional:            true,
		Computed:            true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		Validators:          []validator.String{stringvalidator.LengthAtMost(conns.MigrationTaskMaxStringLength)},
	}
}

// migrationTaskCreateOnlyBool is a CreateTask flag: default false, and a change replaces the task.
func migrationTaskCreateOnlyBool(description string) schema.BoolAttribute {
	return schema.BoolAttribute{
		MarkdownDescription: description + " Defaults to `false`. Set only when the task is created; changing it forces a new task, except on the first apply after an import, which adopts the configured value.",
		Optional:            true,
		Computed:            true,
		Default:             booldefault.StaticBool(false),
		PlanModifiers:       []planmodifier.Bool{createOnlyBoolReplace()},
	}
}

// migrationTaskCurrentUpdatableBool is a CreateTask flag that today's update body has too:
// updated in place under api_model "current"; under "seed" the resource's plan makes a
// change replace the task (an attribute plan modifier cannot see the provider's model).
func migrationTaskCurrentUpdatableBool(description string) schema.BoolAttribute {
	return schema.BoolAttribute{
		MarkdownDescription: description + " Defaults to `false`. SMS never reports it, so state keeps the configured value. " +
			"With `api_model = \"current\"` (today's update body has it) a change is sent in place; with `\"seed\"` " +
			"(the 2024 update body lacks it) changing it forces a new task, except on the first apply after an import, " +
			"which adopts the configured value.",
		Optional: true,
		Computed: true,
		Default:  booldefault.StaticBool(false),
	}
}

// migrationTaskStatusLong is a read-only Long status field (documented minimum 0).
func migrationTaskStatusLong(description string) schema.Int64Attribute {
	return schema.Int64Attribute{
		MarkdownDescription: description,
		Computed:            true,
	}
}

// migrationTaskStableLong is a read-only value set once when the task is created: an
// update keeps it in the plan instead of showing it as "(known after apply)".
func migrationTaskStableLong(description string) schema.Int64Attribute {
	a := migrationTaskStatusLong(description)
	a.PlanModifiers = []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}
	return a
}

// migrationTaskTimeoutsAttribute is the standard timeouts attribute, given the
// MarkdownDescriptions the library leaves empty (the docs are generated from them).
func migrationTaskTimeoutsAttribute(ctx context.Context) schema.Attribute {
	attr := timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true, Delete: true})
	nested, ok := attr.(schema.SingleNestedAttribute)
	if !ok {
		return attr
	}
	nested.MarkdownDescription = "How long to wait for the task's create, update and delete operations."
	operation := map[string]string{
		"create": "creating the task and reading it back",
		"update": "updating the task and reading it back",
		"delete": "stopping the task, deleting it and waiting until it is gone",
	}
	attributes := make(map[string]schema.Attribute, len(nested.Attributes))
	for name, child := range nested.Attributes {
		if s, ok := child.(schema.StringAttribute); ok {
			s.MarkdownDescription = "The time allowed for " + operation[name] + `: a [duration](https://pkg.go.dev/time#ParseDuration) such as "30s", "10m" or "2h".`
			child = s
		}
		attributes[name] = child
	}
	nested.Attributes = attributes
	return nested
}

// migrationTaskChildMode says how a child of a nested object is set.
type migrationTaskChildMode int

const (
	// migrationTaskChildRequired: the seed marks it mandatory inside a list element the user writes whole.
	migrationTaskChildRequired migrationTaskChildMode = iota
	// migrationTaskChildStable: Optional+Computed, filled by SMS and stable once known, so the
	// prior non-null value stands in for "(known after apply)".
	migrationTaskChildStable
	// migrationTaskChildVolatile: Optional+Computed, but SMS changes it by itself as the
	// migration runs, so no value is carried over from state.
	migrationTaskChildVolatile
	// migrationTaskChildReadOnly: Computed only.
	migrationTaskChildReadOnly
)

func migrationTaskChildString(mode migrationTaskChildMode, description string, validators ...validator.String) schema.StringAttribute {
	a := schema.StringAttribute{MarkdownDescription: description, Validators: validators}
	switch mode {
	case migrationTaskChildRequired:
		a.Required = true
	case migrationTaskChildStable:
		a.Optional, a.Computed = true, true
		a.PlanModifiers = []planmodifier.String{stringplanmodifier.UseNonNullStateForUnknown()}
	case migrationTaskChildVolatile:
		a.Optional, a.Computed = true, true
	case migrationTaskChildReadOnly:
		a.Computed = true
	}
	return a
}

// migrationTaskChildStringDefault is an Optional+Computed string with a documented default
// (a default is never unknown, so it needs no plan modifier).
func migrationTaskChildStringDefault(description, value string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Optional:            true,
		Computed:            true,
		Default:             stringdefault.StaticString(value),
		Validators:          validators,
	}
}

func migrationTaskChildInt64(mode migrationTaskChildMode, description string, validators ...validator.Int64) schema.Int64Attribute {
	a := schema.Int64Attribute{MarkdownDescription: description, Validators: validators}
	switch mode {
	case migrationTaskChildRequired:
		a.Required = true
	case migrationTaskChildStable:
		a.Optional, a.Computed = true, true
		a.PlanModifiers = []planmodifier.Int64{int64planmodifier.UseNonNullStateForUnknown()}
	case migrationTaskChildVolatile:
		a.Optional, a.Computed = true, true
	case migrationTaskChildReadOnly:
		a.Computed = true
	}
	return a
}

// migrationTaskChildInt64Default is an Optional+Computed integer with a documented default.
func migrationTaskChildInt64Default(description string, value int64, validators ...validator.Int64) schema.Int64Attribute {
	return schema.Int64Attribute{
		MarkdownDescription: description,
		Optional:            true,
		Computed:            true,
		Default:             int64default.StaticInt64(value),
		Validators:          validators,
	}
}

// migrationTaskChildBool is a boolean child in the given mode; it takes a mode like its
// siblings although every boolean child is stable today.
//
//nolint:unparam // same shape as the other child builders, so the schema reads uniformly
func migrationTaskChildBool(mode migrationTaskChildMode, description string) schema.BoolAttribute {
	a := schema.BoolAttribute{MarkdownDescription: description}
	switch mode {
	case migrationTaskChildRequired:
		a.Required = true
	case migrationTaskChildStable:
		a.Optional, a.Computed = true, true
		a.PlanModifiers = []planmodifier.Bool{boolplanmodifier.UseNonNullStateForUnknown()}
	case migrationTaskChildVolatile:
		a.Optional, a.Computed = true, true
	case migrationTaskChildReadOnly:
		a.Computed = true
	}
	return a
}

func migrationTaskChildList(mode migrationTaskChildMode, description string, elem map[string]schema.Attribute, maxItems int) schema.ListNestedAttribute {
	a := schema.ListNestedAttribute{
		MarkdownDescription: description,
		NestedObject:        schema.NestedAttributeObject{Attributes: elem},
		Validators:          []validator.List{listvalidator.SizeAtMost(maxItems)},
	}
	switch mode {
	case migrationTaskChildRequired:
		a.Required = true
	case migrationTaskChildStable:
		a.Optional, a.Computed = true, true
		a.PlanModifiers = []planmodifier.List{listplanmodifier.UseNonNullStateForUnknown()}
	case migrationTaskChildVolatile:
		a.Optional, a.Computed = true, true
	case migrationTaskChildReadOnly:
		a.Computed = true
	}
	return a
}

// Shorthands for the validators the seed repeats on almost every field.
func migrationTaskMaxLength(n int) validator.String { return stringvalidator.LengthAtMost(n) }

func migrationTaskLong() validator.Int64 { return int64validator.AtLeast(0) }

// migrationTaskSourceServerAttributes is PostSourceServerBody (source_server).
func migrationTaskSourceServerAttributes() map[string]schema.Attribute {
	const stable = migrationTaskChildStable
	s255 := migrationTaskMaxLength(conns.MigrationTaskMaxStringLength)
	return map[string]schema.Attribute{
		"id": schema.StringAttribute{
			MarkdownDescription: "The ID of the source server registered with SMS (the server the agent reported). At most 255 characters.",
			Required:            true,
			Validators:          []validator.String{s255},
		},
		"ip": migrationTaskChildString(stable,
			"The IP address of the source server. At most 255 characters."+migrationTaskFilledFromState, s255),
		"name": migrationTaskChildString(stable,
			"The name of the source server shown on the SMS console. At most 255 characters."+migrationTaskFilledFromState, s255),
		"hostname": migrationTaskChildString(stable,
			"The hostname of the source server (mandatory when the server registers with SMS). At most 255 characters.", s255),
		"os_type": migrationTaskChildString(stable,
			"The OS type of the source server: `WINDOWS` or `LINUX`."+migrationTaskFilledFromState,
			stringvalidator.OneOf("WINDOWS", "LINUX"), s255),
		"os_version": migrationTaskChildString(stable,
			"The OS version of the source server, e.g. `WINDOWS2016_64BIT` (mandatory when the server registers). At most 255 characters.", s255),
		"virtualization_type": migrationTaskChildString(stable,
			"The OS virtualization type. At most 255 characters.", s255),
		"linux_block_check": migrationTaskChildString(stable,
			"The result of the Linux block-level check. At most 255 characters.", s255),
		"firmware": migrationTaskChildString(stable,
			"The boot mode of the source server: `BIOS` or `UEFI`.",
			stringvalidator.OneOf("BIOS", "UEFI"), s255),
		"cpu_quantity": migrationTaskChildInt64(stable,
			"The number of vCPUs, 0 to 65535.", int64validator.Between(0, conns.MigrationTaskMaxCPUs)),
		"memory": migrationTaskChildInt64(stable,
			"The memory size, in MB (at least 0).", migrationTaskLong()),
		"disks": migrationTaskChildList(stable,
			"The disks of the source server (at most 65535; the seed's `ServerDisk`).",
			migrationTaskServerDiskAttributes(), conns.MigrationTaskMaxArrayLength),
		"btrfs_list": migrationTaskChildList(stable,
			"The Btrfs file systems on the source server (at most 65535; the seed's `BtrfsFileSystem`). Mandatory for Linux; `[]` when there are none.",
			migrationTaskBtrfsFileSystemAttributes(), conns.MigrationTaskMaxArrayLength),
		"networks": migrationTaskChildList(stable,
			"The NICs of the source server (at most 65535; the seed's `NetWork`).",
			migrationTaskNetworkAttributes(), conns.MigrationTaskMaxArrayLength),
		"domain_id": migrationTaskChildString(stable,
			"The tenant domain ID. At most 255 characters.", s255),
		"has_rsync": migrationTaskChildBool(stable,
			"Whether rsync is installed on the source server. Mandatory for Linux."),
		"paravirtualization": migrationTaskChildBool(stable,
			"Whether the source server is paravirtualized. Mandatory for Linux."),
		"raw_devices": migrationTaskChildString(stable,
			"The list of raw devices. Mandatory for Linux. At most 255 characters.", s255),
		"driver_files": migrationTaskChildBool(stable,
			"Whether any driver files are missing. Mandatory for Windows."),
		"system_services": migrationTaskChildBool(stable,
			"Whether there are abnormal services. Mandatory for Windows."),
		"account_rights": migrationTaskChildBool(stable,
			"Whether the account has the required permissions. Mandatory for Windows."),
		"boot_loader": migrationTaskChildString(stable,
			"The system boot loader: `GRUB` or `LILO`. Mandatory for Linux.",
			stringvalidator.OneOf("GRUB", "LILO")),
		"system_dir": migrationTaskChildString(stable,
			"The system directory, e.g. `C:\\Windows\\System32`. Mandatory for Windows. At most 255 characters.", s255),
		"volume_groups": migrationTaskChildList(stable,
			"The LVM volume groups of the source server (at most 65535; the seed's `VolumeGroups`). Mandatory for Linux; `[]` when there are none.",
			migrationTaskVolumeGroupAttributes(), conns.MigrationTaskMaxArrayLength),
		"agent_version": migrationTaskChildString(stable,
			"The version of the SMS agent on the source server. At most 255 characters."+migrationTaskFilledFromState, s255),
		"kernel_version": migrationTaskChildString(stable,
			"The kernel version of the source server. At most 255 characters.", s255),
		"migration_cycle": migrationTaskChildString(migrationTaskChildVolatile,
			"The current migration stage of the source server, as SMS reports it: `cutovering`, `cutovered`, `checking`, `setting`, `replicating` or `syncing`.",
			stringvalidator.OneOf("cutovering", "cutovered", "checking", "setting", "replicating", "syncing")),
		"state": migrationTaskChildString(migrationTaskChildVolatile,
			"The source server status, as SMS reports it: `unavailable`, `waiting`, `initialize`, `replicate`, `syncing`, `stopping`, `stopped`, `deleting`, `error`, `cloning`, `cutovering` or `finished`. At most 255 characters.",
			stringvalidator.OneOf("unavailable", "waiting", "initialize", "replicate", "syncing", "stopping",
				"stopped", "deleting", "error", "cloning", "cutovering", "finished"), s255),
		"oem_system": migrationTaskChildBool(stable,
			"Whether the OS is an OEM version (Windows)."),
		"start_type": migrationTaskChildString(stable,
			"The startup mode: `MANUAL`, `MGC` or an empty string (`\"\"`).",
			stringvalidator.OneOf("MANUAL", "MGC", "")),
	}
}

// migrationTaskServerDiskAttributes is ServerDisk (source_server.disks[]).
func migrationTaskServerDiskAttributes() map[string]schema.Attribute {
	const required, stable = migrationTaskChildRequired, migrationTaskChildStable
	s255 := migrationTaskMaxLength(conns.MigrationTaskMaxStringLength)
	return map[string]schema.Attribute{
		"name": migrationTaskChildString(required, "The disk name. At most 255 characters.", s255),
		"partition_style": migrationTaskChildString(stable,
			"The disk partition style: `MBR` or `GPT` (mandatory when the source server registers).",
			stringvalidator.OneOf("MBR", "GPT")),
		"device_use": migrationTaskChildString(required,
			"The disk function: `BOOT` or `OS`.", stringvalidator.OneOf("BOOT", "OS")),
		"size":      migrationTaskChildInt64(required, "The disk size, in bytes (at least 0).", migrationTaskLong()),
		"used_size": migrationTaskChildInt64(required, "The used disk space, in bytes (at least 0).", migrationTaskLong()),
		"physical_volumes": migrationTaskChildList(required,
			"The partitions of the disk (at most 65535; the seed's `PhysicalVolume`); `[]` when there are none.",
			migrationTaskPhysicalVolumeAttributes(), conns.MigrationTaskMaxArrayLength),
		"os_disk": migrationTaskChildBool(stable, "Whether the disk is the system disk."),
		"relation_name": migrationTaskChildString(stable,
			"The name of the paired target server disk (Linux). At most 255 characters.", s255),
		"inode_size": migrationTaskChildInt64(stable,
			"The number of inodes, 0 to 4294967296.", int64validator.Between(0, conns.MigrationTaskMaxInodes)),
	}
}

// migrationTaskPhysicalVolumeAttributes is PhysicalVolume (source_server.disks[].physical_volumes[]).
func migrationTaskPhysicalVolumeAttributes() map[string]schema.Attribute {
	const stable = migrationTaskChildStable
	s255 := migrationTaskMaxLength(conns.MigrationTaskMaxStringLength)
	return map[string]schema.Attribute{
		"device_use": migrationTaskChildString(stable,
			"The partition type: `NORMAL`, `BOOT` or `OS`.",
			stringvalidator.OneOf("NORMAL", "BOOT", "OS"), s255),
		"file_system": migrationTaskChildString(stable, "The file system type, e.g. `NTFS` or `ext4`. At most 255 characters.", s255),
		"index": migrationTaskChildInt64(stable,
			"The serial number of the volume, 0 to 2147483647.", int64validator.Between(0, conns.MigrationTaskMaxInt32)),
		"mount_point": migrationTaskChildString(stable, "The mount point. At most 255 characters.", s255),
		"name": migrationTaskChildString(stable,
			"The volume name: the drive letter on Windows, the device on Linux. At most 255 characters.", s255),
		"size":       migrationTaskChildInt64(stable, "The volume size, in bytes (at least 0).", migrationTaskLong()),
		"used_size":  migrationTaskChildInt64(stable, "The used space, in bytes (at least 0).", migrationTaskLong()),
		"inode_size": migrationTaskChildInt64(stable, "The number of inodes, 0 to 4294967296.", int64validator.Between(0, conns.MigrationTaskMaxInodes)),
		"uuid": migrationTaskChildString(stable,
			"The GUID of the volume, as read on the source server. At most 255 characters.", s255),
		"size_per_cluster": migrationTaskChildInt64(stable,
			"The size of each cluster, 0 to 2147483647.", int64validator.Between(0, conns.MigrationTaskMaxInt32)),
	}
}

// migrationTaskBtrfsFileSystemAttributes is BtrfsFileSystem (source_server.btrfs_list[]); the
// seed marks every field mandatory.
func migrationTaskBtrfsFileSystemAttributes() map[string]schema.Attribute {
	const required = migrationTaskChildRequired
	s255 := migrationTaskMaxLength(conns.MigrationTaskMaxStringLength)
	return map[string]schema.Attribute{
		"name":  migrationTaskChildString(required, "The file system name. At most 255 characters.", s255),
		"label": migrationTaskChildString(required, "The file system label; `\"\"` when there is none. At most 255 characters.", s255),
		"uuid":  migrationTaskChildString(required, "The UUID of the file system. At most 255 characters.", s255),
		"device": migrationTaskChildString(required,
			"The names of the Btrfs devices. At most 255 characters.", s255),
		"size":     migrationTaskChildInt64(required, "The space the file system occupies (at least 0).", migrationTaskLong()),
		"nodesize": migrationTaskChildInt64(required, "The size of a Btrfs node (at least 0).", migrationTaskLong()),
		"sectorsize": migrationTaskChildInt64(required,
			"The sector size, 0 to 2147483647.", int64validator.Between(0, conns.MigrationTaskMaxInt32)),
		"data_profile":     migrationTaskChildString(required, "The data profile (RAID level). At most 255 characters.", s255),
		"system_profile":   migrationTaskChildString(required, "The system profile (RAID level). At most 255 characters.", s255),
		"metadata_profile": migrationTaskChildString(required, "The metadata profile (RAID level). At most 255 characters.", s255),
		"global_reserve1":  migrationTaskChildString(required, "The Btrfs global reserve information. At most 255 characters.", s255),
		"g_vol_used_size": migrationTaskChildInt64(required,
			"The used space of the Btrfs volume (at least 0).", migrationTaskLong()),
		"default_subvolid":    migrationTaskChildString(required, "The ID of the default subvolume. At most 255 characters.", s255),
		"default_subvol_name": migrationTaskChildString(required, "The name of the default subvolume. At most 255 characters.", s255),
		"default_subvol_mountpath": migrationTaskChildString(required,
			"The mount path of the default subvolume or of the Btrfs file system. At most 255 characters.", s255),
		"subvolumn": migrationTaskChildList(required,
			"The subvolumes (at most 65535; the seed's `BtrfsSubvolumn`, spelled as the API spells it); `[]` when there are none.",
			migrationTaskBtrfsSubvolumnAttributes(), conns.MigrationTaskMaxArrayLength),
	}
}

// migrationTaskBtrfsSubvolumnAttributes is BtrfsSubvolumn (source_server.btrfs_list[].subvolumn[]);
// the seed marks every field mandatory.
func migrationTaskBtrfsSubvolumnAttributes() map[string]schema.Attribute {
	const required = migrationTaskChildRequired
	s255 := migrationTaskMaxLength(conns.MigrationTaskMaxStringLength)
	return map[string]schema.Attribute{
		"uuid":              migrationTaskChildString(required, "The UUID of the parent volume. At most 255 characters.", s255),
		"is_snapshot":       migrationTaskChildString(required, "Whether the subvolume is a snapshot. At most 255 characters.", s255),
		"subvol_id":         migrationTaskChildString(required, "The subvolume ID. At most 255 characters.", s255),
		"parent_id":         migrationTaskChildString(required, "The ID of the parent volume. At most 255 characters.", s255),
		"subvol_name":       migrationTaskChildString(required, "The subvolume name. At most 255 characters.", s255),
		"subvol_mount_path": migrationTaskChildString(required, "The mount path of the subvolume. At most 255 characters.", s255),
	}
}

// migrationTaskNetworkAttributes is NetWork (source_server.networks[] and target_server.networks[]).
func migrationTaskNetworkAttributes() map[string]schema.Attribute {
	const required, stable = migrationTaskChildRequired, migrationTaskChildStable
	s255 := migrationTaskMaxLength(conns.MigrationTaskMaxStringLength)
	return map[string]schema.Attribute{
		"name":    migrationTaskChildString(required, "The NIC name. At most 255 characters.", s255),
		"ip":      migrationTaskChildString(required, "The IP address bound to the NIC. At most 255 characters.", s255),
		"netmask": migrationTaskChildString(required, "The subnet mask. At most 255 characters.", s255),
		"gateway": migrationTaskChildString(required, "The gateway. At most 255 characters.", s255),
		"mtu": migrationTaskChildInt64(stable,
			"The NIC MTU, 0 to 2147483647. Mandatory for Linux.", int64validator.Between(0, conns.MigrationTaskMaxInt32)),
		"mac": migrationTaskChildString(required, "The MAC address. At most 255 characters.", s255),
		"id":  migrationTaskChildString(stable, "The NIC's ID in the SMS database. At most 255 characters.", s255),
	}
}

// migrationTaskVolumeGroupAttributes is VolumeGroups (…volume_groups[] of either server).
func migrationTaskVolumeGroupAttributes() map[string]schema.Attribute {
	const stable = migrationTaskChildStable
	s255 := migrationTaskMaxLength(conns.MigrationTaskMaxStringLength)
	return map[string]schema.Attribute{
		"components": migrationTaskChildString(stable, "The physical volumes of the group. At most 255 characters.", s255),
		"free_size":  migrationTaskChildInt64(stable, "The available space, in bytes (at least 0).", migrationTaskLong()),
		"logical_volumes": migrationTaskChildList(stable,
			"The logical volumes of the group (at most 255; the seed's `LogicalVolumes`).",
			migrationTaskLogicalVolumeAttributes(), 255),
		"name": migrationTaskChildString(stable, "The volume group name. At most 255 characters.", s255),
		"size": migrationTaskChildInt64(stable, "The volume group size, in bytes (at least 0).", migrationTaskLong()),
	}
}

// migrationTaskLogicalVolumeAttributes is LogicalVolumes (…volume_groups[].logical_volumes[]).
func migrationTaskLogicalVolumeAttributes() map[string]schema.Attribute {
	const required, stable = migrationTaskChildRequired, migrationTaskChildStable
	return map[string]schema.Attribute{
		"block_count": migrationTaskChildInt64Default(
			"The number of blocks, 0 to 4294967296. Defaults to `0`.", 0,
			int64validator.Between(0, conns.MigrationTaskMaxInodes)),
		"block_size": migrationTaskChildInt64Default(
			"The block size, in bytes, 0 to 1048576. Defaults to `0`.", 0,
			int64validator.Between(0, 1048576)),
		"file_system": migrationTaskChildString(required, "The file system. At most 255 characters.",
			migrationTaskMaxLength(conns.MigrationTaskMaxStringLength)),
		"inode_size": migrationTaskChildInt64(required,
			"The number of inodes, 0 to 4294967296.", int64validator.Between(0, conns.MigrationTaskMaxInodes)),
		"device_use": migrationTaskChildString(stable,
			"The partition type: `NORMAL`, `BOOT` or `OS`.",
			stringvalidator.OneOf("NORMAL", "BOOT", "OS"), migrationTaskMaxLength(conns.MigrationTaskMaxStringLength)),
		"mount_point": migrationTaskChildString(required, "The mount point. At most 256 characters.", migrationTaskMaxLength(256)),
		"name":        migrationTaskChildString(required, "The logical volume name. At most 1024 characters.", migrationTaskMaxLength(1024)),
		"size":        migrationTaskChildInt64(required, "The size, in bytes (at least 0).", migrationTaskLong()),
		"used_size":   migrationTaskChildInt64(required, "The used space, in bytes (at least 0).", migrationTaskLong()),
		"free_size":   migrationTaskChildInt64(required, "The available space, in bytes (at least 0).", migrationTaskLong()),
	}
}

// migrationTaskTargetServerAttributes is TargetServer (target_server).
func MigrationTaskTargetServerAttributes() map[string]schema.Attribute {
	const stable = migrationTaskChildStable
	s255 := migrationTaskMaxLength(conns.MigrationTaskMaxStringLength)
	return map[string]schema.Attribute{
		"id": migrationTaskChildString(stable, "The ID of the target server in the SMS database. At most 255 characters.", s255),
		"ip": migrationTaskChildString(stable,
			"The IP address of the target server. At most 255 characters."+migrationTaskFilledFromState, s255),
		"name":     migrationTaskChildString(stable, "The name of the target server. At most 255 characters.", s255),
		"hostname": migrationTaskChildString(stable, "The hostname of the target server. At most 255 characters.", s255),
		"os_type": migrationTaskChildString(stable,
			"The OS type of the target server: `WINDOWS` or `LINUX`."+migrationTaskFilledFromState,
			stringvalidator.OneOf("WINDOWS", "LINUX"), s255),
		"os_version": migrationTaskChildString(stable, "The OS version of the target server. At most 255 characters.", s255),
		"firmware": migrationTaskChildString(stable,
			"The boot mode of the target server: `BIOS` or `UEFI`.",
			stringvalidator.OneOf("BIOS", "UEFI"), s255),
		"cpu_quantity": migrationTaskChildInt64(stable, "The number of vCPUs, 0 to 65535.", int64validator.Between(0, conns.MigrationTaskMaxCPUs)),
		"memory":       migrationTaskChildInt64(stable, "The memory size, in MB (at least 0).", migrationTaskLong()),
		"disks": migrationTaskChildList(stable,
			"The disks of the target server, usually matching the source server's (at most 65535; the seed's `TargetDisk`)."+migrationTaskFilledFromState,
			migrationTaskTargetDiskAttributes(), conns.MigrationTaskMaxArrayLength),
		"btrfs_list": schema.ListAttribute{
			MarkdownDescription: "The Btrfs file systems, as a list of strings of at most 255 characters each (at most 65535 items). Mandatory for Linux; `[]` when there are none.",
			ElementType:         types.StringType,
			Optional:            true,
			Computed:            true,
			PlanModifiers:       []planmodifier.List{listplanmodifier.UseNonNullStateForUnknown()},
			Validators: []validator.List{
				listvalidator.SizeAtMost(conns.MigrationTaskMaxArrayLength),
				listvalidator.ValueStringsAre(stringvalidator.LengthAtMost(conns.MigrationTaskMaxStringLength)),
			},
		},
		"btrfs_file_systems": migrationTaskTargetBtrfsFileSystemsAttribute(),
		"networks": migrationTaskChildList(stable,
			"The NICs of the target server (at most 65535; the seed's `NetWork`).",
			migrationTaskTargetNetworkAttributes(), conns.MigrationTaskMaxArrayLength),
		"domain_id":          migrationTaskChildString(stable, "The tenant domain ID. At most 255 characters.", s255),
		"has_rsync":          migrationTaskChildBool(stable, "Whether rsync is installed. Mandatory for Linux."),
		"paravirtualization": migrationTaskChildBool(stable, "Whether the server is paravirtualized. Mandatory for Linux."),
		"raw_devices": migrationTaskChildString(stable,
			"The list of raw devices. Mandatory for Linux. At most 255 characters.", s255),
		"driver_files":    migrationTaskChildBool(stable, "Whether any driver files are missing. Mandatory for Windows."),
		"system_services": migrationTaskChildBool(stable, "Whether there are abnormal services. Mandatory for Windows."),
		"account_rights":  migrationTaskChildBool(stable, "Whether the account has the required permissions. Mandatory for Windows."),
		"boot_loader": migrationTaskChildString(stable,
			"The system boot loader: `GRUB` or `LILO`. Mandatory for Linux.",
			stringvalidator.OneOf("GRUB", "LILO")),
		"system_dir": migrationTaskChildString(stable,
			"The system directory. Mandatory for Windows. At most 255 characters.", s255),
		"volume_groups": migrationTaskChildList(stable,
			"The LVM volume groups of the target server, usually matching the source server's (at most 65535; the seed's `VolumeGroups`).",
			migrationTaskTargetVolumeGroupAttributes(), conns.MigrationTaskMaxArrayLength),
		"vm_id": migrationTaskChildString(stable,
			"The ID of the target server (ECS). Not needed for a target server SMS creates automatically. At most 255 characters.", s255),
		"flavor":        migrationTaskChildString(stable, "The flavor of the target server. At most 255 characters.", s255),
		"image_disk_id": migrationTaskChildString(stable, "The ID of the target server disk holding the agent image. At most 255 characters.", s255),
		"snapshot_ids":  migrationTaskChildString(stable, "The IDs of the snapshots of the target server. At most 255 characters.", s255),
		"cutovered_snapshot_ids": migrationTaskChildString(stable,
			"The IDs of the snapshots used to roll back the target server. At most 255 characters.", s255),
	}
}

// migrationTaskTargetDiskAttributes is TargetDisk (target_server.disks[]).
func migrationTaskTargetDiskAttributes() map[string]schema.Attribute {
	const stable = migrationTaskChildStable
	s255 := migrationTaskMaxLength(conns.MigrationTaskMaxStringLength)
	return map[string]schema.Attribute{
		"id": migrationTaskChildInt64(stable,
			"The disk's ID in SMS (at least 0), assigned by SMS. Kept with the disk of the same `name` when the list changes.", migrationTaskLong()),
		"device_use": migrationTaskChildStringDefault(
			"The disk function: `NORMAL`, `OS` or `BOOT`. Defaults to `NORMAL`.", "NORMAL",
			stringvalidator.OneOf("NORMAL", "OS", "BOOT")),
		"disk_id": migrationTaskChildString(stable, "The ID of the disk on the target server. At most 255 characters.", s255),
		"name":    migrationTaskChildString(stable, "The disk name. At most 255 characters.", s255),
		"physical_volumes": migrationTaskChildList(stable,
			"The partitions of the disk (at most 65535; the seed's `TargetPhysicalVolumes`).",
			migrationTaskTargetPhysicalVolumeAttributes(), conns.MigrationTaskMaxArrayLength),
		"size":       migrationTaskChildInt64(stable, "The disk size, in bytes (at least 0).", migrationTaskLong()),
		"used_size":  migrationTaskChildInt64(stable, "The used space, in bytes (at least 0).", migrationTaskLong()),
		"disk_index": migrationTaskChildString(stable, "The disk index. At most 255 characters.", s255),
		"os_disk":    migrationTaskChildBool(stable, "Whether the disk is the system disk."),
		"partition_style": migrationTaskChildString(stable,
			"The disk partition style: `MBR` or `GPT`.", stringvalidator.OneOf("MBR", "GPT")),
		"relation_name": migrationTaskChildString(stable,
			"The name of the paired source server disk (Linux). At most 255 characters.", s255),
	}
}

// migrationTaskTargetPhysicalVolumeAttributes is TargetPhysicalVolumes
// (target_server.disks[].physical_volumes[]).
func migrationTaskTargetPhysicalVolumeAttributes() map[string]schema.Attribute {
	const stable = migrationTaskChildStable
	s255 := migrationTaskMaxLength(conns.MigrationTaskMaxStringLength)
	return map[string]schema.Attribute{
		"id": migrationTaskChildInt64(stable,
			"The volume's ID in SMS (at least 0), assigned by SMS. Kept with the volume of the same `name` (else `index`) when the list changes.", migrationTaskLong()),
		"device_use": migrationTaskChildStringDefault(
			"The partition function: `NORMAL`, `OS` or `BOOT`. Defaults to `NORMAL`.", "NORMAL",
			stringvalidator.OneOf("NORMAL", "OS", "BOOT")),
		"file_system": migrationTaskChildString(stable, "The file system, e.g. `NTFS` or `ext4`. At most 255 characters.", s255),
		"index": migrationTaskChildInt64(stable,
			"The serial number of the volume, 0 to 2147483647.", int64validator.Between(0, conns.MigrationTaskMaxInt32)),
		"mount_point":   migrationTaskChildString(stable, "The mount point. At most 255 characters.", s255),
		"name":          migrationTaskChildString(stable, "The volume name (the drive letter on Windows). At most 255 characters.", s255),
		"size":          migrationTaskChildInt64(stable, "The volume size, in bytes (at least 0).", migrationTaskLong()),
		"used_size":     migrationTaskChildInt64(stable, "The used space, in bytes (at least 0).", migrationTaskLong()),
		"uuid":          migrationTaskChildString(stable, "The UUID of the volume. At most 255 characters.", s255),
		"relation_name": migrationTaskChildString(stable, "The name of the paired source server volume (Linux). At most 255 characters.", s255),
		"free_size":     migrationTaskChildInt64(stable, "The free space of the partition, in bytes (at least 0).", migrationTaskLong()),
	}
}

// migrationTaskCloneServerAttributes is CloneServer (clone_server): the clone's identity is
// stable, its state and errors move with the clone operation.
func migrationTaskCloneServerAttributes() map[string]schema.Attribute {
	const stable, volatile = migrationTaskChildStable, migrationTaskChildVolatile
	s255 := migrationTaskMaxLength(conns.MigrationTaskMaxStringLength)
	return map[string]schema.Attribute{
		"vm_id": migrationTaskChildString(stable, "The ID of the cloned server. At most 255 characters.", s255),
		"name":  migrationTaskChildString(stable, "The name of the cloned server. At most 255 characters.", s255),
		"clone_error": migrationTaskChildString(volatile,
			"The error code of a failed clone, as SMS reports it. At most 255 characters.", s255),
		"clone_state": migrationTaskChildString(volatile,
			"The clone status, as SMS reports it (e.g. `NOT_READY`, `READY`, `PREPARING`, `CREATING`, `ERROR`, `FINISHED`). At most 255 characters.", s255),
		"error_msg": migrationTaskChildString(volatile,
			"The error message of a failed clone, as SMS reports it. At most 1024 characters.", migrationTaskMaxLength(1024)),
	}
}

// migrationTaskSubTaskAttributes is SubTask (sub_tasks[]): read-only progress.
func migrationTaskSubTaskAttributes() map[string]schema.Attribute {
	const readOnly = migrationTaskChildReadOnly
	return map[string]schema.Attribute{
		"id":   migrationTaskChildInt64(readOnly, "The subtask ID (at least 0)."),
		"name": migrationTaskChildString(readOnly, "The subtask name, e.g. `CREATE_CLOUD_SERVER`. At most 255 characters."),
		"progress": migrationTaskChildInt64(readOnly,
			"The progress of the subtask, in percent, 0 to 100."),
		"start_date": migrationTaskChildInt64(readOnly, "The time the subtask started, in epoch milliseconds (at least 0)."),
		"end_date": migrationTaskChildInt64(readOnly,
			"The time the subtask ended, in epoch milliseconds (at least 0); empty while it runs."),
		"migrate_speed": schema.Float64Attribute{
			MarkdownDescription: "The migration speed of the subtask, in Mbit/s, 0 to 10000.",
			Computed:            true,
		},
		"user_op": migrationTaskChildString(readOnly,
			"The user operation that triggered the subtask. At most 50 characters."),
		"process_trace": migrationTaskChildString(readOnly,
			"The detailed progress of the migration or synchronization. At most 2048 characters."),
	}
}
