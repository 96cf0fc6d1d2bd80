package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// Sizes of the target disk volume the nested-object update changes.
const (
	requestsVolumeSize        int64 = 10737418240
	requestsVolumeSizeChanged int64 = 16106127360
)

// operation is one Terraform operation on one task and the requests each of its
// terraform commands made.
type operation struct {
	name     string
	commands string
	phases   []phase
}

type phase struct {
	label    string
	requests phaseRequests
}

func (o operation) total() phaseRequests {
	var all phaseRequests
	for _, p := range o.phases {
		all.entries = append(all.entries, p.requests.entries...)
	}
	return all
}

// target is one request-count goal of the issue, checked against a measurement.
type target struct {
	name string
	want string
	got  string
	met  bool
}

type requestResults struct {
	operations     []operation
	targets        []target
	scalarPutBody  []byte
	nestedPutBody  []byte
	importPlanExit int // exit code of `terraform plan -detailed-exitcode` right after the import
}

// measureRequests runs the seven operations against one task on a fresh emulator and
// counts, from the emulator's journal, the requests each terraform command made.
func measureRequests(ctx context.Context, h *harness) (*requestResults, error) {
	emu, err := startEmulator()
	if err != nil {
		return nil, err
	}
	defer emu.Close()
	w, err := h.newWorkspace("requests", emu)
	if err != nil {
		return nil, err
	}
	defer w.remove()

	res := &requestResults{}
	steps := []func(context.Context, *workspace, *requestResults) error{
		requestsCreate, requestsRefresh, requestsScalarUpdate, requestsNestedUpdate,
		requestsUnchangedReapply, requestsImport, requestsDelete,
	}
	for _, step := range steps {
		if err := step(ctx, w, res); err != nil {
			return nil, err
		}
	}
	res.targets = requestTargets(res)
	return res, nil
}

// journaled runs one terraform command with the journal emptied first and returns what
// the emulator received meanwhile.
func (w *workspace) journaled(ctx context.Context, okCodes []int, args ...string) (phaseRequests, error) {
	w.emu.ResetJournal()
	_, err := w.terraform(ctx, okCodes, args...)
	return phaseRequests{entries: w.emu.Journal()}, err
}

// planThenApply is `terraform plan -out` followed by `terraform apply` of that plan, so
// the refresh (plan) and the change itself (apply) are counted apart. The plan must
// find something to do (-detailed-exitcode 2).
func (w *workspace) planThenApply(ctx context.Context, name string, planArgs ...string) (operation, error) {
	planFile := name + ".tfplan"
	args := append([]string{"plan", "-input=false", "-detailed-exitcode", "-out=" + planFile}, planArgs...)
	planned, err := w.journaled(ctx, []int{2}, args...)
	if err != nil {
		return operation{}, err
	}
	applied, err := w.journaled(ctx, nil, "apply", "-input=false", planFile)
	if err != nil {
		return operation{}, err
	}
	return operation{
		name:     name,
		commands: "`" + strings.Join(append(append([]string{"terraform plan"}, planArgs...), "-out=p"), " ") + "` + `terraform apply p`",
		phases:   []phase{{"plan", planned}, {"apply", applied}},
	}, nil
}

func requestsCreate(ctx context.Context, w *workspace, res *requestResults) error {
	progress("requests: create")
	if err := w.writeConfig(requestsConfig(100, requestsVolumeSize)); err != nil {
		return err
	}
	op, err := w.planThenApply(ctx, "create")
	if err != nil {
		return err
	}
	if n := w.emu.TaskCount(); n != 1 {
		return fmt.Errorf("after create the emulator holds %d tasks, want 1", n)
	}
	res.operations = append(res.operations, op)
	return nil
}

func requestsRefresh(ctx context.Context, w *workspace, res *requestResults) error {
	progress("requests: refresh of the unchanged task")
	got, err := w.journaled(ctx, nil, "plan", "-input=false", "-detailed-exitcode")
	if err != nil {
		return fmt.Errorf("refresh: %w (exit 2 would mean a perpetual diff)", err)
	}
	res.operations = append(res.operations, operation{
		name: "refresh (unchanged task)", commands: "`terraform plan`", phases: []phase{{"plan", got}},
	})
	return nil
}

func requestsScalarUpdate(ctx context.Context, w *workspace, res *requestResults) error {
	progress("requests: one-scalar update (speed_limit)")
	if err := w.writeConfig(requestsConfig(200, requestsVolumeSize)); err != nil {
		return err
	}
	op, err := w.planThenApply(ctx, "scalar-update")
	if err != nil {
		return err
	}
	op.name = "one-scalar update (`speed_limit`)"
	res.scalarPutBody = onlyBody(op.phases[1].requests, http.MethodPut)
	res.operations = append(res.operations, op)
	return nil
}

func requestsNestedUpdate(ctx context.Context, w *workspace, res *requestResults) error {
	progress("requests: nested-object update (a target disk's physical volume size)")
	if err := w.writeConfig(requestsConfig(200, requestsVolumeSizeChanged)); err != nil {
		return err
	}
	op, err := w.planThenApply(ctx, "nested-update")
	if err != nil {
		return err
	}
	op.name = "nested-object update (`target_server.disks[1].physical_volumes[0].size`)"
	res.nestedPutBody = onlyBody(op.phases[1].requests, http.MethodPut)
	res.operations = append(res.operations, op)
	return nil
}

func requestsUnchangedReapply(ctx context.Context, w *workspace, res *requestResults) error {
	progress("requests: unchanged re-apply")
	got, err := w.journaled(ctx, nil, "apply", "-input=false", "-auto-approve")
	if err != nil {
		return err
	}
	res.operations = append(res.operations, operation{
		name: "unchanged re-apply", commands: "`terraform apply -auto-approve`", phases: []phase{{"plan + apply", got}},
	})
	return nil
}

func requestsImport(ctx context.Context, w *workspace, res *requestResults) error {
	progress("requests: import")
	id, err := stateTaskID(w.dir)
	if err != nil {
		return err
	}
	if _, err := w.terraform(ctx, nil, "state", "rm", "sms_migration_task.t"); err != nil {
		return err
	}
	got, err := w.journaled(ctx, nil, "import", "-input=false", "sms_migration_task.t", id)
	if err != nil {
		return err
	}
	res.operations = append(res.operations, operation{
		name: "import", commands: "`terraform import sms_migration_task.t <id>`", phases: []phase{{"import", got}},
	})
	after, err := w.terraform(ctx, []int{0, 2}, "plan", "-input=false", "-detailed-exitcode")
	if err != nil {
		return err
	}
	res.importPlanExit = after.exitCode
	return nil
}

func requestsDelete(ctx context.Context, w *workspace, res *requestResults) error {
	progress("requests: delete")
	op, err := w.planThenApply(ctx, "delete", "-destroy")
	if err != nil {
		return err
	}
	if n := w.emu.TaskCount(); n != 0 {
		return fmt.Errorf("after destroy the emulator still holds %d tasks", n)
	}
	res.operations = append(res.operations, op)
	return nil
}

// onlyBody is the body of the one request with method in p (nil unless exactly one).
func onlyBody(p phaseRequests, method string) []byte {
	bodies := p.bodies(method)
	if len(bodies) != 1 {
		return nil
	}
	return bodies[0]
}

// requestTargets checks the three request-count targets.
func requestTargets(res *requestResults) []target {
	find := func(prefix string) operation {
		for _, o := range res.operations {
			if strings.HasPrefix(o.name, prefix) {
				return o
			}
		}
		return operation{}
	}
	refresh := find("refresh").total()
	scalar := find("one-scalar")
	var scalarApply phaseRequests
	if len(scalar.phases) == 2 {
		scalarApply = scalar.phases[1].requests
	}
	reapply := find("unchanged re-apply").total()
	return []target{
		{
			name: "refresh of an unchanged task", want: "1 GET",
			got: refresh.sequence(), met: refresh.only(map[string]int{http.MethodGet: 1}),
		},
		{
			name: "one-scalar update (apply)", want: "1 PUT + 1 GET",
			got: scalarApply.sequence(), met: scalarApply.only(map[string]int{http.MethodPut: 1, http.MethodGet: 1}),
		},
		{
			name: "unchanged re-apply", want: "0 writes",
			got: fmt.Sprintf("%d writes (%s)", reapply.writes(), reapply.sequence()), met: reapply.writes() == 0,
		},
	}
}

// stateTaskID reads the task id from the workspace's local state.
func stateTaskID(dir string) (string, error) {
	data, err := os.ReadFile(filepath.Join(dir, "terraform.tfstate"))
	if err != nil {
		return "", err
	}
	var state struct {
		Resources []struct {
			Type      string `json:"type"`
			Instances []struct {
				Attributes struct {
					ID string `json:"id"`
				} `json:"attributes"`
			} `json:"instances"`
		} `json:"resources"`
	}
	if err := json.Unmarshal(data, &state); err != nil {
		return "", fmt.Errorf("reading terraform.tfstate: %w", err)
	}
	for _, r := range state.Resources {
		if r.Type == "sms_migration_task" && len(r.Instances) == 1 && r.Instances[0].Attributes.ID != "" {
			return r.Instances[0].Attributes.ID, nil
		}
	}
	return "", errors.New("terraform.tfstate holds no sms_migration_task id")
}
