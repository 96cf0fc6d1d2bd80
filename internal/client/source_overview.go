package client

import (
	"context"
	"net/http"
)

// SourceOverview is ShowOverview's answer (GET /v3/sources/overview): how many source
// servers are in each state, and how many have no target configuration (unconfigured).
type SourceOverview struct {
	Waiting      *int64 `json:"waiting,omitempty"`
	Replicate    *int64 `json:"replicate,omitempty"`
	Syncing      *int64 `json:"syncing,omitempty"`
	Stopped      *int64 `json:"stopped,omitempty"`
	Deleting     *int64 `json:"deleting,omitempty"`
	Cutovering   *int64 `json:"cutovering,omitempty"`
	Unavailable  *int64 `json:"unavailable,omitempty"`
	Stopping     *int64 `json:"stopping,omitempty"`
	Skipping     *int64 `json:"skipping,omitempty"`
	Finished     *int64 `json:"finished,omitempty"`
	Initialize   *int64 `json:"initialize,omitempty"`
	Error        *int64 `json:"error,omitempty"`
	Cloning      *int64 `json:"cloning,omitempty"`
	Unconfigured *int64 `json:"unconfigured,omitempty"`
}

// ShowSourceOverview returns the source-server counts of the account.
func (c *Client) ShowSourceOverview(ctx context.Context) (*SourceOverview, error) {
	resp, err := c.send(ctx, call{method: http.MethodGet, segments: []string{"v3", "sources", "overview"}})
	if err != nil {
		return nil, err
	}
	var o SourceOverview
	if err := resp.decodeObject(&o); err != nil {
		return nil, err
	}
	return &o, nil
}
