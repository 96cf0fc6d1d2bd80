package sourceserver

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

// sourceServerResourceModel is the state of the sms_source_server resource.
type sourceServerResourceModel struct {
	ID                  types.String `tfsdk:"id"`
	Name                types.String `tfsdk:"name"`
	MigrationProjectID  types.String `tfsdk:"migration_project_id"`
	IP                  types.String `tfsdk:"ip"`
	Hostname            types.String `tfsdk:"hostname"`
	OSType              types.String `tfsdk:"os_type"`
	OSVersion           types.String `tfsdk:"os_version"`
	Firmware            types.String `tfsdk:"firmware"`
	AgentVersion        types.String `tfsdk:"agent_version"`
	EnterpriseProjectID types.String `tfsdk:"enterprise_project_id"`
	CPUQuantity         types.Int64  `tfsdk:"cpu_quantity"`
	Memory              types.Int64  `tfsdk:"memory"`
	AddDate             types.Int64  `tfsdk:"add_date"`
	State               types.String `tfsdk:"state"`
	MigrationCycle      types.String `tfsdk:"migration_cycle"`
	Connected           types.Bool   `tfsdk:"connected"`
	CurrentTask         types.Object `tfsdk:"current_task"`
}

// flattenSourceServerResource is the state of source s, which is in migration project
// project ("" when in none).
func flattenSourceServerResource(s *client.SourceServerDetail, project string) sourceServerResourceModel {
	m := sourceServerResourceModel{
		ID:                  types.StringPointerValue(s.ID),
		Name:                types.StringPointerValue(s.Name),
		MigrationProjectID:  types.StringNull(),
		IP:                  types.StringPointerValue(s.IP),
		Hostname:            types.StringPointerValue(s.Hostname),
		OSType:              types.StringPointerValue(s.OSType),
		OSVersion:           types.StringPointerValue(s.OSVersion),
		Firmware:            types.StringPointerValue(s.Firmware),
		AgentVersion:        types.StringPointerValue(s.AgentVersion),
		EnterpriseProjectID: types.StringPointerValue(s.EnterpriseProjectID),
		CPUQuantity:         types.Int64PointerValue(s.CPUQuantity),
		Memory:              types.Int64PointerValue(s.Memory),
		AddDate:             types.Int64PointerValue(s.AddDate),
		State:               types.StringPointerValue(s.State),
		MigrationCycle:      types.StringPointerValue(s.MigrationCycle),
		Connected:           types.BoolPointerValue(s.Connected),
		CurrentTask:         types.ObjectNull(sourceServerCurrentTaskTypes),
	}
	if project != "" {
		m.MigrationProjectID = types.StringValue(project)
	}
	if t := s.CurrentTask; t != nil {
		m.CurrentTask = types.ObjectValueMust(sourceServerCurrentTaskTypes, map[string]attr.Value{
			"id": types.StringPointerValue(t.ID), "name": types.StringPointerValue(t.Name),
			"type": types.StringPointerValue(t.Type), "state": types.StringPointerValue(t.State),
		})
	}
	return m
}
