package conns

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

func TestListResults(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	resourceSchema := schema.Schema{Attributes: map[string]schema.Attribute{
		"id": schema.StringAttribute{Computed: true}, "name": schema.StringAttribute{Optional: true},
	}}
	items := []string{"one", "two", "three"}
	item := func(s string) ListedItem { return ListedItem{ID: "id-" + s, DisplayName: "task " + s} }
	state := func(ctx context.Context, s string, st *tfsdk.State) diag.Diagnostics {
		return st.SetAttribute(ctx, path.Root("name"), s)
	}
	for name, c := range map[string]struct {
		limit           int64
		includeResource bool
		want            int
	}{
		"all, identities only": {0, false, 3},
		"limit":                {2, false, 2},
		"with resources":       {0, true, 3},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			req := list.ListRequest{Limit: c.limit, IncludeResource: c.includeResource, ResourceSchema: resourceSchema, ResourceIdentitySchema: IDIdentitySchema("thing")}
			var got []list.ListResult
			listResults(ctx, req, items, item, state)(func(r list.ListResult) bool { got = append(got, r); return true })
			if len(got) != c.want {
				t.Fatalf("%d results, want %d", len(got), c.want)
			}
			for i, r := range got {
				if r.Diagnostics.HasError() {
					t.Fatalf("result %d: %v", i, r.Diagnostics)
				}
				var id types.String
				r.Identity.GetAttribute(ctx, path.Root("id"), &id)
				if id.ValueString() != "id-"+items[i] || r.DisplayName != "task "+items[i] {
					t.Errorf("result %d: identity %s, display name %q", i, id, r.DisplayName)
				}
				if !c.includeResource {
					if !r.Resource.Raw.IsNull() {
						t.Errorf("result %d carries a resource nobody asked for: %v", i, r.Resource.Raw)
					}
					continue
				}
				var m struct {
					ID   types.String `tfsdk:"id"`
					Name types.String `tfsdk:"name"`
				}
				if d := r.Resource.Get(ctx, &m); d.HasError() {
					t.Fatal(d)
				}
				if m.ID.ValueString() != "id-"+items[i] || m.Name.ValueString() != items[i] {
					t.Errorf("result %d: resource %+v", i, m)
				}
			}
		})
	}
	t.Run("stops when Terraform stops reading", func(t *testing.T) {
		t.Parallel()
		req := list.ListRequest{ResourceSchema: resourceSchema, ResourceIdentitySchema: IDIdentitySchema("thing")}
		n := 0
		listResults(ctx, req, items, item, state)(func(list.ListResult) bool { n++; return false })
		if n != 1 {
			t.Errorf("%d results pushed after the first was refused", n)
		}
	})
}

// TestListResourceCheck: filters the model refuses end the list with the check's
// diagnostics, and nothing is listed.
func TestListResourceCheck(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	type filter struct {
		ID types.String `tfsdk:"id"`
	}
	configSchema := listschema.Schema{Attributes: map[string]listschema.Attribute{"id": listschema.StringAttribute{Optional: true}}}
	raw := tftypes.NewValue(tftypes.Object{AttributeTypes: map[string]tftypes.Type{"id": tftypes.String}},
		map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.String, "too-long")})
	found := false
	l := &ListResource[filter, string]{
		Check: func(f filter, apiModel string) diag.Diagnostics {
			var d diag.Diagnostics
			if apiModel == APIModelCurrent && len(f.ID.ValueString()) > 3 {
				d.AddAttributeError(path.Root("id"), "Value not accepted", "too long for "+apiModel)
			}
			return d
		},
		Find: func(context.Context, *client.Client, filter) ([]string, error) { found = true; return nil, nil },
	}
	l.apiModel = APIModelCurrent
	stream := &list.ListResultsStream{}
	l.List(ctx, list.ListRequest{Config: tfsdk.Config{Schema: configSchema, Raw: raw}}, stream)
	var results []list.ListResult
	stream.Results(func(r list.ListResult) bool { results = append(results, r); return true })
	if found || len(results) != 1 || !results[0].Diagnostics.HasError() || results[0].Diagnostics[0].Detail() != "too long for current" {
		t.Fatalf("listed %t, results %+v", found, results)
	}
}
