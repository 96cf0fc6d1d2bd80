package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// profileNodes is how many frames each profile summary lists.
const profileNodes = 8

// cumHidden are the frames left out of the cumulative listing: they sit above every
// request, or above the garbage collector's work.
const cumHidden = `^(google\.golang\.org/grpc|runtime\.(goexit|systemstack|gcBgMarkWorker)|github\.com/hashicorp/terraform-plugin-go/tfprotov6/(tf6server|internal/tfplugin6))`

// profileResult is the top of one CPU profile of the provider during one step.
type profileResult struct {
	title    string
	step     step
	duration string   // pprof's "Duration: …, Total samples = …" line
	flat     []string // pprof -top lines, by own time
	cum      []string // by time including callees
}

// profiles are the CPU profiles the options ask for.
func (h *harness) profiles(ctx context.Context, opts options) ([]profileResult, error) {
	var out []profileResult
	var err error
	if opts.profileN > 0 {
		if out, err = h.profile(ctx, scaleCase(opts.profileN), out); err != nil {
			return nil, err
		}
	}
	if opts.profileDisks > 0 {
		if out, err = h.profile(ctx, deepCase(opts.profileDisks), out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// profile runs c's steps up to c.profiled with the profiling wrapper as the provider,
// recording its CPU during that step only.
func (h *harness) profile(ctx context.Context, c benchCase, acc []profileResult) ([]profileResult, error) {
	path := filepath.Join(h.tmp, fmt.Sprintf("%s-%d.pprof", c.kind, c.size))
	progress("profile: %s %s, the provider during %q", c.kind, c.title, c.profiled)
	s, err := h.open(ctx, c.kind+"-profile", c.config, h.profiler, "SMS_BENCH_PROFILE="+path)
	if err != nil {
		return nil, err
	}
	defer s.close()
	for _, st := range c.steps {
		if st.name != c.profiled {
			if _, err := s.run(ctx, st); err != nil {
				return nil, err
			}
			continue
		}
		if err := s.prov.cmd.Process.Signal(syscall.SIGUSR1); err != nil {
			return nil, err
		}
		_, err := s.run(ctx, st)
		if sigErr := s.prov.cmd.Process.Signal(syscall.SIGUSR2); err == nil {
			err = sigErr
		}
		if err != nil {
			return nil, err
		}
		if err := waitForFile(path, 30*time.Second); err != nil {
			return nil, err
		}
		p := profileResult{title: c.kind + " " + c.title, step: st}
		if p.duration, p.flat, err = pprofTop(ctx, path, profileNodes, "", false); err != nil {
			return nil, err
		}
		if _, p.cum, err = pprofTop(ctx, path, profileNodes, cumHidden, true); err != nil {
			return nil, err
		}
		return append(acc, p), nil
	}
	return nil, fmt.Errorf("%s has no step %q to profile", c.title, c.profiled)
}

func waitForFile(path string, limit time.Duration) error {
	for deadline := time.Now().Add(limit); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if _, err := os.Stat(path); err == nil {
			return nil
		}
	}
	return fmt.Errorf("the provider wrote no profile to %s within %s", path, limit)
}

// pprofTop is the top nodes of the profile at path, by own time or (cum) by time
// including callees, without the frames hide matches ("": none). For the provider's
// cumulative listing those are the gRPC server's and the protocol layer's frames, which
// hold every request's time without saying where it goes.
func pprofTop(ctx context.Context, path string, nodes int, hide string, cum bool) (duration string, rows []string, err error) {
	args := []string{"tool", "pprof", "-top", "-nodecount=" + strconv.Itoa(nodes)}
	if cum {
		args = append(args, "-cum")
	}
	if hide != "" {
		args = append(args, "-hide", hide)
	}
	cmd := exec.CommandContext(ctx, "go", append(args, path)...)
	out, err := cmd.Output()
	if err != nil {
		return "", nil, fmt.Errorf("go tool pprof -top %s: %w", path, err)
	}
	duration, rows = parsePprofTop(string(out))
	if len(rows) == 0 {
		return "", nil, fmt.Errorf("go tool pprof -top %s printed no frames:\n%s", path, out)
	}
	return duration, rows, nil
}

// parsePprofTop picks the "Duration:" line and the rows under the "flat flat% …" header
// (the header included) from `go tool pprof -top` output.
func parsePprofTop(out string) (duration string, rows []string) {
	inRows := false
	for line := range strings.SplitSeq(out, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trimmed, "Duration:"):
			duration = trimmed
		case strings.HasPrefix(trimmed, "flat") && strings.Contains(trimmed, "flat%"):
			inRows = true
			rows = append(rows, line)
		case inRows && trimmed != "":
			rows = append(rows, line)
		}
	}
	return duration, rows
}
