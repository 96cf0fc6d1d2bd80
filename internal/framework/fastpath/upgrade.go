package fastpath

import (
	"context"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// UpgradeResourceState answers the call Terraform makes for every instance before each
// refresh, when the stored state is already at the schema's version: the framework's
// passthrough (read the JSON with the schema's type, ignoring attributes the schema no
// longer has, and send it back), done by transcoding the JSON to msgpack with a shape laid
// out once (transcodeState). The framework rebuilds the schema's type for each call and
// walks every attribute path from the root to turn null list blocks into empty ones,
// which this schema cannot hold (NewWalkedSchema refuses blocks); at 500 instances that
// was a quarter of the provider's CPU in a plan. Anything else (another version, a
// flatmap state, a state the transcoder does not take) goes to the framework, so its
// answer and its diagnostics stay the framework's own.
func (s *protocolServer) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	if req == nil || req.TypeName != s.typeName || req.RawState == nil || req.RawState.JSON == nil ||
		req.Version != s.task.schema.Version {
		return s.ProviderServer.UpgradeResourceState(ctx, req)
	}
	msgpack, ok := s.stateShape.transcodeState(req.RawState.JSON)
	if !ok {
		return s.ProviderServer.UpgradeResourceState(ctx, req)
	}
	return &tfprotov6.UpgradeResourceStateResponse{UpgradedState: &tfprotov6.DynamicValue{MsgPack: msgpack}}, nil
}
