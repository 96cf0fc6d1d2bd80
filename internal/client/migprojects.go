package client

import (
	"context"
	"errors"
	"net/http"
)

// MigProject is a migration project: PostMigProjectBody when created, MigProject when
// updated, ShowMigprojectResponse and MigprojectsResponseBody when read. Every field but
// the three a create requires is a pointer, so an update sends only the keys it sets:
// UpdateMigproject merges them into the project.
type MigProject struct {
	Name              string  `json:"name,omitempty"`
	Description       *string `json:"description,omitempty"`
	IsDefault         *bool   `json:"isdefault,omitempty"`
	Region            string  `json:"region,omitempty"`
	StartTargetServer *bool   `json:"start_target_server,omitempty"`
	SpeedLimit        *int64  `json:"speed_limit,omitempty"`
	UsePublicIP       *bool   `json:"use_public_ip,omitempty"`
	ExistServer       *bool   `json:"exist_server,omitempty"`
	Type              string  `json:"type,omitempty"`
	EnterpriseProject *string `json:"enterprise_project,omitempty"`
	Syncing           *bool   `json:"syncing,omitempty"`
	StartNetworkCheck *bool   `json:"start_network_check,omitempty"`
}

// MigProjectAnswer is a migration project as the API shows it. ShowMigproject has had
// no id since v0.1.186; ShowMigproject fills it from the path.
type MigProjectAnswer struct {
	ID *string `json:"id,omitempty"`
	MigProject
}

func migprojectSegments(id ...string) []string {
	return append([]string{"v3", "migprojects"}, id...)
}

// CreateMigproject sends POST /v3/migprojects and returns the new project's ID. Like
// every POST, it is not retried once it may have reached the server.
func (c *Client) CreateMigproject(ctx context.Context, p *MigProject) (string, error) {
	return c.createWithID(ctx, migprojectSegments(), p, "migration project")
}

// ShowMigproject returns GET /v3/migprojects/{id}, with the id set.
func (c *Client) ShowMigproject(ctx context.Context, id string) (*MigProjectAnswer, error) {
	if id == "" {
		return nil, errors.New("ShowMigproject: migration project id must not be empty")
	}
	resp, err := c.send(ctx, call{method: http.MethodGet, segments: migprojectSegments(id)})
	if err != nil {
		return nil, err
	}
	var out MigProjectAnswer
	if err := resp.decodeObject(&out); err != nil {
		return nil, err
	}
	out.ID = &id
	return &out, nil
}

// UpdateMigproject sends PUT /v3/migprojects/{id} with the keys p sets; SMS keeps the
// others as they are.
func (c *Client) UpdateMigproject(ctx context.Context, id string, p *MigProject) error {
	if id == "" {
		return errors.New("UpdateMigproject: migration project id must not be empty")
	}
	_, err := c.send(ctx, call{method: http.MethodPut, segments: migprojectSegments(id), body: p})
	return err
}

// SetDefaultMigproject sends PUT /v3/migprojects/{id}/default (UpdateDefaultMigproject):
// the project becomes the account's default, the one new sources register into, and the
// previous default stops being it. The body is empty JSON, as the official provider sends.
func (c *Client) SetDefaultMigproject(ctx context.Context, id string) error {
	if id == "" {
		return errors.New("SetDefaultMigproject: migration project id must not be empty")
	}
	_, err := c.send(ctx, call{method: http.MethodPut, segments: migprojectSegments(id, "default"), body: struct{}{}})
	return err
}

// DeleteMigproject sends DELETE /v3/migprojects/{id}.
func (c *Client) DeleteMigproject(ctx context.Context, id string) error {
	if id == "" {
		return errors.New("DeleteMigproject: migration project id must not be empty")
	}
	_, err := c.send(ctx, call{method: http.MethodDelete, segments: migprojectSegments(id)})
	return err
}

type listMigprojectsPage struct {
	Count       *int64             `json:"count"`
	Migprojects []MigProjectAnswer `json:"migprojects"`
}

func (p listMigprojectsPage) reportedCount() *int64         { return p.Count }
func (p listMigprojectsPage) pageItems() []MigProjectAnswer { return p.Migprojects }

// ListMigprojects returns every migration project, page by page (the API has no filters).
func (c *Client) ListMigprojects(ctx context.Context) ([]MigProjectAnswer, error) {
	return listAll[MigProjectAnswer, listMigprojectsPage](ctx, c, migprojectSegments(), queryOf(nil), "migration project list")
}
