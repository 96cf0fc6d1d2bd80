package main

import (
	"context"
	"fmt"

	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
)

// scaleSide is one of the two configurations of a scale step: N migration tasks, or the
// floor of N terraform_data resources.
type scaleSide struct {
	apply, plan     durations
	providerPeakKiB []float64
}

type scaleResult struct {
	n     int
	reps  int
	tasks scaleSide
	floor scaleSide
}

// measureScale times, for each N, `terraform apply` creating N tasks and then
// `terraform plan` refreshing them, against the same two commands on N terraform_data
// resources run right after in the same repetition, so both see the same machine load.
// Every repetition starts from an empty state and a fresh emulator.
func measureScale(ctx context.Context, h *harness, counts []int, repsFor func(n int) int, b budget) ([]scaleResult, error) {
	var out []scaleResult
	for _, n := range counts {
		res := scaleResult{n: n}
		want := repsFor(n)
		ran, err := b.repeat(want, fmt.Sprintf("scale: N=%d", n), func(rep int) error {
			progress("scale: N=%d, repetition %d/%d: %d sms_migration_task", n, rep, want, n)
			if err := scaleOnce(ctx, h, n, true, &res.tasks); err != nil {
				return err
			}
			progress("scale: N=%d, repetition %d/%d: %d terraform_data (floor)", n, rep, want, n)
			return scaleOnce(ctx, h, n, false, &res.floor)
		})
		if err != nil {
			return nil, err
		}
		res.reps = ran
		progress("scale: N=%d: apply %.2fs vs floor %.2fs, plan %.2fs vs floor %.2fs", n,
			res.tasks.apply.median(), res.floor.apply.median(), res.tasks.plan.median(), res.floor.plan.median())
		out = append(out, res)
	}
	return out, nil
}

func scaleOnce(ctx context.Context, h *harness, n int, tasks bool, side *scaleSide) error {
	config, name := floorConfig(n), fmt.Sprintf("scale-floor-%d", n)
	var emu *emulator.Server
	if tasks {
		var err error
		if emu, err = startEmulator(); err != nil {
			return err
		}
		defer emu.Close()
		config, name = scaleTasksConfig(n), fmt.Sprintf("scale-tasks-%d", n)
	}
	w, err := h.newWorkspace(name, emu)
	if err != nil {
		return err
	}
	defer w.remove()
	if err := w.writeConfig(config); err != nil {
		return err
	}

	applied, err := w.terraform(ctx, nil, "apply", "-input=false", "-auto-approve", "-parallelism=10")
	if err != nil {
		return err
	}
	if emu != nil && emu.TaskCount() != n {
		return fmt.Errorf("scale N=%d: the emulator holds %d tasks after apply", n, emu.TaskCount())
	}
	// -detailed-exitcode: exit 2 (changes right after an apply) would be a perpetual diff.
	planned, err := w.terraform(ctx, nil, "plan", "-input=false", "-parallelism=10", "-detailed-exitcode")
	if err != nil {
		return err
	}
	side.apply = append(side.apply, applied.wall)
	side.plan = append(side.plan, planned.wall)
	if tasks {
		side.providerPeakKiB = append(side.providerPeakKiB, float64(max(applied.providerPeakKiB, planned.providerPeakKiB)))
	}
	return nil
}
