package main

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// median of xs (the mean of the middle two for an even count); NaN for none.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	mid := len(s) / 2
	if len(s)%2 == 1 {
		return s[mid]
	}
	return (s[mid-1] + s[mid]) / 2
}

// medianRatio is the median over repetitions of a[i]/b[i]: each figure against the one
// it is compared with in the same repetition, so a load that slowed both cancels out.
func medianRatio(a, b []float64) float64 {
	var r []float64
	for i := range min(len(a), len(b)) {
		if b[i] > 0 {
			r = append(r, a[i]/b[i])
		}
	}
	return median(r)
}

// secondsRange is "median s (min–max)" of repeated timings, or the value alone for one.
func secondsRange(xs []float64) string {
	switch len(xs) {
	case 0:
		return "—"
	case 1:
		return fmt.Sprintf("%.2f s", xs[0])
	}
	return fmt.Sprintf("%.2f s (%.2f–%.2f)", median(xs), slices.Min(xs), slices.Max(xs))
}

func ratio(r float64) string {
	switch {
	case math.IsNaN(r) || math.IsInf(r, 0):
		return "—"
	case r < 10:
		return fmt.Sprintf("%.2f×", r)
	}
	return fmt.Sprintf("%.1f×", r)
}

// millis is seconds as milliseconds with three significant digits.
func millis(s float64) string {
	if math.IsNaN(s) {
		return "—"
	}
	return fmt.Sprintf("%.3g ms", s*1000)
}

func mib(kib float64) string {
	if math.IsNaN(kib) || kib == 0 {
		return "—"
	}
	return fmt.Sprintf("%.0f MiB", kib/1024)
}

// number formats a Go benchmark figure: integers with thousands separators, small
// values with three significant digits.
func number(v float64) string {
	if math.IsNaN(v) {
		return "—"
	}
	if v < 100 && v != math.Trunc(v) {
		return fmt.Sprintf("%.3g", v)
	}
	digits := fmt.Sprintf("%.0f", v)
	var b strings.Builder
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// mdTable renders a Markdown table.
func mdTable(b *strings.Builder, header []string, rows [][]string) {
	b.WriteString("| " + strings.Join(header, " | ") + " |\n")
	b.WriteString("|" + strings.Repeat("---|", len(header)) + "\n")
	for _, r := range rows {
		b.WriteString("| " + strings.Join(r, " | ") + " |\n")
	}
	b.WriteString("\n")
}
