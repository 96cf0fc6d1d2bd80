package task

import (
	"context"
	"fmt"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/values"
)

// The framework's Get and Set of a whole plan, state or configuration convert through
// its reflection, which re-reads and regexp-checks every struct tag of the model on each
// call: most of what a refresh cost on top of the framework. These do the same
// conversion in one pass with the model's field layout worked out once (see
// internal/framework/values/model_convert.go).

// migrationTaskObjectType is the resource schema's object type, built once.
var migrationTaskObjectType = sync.OnceValue(func() types.ObjectType {
	var resp resource.SchemaResponse
	(&migrationTaskResource{}).Schema(context.Background(), resource.SchemaRequest{}, &resp)
	t, _ := resp.Schema.Type().(types.ObjectType)
	return t
})

// migrationTaskConverter reads plans, states and configurations of that type without
// rebuilding its Terraform type at every depth (values.TypedConverter).
var migrationTaskConverter = sync.OnceValue(func() *values.TypedConverter {
	return values.NewTypedConverter(context.Background(), migrationTaskObjectType())
})

// migrationTaskAttributesFromRaw decodes a known plan, state or configuration into its
// top-level attribute values.
func migrationTaskAttributesFromRaw(ctx context.Context, raw tftypes.Value) (map[string]attr.Value, diag.Diagnostics) {
	var diags diag.Diagnostics
	v, err := migrationTaskConverter().FromTerraform(ctx, raw)
	if err != nil {
		diags.AddError("Internal error reading the migration task", err.Error()+"; please report this bug.")
		return nil, diags
	}
	obj, ok := v.(basetypes.ObjectValue)
	if !ok || obj.IsNull() || obj.IsUnknown() {
		diags.AddError("Internal error reading the migration task", fmt.Sprintf("got %s; please report this bug.", v))
		return nil, diags
	}
	return obj.Attributes(), diags
}

// migrationTaskModelFromRaw decodes a known plan, state or configuration into the model.
func migrationTaskModelFromRaw(ctx context.Context, raw tftypes.Value) (migrationTaskResourceModel, diag.Diagnostics) {
	attrs, diags := migrationTaskAttributesFromRaw(ctx, raw)
	if diags.HasError() {
		return migrationTaskResourceModel{}, diags
	}
	return values.ModelFromAttributes[migrationTaskResourceModel](attrs)
}

// migrationTaskRawFromAttributes encodes top-level attribute values as a plan or state.
func migrationTaskRawFromAttributes(ctx context.Context, attrs map[string]attr.Value) (tftypes.Value, diag.Diagnostics) {
	obj, diags := types.ObjectValue(migrationTaskObjectType().AttrTypes, attrs)
	if diags.HasError() {
		return tftypes.Value{}, diags
	}
	raw, err := migrationTaskConverter().ToTerraform(ctx, obj)
	if err != nil {
		diags.AddError("Internal error writing the migration task", err.Error()+"; please report this bug.")
	}
	return raw, diags
}

// migrationTaskRawFromModel encodes the model as a plan or state.
func migrationTaskRawFromModel(ctx context.Context, m migrationTaskResourceModel) (tftypes.Value, diag.Diagnostics) {
	obj, diags := values.ObjectFromModel(migrationTaskObjectType().AttrTypes, m)
	if diags.HasError() {
		return tftypes.Value{}, diags
	}
	raw, err := migrationTaskConverter().ToTerraform(ctx, obj)
	if err != nil {
		diags.AddError("Internal error writing the migration task", err.Error()+"; please report this bug.")
	}
	return raw, diags
}

// getMigrationTaskModel is tfsdk's Get of a whole known plan or state, in one pass.
func getMigrationTaskModel(ctx context.Context, raw tftypes.Value, m *migrationTaskResourceModel) diag.Diagnostics {
	got, diags := migrationTaskModelFromRaw(ctx, raw)
	if !diags.HasError() {
		*m = got
	}
	return diags
}

// setMigrationTaskState is tfsdk's Set of a whole state, in one pass.
func setMigrationTaskState(ctx context.Context, st *tfsdk.State, m migrationTaskResourceModel) diag.Diagnostics {
	raw, diags := migrationTaskRawFromModel(ctx, m)
	if !diags.HasError() {
		st.Raw = raw
	}
	return diags
}
