package client_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
)

// Today's ListTasks takes limit 0 to 200 and offset 0 to 65535, and the emulator's current
// model answers 400 past them (and for the states today's ListTasks does not document);
// the client asks for 100 a page at the offset read so far, so listing more than two
// pages of tasks stays within both, and gets every task.
func TestListTasks_pagingWithinTodaysLimits(t *testing.T) {
	t.Parallel()
	emu, err := emulator.New(emulator.Options{APIModel: emulator.APIModelCurrent})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	c, err := client.New(client.Config{Endpoint: srv.URL, AccessKey: emulator.DefaultAccessKey,
		SecretKey: emulator.DefaultSecretKey, ProjectID: emulator.DefaultProjectID, MaxRetries: 0})
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	sources, err := c.ListSourceServers(ctx, client.ListSourceServersFilter{})
	if err != nil || len(sources) == 0 || sources[0].ID == nil {
		t.Fatalf("no registered source server: %v", err)
	}
	const tasks = 250
	for i := range tasks {
		name := "t" + strconv.Itoa(i)
		if _, err := c.CreateTask(ctx, &client.CreateTaskRequest{Name: name, Type: "MIGRATE_BLOCK",
			SourceServer: client.CreateSourceServer{ID: *sources[0].ID},
			TargetServer: client.CreateTargetServer{Name: "target-" + name, VMID: "vm-" + name},
			RegionName:   emulator.DefaultRegion, RegionID: emulator.DefaultRegion,
			ProjectName: emulator.DefaultRegion, ProjectID: emulator.DefaultProjectID}); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []struct{ query, want string }{
		{"limit=201", "limit must be between 0 and 200"},
		{"offset=65536", "offset must be between 0 and 65535"},
		{"state=SYNC_SUCCESS", "state must be one of READY"},
	} {
		if status, body := rawGet(ctx, t, srv.URL+"/v3/tasks?"+q.query); status != http.StatusBadRequest || !strings.Contains(body, q.want) {
			t.Errorf("GET /v3/tasks?%s: %d %s, want 400 with %q", q.query, status, body, q.want)
		}
	}

	emu.ResetJournal()
	got, err := c.ListTasks(ctx, client.ListTasksFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != tasks {
		t.Fatalf("listed %d tasks, want %d", len(got), tasks)
	}
	var offsets []string
	for _, j := range emu.Journal() {
		q, err := url.ParseQuery(j.RawQuery)
		if err != nil || j.Method != http.MethodGet || j.Path != "/v3/tasks" {
			t.Fatalf("unexpected request %s %s?%s (%v)", j.Method, j.Path, j.RawQuery, err)
		}
		if j.Status != http.StatusOK || q.Get("limit") != "100" {
			t.Errorf("page %s: status %d, limit %q; want 200 and 100", j.RawQuery, j.Status, q.Get("limit"))
		}
		offsets = append(offsets, q.Get("offset"))
	}
	if want := []string{"0", "100", "200"}; !slices.Equal(offsets, want) {
		t.Errorf("offsets %v, want %v", offsets, want)
	}
}

// rawGet sends a GET the client has no call for (a query it never builds), signed as the
// client signs, and returns the status and body.
func rawGet(ctx context.Context, t *testing.T, target string) (int, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("X-Project-Id", emulator.DefaultProjectID)
	if err := client.Sign(req, nil, emulator.DefaultAccessKey, emulator.DefaultSecretKey, time.Now()); err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}
