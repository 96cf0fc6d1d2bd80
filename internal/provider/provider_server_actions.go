package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// actionsServer serves the actions (Terraform 1.14) of the framework's own server beside
// the guarded server: the servers in front of the framework (the fast path, intguard) embed
// tfprotov6.ProviderServer, which has no action RPCs, so without this Terraform would be
// told "ValidateActionConfig Not Implemented".
type actionsServer struct {
	tfprotov6.ProviderServer
	actions tfprotov6.ActionServer
}

var _ tfprotov6.ActionServer = actionsServer{}

// withActions gives guarded the actions of framework, when it has any.
func withActions(guarded, framework tfprotov6.ProviderServer) tfprotov6.ProviderServer {
	actions, ok := framework.(tfprotov6.ActionServer)
	if !ok {
		return guarded
	}
	return actionsServer{ProviderServer: guarded, actions: actions}
}

func (s actionsServer) ValidateActionConfig(ctx context.Context, req *tfprotov6.ValidateActionConfigRequest) (*tfprotov6.ValidateActionConfigResponse, error) {
	return s.actions.ValidateActionConfig(ctx, req)
}

func (s actionsServer) PlanAction(ctx context.Context, req *tfprotov6.PlanActionRequest) (*tfprotov6.PlanActionResponse, error) {
	return s.actions.PlanAction(ctx, req)
}

func (s actionsServer) InvokeAction(ctx context.Context, req *tfprotov6.InvokeActionRequest) (*tfprotov6.InvokeActionServerStream, error) {
	return s.actions.InvokeAction(ctx, req)
}
