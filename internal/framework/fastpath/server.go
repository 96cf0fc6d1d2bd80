package fastpath

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// protocolServer is the fast path: a protocol server in front of the framework's own
// (inner). Every call goes to inner except, for the one resource type it serves, the four
// Terraform makes for each instance: ValidateResourceConfig, PlanResourceChange,
// ReadResource and ApplyResourceChange. Those it answers itself with the resource's own
// schema, validators, defaults, plan modifiers, ModifyPlan, Read, Create, Update and
// Delete, in the framework's order and with the framework's outcome, but going down each
// value once with its schema: the framework looks every attribute up by path from the
// root, rebuilding the schema's attribute map at each step and each nested type along
// it, so its own passes cost the size of the schema for every value an instance holds
// (see BENCHMARKS.md). The TestFastPath* tests in internal/service/task hold the two to
// the same answers.
type protocolServer struct {
	tfprotov6.ProviderServer
	// typeName is the one resource type this server answers itself.
	typeName string
	// newResource makes an instance of that resource, as the framework does for each call.
	newResource func() resource.Resource
	// providerData is what the provider's Configure handed to resources (nil before).
	providerData func() any
	// privateKeys are every key the resource keeps in private state: the framework's type
	// cannot list its keys, so writing private state back asks for these (and for those it
	// was read with).
	privateKeys []string
	task        *WalkedSchema
	// identity is the resource's identity, nil when it has none.
	identity *servedIdentity
	// stateShape transcodes stored states.
	stateShape *stateShape
}

// fastPathResource is the resource the fast path answers for: every call it serves.
type fastPathResource interface {
	resource.ResourceWithConfigure
	resource.ResourceWithModifyPlan
	resource.ResourceWithConfigValidators
}

// newProtocolServer serves the resource typeName itself in front of inner, the framework's
// server for the same provider; providerData must return what that provider's Configure
// handed to its resources.
func NewProtocolServer(inner tfprotov6.ProviderServer, typeName string, newResource func() resource.Resource, providerData func() any, privateKeys []string) (*protocolServer, error) {
	ctx := context.Background()
	var resp resource.SchemaResponse
	r := newResource()
	if _, ok := r.(fastPathResource); !ok {
		return nil, &UnsupportedError{TypeName: typeName, Reason: "the fast path needs Configure, ModifyPlan and ConfigValidators"}
	}
	r.Schema(ctx, resource.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		return nil, fmt.Errorf("%s schema: %v", typeName, resp.Diagnostics)
	}
	identity, err := newServedIdentity(ctx, r, typeName)
	if err != nil {
		return nil, err
	}
	if _, ok := r.(resource.ResourceWithUpgradeState); ok {
		return nil, &UnsupportedError{TypeName: typeName, Reason: "state upgrades are not served by the fast path"}
	}
	walked, err := NewWalkedSchema(ctx, resp.Schema)
	if err != nil {
		return nil, &UnsupportedError{TypeName: typeName, Reason: err.Error()}
	}
	shape := newStateShape(walked.objType)
	if shape == nil {
		return nil, &UnsupportedError{TypeName: typeName, Reason: "its stored states hold a type the transcoder does not read"}
	}
	return &protocolServer{ProviderServer: inner, typeName: typeName, newResource: newResource,
		providerData: providerData, privateKeys: privateKeys, task: walked, identity: identity,
		stateShape: shape}, nil
}

// protocolValue is one value a call decodes: the protocol's, what an error calls it, and
// where it goes.
type protocolValue struct {
	in   *tfprotov6.DynamicValue
	what string
	out  *tftypes.Value
}

// startTaskCall decodes a call's values and private state and configures the resource, as
// the framework does before each call; diags says whether the call may go on.
func (s *protocolServer) startTaskCall(ctx context.Context, private []byte, diags *diag.Diagnostics, values ...protocolValue) (privateState, fastPathResource) {
	for _, v := range values {
		*v.out = fromDynamicValue(v.in, s.task.objType, v.what, diags)
	}
	p, d := decodePrivateState(ctx, private, s.privateKeys)
	diags.Append(d...)
	return p, s.configuredTask(ctx, diags)
}

// configuredTask is a new sms_migration_task configured like the framework configures
// one for each call: with the provider's data, once the provider is configured.
func (s *protocolServer) configuredTask(ctx context.Context, diags *diag.Diagnostics) fastPathResource {
	r, ok := s.newResource().(fastPathResource)
	if !ok { // newProtocolServer checked the same constructor
		diags.AddError("Fast path misconfigured", s.typeName+" no longer implements what the fast path serves. This is a bug in the provider.")
		return nil
	}
	var resp resource.ConfigureResponse
	r.Configure(ctx, resource.ConfigureRequest{ProviderData: s.providerData()}, &resp)
	diags.Append(resp.Diagnostics...)
	return r
}

func (s *protocolServer) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	if req.TypeName != s.typeName {
		return s.ProviderServer.ValidateResourceConfig(ctx, req)
	}
	resp := &tfprotov6.ValidateResourceConfigResponse{}
	if req.Config == nil {
		return resp, nil
	}
	var diags diag.Diagnostics
	defer func() { resp.Diagnostics = toProtoDiagnostics(ctx, diags) }()
	config := tfsdk.Config{Raw: fromDynamicValue(req.Config, s.task.objType, "Configuration", &diags), Schema: s.task.schema}
	r := s.configuredTask(ctx, &diags)
	if diags.HasError() {
		return resp, nil
	}
	writeOnly := req.ClientCapabilities != nil && req.ClientCapabilities.WriteOnlyAttributesAllowed
	vreq := resource.ValidateConfigRequest{
		Config:             config,
		ClientCapabilities: resource.ValidateConfigClientCapabilities{WriteOnlyAttributesAllowed: writeOnly},
	}
	for _, v := range r.ConfigValidators(ctx) {
		vresp := &resource.ValidateConfigResponse{}
		v.ValidateResource(ctx, vreq, vresp)
		diags.Append(vresp.Diagnostics...)
	}
	if v, ok := any(r).(resource.ResourceWithValidateConfig); ok {
		vresp := &resource.ValidateConfigResponse{}
		v.ValidateConfig(ctx, vreq, vresp)
		diags.Append(vresp.Diagnostics...)
	}
	diags.Append(s.task.validate(ctx, config, validator.ValidateSchemaClientCapabilities{WriteOnlyAttributesAllowed: writeOnly})...)
	return resp, nil
}

func (s *protocolServer) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	if req.TypeName != s.typeName {
		return s.ProviderServer.PlanResourceChange(ctx, req)
	}
	resp := &tfprotov6.PlanResourceChangeResponse{}
	var diags diag.Diagnostics
	defer func() { resp.Diagnostics = toProtoDiagnostics(ctx, diags) }()
	t := s.task.objType
	var config, prior, plan tftypes.Value
	private, r := s.startTaskCall(ctx, req.PriorPrivate, &diags,
		protocolValue{req.Config, "Configuration", &config},
		protocolValue{req.PriorState, "Prior State", &prior},
		protocolValue{req.ProposedNewState, "Proposed New State", &plan})
	priorIdentity := s.identity.in(req.PriorIdentity, &diags)
	if diags.HasError() {
		return resp, nil
	}
	plannedIdentity := copyOf(priorIdentity)
	var d diag.Diagnostics
	defer func() {
		resp.PlannedState = toDynamicValue(plan, t, &diags)
		resp.PlannedIdentity = s.identity.out(plannedIdentity, &diags)
		resp.PlannedPrivate, d = private.encode(ctx)
		diags.Append(d...)
	}()

	if !plan.IsNull() {
		plan, d = s.task.applyDefaults(ctx, plan, config)
		if diags.Append(d...); diags.HasError() {
			return resp, nil
		}
		if !plan.Equal(prior) {
			plan = s.task.markComputedUnknown(plan, config)
		}
	}
	var replace path.Paths
	configValue, priorValue := tfsdk.Config{Raw: config, Schema: s.task.schema}, tfsdk.State{Raw: prior, Schema: s.task.schema}
	if !plan.IsNull() {
		m := planModification{config: configValue, plan: tfsdk.Plan{Raw: plan, Schema: s.task.schema}, state: priorValue, private: private.provider}
		plan, replace, d = s.task.runAttributePlanModifiers(ctx, m)
		if diags.Append(d...); diags.HasError() {
			return resp, nil
		}
	}
	mreq := resource.ModifyPlanRequest{
		Config:             configValue,
		Plan:               tfsdk.Plan{Raw: plan, Schema: s.task.schema},
		State:              priorValue,
		Private:            private.provider.in.Private,
		ClientCapabilities: resource.ModifyPlanClientCapabilities{DeferralAllowed: req.ClientCapabilities != nil && req.ClientCapabilities.DeferralAllowed},
		Identity:           copyOf(plannedIdentity),
	}
	mresp := resource.ModifyPlanResponse{Diagnostics: diags, Plan: mreq.Plan, RequiresReplace: path.Paths{}, Private: mreq.Private, Identity: copyOf(plannedIdentity)}
	r.ModifyPlan(ctx, mreq, &mresp)
	diags, plan, plannedIdentity = mresp.Diagnostics, mresp.Plan.Raw, mresp.Identity
	if !prior.IsNull() {
		s.identity.checkUnchanged(priorIdentity, plannedIdentity, "planning", "Prior", "Planned", &diags)
	}
	replace = append(replace, mresp.RequiresReplace...)
	resp.Deferred = protoDeferred(mresp.Deferred)
	resp.RequiresReplace = normalizedReplacePaths(ctx, replace, &diags)
	return resp, nil
}

func (s *protocolServer) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	if req.TypeName != s.typeName {
		return s.ProviderServer.ReadResource(ctx, req)
	}
	resp := &tfprotov6.ReadResourceResponse{}
	var diags diag.Diagnostics
	defer func() { resp.Diagnostics = toProtoDiagnostics(ctx, diags) }()
	t := s.task.objType
	var current tftypes.Value
	private, r := s.startTaskCall(ctx, req.Private, &diags, protocolValue{req.CurrentState, "Current State", &current})
	currentIdentity := s.identity.in(req.CurrentIdentity, &diags)
	if diags.HasError() {
		return resp, nil
	}
	// Set by an import: the identity the Read after it finds may differ from none.
	_, readFollowingImport := private.framework[importBeforeReadKey]
	delete(private.framework, importBeforeReadKey)
	rreq := resource.ReadRequest{State: tfsdk.State{Raw: current, Schema: s.task.schema}, Private: private.provider.in.Private, Identity: copyOf(currentIdentity)}
	rresp := resource.ReadResponse{State: tfsdk.State{Raw: current, Schema: s.task.schema}, Private: private.provider.in.Private, Identity: copyOf(currentIdentity)}
	if req.ClientCapabilities != nil {
		rreq.ClientCapabilities.DeferralAllowed = req.ClientCapabilities.DeferralAllowed
	}
	r.Read(ctx, rreq, &rresp)
	diags = rresp.Diagnostics
	resp.Deferred = protoDeferred(rresp.Deferred)
	resp.NewIdentity = s.identity.out(rresp.Identity, &diags)
	if !diags.HasError() && !readFollowingImport {
		s.identity.checkUnchanged(currentIdentity, rresp.Identity, "read", "Current", "New", &diags)
	}
	if !diags.HasError() {
		s.identity.checkPresent(rresp.Identity, "Read", "read", &diags)
	}
	refreshed := rresp.State.Raw
	if !diags.HasError() {
		refreshed = s.task.keepEqualFloats(current, refreshed)
	}
	resp.NewState = toDynamicValue(refreshed, t, &diags)
	var d diag.Diagnostics
	resp.Private, d = private.encode(ctx)
	diags.Append(d...)
	return resp, nil
}

// UnsupportedError says why the fast path cannot serve a resource; the caller serves it
// through the framework instead.
type UnsupportedError struct {
	TypeName, Reason string
}

func (e *UnsupportedError) Error() string {
	return e.TypeName + ": " + e.Reason
}

// protoDeferred is a resource's deferral as the protocol carries it, as the framework
// converts it.
func protoDeferred(d *resource.Deferred) *tfprotov6.Deferred {
	if d == nil {
		return nil
	}
	return &tfprotov6.Deferred{Reason: tfprotov6.DeferredReason(d.Reason)}
}

// Serves says whether s is a fast-path server answering typeName itself.
func Serves(s tfprotov6.ProviderServer, typeName string) bool {
	p, ok := s.(*protocolServer)
	return ok && p.typeName == typeName
}
