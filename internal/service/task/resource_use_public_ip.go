package task

import (
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// migrationTaskUsePublicIPDefault is use_public_ip's default as CreateTask documents it.
const migrationTaskUsePublicIPDefault = true

// migrationTaskUsePublicIPAttribute is use_public_ip: a CreateTask flag that today's update
// body has too, like exist_server, but whose documented default is true. A schema
// default would plan a change for every task whose state holds false from an earlier
// version (a replacement under "seed"), so the default is planned on a create only
// (planUsePublicIPDefault) and an update keeps what state holds.
func migrationTaskUsePublicIPAttribute() schema.BoolAttribute {
	return schema.BoolAttribute{
		MarkdownDescription: "Whether to migrate over the public network (through the target server's EIP). When unset on a " +
			"create, the provider plans and sends `true`, CreateTask's documented default (versions before this one sent " +
			"`false`); on a task already in state an unset value keeps what state holds. SMS never reports it, so state " +
			"keeps the value sent. With `api_model = \"current\"` (today's update body has it) a change is sent in place; " +
			"with `\"seed\"` (the 2024 update body lacks it) changing it forces a new task, except on the first apply " +
			"after an import, which adopts the configured value.",
		Optional:      true,
		Computed:      true,
		PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
	}
}

// planUsePublicIPDefault plans use_public_ip as CreateTask's documented default when a
// create leaves it unset, so the plan shows what is sent and what state will hold.
func planUsePublicIPDefault(p *migrationTaskPlanning) {
	if p.prior != nil || !p.config["use_public_ip"].IsNull() || !p.plan["use_public_ip"].IsUnknown() {
		return
	}
	p.set("use_public_ip", types.BoolValue(migrationTaskUsePublicIPDefault))
}
