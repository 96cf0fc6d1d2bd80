package main

import (
	"context"
	"fmt"
	"time"
)

// floorLabel names the terraform_data side of a case; the others are build labels.
const floorLabel = "floor"

// series is one step's figures in seconds, one per repetition.
type series struct{ wall, terraformCPU, providerCPU []float64 }

type sideResult struct {
	steps  map[string]*series
	rssKiB []float64 // the provider's peak RSS per repetition
}

type caseResult struct {
	c     benchCase
	reps  int
	sides map[string]*sideResult // floorLabel and each build's label
}

func (r *caseResult) step(side, step string) *series {
	if s, ok := r.sides[side]; ok {
		if st, ok := s.steps[step]; ok {
			return st
		}
	}
	return &series{}
}

// measureCase runs c once per repetition on every build and on the floor, one after the
// other, so that all sides of a repetition see the same machine load.
func (h *harness) measureCase(ctx context.Context, c benchCase, reps int, b budget) (*caseResult, error) {
	res := &caseResult{c: c, sides: map[string]*sideResult{}}
	labels := []string{floorLabel}
	bins := []string{""}
	for _, bl := range h.builds {
		labels, bins = append(labels, bl.label), append(bins, bl.bin)
	}
	ran, err := b.repeat(reps, c.kind+" "+c.title, func(rep int) error {
		for i, label := range labels {
			progress("%s %s, repetition %d/%d: %s", c.kind, c.title, rep, reps, label)
			if err := h.runSide(ctx, c, label, bins[i], res); err != nil {
				return fmt.Errorf("%s: %w", label, err)
			}
		}
		return nil
	})
	res.reps = ran
	if err != nil {
		return nil, err
	}
	for _, label := range labels[1:] {
		st := res.step(label, c.profiled)
		progress("%s %s: %s %s %.2fs (floor %.2fs), provider CPU %.2fs, Terraform CPU %.2fs", c.kind, c.title, label, c.profiled,
			median(st.wall), median(res.step(floorLabel, c.profiled).wall), median(st.providerCPU), median(st.terraformCPU))
	}
	return res, nil
}

func (h *harness) runSide(ctx context.Context, c benchCase, label, bin string, res *caseResult) error {
	config := c.config
	if bin == "" {
		config = c.floor
	}
	s, err := h.open(ctx, c.kind+"-"+label, config, bin)
	if err != nil {
		return err
	}
	defer s.close()
	side := res.sides[label]
	if side == nil {
		side = &sideResult{steps: map[string]*series{}}
		res.sides[label] = side
	}
	for _, st := range c.steps {
		r, err := s.run(ctx, st)
		if err != nil {
			return err
		}
		ser := side.steps[st.name]
		if ser == nil {
			ser = &series{}
			side.steps[st.name] = ser
		}
		ser.wall = append(ser.wall, r.wall.Seconds())
		ser.terraformCPU = append(ser.terraformCPU, r.terraformCPU.Seconds())
		ser.providerCPU = append(ser.providerCPU, r.providerCPU.Seconds())
	}
	if s.emu != nil {
		if got := s.emu.TaskCount(); got != c.tasks {
			return fmt.Errorf("the emulator holds %d tasks after the steps, want %d", got, c.tasks)
		}
		side.rssKiB = append(side.rssKiB, s.prov.peakRSSKiB())
	}
	return nil
}

// budget bounds a run on a slow or busy machine: every step gets its first repetition,
// and each further one only while the run is expected to end within limit, judging by
// how long the previous repetition took.
type budget struct {
	start time.Time
	limit time.Duration // 0 = no limit
}

func (b budget) repeat(want int, what string, once func(rep int) error) (int, error) {
	var last time.Duration
	for rep := 1; rep <= want; rep++ {
		if rep > 1 && b.limit > 0 && time.Since(b.start)+last > b.limit {
			progress("%s: skipping repetitions %d-%d: each takes about %s and the run would pass its %s budget",
				what, rep, want, last.Round(time.Second), b.limit)
			return rep - 1, nil
		}
		start := time.Now()
		if err := once(rep); err != nil {
			return rep - 1, fmt.Errorf("%s, repetition %d: %w", what, rep, err)
		}
		last = time.Since(start)
	}
	return want, nil
}
