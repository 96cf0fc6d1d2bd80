package main

import (
	"fmt"
	"math"
	"strings"
)

// mdTable renders a Markdown table.
func mdTable(b *strings.Builder, header []string, rows [][]string) {
	b.WriteString("| " + strings.Join(header, " | ") + " |\n")
	b.WriteString("|" + strings.Repeat("---|", len(header)) + "\n")
	for _, r := range rows {
		b.WriteString("| " + strings.Join(r, " | ") + " |\n")
	}
	b.WriteString("\n")
}

// secondsRange is "median s (min–max)" of repeated timings, or just the value for one.
func secondsRange(d durations) string {
	if len(d) == 0 {
		return "—"
	}
	if len(d) == 1 {
		return fmt.Sprintf("%.2f s", d.median())
	}
	lo, hi := d.minMax()
	return fmt.Sprintf("%.2f s (%.2f–%.2f)", d.median(), lo, hi)
}

func ratio(a, b float64) string {
	if b == 0 {
		return "—"
	}
	return fmt.Sprintf("%.1f×", a/b)
}

// percent is a as a percentage of b.
func percent(a, b float64) string {
	if b == 0 || math.IsNaN(a) || math.IsNaN(b) {
		return "—"
	}
	p := 100 * a / b
	if p < 10 {
		return fmt.Sprintf("%.1f %%", p)
	}
	return fmt.Sprintf("%.0f %%", p)
}

func mib(kib float64) string {
	if kib == 0 {
		return "—"
	}
	return fmt.Sprintf("%.0f MiB", kib/1024)
}

func metMark(ok bool) string {
	if ok {
		return "met"
	}
	return "**not met**"
}

// number formats a benchmark figure compactly: integers without decimals, small
// values with three significant digits.
func number(v float64) string {
	switch {
	case math.IsNaN(v):
		return "—"
	case v >= 100 || v == math.Trunc(v):
		return groupThousands(fmt.Sprintf("%.0f", v))
	default:
		return fmt.Sprintf("%.3g", v)
	}
}

func groupThousands(digits string) string {
	neg := strings.HasPrefix(digits, "-")
	digits = strings.TrimPrefix(digits, "-")
	var b strings.Builder
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func code(s string) string { return "`" + s + "`" }
