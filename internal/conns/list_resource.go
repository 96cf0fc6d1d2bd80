package conns

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

// ListResourceFilter is an optional filter of a list resource (`terraform query`), sent
// as the API's list query parameter of the same name.
func ListResourceFilter(description string, validators ...validator.String) listschema.StringAttribute {
	return listschema.StringAttribute{
		MarkdownDescription: description,
		Optional:            true,
		Validators:          append([]validator.String{stringvalidator.UTF8LengthBetween(1, MigrationTaskMaxStringLength)}, validators...),
	}
}

// ListResource is a list resource (`terraform query`, Terraform >= 1.14) declared by
// what differs between them: its name, filters and list call, and how a found T shows.
// M is the filters' model.
type ListResource[M, T any] struct {
	// TypeSuffix is the resource type's name after "sms".
	TypeSuffix string
	Schema     listschema.Schema
	// Check, when set, refuses filters in m the provider's api_model does not take, before
	// anything is sent.
	Check func(m M, apiModel string) diag.Diagnostics
	// Find lists what the filters in m select, in a stable order.
	Find func(ctx context.Context, c *client.Client, m M) ([]T, error)
	// Failure is the summary of a failed list.
	Failure string
	Item    func(T) ListedItem
	// State fills st (null but for its id) as the resource's Read after an import would.
	State func(ctx context.Context, c *client.Client, item T, st *tfsdk.State) diag.Diagnostics

	client   *client.Client
	apiModel string
}

var _ list.ListResourceWithConfigure = &ListResource[struct{}, struct{}]{}

func (l *ListResource[M, T]) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + l.TypeSuffix
}

func (l *ListResource[M, T]) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	if data := ConfiguredProviderData(req.ProviderData, &resp.Diagnostics); data != nil {
		l.client, l.apiModel = data.Client, data.Defaults.APIModel
	}
}

func (l *ListResource[M, T]) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = l.Schema
}

func (l *ListResource[M, T]) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var m M
	if diags := req.Config.Get(ctx, &m); diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	if l.Check != nil {
		if diags := l.Check(m, l.apiModel); diags.HasError() {
			stream.Results = list.ListResultsStreamDiagnostics(diags)
			return
		}
	}
	items, err := l.Find(ctx, l.client, m)
	if err != nil {
		var diags diag.Diagnostics
		AddAPIError(&diags, l.Failure, err)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	stream.Results = listResults(ctx, req, items, l.Item, func(ctx context.Context, item T, st *tfsdk.State) diag.Diagnostics {
		return l.State(ctx, l.client, item, st)
	})
}

// ListedItem is what a list resource knows of one thing it found.
type ListedItem struct {
	ID string
	// DisplayName is what `terraform query` shows for it: names people recognise.
	DisplayName string
}

// listResults are items as list results: each with its identity (the id), its display
// name and, when Terraform asks for the resource too (-generate-config-out), the state
// an import of it would read, from state. At most req.Limit results are sent.
func listResults[T any](ctx context.Context, req list.ListRequest, items []T, item func(T) ListedItem, state func(context.Context, T, *tfsdk.State) diag.Diagnostics) func(func(list.ListResult) bool) {
	return func(push func(list.ListResult) bool) {
		for i, it := range items {
			if req.Limit > 0 && int64(i) >= req.Limit {
				return
			}
			listed := item(it)
			result := req.NewListResult(ctx)
			result.DisplayName = listed.DisplayName
			result.Diagnostics.Append(SetIDIdentity(ctx, result.Identity, listed.ID)...)
			if req.IncludeResource && !result.Diagnostics.HasError() {
				st := tfsdk.State{Schema: req.ResourceSchema, Raw: result.Resource.Raw}
				result.Diagnostics.Append(st.SetAttribute(ctx, path.Root("id"), listed.ID)...)
				if !result.Diagnostics.HasError() {
					result.Diagnostics.Append(state(ctx, it, &st)...)
				}
				result.Resource.Raw = st.Raw
			}
			if !push(result) {
				return
			}
		}
	}
}
