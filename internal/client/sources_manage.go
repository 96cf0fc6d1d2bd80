package client

import (
	"context"
	"errors"
	"net/http"
)

// PutSourceServerBody is UpdateServerName's body, as far as the provider sends it: a new
// name and the migration project to move the source into; a nil field is not sent.
type PutSourceServerBody struct {
	Name         *string `json:"name,omitempty"`
	MigprojectID *string `json:"migprojectid,omitempty"`
}

// UpdateSourceServer sends PUT /v3/sources/{id} (UpdateServerName).
func (c *Client) UpdateSourceServer(ctx context.Context, id string, b PutSourceServerBody) error {
	if id == "" {
		return errors.New("UpdateSourceServer: source server id must not be empty")
	}
	_, err := c.send(ctx, call{method: http.MethodPut, segments: []string{"v3", "sources", id}, body: b})
	return err
}

// DeleteSourceServer sends DELETE /v3/sources/{id} (DeleteServer): the record goes, and
// only the source's Agent can register it again.
func (c *Client) DeleteSourceServer(ctx context.Context, id string) error {
	if id == "" {
		return errors.New("DeleteSourceServer: source server id must not be empty")
	}
	_, err := c.send(ctx, call{method: http.MethodDelete, segments: []string{"v3", "sources", id}})
	return err
}

// SourceServerProject returns the ID of the migration project source id is in, or ""
// when it is in none. Neither ShowServer nor ListServers says, so it asks ListServers
// which project lists the source: first the project hint (the one it was last seen in,
// one request), then every project in turn.
func (c *Client) SourceServerProject(ctx context.Context, id, hint string) (string, error) {
	inProject := func(project string) (bool, error) {
		servers, err := c.ListSourceServers(ctx, ListSourceServersFilter{ID: id, MigProject: project})
		return len(servers) > 0, err
	}
	if hint != "" {
		found, err := inProject(hint)
		if err != nil {
			return "", err
		}
		if found {
			return hint, nil
		}
	}
	projects, err := c.ListMigprojects(ctx)
	if err != nil {
		return "", err
	}
	for _, p := range projects {
		if p.ID == nil || *p.ID == hint {
			continue
		}
		found, err := inProject(*p.ID)
		if err != nil {
			return "", err
		}
		if found {
			return *p.ID, nil
		}
	}
	return "", nil
}
