package main

import (
	"fmt"
	"time"
)

// budget bounds the optional part of a run on a slow or busy machine: every size gets its
// first repetition, and each further one only while the run is expected to end within
// limit, judging by how long the previous repetition took.
type budget struct {
	start time.Time
	limit time.Duration // 0 = no limit
}

// allows reports whether a step expected to take next still fits.
func (b budget) allows(next time.Duration) bool {
	return b.limit == 0 || time.Since(b.start)+next <= b.limit
}

// repeat runs once for repetitions 1..want as far as the budget allows, and returns how
// many ran.
func (b budget) repeat(want int, what string, once func(rep int) error) (int, error) {
	var last time.Duration
	for rep := 1; rep <= want; rep++ {
		if rep > 1 && !b.allows(last) {
			progress("%s: skipping repetition %d of %d: it would take about %s and pass the %s budget",
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
