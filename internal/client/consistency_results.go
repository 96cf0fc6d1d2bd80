package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// ConsistencyResults is ShowConsistencyResult's answer (GET /v3/tasks/{id}/consistency-result).
type ConsistencyResults struct {
	TaskID *string
	// Items are the items of result_list as text. Since SDK v0.1.186 they are strings,
	// whose content the SDK does not describe; an item in the older object shape is kept
	// as its JSON text, so nothing SMS answers is lost.
	Items []string
}

// ShowConsistencyResults returns the consistency-check results the Agent reported for a
// task (an empty list before any check).
func (c *Client) ShowConsistencyResults(ctx context.Context, id string) (*ConsistencyResults, error) {
	if err := checkTaskID("ShowConsistencyResults", id); err != nil {
		return nil, err
	}
	resp, err := c.send(ctx, call{method: http.MethodGet, segments: taskSegments(id, "consistency-result")})
	if err != nil {
		return nil, err
	}
	var body struct {
		TaskID     *string           `json:"task_id"`
		ResultList []json.RawMessage `json:"result_list"`
	}
	if err := resp.decodeObject(&body); err != nil {
		return nil, err
	}
	out := &ConsistencyResults{TaskID: body.TaskID, Items: make([]string, 0, len(body.ResultList))}
	for i, raw := range body.ResultList {
		item, err := consistencyItemText(raw)
		if err != nil {
			return nil, resp.decodeError(fmt.Errorf("result_list[%d]: %w", i, err))
		}
		out.Items = append(out.Items, item)
	}
	return out, nil
}

// consistencyItemText is a result_list item as text: a string as it is, an object (the
// shape before v0.1.186) as its compact JSON.
func consistencyItemText(raw json.RawMessage) (string, error) {
	trimmed := bytes.TrimSpace(raw)
	switch {
	case len(trimmed) > 0 && trimmed[0] == '"':
		var s string
		err := json.Unmarshal(trimmed, &s)
		return s, err
	case len(trimmed) > 0 && trimmed[0] == '{':
		var buf bytes.Buffer
		err := json.Compact(&buf, trimmed)
		return buf.String(), err
	default:
		return "", fmt.Errorf("expected a string or an object, got %s", truncate(string(trimmed), 100))
	}
}
