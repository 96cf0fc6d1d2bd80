package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
)

// goBenchPackages hold the testing.B benchmarks.
var goBenchPackages = []string{"./internal/service/task", "./internal/client"}

// goBenchmark is one benchmark's results over every -count run: unit → values.
type goBenchmark struct {
	pkg     string
	name    string // without the -GOMAXPROCS suffix
	runs    int
	metrics map[string][]float64
	order   []string // units in first-seen order
}

// median of unit over the runs; NaN when the benchmark reports no such unit.
func (b *goBenchmark) median(unit string) float64 {
	return median(b.metrics[unit])
}

// runGoBenchmarks runs the Go benchmarks one package at a time (so go test streams each
// result line as it comes, shown as progress) and parses their results.
func runGoBenchmarks(ctx context.Context, repo string, count int, skip string) ([]*goBenchmark, error) {
	var all []*goBenchmark
	for _, pkg := range goBenchPackages {
		progress("go benchmarks: %s (-count %d)", pkg, count)
		cmd := exec.CommandContext(ctx, "go", "test", "-run", "^$", "-bench", ".", "-skip", skip, "-benchmem",
			"-count", strconv.Itoa(count), pkg)
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), "TF_ACC=")
		cmd.Stderr = os.Stderr
		// go test runs the test binary as its child: on interruption kill both.
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			return nil, err
		}
		if err := cmd.Start(); err != nil {
			return nil, err
		}
		var captured strings.Builder
		sc := bufio.NewScanner(io.TeeReader(stdout, &captured))
		for sc.Scan() {
			if line := sc.Text(); strings.HasPrefix(line, "Benchmark") {
				progress("  %s", line)
			}
		}
		if err := cmd.Wait(); err != nil {
			return nil, fmt.Errorf("go test -bench %s: %w\n%s", pkg, err, captured.String())
		}
		benchmarks := parseGoBench(captured.String())
		if len(benchmarks) == 0 {
			return nil, fmt.Errorf("go test -bench %s ran no benchmarks:\n%s", pkg, captured.String())
		}
		all = append(all, benchmarks...)
	}
	return all, nil
}

// parseGoBench reads `go test -bench` output: "pkg:" headers and result
// lines "BenchmarkName-P  iterations  value unit  value unit ...". Results of the same
// benchmark (from -count) are gathered in one goBenchmark, in first-seen order.
func parseGoBench(out string) (benchmarks []*goBenchmark) {
	byName := map[string]*goBenchmark{}
	pkg := ""
	for line := range strings.SplitSeq(out, "\n") {
		line = strings.TrimSpace(line)
		if v, ok := strings.CutPrefix(line, "pkg: "); ok {
			pkg = v
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 4 || !strings.HasPrefix(fields[0], "Benchmark") || len(fields)%2 != 0 {
			continue
		}
		if _, err := strconv.Atoi(fields[1]); err != nil {
			continue
		}
		name := trimProcsSuffix(fields[0])
		b := byName[pkg+" "+name]
		if b == nil {
			b = &goBenchmark{pkg: pkg, name: name, metrics: map[string][]float64{}}
			byName[pkg+" "+name] = b
			benchmarks = append(benchmarks, b)
		}
		b.runs++
		for i := 2; i+1 < len(fields); i += 2 {
			v, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				continue
			}
			unit := fields[i+1]
			if _, seen := b.metrics[unit]; !seen {
				b.order = append(b.order, unit)
			}
			b.metrics[unit] = append(b.metrics[unit], v)
		}
	}
	return benchmarks
}

// trimProcsSuffix drops the "-8" GOMAXPROCS suffix go test appends to a benchmark name.
func trimProcsSuffix(name string) string {
	i := strings.LastIndexByte(name, '-')
	if i < 0 {
		return name
	}
	if _, err := strconv.Atoi(name[i+1:]); err != nil {
		return name
	}
	return name[:i]
}
