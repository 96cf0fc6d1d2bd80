package client

import (
	"context"
	"errors"
	"net/http"
)

// TaskConfiguration is ConfigBody: one advanced setting of a task, read by its Agent.
type TaskConfiguration struct {
	ConfigKey    string  `json:"config_key"`
	ConfigValue  string  `json:"config_value"`
	ConfigStatus *string `json:"config_status,omitempty"`
}

type taskConfigurationsBody struct {
	Configurations []TaskConfiguration `json:"configurations"`
}

// UpdateTaskConfigurations sends POST /v3/tasks/{id}/configuration-setting with the
// whole list. Like the speed-limit POST it replaces the settings, so it is retried.
func (c *Client) UpdateTaskConfigurations(ctx context.Context, id string, configs []TaskConfiguration) error {
	if err := checkTaskID("UpdateTaskConfigurations", id); err != nil {
		return err
	}
	if configs == nil {
		configs = []TaskConfiguration{} // configurations is mandatory: [] rather than null
	}
	_, err := c.send(ctx, call{method: http.MethodPost, segments: taskSegments(id, "configuration-setting"),
		body: taskConfigurationsBody{Configurations: configs}, replaceAll: true})
	return err
}

// ShowTaskConfigurations returns GET /v3/tasks/{id}/configuration-setting.
func (c *Client) ShowTaskConfigurations(ctx context.Context, id string) ([]TaskConfiguration, error) {
	if err := checkTaskID("ShowTaskConfigurations", id); err != nil {
		return nil, err
	}
	resp, err := c.send(ctx, call{method: http.MethodGet, segments: taskSegments(id, "configuration-setting")})
	if err != nil {
		return nil, err
	}
	var body taskConfigurationsBody
	if err := resp.decodeObject(&body); err != nil {
		return nil, err
	}
	if body.Configurations == nil {
		return []TaskConfiguration{}, nil
	}
	return body.Configurations, nil
}

// ShowTaskPassphrase returns the passphrase of the task's secure-channel certificate
// (GET /v3/tasks/{id}/passphrase). It is a secret: the logger masks it.
func (c *Client) ShowTaskPassphrase(ctx context.Context, id string) (string, error) {
	if err := checkTaskID("ShowTaskPassphrase", id); err != nil {
		return "", err
	}
	resp, err := c.send(ctx, call{method: http.MethodGet, segments: taskSegments(id, "passphrase")})
	if err != nil {
		return "", err
	}
	var body struct {
		Passphrase *string `json:"passphrase"`
	}
	if err := resp.decodeObject(&body); err != nil {
		return "", err
	}
	if body.Passphrase == nil {
		return "", resp.decodeError(errors.New("the answer has no passphrase"))
	}
	return *body.Passphrase, nil
}
