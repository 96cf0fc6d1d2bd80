package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"
)

// createOutcome classifies a failed POST /v3/tasks.
type createOutcome int

const (
	// createFailed: the API refused the task (4xx other than 429); retrying cannot help.
	createFailed createOutcome = iota
	// createNotApplied: the task provably was not created (429, nothing sent).
	createNotApplied
	// createUnknown: the task may exist (5xx, reply lost, timeout, unreadable answer).
	createUnknown
	// createUnreachable: the endpoint cannot take the POST as configured (*EndpointError);
	// the task was not created and another POST would fail the same way.
	createUnreachable
)

func classifyCreateFailure(err error) createOutcome {
	var (
		apiErr    *APIError
		reqErr    *RequestError
		decodeErr *ResponseDecodeError
	)
	switch {
	case errors.As(err, &apiErr):
		switch {
		case apiErr.StatusCode == http.StatusTooManyRequests:
			return createNotApplied
		case apiErr.StatusCode >= 500:
			return createUnknown
		}
		return createFailed
	case errors.As(err, &reqErr):
		var refused *ConnectionRefusedError
		if errors.As(err, &refused) {
			return createFailed // nothing listens there; the transport already tried again
		}
		var endpointErr *EndpointError
		if errors.As(err, &endpointErr) {
			return createUnreachable
		}
		if reqErr.Sent {
			return createUnknown
		}
		return createNotApplied
	case errors.As(err, &decodeErr):
		return createUnknown
	}
	return createFailed
}

// CreateTask sends POST /v3/tasks and returns the new task's id. It never creates two
// tasks: the POST is not retried automatically, and after a failure whose outcome is
// unknown the task is looked up (ListTasks by source server id and name) before any new
// POST. It never adopts someone else's task either: the tasks of that name and source
// server are listed before the first POST, and only one that was not among them can be
// this create's. At most MaxRetries further POSTs are made.
func (c *Client) CreateTask(ctx context.Context, req *CreateTaskRequest) (string, error) {
	if req == nil {
		return "", errors.New("CreateTask: request must not be nil")
	}
	if req.Name == "" || req.SourceServer.ID == "" {
		return "", errors.New("CreateTask: name and source_server.id must be set (they identify the task if a retry is needed)")
	}
	fields := map[string]any{"name": req.Name, "source_server_id": req.SourceServer.ID}

	before, baselineErr := c.matchingTaskIDs(ctx, req)
	if classifyCreateFailure(baselineErr) == createUnreachable {
		// The POST would go to the same endpoint and fail the same way.
		return "", unreachableError(req, baselineErr)
	}
	if baselineErr == nil && req.RefuseExisting && len(before) > 0 {
		// The list taken for reconciliation already answers: no extra request.
		return "", existingTaskError(req, before)
	}
	if baselineErr != nil {
		c.log.log(ctx, LogWarn, "SMS CreateTask: could not list the tasks that exist before the create; a lost reply will not be reconciled",
			withFields(fields, map[string]any{"error": baselineErr}))
	}

	posts := 0 // every POST sent, quick retries of a refused connection included
	for attempt := 1; ; attempt++ {
		id, resp, err := c.postTask(ctx, req)
		if err == nil {
			return id, nil
		}
		posts += countAttempts(err, posts)
		outcome := classifyCreateFailure(err)
		switch outcome {
		case createFailed:
			return "", err
		case createUnreachable:
			return "", unreachableError(req, err)
		}
		if ctx.Err() != nil {
			return "", createError(req, outcome, err)
		}
		lastAttempt := attempt > c.cfg.MaxRetries
		if outcome == createNotApplied && lastAttempt {
			if hasRequestError(err) {
				return "", fmt.Errorf("create task %q: %w", req.Name, err) // it counts the attempts
			}
			return "", fmt.Errorf("create task %q: giving up after %d attempt(s): %w", req.Name, posts, err)
		}
		wait := c.computeBackoff(c.waitMin, c.waitMax, attempt-1, resp.retryHint())
		if c.onWait != nil {
			c.onWait(attempt-1, wait)
		}
		logFields := withFields(fields, map[string]any{"attempt": attempt, "error": err, "wait": wait.String()})

		if outcome == createUnknown {
			// Wait first: a slow server may still be applying the POST.
			c.log.log(ctx, LogWarn, "SMS CreateTask outcome unknown; looking the task up before any new POST", logFields)
			if waitErr := sleep(ctx, wait); waitErr != nil {
				// %v for err: the chain holds the cancellation only, so errors.As and
				// IsOutcomeUnknown see what ended the wait, not the attempt before it.
				return "", createError(req, outcome, fmt.Errorf("%w (while waiting to look the task up after: %v)", waitErr, err)) //nolint:errorlint // deliberate: one error in the chain, see above
			}
			found, lookupErr := c.findCreatedTask(ctx, req, before, baselineErr)
			if lookupErr != nil {
				// %v for err: the chain holds the lookup's error only, so errors.As finds
				// its *APIError (e.g. a 403), not the POST's.
				return "", createError(req, outcome, fmt.Errorf("%v; looking the task up failed: %w", err, lookupErr)) //nolint:errorlint // deliberate: one error in the chain, see above
			}
			if found != "" {
				c.log.log(ctx, LogInfo, "SMS CreateTask reconciled: the task was created", withFields(fields, map[string]any{"id": found}))
				return found, nil
			}
			if lastAttempt {
				// %v, not %w: the lookup settled the outcome, so IsOutcomeUnknown must not
				// find the last attempt's error in the chain.
				if hasRequestError(err) {
					return "", fmt.Errorf("create task %q: the task was not created: %v", req.Name, err) //nolint:errorlint // deliberate: the outcome is known, see above
				}
				return "", fmt.Errorf("create task %q: the task was not created; giving up after %d attempt(s): %v", req.Name, posts, err) //nolint:errorlint // deliberate: the outcome is known, see above
			}
			c.log.log(ctx, LogInfo, "SMS CreateTask: the task was not created; posting again", logFields)
			continue
		}

		c.log.log(ctx, LogInfo, "SMS CreateTask: request not applied; retrying after backoff", logFields)
		if waitErr := sleep(ctx, wait); waitErr != nil {
			// %v for err: the chain holds the cancellation only, not the attempt before it.
			return "", fmt.Errorf("create task %q: %w (last attempt: %v)", req.Name, waitErr, err) //nolint:errorlint // deliberate: one error in the chain, see above
		}
	}
}

// countAttempts returns how many POSTs the failed err stands for, and makes a
// *RequestError in it count every POST of the create (before plus its own), so the
// final message states the number once.
func countAttempts(err error, before int) int {
	var reqErr *RequestError
	if !errors.As(err, &reqErr) {
		return 1
	}
	n := max(reqErr.Attempts, 1)
	reqErr.Attempts = before + n
	return n
}

func hasRequestError(err error) bool {
	var reqErr *RequestError
	return errors.As(err, &reqErr)
}

// postTask sends one POST /v3/tasks with automatic retries off.
func (c *Client) postTask(ctx context.Context, req *CreateTaskRequest) (string, *response, error) {
	resp, err := c.send(ctx, call{method: http.MethodPost, segments: []string{"v3", "tasks"}, body: req, noRetry: true})
	if err != nil {
		return "", resp, err
	}
	var out struct {
		ID *string `json:"id"`
	}
	if err := resp.decodeObject(&out); err != nil {
		return "", resp, err
	}
	if out.ID == nil || *out.ID == "" {
		return "", resp, resp.decodeError(errors.New("the create response has no id"))
	}
	return *out.ID, resp, nil
}

// matchingTaskIDs returns the tasks with req's source server and name: id → state ("" when
// the API gives none).
func (c *Client) matchingTaskIDs(ctx context.Context, req *CreateTaskRequest) (map[string]string, error) {
	tasks, err := c.ListTasks(ctx, ListTasksFilter{SourceServerID: req.SourceServer.ID, Name: req.Name})
	if err != nil {
		return nil, err
	}
	ids := map[string]string{}
	for _, t := range tasks {
		// Filters are the server's; check again so a lax server cannot mislead us.
		if t.ID == nil || t.Name == nil || *t.Name != req.Name {
			continue
		}
		if t.SourceServer != nil && t.SourceServer.ID != nil && *t.SourceServer.ID != req.SourceServer.ID {
			continue
		}
		state := ""
		if t.State != nil {
			state = *t.State
		}
		ids[*t.ID] = state
	}
	return ids, nil
}

// findCreatedTask returns the id of the one task with req's source server and name that
// was not among before (the tasks listed before the first POST), "" when there is none,
// and an error when several match or when, without that list (baselineErr), a match
// cannot be told apart from a task someone else made: it will not guess.
func (c *Client) findCreatedTask(ctx context.Context, req *CreateTaskRequest, before map[string]string, baselineErr error) (string, error) {
	matching, err := c.matchingTaskIDs(ctx, req)
	if err != nil {
		return "", err
	}
	var ids []string
	for id := range matching {
		if _, existed := before[id]; !existed {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	if len(ids) > 0 && baselineErr != nil {
		return "", fmt.Errorf("%d task(s) named %q exist for source server %s (%s), but the tasks that existed before this create "+
			"could not be listed (%v), so none can be told to be this create's; refusing to adopt one",
			len(ids), req.Name, req.SourceServer.ID, strings.Join(ids, ", "), baselineErr)
	}
	switch len(ids) {
	case 0:
		return "", nil
	case 1:
		return ids[0], nil
	}
	return "", fmt.Errorf("%d tasks named %q appeared for source server %s during this create (%s); refusing to pick one",
		len(ids), req.Name, req.SourceServer.ID, strings.Join(ids, ", "))
}

// ExistingTask is a task found by CreateTask's list before the first POST.
type ExistingTask struct {
	ID, State string
}

// ExistingTaskError: CreateTask with RefuseExisting found tasks of the request's name for
// its source server before the first POST, and sent none. The caller says how to adopt one.
type ExistingTaskError struct {
	Name, SourceServerID string
	Tasks                []ExistingTask // ordered by id
}

func (e *ExistingTaskError) Error() string {
	parts := make([]string, len(e.Tasks))
	for i, t := range e.Tasks {
		parts[i] = fmt.Sprintf("%s (state %s)", t.ID, stateOrUnknown(t.State))
	}
	return fmt.Sprintf("create task %q: not created: %d task(s) of that name already exist for source server %s: %s",
		e.Name, len(e.Tasks), e.SourceServerID, strings.Join(parts, ", "))
}

func stateOrUnknown(state string) string {
	if state == "" {
		return "unknown"
	}
	return state
}

func existingTaskError(req *CreateTaskRequest, tasks map[string]string) *ExistingTaskError {
	e := &ExistingTaskError{Name: req.Name, SourceServerID: req.SourceServer.ID}
	for id, state := range tasks {
		e.Tasks = append(e.Tasks, ExistingTask{ID: id, State: state})
	}
	sort.Slice(e.Tasks, func(i, j int) bool { return e.Tasks[i].ID < e.Tasks[j].ID })
	return e
}

func createError(req *CreateTaskRequest, outcome createOutcome, err error) error {
	if outcome == createUnknown {
		return fmt.Errorf("create task %q: outcome unknown, the task may exist (look for it by name and source server %s): %w",
			req.Name, req.SourceServer.ID, err)
	}
	return fmt.Errorf("create task %q: %w", req.Name, err)
}

// unreachableError keeps the *EndpointError in the chain (%w) for the caller's advice;
// IsOutcomeUnknown stays false because the request was never sent.
func unreachableError(req *CreateTaskRequest, err error) error {
	return fmt.Errorf("create task %q: the task was not created: %w", req.Name, err)
}

func withFields(base, extra map[string]any) map[string]any {
	out := make(map[string]any, len(base)+len(extra))
	for k, v := range base {
		out[k] = v
	}
	for k, v := range extra {
		out[k] = v
	}
	return out
}
