package project

import (
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/values"
)

// migrationProjectModel is the state of sms_migration_project, and one item of the
// sms_migration_projects data source.
type migrationProjectModel struct {
	ID                types.String `tfsdk:"id"`
	Name              types.String `tfsdk:"name"`
	Description       types.String `tfsdk:"description"`
	IsDefault         types.Bool   `tfsdk:"is_default"`
	Region            types.String `tfsdk:"region"`
	Type              types.String `tfsdk:"type"`
	SpeedLimit        types.Int64  `tfsdk:"speed_limit"`
	EnterpriseProject types.String `tfsdk:"enterprise_project"`
	StartTargetServer types.Bool   `tfsdk:"start_target_server"`
	UsePublicIP       types.Bool   `tfsdk:"use_public_ip"`
	ExistServer       types.Bool   `tfsdk:"exist_server"`
	Syncing           types.Bool   `tfsdk:"syncing"`
	StartNetworkCheck types.Bool   `tfsdk:"start_network_check"`
}

// expandMigrationProject is the project body of m's known values. isdefault is never
// sent: UpdateDefaultMigproject is the documented way to make a project the default.
func expandMigrationProject(m migrationProjectModel) client.MigProject {
	return client.MigProject{
		Name:              m.Name.ValueString(),
		Description:       values.StringPointer(m.Description),
		Region:            m.Region.ValueString(),
		Type:              m.Type.ValueString(),
		SpeedLimit:        values.Int64Pointer(m.SpeedLimit),
		EnterpriseProject: values.StringPointer(m.EnterpriseProject),
		StartTargetServer: values.BoolPointer(m.StartTargetServer),
		UsePublicIP:       values.BoolPointer(m.UsePublicIP),
		ExistServer:       values.BoolPointer(m.ExistServer),
		Syncing:           values.BoolPointer(m.Syncing),
		StartNetworkCheck: values.BoolPointer(m.StartNetworkCheck),
	}
}

// migrationProjectChanges is the UpdateMigproject body from prior to planned: the
// fields of planned that differ from prior, the others left unset (and so unsent, as
// SMS merges). The second result says whether anything is to be sent.
func migrationProjectChanges(planned, prior client.MigProject) (client.MigProject, bool) {
	var out client.MigProject
	p, s, o := reflect.ValueOf(planned), reflect.ValueOf(prior), reflect.ValueOf(&out).Elem()
	changed := false
	for i := range p.NumField() {
		if p.Field(i).IsZero() || reflect.DeepEqual(p.Field(i).Interface(), s.Field(i).Interface()) {
			continue
		}
		o.Field(i).Set(p.Field(i))
		changed = true
	}
	return out, changed
}

// flattenMigrationProject is the model of what the API shows; a field it leaves out is null.
func flattenMigrationProject(p *client.MigProjectAnswer) migrationProjectModel {
	return migrationProjectModel{
		ID:                types.StringPointerValue(p.ID),
		Name:              types.StringValue(p.Name),
		Description:       types.StringPointerValue(p.Description),
		IsDefault:         types.BoolValue(p.IsDefault != nil && *p.IsDefault),
		Region:            types.StringValue(p.Region),
		Type:              types.StringValue(p.Type),
		SpeedLimit:        types.Int64PointerValue(p.SpeedLimit),
		EnterpriseProject: types.StringPointerValue(p.EnterpriseProject),
		StartTargetServer: types.BoolPointerValue(p.StartTargetServer),
		UsePublicIP:       types.BoolPointerValue(p.UsePublicIP),
		ExistServer:       types.BoolPointerValue(p.ExistServer),
		Syncing:           types.BoolPointerValue(p.Syncing),
		StartNetworkCheck: types.BoolPointerValue(p.StartNetworkCheck),
	}
}
