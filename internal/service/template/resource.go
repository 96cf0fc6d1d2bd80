package template

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
	_ resource.ResourceWithConfigure   = &serverTemplateResource{}
	_ resource.ResourceWithImportState = &serverTemplateResource{}
	_ resource.ResourceWithModifyPlan  = &serverTemplateResource{}
	_ resource.ResourceWithIdentity    = &serverTemplateResource{}
)

// serverTemplateResource manages one SMS target-VM template.
type serverTemplateResource struct {
	client   *client.Client
	defaults conns.ProviderDefaults
}

// NewServerTemplateResource is the resource constructor the provider registers.
func NewServerTemplateResource() resource.Resource {
	return &serverTemplateResource{}
}

func (r *serverTemplateResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_server_template"
}

func (r *serverTemplateResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	data := conns.ConfiguredProviderData(req.ProviderData, &resp.Diagnostics)
	if data == nil {
		return
	}
	r.client, r.defaults = data.Client, data.Defaults
}

// ModifyPlan fills region and project_id from the provider when the configuration
// leaves them out, so the plan shows what the create sends.
func (r *serverTemplateResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	for name, value := range map[string]string{"region": r.defaults.Region, "project_id": r.defaults.ProjectID} {
		var planned types.String
		resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, path.Root(name), &planned)...)
		if planned.IsUnknown() && value != "" {
			resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root(name), types.StringValue(value))...)
		}
	}
}

func (r *serverTemplateResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan serverTemplateModel
	var password types.String
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("target_password_wo"), &password)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body, diags := expandServerTemplate(ctx, plan, password)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := r.client.CreateTemplate(ctx, body)
	if err != nil {
		conns.AddAPIError(&resp.Diagnostics, "Error creating SMS server template", err)
		return
	}
	tflog.Info(ctx, "created SMS server template", map[string]any{"id": id})
	plan.ID = types.StringValue(id)
	resp.Diagnostics.Append(conns.SetIDIdentity(ctx, resp.Identity, id)...)
	r.readInto(ctx, id, plan, &resp.State, &resp.Diagnostics)
}

func (r *serverTemplateResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state serverTemplateModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// A state written before identities (or by a CLI without them) gets one here.
	resp.Diagnostics.Append(conns.SetIDIdentity(ctx, resp.Identity, state.ID.ValueString())...)
	t, err := r.client.ShowTemplate(ctx, state.ID.ValueString())
	if client.IsNotFound(err) {
		tflog.Warn(ctx, "SMS server template not found; removing it from state", map[string]any{"id": state.ID.ValueString()})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		conns.AddAPIError(&resp.Diagnostics, "Error reading SMS server template", err)
		return
	}
	resp.Diagnostics.Append(flattenServerTemplate(ctx, t, &state)...)
	if !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
	}
}

func (r *serverTemplateResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan serverTemplateModel
	var password types.String
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("target_password_wo"), &password)...)
	if resp.Diagnostics.HasError() {
		return
	}
	body, diags := expandServerTemplate(ctx, plan, password)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := plan.ID.ValueString()
	resp.Diagnostics.Append(conns.SetIDIdentity(ctx, resp.Identity, id)...)
	if err := r.client.UpdateTemplate(ctx, id, body); err != nil {
		conns.AddAPIError(&resp.Diagnostics, "Error updating SMS server template", err)
		return
	}
	r.readInto(ctx, id, plan, &resp.State, &resp.Diagnostics)
}

func (r *serverTemplateResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state serverTemplateModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.client.DeleteTemplate(ctx, state.ID.ValueString()); err != nil && !client.IsNotFound(err) {
		conns.AddAPIError(&resp.Diagnostics, "Error deleting SMS server template", err)
	}
}

func (r *serverTemplateResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	conns.ImportByIDOrIdentity(ctx, req, resp)
}

// IdentitySchema: a template is found by its id alone.
func (r *serverTemplateResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = conns.IDIdentitySchema("server template")
}

// readInto reads the template after a write and saves it over m. If the read fails, the
// template still goes into state (with what was sent), so it is not orphaned.
func (r *serverTemplateResource) readInto(ctx context.Context, id string, m serverTemplateModel, state *tfsdk.State, diags *diag.Diagnostics) {
	m.TargetPasswordWO = types.StringNull() // write-only: never in state
	t, err := r.client.ShowTemplate(ctx, id)
	if err != nil {
		conns.AddAPIError(diags, "Error reading SMS server template after writing it", err)
	} else {
		diags.Append(flattenServerTemplate(ctx, t, &m)...)
	}
	diags.Append(state.Set(ctx, &m)...)
}
