package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// TestServerServesActions: with the fast path on or off, the server in front of the
// framework answers the action RPCs and reports the actions and the ephemeral resource in
// its schema.
func TestServerServesActions(t *testing.T) {
	for _, fast := range []bool{true, false} {
		s, err := NewServer(ServerOptions{Version: "test", FastPath: fast})
		if err != nil {
			t.Fatal(err)
		}
		actions, ok := s.(tfprotov6.ActionServer)
		if !ok {
			t.Fatalf("fast path %t: the server does not serve actions", fast)
		}
		schema, err := s.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
		if err != nil {
			t.Fatal(err)
		}
		if len(schema.ActionSchemas) != 9 || schema.ActionSchemas["sms_migration_task_start"] == nil {
			t.Errorf("fast path %t: action schemas %v", fast, schema.ActionSchemas)
		}
		if schema.EphemeralResourceSchemas["sms_migration_task_passphrase"] == nil {
			t.Errorf("fast path %t: no ephemeral sms_migration_task_passphrase", fast)
		}
		resp, err := actions.ValidateActionConfig(context.Background(), &tfprotov6.ValidateActionConfigRequest{ActionType: "sms_migration_task_nope"})
		if err != nil || len(resp.Diagnostics) == 0 {
			t.Errorf("fast path %t: an unknown action validated: %v %v", fast, resp, err)
		}
		if ServedByFastPath(s) != fast {
			t.Errorf("fast path %t: ServedByFastPath = %t", fast, !fast)
		}
	}
}
