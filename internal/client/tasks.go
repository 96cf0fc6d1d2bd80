package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
)

func taskSegments(id string, suffix ...string) []string {
	return append([]string{"v3", "tasks", id}, suffix...)
}

func checkTaskID(op, id string) error {
	if id == "" {
		return fmt.Errorf("%s: task id must not be empty", op)
	}
	return nil
}

// ShowTask returns GET /v3/tasks/{id}.
func (c *Client) ShowTask(ctx context.Context, id string) (*Task, error) {
	if err := checkTaskID("ShowTask", id); err != nil {
		return nil, err
	}
	resp, err := c.send(ctx, call{method: http.MethodGet, segments: taskSegments(id)})
	if err != nil {
		return nil, err
	}
	var task Task
	if err := resp.decodeObject(&task); err != nil {
		return nil, err
	}
	if task.ID == nil || *task.ID == "" {
		return nil, resp.decodeError(errors.New("the task has no id"))
	}
	return &task, nil
}

type listTasksPage struct {
	Count *int64 `json:"count"`
	Tasks []Task `json:"tasks"`
}

func (p listTasksPage) reportedCount() *int64 { return p.Count }
func (p listTasksPage) pageItems() []Task     { return p.Tasks }

// ListTasks returns every task matching f, following limit/offset until `count` tasks
// (the total the API reports) have been read or a page comes back empty.
func (c *Client) ListTasks(ctx context.Context, f ListTasksFilter) ([]Task, error) {
	query := queryOf(map[string]string{
		"state": f.State, "name": f.Name, "id": f.ID,
		"source_server_id": f.SourceServerID, "enterprise_project_id": f.EnterpriseProjectID,
	})
	return listAll[Task, listTasksPage](ctx, c, []string{"v3", "tasks"}, query, "task list")
}

// UpdateTask sends PUT /v3/tasks/{id} with body's keys: the top-level fields it sets.
func (c *Client) UpdateTask(ctx context.Context, id string, body UpdateTaskBody) error {
	if err := checkTaskID("UpdateTask", id); err != nil {
		return err
	}
	if len(body.Keys()) == 0 {
		return errors.New("UpdateTask: the body has no fields to update")
	}
	resp, err := c.send(ctx, call{method: http.MethodPut, segments: taskSegments(id), body: body})
	if err != nil {
		return err
	}
	// The API answers {"id": ...}; the seed's text says no body, so empty is accepted.
	if len(resp.Body) == 0 {
		return nil
	}
	var out struct {
		ID *string `json:"id"`
	}
	return resp.decodeObject(&out)
}

// DeleteTask sends DELETE /v3/tasks/{id}. The answer is raw text and is not parsed.
func (c *Client) DeleteTask(ctx context.Context, id string) error {
	if err := checkTaskID("DeleteTask", id); err != nil {
		return err
	}
	_, err := c.send(ctx, call{method: http.MethodDelete, segments: taskSegments(id)})
	return err
}

// UpdateTaskStatus sends POST /v3/tasks/{id}/action (start, stop, ...). The answer is
// raw text and is not parsed.
func (c *Client) UpdateTaskStatus(ctx context.Context, id string, a TaskAction) error {
	if err := checkTaskID("UpdateTaskStatus", id); err != nil {
		return err
	}
	if a.Operation == "" {
		return errors.New("UpdateTaskStatus: operation must not be empty")
	}
	_, err := c.send(ctx, call{method: http.MethodPost, segments: taskSegments(id, "action"), body: a})
	return err
}

type speedLimitBody struct {
	SpeedLimit []SpeedLimitWindow `json:"speed_limit"`
}

// UpdateSpeedLimits sends POST /v3/tasks/{id}/speed-limit; an empty w clears the rules.
// The POST replaces the whole rule list, so unlike other POSTs it is retried after 5xx
// and connection errors: sending it twice leaves the same rules.
func (c *Client) UpdateSpeedLimits(ctx context.Context, id string, w []SpeedLimitWindow) error {
	if err := checkTaskID("UpdateSpeedLimits", id); err != nil {
		return err
	}
	if w == nil {
		w = []SpeedLimitWindow{} // speed_limit is mandatory: [] rather than null
	}
	_, err := c.send(ctx, call{method: http.MethodPost, segments: taskSegments(id, "speed-limit"),
		body: speedLimitBody{SpeedLimit: w}, replaceAll: true})
	return err
}

// ShowSpeedLimits returns GET /v3/tasks/{id}/speed-limit. The API answers 400 SMS.6302
// when no rule is set; that error is returned as is.
func (c *Client) ShowSpeedLimits(ctx context.Context, id string) ([]SpeedLimitWindow, error) {
	if err := checkTaskID("ShowSpeedLimits", id); err != nil {
		return nil, err
	}
	resp, err := c.send(ctx, call{method: http.MethodGet, segments: taskSegments(id, "speed-limit")})
	if err != nil {
		return nil, err
	}
	var body speedLimitBody
	if err := resp.decodeObject(&body); err != nil {
		return nil, err
	}
	if body.SpeedLimit == nil {
		return []SpeedLimitWindow{}, nil
	}
	return body.SpeedLimit, nil
}
