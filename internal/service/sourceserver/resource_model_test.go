package sourceserver

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/values"
)

func TestFlattenSourceServerResource(t *testing.T) {
	t.Parallel()
	resp := &resource.SchemaResponse{}
	(&sourceServerResource{}).Schema(context.Background(), resource.SchemaRequest{}, resp)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	for name, a := range resp.Schema.Attributes {
		if a.GetMarkdownDescription() == "" {
			t.Errorf("%s has no description", name)
		}
	}
	str := func(s string) *string { return &s }
	memory := int64(8192)
	s := &client.SourceServerDetail{SourceServerSummary: client.SourceServerSummary{
		ID: str("s1"), Name: str("web"), IP: str("10.0.0.21"), OSType: str("LINUX"), Memory: &memory, State: str("replicate"),
		CurrentTask: &client.SourceCurrentTask{ID: str("t1"), Name: str("web-mig"), State: str("RUNNING")},
	}, Hostname: str("web.local")}

	m := flattenSourceServerResource(s, "mp-1")
	if m.MigrationProjectID.ValueString() != "mp-1" || m.Memory.ValueInt64() != 8192 || m.Hostname.ValueString() != "web.local" {
		t.Errorf("flattened %+v", m)
	}
	if got := m.CurrentTask.Attributes()["state"].String(); got != `"RUNNING"` {
		t.Errorf("current_task.state = %s", got)
	}
	if !m.CurrentTask.Attributes()["type"].IsNull() || !m.Firmware.IsNull() {
		t.Errorf("what the API leaves out must be null: %+v", m)
	}
	// The model fits the schema's object type.
	objectType, ok := resp.Schema.Type().(types.ObjectType)
	if !ok {
		t.Fatalf("the schema's type is %T", resp.Schema.Type())
	}
	if _, diags := values.ObjectFromModel(objectType.AttrTypes, m); diags.HasError() {
		t.Errorf("model and schema disagree: %v", diags)
	}

	// In no project, with no task: both null.
	s.CurrentTask = nil
	m = flattenSourceServerResource(s, "")
	if !m.MigrationProjectID.IsNull() || !m.CurrentTask.IsNull() {
		t.Errorf("no project, no task: %+v", m)
	}
}
