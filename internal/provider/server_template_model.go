package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/sms-migration/terraform-provider-sms/internal/client"
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
		Region:           stringPointer(m.Region),
		ProjectID:        stringPointer(m.ProjectID),
		TargetServerName: stringPointer(m.TargetServerName),
		AvailabilityZone: stringPointer(m.AvailabilityZone),
		VolumeType:       stringPointer(m.VolumeType),
		DataVolumeType:   stringPointer(m.DataVolumeType),
		Flavor:           stringPointer(m.Flavor),
		ImageID:          stringPointer(m.ImageID),
		TargetPassword:   stringPointer(password),
	}
	if !m.VPC.IsNull() && !m.VPC.IsUnknown() {
		var v serverTemplateVPCModel
		diags.Append(m.VPC.As(ctx, &v, objectAsOptions)...)
		t.VPC = &client.TemplateVPC{ID: stringPointer(v.ID), Name: stringPointer(v.Name), CIDR: stringPointer(v.CIDR)}
	}
	if !m.PublicIP.IsNull() && !m.PublicIP.IsUnknown() {
		var p serverTemplatePublicIPModel
		diags.Append(m.PublicIP.As(ctx, &p, objectAsOptions)...)
		t.PublicIP = &client.TemplatePublicIP{Type: p.Type.ValueString(), BandwidthSize: p.BandwidthSize.ValueInt64(),
			BandwidthShareType: stringPointer(p.BandwidthShareType)}
	}
	var nics []serverTemplateNicModel
	diags.Append(listAs(ctx, m.Nics, &nics)...)
	for _, n := range nics {
		t.Nics = append(t.Nics, client.TemplateNic{ID: n.ID.ValueString(), Name: n.Name.ValueString(), CIDR: n.CIDR.ValueString(), IP: stringPointer(n.IP)})
	}
	var groups []serverTemplateSecurityGroupModel
	diags.Append(listAs(ctx, m.SecurityGroups, &groups)...)
	for _, g := range groups {
		t.SecurityGroups = append(t.SecurityGroups, client.TemplateSecurityGroup{ID: g.ID.ValueString(), Name: g.Name.ValueString()})
	}
	var disks []serverTemplateDiskModel
	diags.Append(listAs(ctx, m.Disks, &disks)...)
	for _, d := range disks {
		t.Disk = append(t.Disk, client.TemplateDisk{ID: int64Pointer(d.ID), Index: d.Index.ValueInt64(), Name: d.Name.ValueString(),
			DiskType: d.DiskType.ValueString(), Size: d.Size.ValueInt64(), DeviceUse: stringPointer(d.DeviceUse)})
	}
	return t, diags
}

// objectAsOptions: every nested object here is known when it is expanded.
var objectAsOptions = basetypes.ObjectAsOptions{}

// listAs decodes a known list into target; a null or unknown list leaves it empty.
func listAs[T any](ctx context.Context, l types.List, target *[]T) diag.Diagnostics {
	if l.IsNull() || l.IsUnknown() {
		return nil
	}
	return l.ElementsAs(ctx, target, false)
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

	m.VPC = types.ObjectNull(vpcType)
	if v := t.VPC; v != nil {
		obj, d := types.ObjectValueFrom(ctx, vpcType, serverTemplateVPCModel{ID: types.StringPointerValue(v.ID),
			Name: types.StringPointerValue(v.Name), CIDR: types.StringPointerValue(v.CIDR)})
		diags.Append(d...)
		m.VPC = obj
	}
	m.PublicIP = types.ObjectNull(publicIPType)
	if p := t.PublicIP; p != nil {
		obj, d := types.ObjectValueFrom(ctx, publicIPType, serverTemplatePublicIPModel{Type: types.StringValue(p.Type),
			BandwidthSize: types.Int64Value(p.BandwidthSize), BandwidthShareType: types.StringPointerValue(p.BandwidthShareType)})
		diags.Append(d...)
		m.PublicIP = obj
	}
	m.Nics = types.ListNull(types.ObjectType{AttrTypes: nicType})
	if t.Nics != nil {
		nics := make([]serverTemplateNicModel, len(t.Nics))
		for i, n := range t.Nics {
			nics[i] = serverTemplateNicModel{ID: types.StringValue(n.ID), Name: types.StringValue(n.Name), CIDR: types.StringValue(n.CIDR), IP: types.StringPointerValue(n.IP)}
		}
		l, d := types.ListValueFrom(ctx, types.ObjectType{AttrTypes: nicType}, nics)
		diags.Append(d...)
		m.Nics = l
	}
	m.SecurityGroups = types.ListNull(types.ObjectType{AttrTypes: sgType})
	if t.SecurityGroups != nil {
		groups := make([]serverTemplateSecurityGroupModel, len(t.SecurityGroups))
		for i, g := range t.SecurityGroups {
			groups[i] = serverTemplateSecurityGroupModel{ID: types.StringValue(g.ID), Name: types.StringValue(g.Name)}
		}
		l, d := types.ListValueFrom(ctx, types.ObjectType{AttrTypes: sgType}, groups)
		diags.Append(d...)
		m.SecurityGroups = l
	}
	m.Disks = types.ListNull(types.ObjectType{AttrTypes: diskType})
	if t.Disk != nil {
		disks := make([]serverTemplateDiskModel, len(t.Disk))
		for i, d := range t.Disk {
			disks[i] = serverTemplateDiskModel{ID: types.Int64PointerValue(d.ID), Index: types.Int64Value(d.Index), Name: types.StringValue(d.Name),
				DiskType: types.StringValue(d.DiskType), Size: types.Int64Value(d.Size), DeviceUse: types.StringPointerValue(d.DeviceUse)}
		}
		l, d := types.ListValueFrom(ctx, types.ObjectType{AttrTypes: diskType}, disks)
		diags.Append(d...)
		m.Disks = l
	}
	return diags
}
