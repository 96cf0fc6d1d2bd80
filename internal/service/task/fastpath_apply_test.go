package task_test

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
	smsprovider "github.com/sms-migration/terraform-provider-sms/internal/provider"
)

// applySide is one server under test with the emulator it alone talks to.
type applySide struct {
	name   string
	server tfprotov6.ProviderServer
	emu    *emulator.Server
	state  tftypes.Value
	priv   []byte
	// identity is what the last apply answered (Terraform keeps it beside the state).
	identity *tfprotov6.ResourceIdentityData
}

// TestFastPathMatchesFrameworkOnApply creates, updates and deletes the same task through
// the fast path and through the plain framework server, each against an emulator of its
// own on the same simulated clock, under either API model. At each step both must plan
// alike, apply to the same new state (server-assigned IDs aside), private state and
// diagnostics, and send the API the same requests.
func TestFastPathMatchesFrameworkOnApply(t *testing.T) {
	for _, apiModel := range []string{conns.APIModelSeed, conns.APIModelCurrent} {
		t.Run(apiModel, func(t *testing.T) {
			t.Parallel()
			start := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
			var sides []*applySide
			for _, fast := range []bool{true, false} {
				emu, err := emulator.Start(emulator.Options{APIModel: emulator.APIModel(apiModel), Clock: emulator.NewManualClock(start)})
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { _ = emu.Close() })
				server, err := smsprovider.NewServer(smsprovider.ServerOptions{Version: "test", FastPath: fast})
				if err != nil {
					t.Fatal(err)
				}
				configureServer(t, server, emu.URL, apiModel)
				name := "framework"
				if fast {
					name = "fast path"
				}
				sides = append(sides, &applySide{name: name, server: server, emu: emu})
			}
			typ := taskTerraformType(t)
			walked := protocolTestSchema(t)
			for _, s := range sides {
				s.state = tftypes.NewValue(typ, nil)
			}
			task := map[string]any{
				"name": "apply-diff", "type": "MIGRATE_FILE", "os_type": "LINUX", "speed_limit": json.Number("100"),
				"source_server": map[string]any{"id": acctest.EmulatorLinuxSrc},
				"target_server": map[string]any{"name": "target-01", "vm_id": "", "disks": []any{map[string]any{"name": "/dev/vda", "size": json.Number("42949672960"), "device_use": "OS"}}},
			}
			updated := treeWith(treeWith(task, []any{"speed_limit"}, json.Number("200")), []any{"name"}, "apply-diff-renamed")
			for _, step := range []struct {
				name string
				tree map[string]any
			}{{"create", task}, {"update", updated.(map[string]any)}, {"delete", nil}} { //nolint:forcetypeassert // a map stays a map
				config := tftypes.NewValue(typ, nil)
				if step.tree != nil {
					var err error
					if config, err = treeToTerraform(typ, step.tree); err != nil {
						t.Fatal(err)
					}
				}
				var plans []*tfprotov6.PlanResourceChangeResponse
				for _, s := range sides {
					preq := planRequest(t, s.state, config, proposedNew(walked.Attrs, s.state, config), s.priv)
					preq.PriorIdentity = s.identity
					plan, err := s.server.PlanResourceChange(t.Context(), preq)
					if err != nil {
						t.Fatal(err)
					}
					if hasErrors(plan.Diagnostics) {
						t.Fatalf("%s: plan through the %s: %v", step.name, s.name, diagnosticLines(plan.Diagnostics))
					}
					plans = append(plans, plan)
				}
				if diff := cmp.Diff(maskedState(t, plans[1].PlannedState), maskedState(t, plans[0].PlannedState)); diff != "" {
					t.Fatalf("%s: planned states differ (-framework +fast path):\n%s", step.name, diff)
				}
				var applies []*tfprotov6.ApplyResourceChangeResponse
				for i, s := range sides {
					resp, err := s.server.ApplyResourceChange(t.Context(), &tfprotov6.ApplyResourceChangeRequest{
						TypeName: "sms_migration_task", PriorState: dynamicValueOf(t, s.state), PlannedState: plans[i].PlannedState,
						Config: dynamicValueOf(t, config), PlannedPrivate: plans[i].PlannedPrivate, PlannedIdentity: plans[i].PlannedIdentity,
					})
					if err != nil {
						t.Fatal(err)
					}
					applies = append(applies, resp)
					if s.state, err = resp.NewState.Unmarshal(typ); err != nil {
						t.Fatal(err)
					}
					s.priv, s.identity = resp.Private, resp.NewIdentity
				}
				fast, framework := applies[0], applies[1]
				diff := cmp.Diff(maskedState(t, framework.NewState), maskedState(t, fast.NewState)) +
					cmp.Diff(string(framework.Private), string(fast.Private)) +
					cmp.Diff(diagnosticLines(framework.Diagnostics), diagnosticLines(fast.Diagnostics)) +
					cmp.Diff(maskedJournal(sides[1].emu), maskedJournal(sides[0].emu)) +
					cmp.Diff(maskedIdentity(t, framework.NewIdentity), maskedIdentity(t, fast.NewIdentity))
				if diff != "" {
					t.Errorf("%s: apply differs (-framework +fast path):\n%s", step.name, diff)
				}
				if hasErrors(fast.Diagnostics) {
					t.Fatalf("%s: %v", step.name, diagnosticLines(fast.Diagnostics))
				}
				if want := map[string]string{"create": "POST /v3/tasks?", "update": "PUT /v3/tasks/UUID?", "delete": "DELETE /v3/tasks/UUID?"}[step.name]; !slices.ContainsFunc(maskedJournal(sides[0].emu), func(l string) bool { return strings.HasPrefix(l, want) }) {
					t.Errorf("%s: no %s request was sent: %v", step.name, want, maskedJournal(sides[0].emu))
				}
			}
			if !sides[0].state.IsNull() {
				t.Errorf("the task is still in state after delete: %v", sides[0].state)
			}
		})
	}
}

// maskedState is a state as text with every server-assigned ID replaced by "ID": the two
// emulators number their tasks, disks and volumes each on their own.
func maskedState(t *testing.T, dv *tfprotov6.DynamicValue) string {
	t.Helper()
	v, err := dv.Unmarshal(taskTerraformType(t))
	if err != nil {
		t.Fatal(err)
	}
	masked, err := tftypes.Transform(v, func(p *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		steps := p.Steps()
		if len(steps) == 0 || v.IsNull() || !v.IsKnown() {
			return v, nil
		}
		if name, ok := steps[len(steps)-1].(tftypes.AttributeName); ok && name == "id" && len(steps) > 1 || ok && name == "id" && v.Type().Is(tftypes.String) {
			if v.Type().Is(tftypes.String) {
				return tftypes.NewValue(tftypes.String, "ID"), nil
			}
			return tftypes.NewValue(v.Type(), 0), nil
		}
		return v, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return masked.String()
}

// maskedJournal is what an emulator was sent, a line a request, with every UUID (the
// task IDs each emulator makes up) masked.
func maskedJournal(emu *emulator.Server) []string {
	var out []string
	for _, e := range emu.Journal() {
		out = append(out, uuidPattern.ReplaceAllString(fmt.Sprintf("%s %s?%s %s", e.Method, e.Path, e.RawQuery, e.Body), "UUID"))
	}
	return out
}

var uuidPattern = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)
