package client

import (
	"context"
	"errors"
	"net/http"
)

// Template is a target-VM template: TemplateRequest when sent, TemplateResponseBody
// when read (where is_template is the string "true" or "false"; see TemplateAnswer).
type Template struct {
	Name             string                  `json:"name"`
	IsTemplate       *bool                   `json:"is_template,omitempty"`
	Region           *string                 `json:"region,omitempty"`
	ProjectID        *string                 `json:"projectid,omitempty"`
	TargetServerName *string                 `json:"target_server_name,omitempty"`
	AvailabilityZone *string                 `json:"availability_zone,omitempty"`
	VolumeType       *string                 `json:"volumetype,omitempty"`
	Flavor           *string                 `json:"flavor,omitempty"`
	VPC              *TemplateVPC            `json:"vpc,omitempty"`
	Nics             []TemplateNic           `json:"nics,omitempty"`
	SecurityGroups   []TemplateSecurityGroup `json:"security_groups,omitempty"`
	PublicIP         *TemplatePublicIP       `json:"publicip,omitempty"`
	Disk             []TemplateDisk          `json:"disk,omitempty"`
	DataVolumeType   *string                 `json:"data_volume_type,omitempty"`
	TargetPassword   *string                 `json:"target_password,omitempty"`
	ImageID          *string                 `json:"image_id,omitempty"`
}

// TemplateVPC is VpcObject.
type TemplateVPC struct {
	ID   *string `json:"id,omitempty"`
	Name *string `json:"name,omitempty"`
	CIDR *string `json:"cidr,omitempty"`
}

// TemplateNic is Nics: a subnet of the target.
type TemplateNic struct {
	ID   string  `json:"id"`
	Name string  `json:"name"`
	CIDR string  `json:"cidr"`
	IP   *string `json:"ip,omitempty"`
}

// TemplateSecurityGroup is SgObject.
type TemplateSecurityGroup struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// TemplatePublicIP is PublicIp: the EIP of a migration over the public network.
type TemplatePublicIP struct {
	Type               string  `json:"type"`
	BandwidthSize      int64   `json:"bandwidth_size"`
	BandwidthShareType *string `json:"bandwidth_share_type,omitempty"`
}

// TemplateDisk is TemplateDisk; size is in GB.
type TemplateDisk struct {
	ID        *int64  `json:"id,omitempty"`
	Index     int64   `json:"index"`
	Name      string  `json:"name"`
	DiskType  string  `json:"disktype"`
	Size      int64   `json:"size"`
	DeviceUse *string `json:"device_use,omitempty"`
}

// TemplateAnswer is a template as the API shows it.
type TemplateAnswer struct {
	ID *string `json:"id,omitempty"`
	Template
	// IsTemplateText is the response's is_template, a string.
	IsTemplateText *string `json:"is_template,omitempty"`
}

type templateRequest struct {
	Template *Template `json:"template"`
}

func templateSegments(id ...string) []string {
	return append([]string{"v3", "vm", "templates"}, id...)
}

// CreateTemplate sends POST /v3/vm/templates and returns the new template's ID. The POST
// is not retried after it may have reached the server: templates have no idempotency key.
func (c *Client) CreateTemplate(ctx context.Context, t *Template) (string, error) {
	return c.createWithID(ctx, templateSegments(), templateRequest{Template: t}, "template")
}

// createWithID sends a create (POST) and returns the ID its answer {"id": ...} holds;
// what names the created thing in the error of an answer without one.
func (c *Client) createWithID(ctx context.Context, segments []string, body any, what string) (string, error) {
	resp, err := c.send(ctx, call{method: http.MethodPost, segments: segments, body: body})
	if err != nil {
		return "", err
	}
	var out struct {
		ID *string `json:"id"`
	}
	if err := resp.decodeObject(&out); err != nil {
		return "", err
	}
	if out.ID == nil || *out.ID == "" {
		return "", resp.decodeError(errors.New("the created " + what + " has no id"))
	}
	return *out.ID, nil
}

// ShowTemplate returns GET /v3/vm/templates/{id}.
func (c *Client) ShowTemplate(ctx context.Context, id string) (*TemplateAnswer, error) {
	if id == "" {
		return nil, errors.New("ShowTemplate: template id must not be empty")
	}
	resp, err := c.send(ctx, call{method: http.MethodGet, segments: templateSegments(id)})
	if err != nil {
		return nil, err
	}
	var out struct {
		Template *TemplateAnswer `json:"template"`
	}
	if err := resp.decodeObject(&out); err != nil {
		return nil, err
	}
	if out.Template == nil {
		return nil, resp.decodeError(errors.New("the answer has no template"))
	}
	if out.Template.ID == nil {
		out.Template.ID = &id
	}
	return out.Template, nil
}

// UpdateTemplate sends PUT /v3/vm/templates/{id} with the whole template.
func (c *Client) UpdateTemplate(ctx context.Context, id string, t *Template) error {
	if id == "" {
		return errors.New("UpdateTemplate: template id must not be empty")
	}
	_, err := c.send(ctx, call{method: http.MethodPut, segments: templateSegments(id), body: templateRequest{Template: t}})
	return err
}

// DeleteTemplate sends DELETE /v3/vm/templates/{id}.
func (c *Client) DeleteTemplate(ctx context.Context, id string) error {
	if id == "" {
		return errors.New("DeleteTemplate: template id must not be empty")
	}
	_, err := c.send(ctx, call{method: http.MethodDelete, segments: templateSegments(id)})
	return err
}

// ListTemplatesFilter holds ListTemplates' query filters; empty values are not sent.
type ListTemplatesFilter struct {
	ID, Name, AvailabilityZone, Region string
}

type listTemplatesPage struct {
	Count     *int64           `json:"count"`
	Templates []TemplateAnswer `json:"templates"`
}

func (p listTemplatesPage) reportedCount() *int64       { return p.Count }
func (p listTemplatesPage) pageItems() []TemplateAnswer { return p.Templates }

// ListTemplates returns every template matching f, page by page.
func (c *Client) ListTemplates(ctx context.Context, f ListTemplatesFilter) ([]TemplateAnswer, error) {
	query := queryOf(map[string]string{"id": f.ID, "name": f.Name, "availability_zone": f.AvailabilityZone, "region": f.Region})
	return listAll[TemplateAnswer, listTemplatesPage](ctx, c, templateSegments(), query, "template list")
}
