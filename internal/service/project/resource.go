package project

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

var (
	_ resource.ResourceWithConfigure   = &migrationProjectResource{}
	_ resource.ResourceWithImportState = &migrationProjectResource{}
	_ resource.ResourceWithModifyPlan  = &migrationProjectResource{}
)

// migrationProjectResource manages one SMS migration project.
type migrationProjectResource struct {
	client   *client.Client
	defaults conns.ProviderDefaults
}

// NewMigrationProjectResource is the resource constructor the provider registers.
func NewMigrationProjectResource() resource.Resource {
	return &migrationProjectResource{}
}

func (r *migrationProjectResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_migration_project"
}

func (r *migrationProjectResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	data := conns.ConfiguredProviderData(req.ProviderData, &resp.Diagnostics)
	if data == nil {
		return
	}
	r.client, r.defaults = data.Client, data.Defaults
}

func (r *migrationProjectResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan migrationProjectModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body := expandMigrationProject(plan)
	id, err := r.client.CreateMigproject(ctx, &body)
	if err != nil {
		conns.AddAPIError(&resp.Diagnostics, "Error creating SMS migration project", err)
		return
	}
	tflog.Info(ctx, "created SMS migration project", map[string]any{"id": id})
	plan.ID = types.StringValue(id)
	if plan.IsDefault.ValueBool() {
		r.setDefault(ctx, id, &resp.Diagnostics)
	}
	r.readInto(ctx, plan, &resp.State, &resp.Diagnostics)
}

func (r *migrationProjectResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state migrationProjectModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	p, err := r.client.ShowMigproject(ctx, state.ID.ValueString())
	if client.IsNotFound(err) {
		tflog.Warn(ctx, "SMS migration project not found; removing it from state", map[string]any{"id": state.ID.ValueString()})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		conns.AddAPIError(&resp.Diagnostics, "Error reading SMS migration project", err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, flattenMigrationProject(p))...)
}

// Update sends the changed attributes alone (SMS merges them), then makes the project
// the default if is_default went to true.
func (r *migrationProjectResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state migrationProjectModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	if body, changed := migrationProjectChanges(expandMigrationProject(plan), expandMigrationProject(state)); changed {
		if err := r.client.UpdateMigproject(ctx, id, &body); err != nil {
			conns.AddAPIError(&resp.Diagnostics, "Error updating SMS migration project", err)
			return
		}
	}
	if plan.IsDefault.ValueBool() && !state.IsDefault.ValueBool() {
		r.setDefault(ctx, id, &resp.Diagnostics)
	}
	r.readInto(ctx, plan, &resp.State, &resp.Diagnostics)
}

func (r *migrationProjectResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state migrationProjectModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.client.DeleteMigproject(ctx, state.ID.ValueString()); err != nil && !client.IsNotFound(err) {
		conns.AddAPIError(&resp.Diagnostics, "Error deleting SMS migration project "+state.ID.ValueString()+
			" (SMS refuses to delete the account's default project: make another project the default first)", err)
	}
}

func (r *migrationProjectResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

func (r *migrationProjectResource) setDefault(ctx context.Context, id string, diags *diag.Diagnostics) {
	if err := r.client.SetDefaultMigproject(ctx, id); err != nil {
		conns.AddAPIError(diags, "Error making SMS migration project "+id+" the default", err)
	}
}

// readInto reads the project after a write and saves it. If the read fails, the project
// still goes into state (as planned), so it is not orphaned.
func (r *migrationProjectResource) readInto(ctx context.Context, m migrationProjectModel, state *tfsdk.State, diags *diag.Diagnostics) {
	p, err := r.client.ShowMigproject(ctx, m.ID.ValueString())
	if err != nil {
		conns.AddAPIError(diags, "Error reading SMS migration project after writing it", err)
		diags.Append(state.Set(ctx, m)...)
		return
	}
	diags.Append(state.Set(ctx, flattenMigrationProject(p))...)
}
