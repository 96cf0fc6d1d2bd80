// Command bench measures the provider against the SMS emulator and writes
// BENCHMARKS.md: requests per operation (from the emulator's journal), PUT body sizes,
// plan/apply time and provider memory for many tasks and for deep task bodies (each
// against a terraform_data floor), and the Go benchmarks of internal/provider and
// internal/client. Run it from the module root: `make bench` or `go run ./bench`.
//
// It exits 1 when a request-count target is not met (a correctness signal; no time is
// ever asserted) and 2 when it could not measure at all.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"
)

type options struct {
	out        string
	reps       int
	heavyReps  int
	scale      []int
	heavyScale int // N at or above which scale runs heavyReps
	disks      []int
	heavyDisks int // disk count at or above which deep runs heavyReps
	deepCap    time.Duration
	budget     time.Duration
	goCount    int
}

func parseOptions(args []string) (options, error) {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	var o options
	var scale, disks string
	fs.StringVar(&o.out, "out", "BENCHMARKS.md", "file to write the report to")
	fs.IntVar(&o.reps, "reps", 3, "repetitions of each timed step (the report shows medians)")
	fs.IntVar(&o.heavyReps, "heavy-reps", 0, "repetitions of the heaviest steps, for a slow machine (see -heavy-n, -heavy-disks; 0 = -reps)")
	fs.StringVar(&scale, "scale", "1,10,100,500", "numbers of tasks for the scale step")
	fs.IntVar(&o.heavyScale, "heavy-n", 500, "task count from which the scale step runs -heavy-reps")
	fs.StringVar(&disks, "disks", "1,16,128,1024", "target disk counts for the deep-body step")
	fs.IntVar(&o.heavyDisks, "heavy-disks", 1024, "disk count from which the deep step runs -heavy-reps")
	fs.DurationVar(&o.deepCap, "deep-cap", 120*time.Second, "time cap of one deep-body terraform command")
	fs.DurationVar(&o.budget, "budget", 12*time.Minute,
		"skip repetitions after the first of a size once one more would end the run past this (0 = never)")
	fs.IntVar(&o.goCount, "go-count", 5, "go test -count for the Go benchmarks")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	var err error
	if o.scale, err = parseInts(scale); err != nil {
		return o, fmt.Errorf("-scale: %w", err)
	}
	if o.disks, err = parseInts(disks); err != nil {
		return o, fmt.Errorf("-disks: %w", err)
	}
	if o.reps < 1 || o.heavyReps < 0 || o.goCount < 1 {
		return o, fmt.Errorf("-reps and -go-count must be at least 1, -heavy-reps at least 0")
	}
	if o.heavyReps == 0 {
		o.heavyReps = o.reps
	}
	return o, nil
}

func parseInts(s string) ([]int, error) {
	var out []int
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("%q is not a positive integer", f)
		}
		out = append(out, n)
	}
	return out, nil
}

func main() {
	os.Exit(run())
}

func run() int {
	opts, err := parseOptions(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	rep, err := measure(ctx, opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		return 2
	}
	if err := os.WriteFile(opts.out, []byte(rep.render()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		return 2
	}
	progress("wrote %s (%s in all)", opts.out, rep.elapsed.Round(time.Second))
	if !rep.targetsMet() {
		for _, t := range rep.requests.targets {
			if !t.met {
				fmt.Fprintf(os.Stderr, "bench: target not met: %s: want %s, got %s\n", t.name, t.want, t.got)
			}
		}
		return 1
	}
	return 0
}

func measure(ctx context.Context, opts options) (*report, error) {
	repo, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(repo + "/bench/providerwrap"); err != nil {
		return nil, fmt.Errorf("run from the module root (make bench): %w", err)
	}
	rep := &report{started: time.Now(), opts: opts, machine: describeMachine(ctx, repo)}
	if rep.seedBytes, rep.seedCompact, err = seedSizes(repo); err != nil {
		return nil, err
	}

	h, err := newHarness(ctx, repo)
	if err != nil {
		return nil, err
	}
	defer h.close()

	if rep.requests, err = measureRequests(ctx, h); err != nil {
		return nil, fmt.Errorf("request counts: %w", err)
	}
	for _, t := range rep.requests.targets {
		progress("target %s: want %s, got %s: %s", t.name, t.want, t.got, metMark(t.met))
	}
	if rep.goBench, rep.goCPU, err = runGoBenchmarks(ctx, repo, opts.goCount); err != nil {
		return nil, err
	}
	repsFrom := func(heavy int) func(int) int {
		return func(n int) int {
			if n >= heavy {
				return opts.heavyReps
			}
			return opts.reps
		}
	}
	b := budget{start: rep.started, limit: opts.budget}
	if rep.scale, err = measureScale(ctx, h, opts.scale, repsFrom(opts.heavyScale), b); err != nil {
		return nil, fmt.Errorf("scale: %w", err)
	}
	if rep.deep, err = measureDeep(ctx, h, opts.disks, repsFrom(opts.heavyDisks), opts.deepCap, b); err != nil {
		return nil, fmt.Errorf("deep bodies: %w", err)
	}
	rep.loadAtEnd = loadAverage()
	rep.elapsed = time.Since(rep.started)
	return rep, nil
}
