package fastpath

import (
	"context"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// UpgradeResourceState answers the call Terraform makes for every instance before each
// refresh, when the stored state is already at the schema's version: the framework's
// passthrough (read the JSON with the schema's type, ignoring attributes the schema no
// longer has, and send it back), but with the type built once. The framework rebuilds
// the schema's type for each call and walks every attribute path from the root to turn
// null list blocks into empty ones, which this schema cannot hold (NewWalkedSchema
// refuses blocks); at 500 instances that was a quarter of the provider's CPU in a plan.
// The state's JSON is transcoded to msgpack directly (transcodeState); a state it does
// not take is read into tftypes values as the framework reads it.
// Anything else (another version, a flatmap state, a state that does not read) goes to
// the framework, so its answer and its diagnostics stay the framework's own.
func (s *protocolServer) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	if req == nil || req.TypeName != s.typeName || req.RawState == nil || req.RawState.JSON == nil ||
		req.Version != s.task.schema.Version {
		return s.ProviderServer.UpgradeResourceState(ctx, req)
	}
	if s.stateShape != nil {
		if msgpack, ok := s.stateShape.transcodeState(req.RawState.JSON); ok {
			return &tfprotov6.UpgradeResourceStateResponse{UpgradedState: &tfprotov6.DynamicValue{MsgPack: msgpack}}, nil
		}
	}
	state, err := req.RawState.UnmarshalWithOpts(s.task.objType, tfprotov6.UnmarshalOpts{
		ValueFromJSONOpts: tftypes.ValueFromJSONOpts{IgnoreUndefinedAttributes: true},
	})
	if err != nil {
		return s.ProviderServer.UpgradeResourceState(ctx, req)
	}
	upgraded, err := tfprotov6.NewDynamicValue(s.task.objType, state)
	if err != nil {
		return s.ProviderServer.UpgradeResourceState(ctx, req)
	}
	return &tfprotov6.UpgradeResourceStateResponse{UpgradedState: &upgraded}, nil
}
