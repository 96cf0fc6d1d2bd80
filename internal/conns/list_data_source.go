package conns

import (
	"cmp"
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// What the list data sources (sms_migration_tasks, sms_source_servers,
// sms_server_templates) share: string filters, the ids attribute, a stable order and
// the steps of a read.

// listFilter is an optional string filter of a list data source. An empty filter would
// silently mean "no filter", so it is refused. Counted in characters: names may hold
// Chinese characters.
func ListFilter(description string, validators ...validator.String) dschema.StringAttribute {
	return dschema.StringAttribute{
		MarkdownDescription: description,
		Optional:            true,
		Validators:          append([]validator.String{stringvalidator.UTF8LengthBetween(1, MigrationTaskMaxStringLength)}, validators...),
	}
}

// listedIDsAttribute is a list data source's ids: the IDs of the listed items (called
// noun in its description), in the order of the list attribute named listAttribute.
func ListedIDsAttribute(noun, listAttribute string) dschema.ListAttribute {
	return dschema.ListAttribute{
		MarkdownDescription: "The IDs of the matching " + noun + ", in the same order as `" + listAttribute + "`.",
		Computed:            true,
		ElementType:         types.StringType,
	}
}

// sortByKeyThenID orders items by key (a missing key first), then by ID, so a list is
// the same on every read whatever order the API pages in.
func SortByKeyThenID[T any, K cmp.Ordered](items []T, key func(*T) *K, id func(*T) *string) {
	slices.SortStableFunc(items, func(a, b T) int {
		if c := comparePointers(key(&a), key(&b)); c != 0 {
			return c
		}
		return comparePointers(id(&a), id(&b))
	})
}

// comparePointers orders nil before every value.
func comparePointers[T cmp.Ordered](a, b *T) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return -1
	case b == nil:
		return 1
	}
	return cmp.Compare(*a, *b)
}

// listRead is what one list data source's read does differently from the others.
type ListRead[M, T any] struct {
	// list calls the API with the filters of the configuration m.
	List func(ctx context.Context, m *M) ([]T, error)
	// failure is the summary of the diagnostic when list fails.
	Failure string
	// flatten orders items and sets m's list and ids from them.
	Flatten func(ctx context.Context, m *M, items []T) diag.Diagnostics
}

// readList is the Read of a list data source: configuration, every page of the list,
// then state. Nothing is set when a step fails.
func ReadList[M, T any](ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse, r ListRead[M, T]) {
	var m M
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	items, err := r.List(ctx, &m)
	if err != nil {
		AddAPIError(&resp.Diagnostics, r.Failure, err)
		return
	}
	resp.Diagnostics.Append(r.Flatten(ctx, &m, items)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
