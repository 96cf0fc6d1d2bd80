package main

import (
	"math"
	"slices"
	"time"
)

// median of xs (the mean of the middle two for an even count); 0 for none.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	mid := len(s) / 2
	if len(s)%2 == 1 {
		return s[mid]
	}
	return (s[mid-1] + s[mid]) / 2
}

// durations is a set of repeated wall-time measurements of one thing.
type durations []time.Duration

func (d durations) seconds() []float64 {
	out := make([]float64, len(d))
	for i, v := range d {
		out[i] = v.Seconds()
	}
	return out
}

func (d durations) median() float64 { return median(d.seconds()) }

func (d durations) minMax() (lo, hi float64) {
	s := d.seconds()
	if len(s) == 0 {
		return 0, 0
	}
	return slices.Min(s), slices.Max(s)
}

// growthExponent is k in time ∝ size^k between two measurements: how much faster than
// linear (k > 1) or slower (k < 1) the time grows.
func growthExponent(size1, size2, t1, t2 float64) float64 {
	if size1 <= 0 || size2 <= 0 || t1 <= 0 || t2 <= 0 || size1 == size2 {
		return math.NaN()
	}
	return math.Log(t2/t1) / math.Log(size2/size1)
}
