package template

import (
	"context"
	"math"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/validators"
)

// serverTemplateMaxBandwidth is the largest EIP bandwidth a template may ask for, in Mbit/s.
const serverTemplateMaxBandwidth = 2000

func (r *serverTemplateResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Huawei Cloud SMS target-VM template (`/v3/vm/templates`): where and how SMS creates the " +
			"target server of a migration (region, availability zone, flavor, VPC, subnets, security groups, EIP, disks). " +
			"Give its `id` to a `sms_migration_task`'s `vm_template_id`. Every change is made in place: SMS replaces the " +
			"whole template with what the configuration holds.",
		Attributes: serverTemplateAttributes(),
	}
}

func serverTemplateAttributes() map[string]schema.Attribute {
	s255 := stringvalidator.LengthAtMost(conns.MigrationTaskMaxStringLength)
	optionalString := func(d string, validators ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d, Optional: true, Validators: append([]validator.String{s255}, validators...)}
	}
	requiredString := func(d string, validators ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d, Required: true,
			Validators: append([]validator.String{stringvalidator.LengthBetween(1, conns.MigrationTaskMaxStringLength)}, validators...)}
	}
	location := func(d string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d, Optional: true, Computed: true,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			Validators:    []validator.String{stringvalidator.LengthBetween(1, conns.MigrationTaskMaxStringLength)}}
	}
	return map[string]schema.Attribute{
		"id": schema.StringAttribute{
			MarkdownDescription: "The template ID, assigned by SMS.",
			Computed:            true,
			PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		"name": schema.StringAttribute{
			MarkdownDescription: "The template name. 1 to 255 characters: Chinese characters, letters, digits, `_` and `-` only.",
			Required:            true,
			Validators: []validator.String{
				stringvalidator.UTF8LengthBetween(1, conns.MigrationTaskMaxStringLength),
				stringvalidator.RegexMatches(conns.MigrationTaskNamePattern,
					"must contain only Chinese characters, letters, digits, underscores (_) and hyphens (-)"),
			},
		},
		"is_template": schema.BoolAttribute{
			MarkdownDescription: "Whether this is a generic template (`true`, the default) rather than one bound to a task.",
			Optional:            true,
			Computed:            true,
			Default:             booldefault.StaticBool(true),
		},
		"region":             location("The region ID of the target server, e.g. `ap-southeast-3`. Defaults to the provider's `region`."),
		"project_id":         location("The project ID of the target server (the API's `projectid`). Defaults to the provider's `project_id`."),
		"target_server_name": optionalString("The name of the target server SMS creates. At most 255 characters."),
		"availability_zone":  optionalString("The availability zone of the target server, e.g. `ap-southeast-3a`. At most 255 characters."),
		"volume_type": optionalString("The EVS disk type of the target's system disk (the API's `volumetype`), e.g. `SAS`, `SSD`, " +
			"`SATA`, `GPSSD` or `ESSD`. At most 255 characters."),
		"data_volume_type": optionalString("The EVS disk type of the target's data disks, e.g. `SAS`, `SSD` or `SATA`. At most 255 characters."),
		"flavor":           optionalString("The ECS flavor of the target server, e.g. `s6.large.2`. At most 255 characters."),
		"image_id":         optionalString("The image the target server is created from, when you choose one. At most 255 characters."),
		"vpc": schema.SingleNestedAttribute{
			MarkdownDescription: "The VPC of the target server. Set `id` to `autoCreate` to let SMS create one.",
			Optional:            true,
			Attributes: map[string]schema.Attribute{
				"id":   optionalString("The VPC ID, or `autoCreate`. At most 255 characters."),
				"name": optionalString("The VPC name. At most 255 characters."),
				"cidr": optionalString("The VPC's CIDR block (SMS uses `192.168.0.0/16` when it creates the VPC).", validators.IPAddressValidator{Family: 4, Prefix: true}),
			},
		},
		"nics": schema.ListNestedAttribute{
			MarkdownDescription: "The subnets of the target server's NICs. A single element with `id = \"autoCreate\"` lets SMS create the subnet.",
			Optional:            true,
			Validators:          []validator.List{listvalidator.SizeAtLeast(1), autoCreateAloneValidator{}},
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"id":   requiredString("The subnet ID, or `autoCreate`."),
				"name": requiredString("The subnet name."),
				"cidr": requiredString("The subnet's CIDR block (gateway/mask), e.g. `192.168.0.0/24`.", validators.IPAddressValidator{Family: 4, Prefix: true}),
				"ip":   optionalString("A fixed private IP address for the NIC; SMS assigns one when unset.", validators.IPAddressValidator{Family: 4}),
			}},
		},
		"security_groups": schema.ListNestedAttribute{
			MarkdownDescription: "The security groups of the target server. A single element with `id = \"autoCreate\"` lets SMS create one.",
			Optional:            true,
			Validators:          []validator.List{listvalidator.SizeAtLeast(1), autoCreateAloneValidator{}},
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"id":   requiredString("The security group ID, or `autoCreate`."),
				"name": requiredString("The security group name."),
			}},
		},
		"public_ip": schema.SingleNestedAttribute{
			MarkdownDescription: "The EIP of the target server, for a migration over the public network (the API's `publicip`).",
			Optional:            true,
			Attributes: map[string]schema.Attribute{
				"type": requiredString("The EIP type, e.g. `5_bgp`."),
				"bandwidth_size": schema.Int64Attribute{
					MarkdownDescription: "The bandwidth, in Mbit/s: 1 to 300, then multiples of 50 up to 1000, then multiples of 500 up to 2000.",
					Required:            true,
					Validators:          []validator.Int64{int64validator.Between(1, serverTemplateMaxBandwidth), bandwidthStepValidator{}},
				},
				"bandwidth_share_type": optionalString("The bandwidth share type, e.g. `PER` (dedicated) or `WHOLE` (shared)."),
			},
		},
		"disks": schema.ListNestedAttribute{
			MarkdownDescription: "The disk layout of the target server (the API's `disk`).",
			Optional:            true,
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"id": schema.Int64Attribute{
					MarkdownDescription: "The disk's ID in SMS, when it has one.",
					Optional:            true,
					Computed:            true,
					PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseNonNullStateForUnknown()},
					Validators:          []validator.Int64{int64validator.AtLeast(0)},
				},
				"index": schema.Int64Attribute{
					MarkdownDescription: "The disk's position, from `0`.",
					Required:            true,
					Validators:          []validator.Int64{int64validator.Between(0, math.MaxInt32)},
				},
				"name":     requiredString("The disk name."),
				"disktype": requiredString("The EVS disk type, e.g. `SAS`, `SSD` or `SATA`."),
				"size": schema.Int64Attribute{
					MarkdownDescription: "The disk size, in **GB** (not bytes).",
					Required:            true,
					Validators:          []validator.Int64{int64validator.AtLeast(1)},
				},
				"device_use": optionalString("The disk's role, e.g. `OS` or `NORMAL`."),
			}},
		},
		"target_password_wo": schema.StringAttribute{
			MarkdownDescription: "The password of the target server. Write-only: sent on every create and update, never " +
				"stored in the state or read back. Change `target_password_wo_version` to send a new one. Needs Terraform 1.11 or later.",
			Optional:   true,
			Sensitive:  true,
			WriteOnly:  true,
			Validators: []validator.String{stringvalidator.LengthBetween(1, conns.MigrationTaskMaxStringLength)},
		},
		"target_password_wo_version": schema.Int64Attribute{
			MarkdownDescription: "Any number; change it to update the template with a new `target_password_wo`.",
			Optional:            true,
		},
	}
}

// Object types of the nested attributes, from the schema so the two cannot disagree.
func serverTemplateNestedTypes() (vpc, nic, sg, publicIP, disk map[string]attr.Type) {
	attrs := serverTemplateAttributes()
	objectOf := func(name string) map[string]attr.Type {
		switch t := attrs[name].GetType().(type) {
		case types.ObjectType:
			return t.AttrTypes
		case types.ListType:
			if elem, ok := t.ElemType.(types.ObjectType); ok {
				return elem.AttrTypes
			}
		}
		panic("serverTemplateNestedTypes: " + name + " is not nested")
	}
	return objectOf("vpc"), objectOf("nics"), objectOf("security_groups"), objectOf("public_ip"), objectOf("disks")
}
