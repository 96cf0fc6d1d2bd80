package project

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/dsschema"
)

// migrationProjectTypes are the migration types a project may default to.
var migrationProjectTypes = []string{"MIGRATE_BLOCK", "MIGRATE_FILE"}

// migrationProjectMeanings say what each attribute holds. The resource adds how to set
// it; the data sources, which only show it, use these alone.
var migrationProjectMeanings = dsschema.DataSourceDescriptions{
	"id":                  "The migration project ID, assigned by SMS.",
	"name":                "The project name.",
	"description":         "A description of the project.",
	"is_default":          "Whether this is the account's default migration project, the one new source servers register into.",
	"region":              "The region name the project's migrations go to, e.g. `ap-southeast-3`.",
	"type":                "The default migration type: `MIGRATE_BLOCK` (block-level) or `MIGRATE_FILE` (file-level).",
	"speed_limit":         "The default speed limit of a migration, in Mbit/s; `0` means no limit.",
	"enterprise_project":  "The **name** (not the ID) of the enterprise project the targets go to.",
	"start_target_server": "Whether to start the target server after the migration.",
	"use_public_ip":       "Whether migrations go over the public network.",
	"exist_server":        "Whether migrations use existing servers as targets.",
	"syncing":             "Whether to keep syncing after the first full copy.",
	"start_network_check": "Whether to check the network quality before migrating.",
}

// unchangedWhenRemoved is the note of the optional attributes: UpdateMigproject merges,
// so an attribute removed from the configuration is not sent and stays as SMS holds it
// (they are Computed and keep their state when unconfigured).
const unchangedWhenRemoved = " Left unchanged in SMS when removed from the configuration."

func (r *migrationProjectResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Huawei Cloud SMS migration project (`/v3/migprojects`): the defaults (region, migration type, " +
			"network, sync, speed limit, existing target servers) shared by the source servers assigned to it. A source " +
			"server joins a project through `sms_source_server`'s `migration_project_id`. Every attribute is changed in " +
			"place: SMS merges the changed keys into the project and keeps the others.\n\n" +
			"Every account has exactly one default project, which new source servers register into; `is_default` marks it. " +
			"SMS refuses to delete the default project and has no call that unsets the mark, so this resource refuses, at " +
			"plan time, to destroy the default project or to set `is_default = false` on it: make another project the " +
			"default first.",
		Attributes: migrationProjectAttributes(),
	}
}

func migrationProjectAttributes() map[string]schema.Attribute {
	m := migrationProjectMeanings
	optionalBool := func(name string) schema.BoolAttribute {
		return schema.BoolAttribute{MarkdownDescription: m[name] + unchangedWhenRemoved,
			Optional: true, Computed: true, PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}}
	}
	return map[string]schema.Attribute{
		"id": schema.StringAttribute{
			MarkdownDescription: m["id"],
			Computed:            true,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"name": schema.StringAttribute{
			MarkdownDescription: m["name"] + " 1 to 255 characters: Chinese characters, letters, digits, `_` and `-` only.",
			Required:            true,
			Validators: []validator.String{
				stringvalidator.UTF8LengthBetween(1, conns.MigrationTaskMaxStringLength),
				stringvalidator.RegexMatches(conns.MigrationTaskNamePattern,
					"must contain only Chinese characters, letters, digits, underscores (_) and hyphens (-)"),
			},
		},
		"description": schema.StringAttribute{
			MarkdownDescription: m["description"] + " At most 255 characters." + unchangedWhenRemoved,
			Optional:            true,
			Computed:            true,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			Validators:          []validator.String{stringvalidator.UTF8LengthAtMost(conns.MigrationTaskMaxStringLength)},
		},
		// No UseStateForUnknown: another project may take the mark during the same apply.
		"is_default": schema.BoolAttribute{
			MarkdownDescription: m["is_default"] + " Setting it to `true` makes this project the default " +
				"(`PUT /v3/migprojects/{id}/default`); the previous default project stops being it. SMS has no call that " +
				"unsets the mark: `false` on the default project is refused at plan time, and so is destroying the default " +
				"project, until another project is made the default. Left out, it shows what SMS says. Set it to `true` on " +
				"one project only: two projects that both claim it take the mark from each other on every apply.",
			Optional: true,
			Computed: true,
		},
		"region": schema.StringAttribute{
			MarkdownDescription: m["region"] + " Defaults to the provider's `region`.",
			Optional:            true,
			Computed:            true,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			Validators:          []validator.String{stringvalidator.LengthBetween(1, conns.MigrationTaskMaxStringLength)},
		},
		"type": schema.StringAttribute{
			MarkdownDescription: m["type"],
			Required:            true,
			Validators:          []validator.String{stringvalidator.OneOf(migrationProjectTypes...)},
		},
		"speed_limit": schema.Int64Attribute{
			MarkdownDescription: m["speed_limit"] + " 0 to 2147483647." + unchangedWhenRemoved,
			Optional:            true,
			Computed:            true,
			PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			Validators:          []validator.Int64{int64validator.Between(0, conns.MigrationTaskMaxInt32)},
		},
		"enterprise_project": schema.StringAttribute{
			MarkdownDescription: m["enterprise_project"] + " 1 to 255 characters." + unchangedWhenRemoved,
			Optional:            true,
			Computed:            true,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			Validators:          []validator.String{stringvalidator.UTF8LengthBetween(1, conns.MigrationTaskMaxStringLength)},
		},
		"start_target_server": optionalBool("start_target_server"),
		"use_public_ip":       optionalBool("use_public_ip"),
		"exist_server":        optionalBool("exist_server"),
		"syncing":             optionalBool("syncing"),
		"start_network_check": optionalBool("start_network_check"),
	}
}
