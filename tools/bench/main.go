// Command bench measures what the provider costs Terraform and writes BENCHMARKS.md:
// plan and apply of N tasks and of one deep task body, each against a terraform_data
// floor, with the provider's own CPU beside Terraform's; a CPU profile of the provider
// during those plans; and the Go benchmarks of internal/service/task and internal/client.
// With -baseline it measures a provider built from an older revision in the same
// repetitions, so one run shows before and after. Run it from the module root:
// `make bench` or `go run ./tools/bench -h`.
//
// It exits non-zero when a measured step fails (a command errs, an unchanged plan is not
// empty, the emulator does not hold the tasks an apply created). It never judges a time.
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
	out          string
	baseline     string // git revision; "" = measure the working tree only
	baselineDeep bool   // measure the baseline on the deep case too
	reps         int
	scale        []int
	disks        []int
	profileN     int // tasks of the profiled plan; 0 = no profile
	profileDisks int // disks of the profiled deep plan; 0 = none
	goCount      int // go test -count; 0 = skip the Go benchmarks
	goSkip       string
	cap          time.Duration
	budget       time.Duration
	// The official step: the official provider's binary ("" = skip the step), its task
	// counts, pairs, report file, and whether it is the only step of the run.
	official      string
	officialScale []int
	officialReps  int
	officialOut   string
	officialOnly  bool
	tofu          string // OpenTofu's binary, for the profile of its own CPU ("" = none)
	tofuN         int
}

func parseOptions(args []string) (options, error) {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	var o options
	var scale, disks, officialScale string
	fs.StringVar(&o.out, "out", "BENCHMARKS.md", "file to write the report to")
	fs.StringVar(&o.baseline, "baseline", "", "git revision to build and measure beside the working tree (empty: none)")
	fs.BoolVar(&o.baselineDeep, "baseline-deep", true, "measure the baseline on the deep case too (its slowest part before the CPU work)")
	fs.IntVar(&o.reps, "reps", 3, "repetitions of each scale and deep step (the report shows medians)")
	fs.StringVar(&scale, "scale", "200,500", "task counts of the scale step (empty: skip)")
	fs.StringVar(&disks, "disks", "1024", "target disk counts (8 volumes each) of the deep step (empty: skip)")
	fs.IntVar(&o.profileN, "profile-n", 200, "tasks whose refresh+plan is CPU-profiled (0: no profile)")
	fs.IntVar(&o.profileDisks, "profile-disks", 1024, "disks of the CPU-profiled deep plan (0: no profile)")
	fs.IntVar(&o.goCount, "go-count", 3, "go test -count of the Go benchmarks (0: skip them)")
	fs.StringVar(&o.goSkip, "go-skip", "/deep_", "go test -skip of the Go benchmarks (the deep-body ones take seconds per operation; the deep case measures them through Terraform)")
	fs.DurationVar(&o.cap, "cap", 8*time.Minute, "time limit of one terraform command; past it the run fails")
	fs.DurationVar(&o.budget, "budget", 13*time.Minute,
		"skip the repetitions after the first once one more would end the run past this (0: never)")
	fs.StringVar(&o.official, "official", os.Getenv(officialEnv),
		"the official provider's binary (bash scripts/build-official-provider.sh builds one), measured beside this provider; default $"+officialEnv+" (empty: skip that step)")
	fs.StringVar(&officialScale, "official-scale", "100,500", "task counts of the official step")
	fs.IntVar(&o.officialReps, "official-reps", 3, "pairs of plans (this provider, the official one) per task count of the official step")
	fs.StringVar(&o.officialOut, "official-out", "BENCHMARKS-official.md", "file to write the official step's report to")
	fs.BoolVar(&o.officialOnly, "official-only", false, "run the official step only (make bench-official): no other step, and -out is not written")
	fs.StringVar(&o.tofu, "tofu", os.Getenv(tofuEnv),
		"OpenTofu's binary (make cli-tofu-1.12 prints one): with the official step, profile its own CPU during a plan of -tofu-n tasks; default $"+tofuEnv)
	fs.IntVar(&o.tofuN, "tofu-n", 500, "tasks of the OpenTofu profile (500: five times the samples of 100, at the scale the targets are set at)")
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
	if o.officialScale, err = parseInts(officialScale); err != nil {
		return o, fmt.Errorf("-official-scale: %w", err)
	}
	if o.officialReps < 1 {
		return o, fmt.Errorf("-official-reps must be at least 1")
	}
	if o.officialOnly && o.official == "" {
		return o, fmt.Errorf("-official-only needs the official provider's binary (-official or $%s): %s", officialEnv, officialHowTo)
	}
	if o.reps < 1 || o.goCount < 0 || o.profileN < 0 || o.profileDisks < 0 {
		return o, fmt.Errorf("-reps must be at least 1; -go-count, -profile-n and -profile-disks at least 0")
	}
	return o, nil
}

// parseInts reads a comma-separated list of positive integers; "" is the empty list.
func parseInts(s string) ([]int, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
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
	opts, err := parseOptions(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	rep, err := measure(ctx, opts)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
	write := func(path, text string) {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		progress("wrote %s (%s in all)", path, rep.elapsed.Round(time.Second))
	}
	if !opts.officialOnly {
		write(opts.out, rep.render())
	}
	if rep.official != nil {
		write(opts.officialOut, rep.renderOfficial())
	}
}

func measure(ctx context.Context, opts options) (*report, error) {
	repo, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(repo + "/tools/bench/profiled"); err != nil {
		return nil, fmt.Errorf("run from the module root (make bench): %w", err)
	}
	rep := &report{started: time.Now(), opts: opts, args: os.Args[1:], machine: describeMachine(ctx, repo)}
	h, err := newHarness(ctx, repo, opts)
	if err != nil {
		return nil, err
	}
	defer h.close()
	rep.builds = h.builds
	if !opts.officialOnly {
		if err := h.measureOwnSteps(ctx, opts, rep); err != nil {
			return nil, err
		}
	}
	if opts.official != "" {
		if rep.official, err = h.runOfficial(ctx, opts, rep.started); err != nil {
			return nil, err
		}
		if opts.tofu != "" && opts.tofuN > 0 {
			if rep.official.tofu, err = h.profileTofu(ctx, opts.tofu, opts.tofuN); err != nil {
				return nil, fmt.Errorf("OpenTofu profile: %w", err)
			}
		}
	} else {
		progress("the official step is skipped: no binary of the official provider. %s", officialHowTo)
	}
	rep.loadAtEnd = loadAverage()
	rep.elapsed = time.Since(rep.started)
	return rep, nil
}

// measureOwnSteps runs the Go benchmarks, the scale and deep cases and the profiles.
func (h *harness) measureOwnSteps(ctx context.Context, opts options, rep *report) error {
	var err error
	if opts.goCount > 0 {
		if rep.goBench, err = runGoBenchmarks(ctx, h.repo, opts.goCount, opts.goSkip); err != nil {
			return err
		}
	}
	var cases []*caseResult
	for _, n := range opts.scale {
		rep.scale = append(rep.scale, newCaseResult(scaleCase(n)))
	}
	for _, d := range opts.disks {
		rep.deep = append(rep.deep, newCaseResult(deepCase(d)))
	}
	cases = append(append(cases, rep.scale...), rep.deep...)
	// Repetition by repetition, so every case has its first before any has its second,
	// and a run that must stop early (-budget) still covers them all.
	var last time.Duration
	for i := 1; i <= opts.reps && len(cases) > 0; i++ {
		if i > 1 && opts.budget > 0 && time.Since(rep.started)+last > opts.budget {
			progress("skipping repetitions %d-%d: one takes about %s, and the run would pass its %s -budget",
				i, opts.reps, last.Round(time.Second), opts.budget)
			break
		}
		start := time.Now()
		for _, c := range cases {
			if err := h.measureRepetition(ctx, c, i, opts.reps); err != nil {
				return err
			}
		}
		last = time.Since(start)
		if i == 1 {
			if rep.profiles, err = h.profiles(ctx, opts); err != nil {
				return err
			}
		}
	}
	return nil
}

// runStart is when the run began; progress lines carry the time since.
var runStart = time.Now()

// progress writes one line to stderr, so a user sees the run advancing.
func progress(format string, args ...any) {
	e := time.Since(runStart).Round(time.Second)
	fmt.Fprintf(os.Stderr, "[bench %02d:%02d] %s\n", int(e.Minutes()), int(e.Seconds())%60, fmt.Sprintf(format, args...))
}
