package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// actionsServer serves the actions and list resources (Terraform 1.14) of the framework's
// own server beside the guarded server: the servers in front of the framework (the fast
// path, intguard) embed tfprotov6.ProviderServer, which has neither's RPCs, so without
// this Terraform would be told "ValidateActionConfig Not Implemented" or that the provider
// "does not support list resource".
type actionsServer struct {
	tfprotov6.ProviderServer
	actions tfprotov6.ActionServer
	lists   tfprotov6.ListResourceServer
}

var (
	_ tfprotov6.ActionServer       = actionsServer{}
	_ tfprotov6.ListResourceServer = actionsServer{}
)

// withActions gives guarded the actions and list resources of framework (the framework's
// server always has both RPCs).
func withActions(guarded, framework tfprotov6.ProviderServer) tfprotov6.ProviderServer {
	actions, ok := framework.(tfprotov6.ActionServer)
	lists, ok2 := framework.(tfprotov6.ListResourceServer)
	if !ok || !ok2 {
		return guarded
	}
	return actionsServer{ProviderServer: guarded, actions: actions, lists: lists}
}

func (s actionsServer) ValidateListResourceConfig(ctx context.Context, req *tfprotov6.ValidateListResourceConfigRequest) (*tfprotov6.ValidateListResourceConfigResponse, error) {
	return s.lists.ValidateListResourceConfig(ctx, req)
}

func (s actionsServer) ListResource(ctx context.Context, req *tfprotov6.ListResourceRequest) (*tfprotov6.ListResourceServerStream, error) {
	return s.lists.ListResource(ctx, req)
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
