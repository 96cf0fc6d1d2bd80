package template

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/values"
)

// serverTemplateModel is the state of sms_server_template.
type serverTemplateModel struct {
	ID                      types.String `tfsdk:"id"`
	Name                    types.String `tfsdk:"name"`
	IsTemplate              types.Bool   `tfsdk:"is_template"`
	Region                  types.String `tfsdk:"region"`
	ProjectID               types.String `tfsdk:"project_id"`
	TargetServerName        types.String `tfsdk:"target_server_name"`
	AvailabilityZone        types.String `tfsdk:"availability_zone"`
	VolumeType              types.String `tfsdk:"volume_type"`
	DataVolumeType          types.String `tfsdk:"data_volume_type"`
	Flavor                  types.String `tfsdk:"flavor"`
	ImageID                 types.String `tfsdk:"image_id"`
	VPC                     types.Object `tfsdk:"vpc"`
	Nics                    types.List   `tfsdk:"nics"`
	SecurityGroups          types.List   `tfsdk:"security_groups"`
	PublicIP                types.Object `tfsdk:"public_ip"`
	Disks                   types.List   `tfsdk:"disks"`
	TargetPasswordWO        types.String `tfsdk:"target_password_wo"`
	TargetPasswordWOVersion types.Int64  `tfsdk:"target_password_wo_version"`
}

type serverTemplateVPCModel struct {
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
	CIDR types.String `tfsdk:"cidr"`
}

type serverTemplateNicModel struct {
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
	CIDR types.String `tfsdk:"cidr"`
	IP   types.String `tfsdk:"ip"`
}

type serverTemplateSecurityGroupModel struct {
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
}

type serverTemplatePublicIPModel struct {
	Type               types.String `tfsdk:"type"`
	BandwidthSize      types.Int64  `tfsdk:"bandwidth_size"`
	BandwidthShareType types.String `tfsdk:"bandwidth_share_type"`
}

type serverTemplateDiskModel struct {
	ID        types.Int64  `tfsdk:"id"`
	Index     types.Int64  `tfsdk:"index"`
	Name      types.String `tfsdk:"name"`
	DiskType  types.String `tfsdk:"disktype"`
	Size      types.Int64  `tfsdk:"size"`
	DeviceUse types.String `tfsdk:"device_use"`
}

// expandServerTemplate builds the whole TemplateRequest from the plan; password is the
// write-only password from the configuration (null when there is none).
func expandServerTemplate(ctx context.Context, m serverTemplateModel, password types.String) (*client.Template, diag.Diagnostics) {
	var diags diag.Diagnostics
	t := &client.Template{
		Name:             m.Name.ValueString(),
		IsTemplate:       m.IsTemplate.ValueBoolPointer(),
		Region:           values.StringPointer(m.Region),
		ProjectID:        values.StringPointer(m.ProjectID),
		TargetServerName: values.StringPointer(m.TargetServerName),
		AvailabilityZone: values.StringPointer(m.AvailabilityZone),
		VolumeType:       values.StringPointer(m.VolumeType),
		DataVolumeType:   values.StringPointer(m.DataVolumeType),
		Flavor:           values.StringPointer(m.Flavor),
		ImageID:          values.StringPointer(m.ImageID),
		TargetPassword:   values.StringPointer(password),
	}
	var d diag.Diagnostics
	t.VPC, d = templateWireObject(ctx, m.VPC, func(v serverTemplateVPCModel) client.TemplateVPC {
		return client.TemplateVPC{ID: values.StringPointer(v.ID), Name: values.StringPointer(v.Name), CIDR: values.StringPointer(v.CIDR)}
	})
	diags.Append(d...)
	t.PublicIP, d = templateWireObject(ctx, m.PublicIP, func(p serverTemplatePublicIPModel) client.TemplatePublicIP {
		return client.TemplatePublicIP{Type: p.Type.ValueString(), BandwidthSize: p.BandwidthSize.ValueInt64(),
			BandwidthShareType: values.StringPointer(p.BandwidthShareType)}
	})
	diags.Append(d...)
	t.Nics, d = templateWireList(ctx, m.Nics, func(n serverTemplateNicModel) client.TemplateNic {
		return client.TemplateNic{ID: n.ID.ValueString(), Name: n.Name.ValueString(), CIDR: n.CIDR.ValueString(), IP: values.StringPointer(n.IP)}
	})
	diags.Append(d...)
	t.SecurityGroups, d = templateWireList(ctx, m.SecurityGroups, func(g serverTemplateSecurityGroupModel) client.TemplateSecurityGroup {
		return client.TemplateSecurityGroup{ID: g.ID.ValueString(), Name: g.Name.ValueString()}
	})
	diags.Append(d...)
	t.Disk, d = templateWireList(ctx, m.Disks, func(disk serverTemplateDiskModel) client.TemplateDisk {
		return client.TemplateDisk{ID: values.Int64Pointer(disk.ID), Index: disk.Index.ValueInt64(), Name: disk.Name.ValueString(),
			DiskType: disk.DiskType.ValueString(), Size: disk.Size.ValueInt64(), DeviceUse: values.StringPointer(disk.DeviceUse)}
	})
	diags.Append(d...)
	return t, diags
}

// objectAsOptions: every nested object here is known when it is expanded.
var objectAsOptions = basetypes.ObjectAsOptions{}

// templateWireObject is the API object of a nested object attribute; nil, so not sent,
// when the attribute is null or unknown.
func templateWireObject[M, W any](ctx context.Context, o types.Object, toWire func(M) W) (*W, diag.Diagnostics) {
	if o.IsNull() || o.IsUnknown() {
		return nil, nil
	}
	var m M
	diags := o.As(ctx, &m, objectAsOptions)
	w := toWire(m)
	return &w, diags
}

// templateWireList is the API array of a nested list attribute; nil, so not sent, when
// the list is null, unknown or empty.
func templateWireList[M, W any](ctx context.Context, l types.List, toWire func(M) W) ([]W, diag.Diagnostics) {
	if l.IsNull() || l.IsUnknown() {
		return nil, nil
	}
	var models []M
	diags := l.ElementsAs(ctx, &models, false)
	var out []W
	for _, m := range models {
		out = append(out, toWire(m))
	}
	return out, diags
}

// flattenServerTemplate sets every attribute the API returns on m. The password is
// never read back; the write-only attributes keep what m holds.
func flattenServerTemplate(ctx context.Context, t *client.TemplateAnswer, m *serverTemplateModel) diag.Diagnostics {
	var diags diag.Diagnostics
	vpcType, nicType, sgType, publicIPType, diskType := serverTemplateNestedTypes()
	m.ID = types.StringPointerValue(t.ID)
	m.Name = types.StringValue(t.Name)
	m.IsTemplate = types.BoolValue(t.IsTemplateText != nil && *t.IsTemplateText == "true")
	m.Region = types.StringPointerValue(t.Region)
	m.ProjectID = types.StringPointerValue(t.ProjectID)
	m.TargetServerName = types.StringPointerValue(t.TargetServerName)
	m.AvailabilityZone = types.StringPointerValue(t.AvailabilityZone)
	m.VolumeType = types.StringPointerValue(t.VolumeType)
	m.DataVolumeType = types.StringPointerValue(t.DataVolumeType)
	m.Flavor = types.StringPointerValue(t.Flavor)
	m.ImageID = types.StringPointerValue(t.ImageID)

	var d diag.Diagnostics
	m.VPC, d = templateObject(ctx, vpcType, t.VPC, func(v *client.TemplateVPC) serverTemplateVPCModel {
		return serverTemplateVPCModel{ID: types.StringPointerValue(v.ID), Name: types.StringPointerValue(v.Name), CIDR: types.StringPointerValue(v.CIDR)}
	})
	diags.Append(d...)
	m.PublicIP, d = templateObject(ctx, publicIPType, t.PublicIP, func(p *client.TemplatePublicIP) serverTemplatePublicIPModel {
		return serverTemplatePublicIPModel{Type: types.StringValue(p.Type), BandwidthSize: types.Int64Value(p.BandwidthSize),
			BandwidthShareType: types.StringPointerValue(p.BandwidthShareType)}
	})
	diags.Append(d...)
	m.Nics, d = templateList(ctx, nicType, t.Nics, func(n client.TemplateNic) serverTemplateNicModel {
		return serverTemplateNicModel{ID: types.StringValue(n.ID), Name: types.StringValue(n.Name), CIDR: types.StringValue(n.CIDR), IP: types.StringPointerValue(n.IP)}
	})
	diags.Append(d...)
	m.SecurityGroups, d = templateList(ctx, sgType, t.SecurityGroups, func(g client.TemplateSecurityGroup) serverTemplateSecurityGroupModel {
		return serverTemplateSecurityGroupModel{ID: types.StringValue(g.ID), Name: types.StringValue(g.Name)}
	})
	diags.Append(d...)
	m.Disks, d = templateList(ctx, diskType, t.Disk, func(disk client.TemplateDisk) serverTemplateDiskModel {
		return serverTemplateDiskModel{ID: types.Int64PointerValue(disk.ID), Index: types.Int64Value(disk.Index), Name: types.StringValue(disk.Name),
			DiskType: types.StringValue(disk.DiskType), Size: types.Int64Value(disk.Size), DeviceUse: types.StringPointerValue(disk.DeviceUse)}
	})
	diags.Append(d...)
	return diags
}

// templateObject is the nested object of an API object; null when the API sent none.
func templateObject[W, M any](ctx context.Context, attrTypes map[string]attr.Type, wire *W, toModel func(*W) M) (types.Object, diag.Diagnostics) {
	if wire == nil {
		return types.ObjectNull(attrTypes), nil
	}
	return types.ObjectValueFrom(ctx, attrTypes, toModel(wire))
}

// templateList is the nested list of an API array: null when the API sent none, and
// empty, not null, when it sent [].
func templateList[W, M any](ctx context.Context, attrTypes map[string]attr.Type, wire []W, toModel func(W) M) (types.List, diag.Diagnostics) {
	elemType := types.ObjectType{AttrTypes: attrTypes}
	if wire == nil {
		return types.ListNull(elemType), nil
	}
	models := make([]M, len(wire))
	for i, w := range wire {
		models[i] = toModel(w)
	}
	return types.ListValueFrom(ctx, elemType, models)
}
