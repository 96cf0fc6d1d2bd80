package sourceserver

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

func (r *sourceServerResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A source server registered with Huawei Cloud SMS, taken over by Terraform: its name, the " +
			"migration project it belongs to, and its record. **A source server cannot be created through the API**: " +
			"the SMS Agent, installed and started on the server, registers it and gives it its ID. Creating this " +
			"resource takes over that registered server by `id` (an ID SMS does not know is an error, and nothing is " +
			"stored); it renames it and moves it into a project (`PUT /v3/sources/{id}`) as configured.\n\n" +
			"Destroying it **deletes the server's record from SMS** (`DELETE /v3/sources/{id}`); only the Agent can " +
			"register the server again, when it restarts. The delete is refused while a migration task of the server is " +
			"running (or syncing, aborting, skipping, resetting, deleting): stop the task first. To stop managing a " +
			"server without deleting its record, use a `removed` block with `lifecycle { destroy = false }`.",
		Attributes: sourceServerResourceAttributes(),
	}
}

// sourceServerCurrentTaskTypes is current_task's object type.
var sourceServerCurrentTaskTypes = map[string]attr.Type{
	"id": types.StringType, "name": types.StringType, "type": types.StringType, "state": types.StringType,
}

func sourceServerResourceAttributes() map[string]schema.Attribute {
	// stable are the facts the Agent reported at registration: they keep their state in a plan.
	stable := func(d string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d, Computed: true,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
	}
	stableInt := func(d string) schema.Int64Attribute {
		return schema.Int64Attribute{MarkdownDescription: d, Computed: true,
			PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}}
	}
	// volatile are the migration's progress: unknown in a plan that changes the server.
	volatile := func(d string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d, Computed: true}
	}
	return map[string]schema.Attribute{
		"id": schema.StringAttribute{
			MarkdownDescription: "The ID SMS gave the source server when its Agent registered it (see the `sms_source_servers` " +
				"data source). Changing it takes over another server, and deletes the record of this one.",
			Required:      true,
			PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			Validators:    []validator.String{stringvalidator.LengthBetween(1, conns.MigrationTaskMaxStringLength)},
		},
		"name": schema.StringAttribute{
			MarkdownDescription: "The source server's display name in SMS; 1 to 255 characters. Left out, it keeps the name " +
				"it has (the Agent registers the host name).",
			Optional:      true,
			Computed:      true,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			Validators:    []validator.String{stringvalidator.UTF8LengthBetween(1, conns.MigrationTaskMaxStringLength)},
		},
		"migration_project_id": schema.StringAttribute{
			MarkdownDescription: "The ID of the migration project the source server belongs to (the API's `migprojectid`), " +
				"e.g. a `sms_migration_project`'s `id`. New servers register into the account's default project. Left " +
				"out, it shows the project the server is in; removing it from the configuration leaves the server there.",
			Optional:      true,
			Computed:      true,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			Validators:    []validator.String{stringvalidator.LengthBetween(1, conns.MigrationTaskMaxStringLength)},
		},
		"ip":                    stable("The IP address of the source server."),
		"hostname":              stable("The host name of the source server."),
		"os_type":               stable("The OS type: `WINDOWS` or `LINUX`."),
		"os_version":            stable("The OS version, e.g. `CENTOS7_64BIT`."),
		"firmware":              stable("The boot mode: `BIOS` or `UEFI`."),
		"agent_version":         stable("The version of the SMS Agent on the source server."),
		"enterprise_project_id": stable("The enterprise project ID of the source server (`0` is the default enterprise project)."),
		"cpu_quantity":          stableInt("The number of CPU cores."),
		"memory":                stableInt("The memory size, in MB."),
		"add_date":              stableInt("When the source server was registered, in epoch milliseconds."),
		"state": volatile("The source server's state, e.g. `waiting`, `replicate`, `syncing`, `finished`, `unavailable` " +
			"(its environment check failed) or `error`."),
		"migration_cycle": volatile("The migration cycle: `checking`, `setting`, `replicating`, `syncing`, `cutovering` or `cutovered`."),
		"connected": schema.BoolAttribute{
			MarkdownDescription: "Whether the source server's Agent is connected to SMS.",
			Computed:            true,
		},
		"current_task": schema.SingleNestedAttribute{
			MarkdownDescription: "The migration task bound to the source server, if any.",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"id":    volatile("The task ID."),
				"name":  volatile("The task name."),
				"type":  volatile("The task type: `MIGRATE_FILE` or `MIGRATE_BLOCK`."),
				"state": volatile("The task state."),
			},
		},
	}
}
