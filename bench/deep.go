package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
)

// volumesPerDisk is the number of physical volumes on every generated target disk.
const volumesPerDisk = 8

type deepSide struct {
	plan, apply     durations
	providerPeakKiB []float64
	// planCapped: a plan ran past the cap and was stopped, so neither figure is known
	// beyond "more than the cap" (the apply of a plan re-plans, so it is no faster).
	// applyCapped: the plan finished but an apply ran past the cap.
	planCapped, applyCapped bool
}

func (s deepSide) capped() bool { return s.planCapped || s.applyCapped }

type deepResult struct {
	disks    int
	reps     int
	taskRuns int // task repetitions attempted: fewer than reps once one is capped
	task     deepSide
	floor    deepSide
}

// measureDeep times one task whose target_server has n disks of volumesPerDisk physical
// volumes each: `terraform plan -out` of the new task, then `terraform apply` of that
// plan (so the plan is not counted twice). The floor is one terraform_data resource
// holding the same generated value, timed the same way in the same repetition. A plan
// running past limit is stopped and reported as a lower bound, and larger sizes are then
// not attempted.
func measureDeep(ctx context.Context, h *harness, diskCounts []int, repsFor func(disks int) int, limit time.Duration, b budget) ([]deepResult, error) {
	var out []deepResult
	capped := false
	for _, n := range diskCounts {
		res := deepResult{disks: n}
		want := repsFor(n)
		ran, err := b.repeat(want, fmt.Sprintf("deep: %d disks", n), func(rep int) error {
			if !capped {
				res.taskRuns++
				progress("deep: %d disks x %d volumes, repetition %d/%d: sms_migration_task (cap %s per command)",
					n, volumesPerDisk, rep, want, limit)
				err := deepOnce(ctx, h, n, true, limit, &res.task)
				switch {
				case errors.Is(err, errCapped):
					progress("deep: %d disks: %v", n, err)
					capped = true
				case err != nil:
					return err
				}
			} else {
				res.task.planCapped = true
			}
			progress("deep: %d disks x %d volumes, repetition %d/%d: terraform_data (floor)", n, volumesPerDisk, rep, want)
			return deepOnce(ctx, h, n, false, limit, &res.floor)
		})
		if err != nil {
			return nil, err
		}
		res.reps = ran
		progress("deep: %d disks: plan %s, apply %s (floor %.2fs, %.2fs)", n,
			res.task.figure(res.task.plan, res.task.planCapped, limit),
			res.task.figure(res.task.apply, res.task.capped(), limit),
			res.floor.plan.median(), res.floor.apply.median())
		out = append(out, res)
	}
	return out, nil
}

// figure is the median of d in seconds, or "> cap" when the step was stopped.
func (s deepSide) figure(d durations, capped bool, limit time.Duration) string {
	if capped || len(d) == 0 {
		return fmt.Sprintf("> %.0fs", limit.Seconds())
	}
	return fmt.Sprintf("%.2fs", d.median())
}

func deepOnce(ctx context.Context, h *harness, disks int, task bool, limit time.Duration, side *deepSide) error {
	config, name := deepFloorConfig(disks, volumesPerDisk), fmt.Sprintf("deep-floor-%d", disks)
	var emu *emulator.Server
	if task {
		var err error
		if emu, err = startEmulator(); err != nil {
			return err
		}
		defer emu.Close()
		config, name = deepTaskConfig(disks, volumesPerDisk), fmt.Sprintf("deep-task-%d", disks)
	}
	w, err := h.newWorkspace(name, emu)
	if err != nil {
		return err
	}
	defer w.remove()
	if err := w.writeConfig(config); err != nil {
		return err
	}

	planned, err := w.terraformCapped(ctx, limit, []int{2}, "plan", "-input=false", "-parallelism=10", "-detailed-exitcode", "-out=create.tfplan")
	if errors.Is(err, errCapped) {
		side.planCapped = true
	}
	if err != nil {
		return err
	}
	applied, err := w.terraformCapped(ctx, limit, nil, "apply", "-input=false", "-parallelism=10", "create.tfplan")
	if errors.Is(err, errCapped) {
		side.plan = append(side.plan, planned.wall)
		side.applyCapped = true
	}
	if err != nil {
		return err
	}
	if emu != nil && emu.TaskCount() != 1 {
		return fmt.Errorf("deep %d disks: the emulator holds %d tasks after apply", disks, emu.TaskCount())
	}
	side.plan = append(side.plan, planned.wall)
	side.apply = append(side.apply, applied.wall)
	if task {
		side.providerPeakKiB = append(side.providerPeakKiB, float64(max(planned.providerPeakKiB, applied.providerPeakKiB)))
	}
	return nil
}
