package main

import (
	"context"
	"fmt"
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

func newCaseResult(c benchCase) *caseResult {
	return &caseResult{c: c, sides: map[string]*sideResult{}}
}

// measureRepetition runs c once on the floor and on every build, one after the other,
// so that all sides of a repetition see the same machine load.
func (h *harness) measureRepetition(ctx context.Context, res *caseResult, rep, reps int) error {
	c := res.c
	labels, bins := []string{floorLabel}, []string{""}
	for _, bl := range h.builds {
		if bl.label == "baseline" && c.kind == "deep" && !h.baselineDeep {
			continue
		}
		labels, bins = append(labels, bl.label), append(bins, bl.bin)
	}
	for i, label := range labels {
		progress("%s %s, repetition %d/%d: %s", c.kind, c.title, rep, reps, label)
		if err := h.runSide(ctx, c, label, bins[i], res); err != nil {
			return fmt.Errorf("%s %s, repetition %d, %s: %w", c.kind, c.title, rep, label, err)
		}
	}
	res.reps = rep
	for _, label := range labels[1:] {
		st := res.step(label, c.profiled)
		progress("%s %s: %s %s %.2fs (floor %.2fs), provider CPU %.2fs, Terraform CPU %.2fs", c.kind, c.title, label, c.profiled,
			last(st.wall), last(res.step(floorLabel, c.profiled).wall), last(st.providerCPU), last(st.terraformCPU))
	}
	return nil
}

func last(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	return xs[len(xs)-1]
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
