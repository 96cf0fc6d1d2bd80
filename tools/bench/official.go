package main

import (
	"context"
	"fmt"
	"time"

	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
)

// officialSide is one provider's figures in one case of the official step.
type officialSide struct {
	label      string
	apply      tfResult // the one apply that created the tasks
	plan       series   // one figure per pair
	stateBytes int64    // terraform.tfstate after the apply
	schema     schemaSize
	requests   []requestShape
}

// officialCase is N tasks through both providers.
type officialCase struct {
	n              int
	pairs          int
	ours, official *officialSide
}

// officialResult is the official step of one run.
type officialResult struct {
	bin     string
	cases   []*officialCase
	offHost []string     // requests the trap refused: any is a failure of the step
	tofu    *tofuProfile // nil: no -tofu
}

// officialLabels name the two sides in progress lines and the report.
const (
	oursLabel     = "this provider"
	officialLabel = "official provider"
)

var officialPlan = step{"plan", "refresh + plan, unchanged", []string{"plan", "-parallelism=10", "-detailed-exitcode"}, 0, "2: the plan right after the apply is not empty"}
var officialApply = step{"apply", "apply (creates N)", []string{"apply", "-auto-approve", "-parallelism=10"}, 0, "the apply failed"}

// runOfficial measures, for each N, the same refresh + unchanged plan of N tasks through
// this provider's sms_migration_task and the official huaweicloud_sms_task, each on its
// own emulator in the current API model: both sessions are opened and applied once, then
// their plans alternate (ours, official, ours, official, ...) so that a pair sees the
// same machine load. The run fails if a plan is not empty, an emulator does not hold N
// tasks, or a provider sent a request anywhere but its emulator.
func (h *harness) runOfficial(ctx context.Context, opts options, started time.Time) (*officialResult, error) {
	res := &officialResult{bin: opts.official}
	trap, err := startOffHostTrap()
	if err != nil {
		return nil, err
	}
	defer trap.close()
	current := h.builds[len(h.builds)-1].bin
	for _, n := range opts.officialScale {
		c, err := h.officialCase(ctx, n, current, trap, opts, started)
		if err != nil {
			return nil, fmt.Errorf("official step, N=%d: %w", n, err)
		}
		res.cases = append(res.cases, c)
	}
	if res.offHost = trap.requests(); len(res.offHost) > 0 {
		return nil, fmt.Errorf("official step: a provider sent requests off 127.0.0.1 (refused): %v", res.offHost)
	}
	return res, nil
}

func (h *harness) officialCase(ctx context.Context, n int, current string, trap *offHostTrap, opts options, started time.Time) (*officialCase, error) {
	ours, err := h.openSession(ctx, sessionSpec{
		name: fmt.Sprintf("official-ours-%d", n), model: emulator.APIModelCurrent,
		config: func(string) string { return scaleTasksConfig(n) },
		start: func(ctx context.Context, emu *emulator.Server) (*providerProc, error) {
			return startProvider(ctx, current, trap.env(providerEnv(emu, "HW_SMS_API_MODEL=current")))
		},
	})
	if err != nil {
		return nil, err
	}
	defer ours.close()
	theirs, err := h.openSession(ctx, sessionSpec{
		name: fmt.Sprintf("official-theirs-%d", n), model: emulator.APIModelCurrent,
		config: func(url string) string { return officialTasksConfig(n, url) },
		start: func(ctx context.Context, _ *emulator.Server) (*providerProc, error) {
			return startPluginProvider(ctx, opts.official, officialAddress, trap.env(officialProviderEnv()))
		},
	})
	if err != nil {
		return nil, err
	}
	defer theirs.close()

	c := &officialCase{n: n, ours: &officialSide{label: oursLabel}, official: &officialSide{label: officialLabel}}
	sessions := []*session{ours, theirs}
	sides := []*officialSide{c.ours, c.official}
	types := []string{"sms_migration_task", "huaweicloud_sms_task"}
	for i, s := range sessions {
		progress("official N=%d: apply through %s", n, sides[i].label)
		if sides[i].apply, err = s.run(ctx, officialApply); err != nil {
			return nil, fmt.Errorf("%s: %w", sides[i].label, err)
		}
		if got := s.emu.TaskCount(); got != n {
			return nil, fmt.Errorf("%s: the emulator holds %d tasks after the apply, want %d", sides[i].label, got, n)
		}
		if sides[i].stateBytes, err = s.stateBytes(); err != nil {
			return nil, err
		}
		if sides[i].schema, err = s.schemaSizeOf(ctx, types[i]); err != nil {
			return nil, err
		}
	}
	var pairTook time.Duration
	for rep := 1; rep <= opts.officialReps; rep++ {
		if rep > 1 && opts.budget > 0 && time.Since(started)+pairTook > opts.budget {
			progress("official N=%d: skipping pairs %d-%d: one takes about %s, and the run would pass its %s -budget",
				n, rep, opts.officialReps, pairTook.Round(time.Second), opts.budget)
			break
		}
		pairStart := time.Now()
		for i, s := range sessions {
			s.emu.ResetJournal()
			r, err := s.run(ctx, officialPlan)
			if err != nil {
				return nil, fmt.Errorf("%s, pair %d: %w", sides[i].label, rep, err)
			}
			sides[i].plan.wall = append(sides[i].plan.wall, r.wall.Seconds())
			sides[i].plan.terraformCPU = append(sides[i].plan.terraformCPU, r.terraformCPU.Seconds())
			sides[i].plan.providerCPU = append(sides[i].plan.providerCPU, r.providerCPU.Seconds())
			sides[i].requests = requestShapes(s.emu.Journal())
		}
		c.pairs = rep
		pairTook = time.Since(pairStart)
		progress("official N=%d, pair %d: wall %.2fs / %.2fs, provider CPU %.2fs / %.2fs, Terraform CPU %.2fs / %.2fs (ours / official)", n, rep,
			last(c.ours.plan.wall), last(c.official.plan.wall), last(c.ours.plan.providerCPU), last(c.official.plan.providerCPU),
			last(c.ours.plan.terraformCPU), last(c.official.plan.terraformCPU))
	}
	return c, nil
}

// officialEnv names the official provider's binary when -official does not.
const officialEnv = "SMS_BENCH_OFFICIAL_PROVIDER"

// tofuEnv names OpenTofu's binary when -tofu does not.
const tofuEnv = "SMS_BENCH_TOFU"

// officialHowTo says how to get the official provider's binary.
const officialHowTo = "Build it with `bash scripts/build-official-provider.sh` (it prints the binary's path; " +
	"where the Go module proxy does not serve the module, set SMS_OFFICIAL_SOURCE to a clone of " +
	"github.com/huaweicloud/terraform-provider-huaweicloud), then run `make bench-official OFFICIAL=<path>` " +
	"or set " + officialEnv + "=<path>."
