package client

import "context"

// SourceMigrationError is an item of ListErrorServers (MigrationErrors): a source server
// whose migration is in error.
type SourceMigrationError struct {
	ErrorJSON *string `json:"error_json,omitempty"`
	HostName  *string `json:"host_name,omitempty"`
	Name      *string `json:"name,omitempty"`
	SourceID  *string `json:"source_id,omitempty"`
	SourceIP  *string `json:"source_ip,omitempty"`
	TargetIP  *string `json:"target_ip,omitempty"`
}

type listErrorServersPage struct {
	Count           *int64                 `json:"count"`
	MigrationErrors []SourceMigrationError `json:"migration_errors"`
}

func (p listErrorServersPage) reportedCount() *int64             { return p.Count }
func (p listErrorServersPage) pageItems() []SourceMigrationError { return p.MigrationErrors }

// ListSourceServerErrors returns every source server in error (GET /v3/errors, every
// page; offset is always sent, as the SDK does), optionally only those of one enterprise
// project.
func (c *Client) ListSourceServerErrors(ctx context.Context, enterpriseProjectID string) ([]SourceMigrationError, error) {
	query := queryOf(map[string]string{"enterprise_project_id": enterpriseProjectID})
	return listAll[SourceMigrationError, listErrorServersPage](ctx, c, []string{"v3", "errors"}, query, "list of source servers in error")
}
