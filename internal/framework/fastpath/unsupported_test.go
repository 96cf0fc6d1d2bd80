package fastpath

import (
	"context"
	"errors"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// thing is the smallest resource the fast path can serve.
type thing struct{ attrs map[string]schema.Attribute }

func (thing) Metadata(_ context.Context, _ resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = "test_thing"
}
func (r thing) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{Attributes: r.attrs}
}
func (thing) Create(context.Context, resource.CreateRequest, *resource.CreateResponse) {}
func (thing) Read(context.Context, resource.ReadRequest, *resource.ReadResponse)       {}
func (thing) Update(context.Context, resource.UpdateRequest, *resource.UpdateResponse) {}
func (thing) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}
func (thing) Configure(context.Context, resource.ConfigureRequest, *resource.ConfigureResponse) {
}
func (thing) ModifyPlan(context.Context, resource.ModifyPlanRequest, *resource.ModifyPlanResponse) {
}
func (thing) ConfigValidators(context.Context) []resource.ConfigValidator { return nil }

// identifiedThing has a resource identity, which the fast path serves.
type identifiedThing struct{ thing }

// upgradedIdentityThing upgrades its identity, which the fast path does not serve.
type upgradedIdentityThing struct{ identifiedThing }

func (upgradedIdentityThing) UpgradeIdentity(context.Context) map[int64]resource.IdentityUpgrader {
	return nil
}

func (identifiedThing) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{Attributes: map[string]identityschema.Attribute{
		"id": identityschema.StringAttribute{RequiredForImport: true},
	}}
}

// TestNewProtocolServer_unsupported: what the fast path cannot serve is an
// UnsupportedError (the provider then serves the resource through the framework), never a
// panic.
func TestNewProtocolServer_unsupported(t *testing.T) {
	t.Parallel()
	plain := map[string]schema.Attribute{"id": schema.StringAttribute{Computed: true}}
	for name, c := range map[string]struct {
		r    resource.Resource
		want string
	}{
		"identity upgrade": {upgradedIdentityThing{identifiedThing{thing{plain}}}, "test_thing: identity upgrades are not served by the fast path"},
		"write-only":       {thing{map[string]schema.Attribute{"secret": schema.StringAttribute{Optional: true, WriteOnly: true}}}, "test_thing: secret: write-only attributes are not walked"},
		"blocks":           {thingWithBlocks{thing{plain}}, "test_thing: blocks are not walked"},
		"dynamic list elements": {thing{map[string]schema.Attribute{"any": schema.ListAttribute{ElementType: types.DynamicType, Optional: true}}},
			"test_thing: its stored states hold a type the transcoder does not read"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := NewProtocolServer(nil, "test_thing", func() resource.Resource { return c.r }, func() any { return nil }, nil)
			var unsupported *UnsupportedError
			if !errors.As(err, &unsupported) || err.Error() != c.want {
				t.Fatalf("got %v, want UnsupportedError %q", err, c.want)
			}
		})
	}
	if _, err := NewProtocolServer(nil, "test_thing", func() resource.Resource { return thing{plain} }, func() any { return nil }, nil); err != nil {
		t.Fatalf("a plain resource: %v", err)
	}
	if _, err := NewProtocolServer(nil, "test_thing", func() resource.Resource { return identifiedThing{thing{plain}} }, func() any { return nil }, nil); err != nil {
		t.Fatalf("a resource with an identity: %v", err)
	}
}

// thingWithBlocks declares a block.
type thingWithBlocks struct{ thing }

func (r thingWithBlocks) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{Attributes: r.attrs, Blocks: map[string]schema.Block{"b": schema.SingleNestedBlock{}}}
}
