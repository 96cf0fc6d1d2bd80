package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// clockTicks is USER_HZ, the unit of the CPU times in /proc/<pid>/stat: 100 on every
// Linux architecture Go supports.
const clockTicks = 100

// providerProc is a provider started apart, which Terraform reattaches to
// (TF_REATTACH_PROVIDERS) instead of starting its own: it lives across terraform
// commands, so its CPU can be read from /proc before and after each.
type providerProc struct {
	cmd      *exec.Cmd
	reattach string // the TF_REATTACH_PROVIDERS value
	exited   chan struct{}
	stopWith os.Signal // the signal that ends it the way it expects
}

// startProvider starts one of this repository's builds with -debug, in which it prints
// the TF_REATTACH_PROVIDERS value itself and ends on SIGINT.
func startProvider(ctx context.Context, bin string, env []string) (*providerProc, error) {
	return launchProvider(exec.CommandContext(ctx, bin, "-debug"), env, syscall.SIGINT,
		func(line string, _ int) (string, bool) { return parseReattach(line) })
}

// launchProvider starts cmd and reads its stdout until reattachFrom, given each line
// and the process id, finds the TF_REATTACH_PROVIDERS value.
func launchProvider(cmd *exec.Cmd, env []string, stopWith os.Signal, reattachFrom func(line string, pid int) (string, bool)) (*providerProc, error) {
	bin := cmd.Path
	cmd.Env = env
	// The provider's log stream, which Terraform would read and drop when no TF_LOG is set.
	devNull, err := os.Open(os.DevNull)
	if err != nil {
		return nil, err
	}
	defer devNull.Close()
	cmd.Stderr = devNull
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	p := &providerProc{cmd: cmd, exited: make(chan struct{}), stopWith: stopWith}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
		for sc.Scan() {
			if v, ok := reattachFrom(sc.Text(), cmd.Process.Pid); ok {
				found <- v
				break
			}
		}
		_, _ = io.Copy(io.Discard, stdout)
		_ = cmd.Wait()
		close(p.exited)
	}()
	select {
	case p.reattach = <-found:
		return p, nil
	case <-p.exited:
		return nil, fmt.Errorf("%s exited without telling how to reattach to it: %v", bin, cmd.ProcessState)
	case <-time.After(time.Minute):
		p.stop()
		return nil, fmt.Errorf("%s told no way to reattach to it within a minute", bin)
	}
}

// parseReattach reads the line a provider in debug mode prints for POSIX shells,
// `\tTF_REATTACH_PROVIDERS='<json>'`, with the JSON's own quotes escaped as '"'"'.
func parseReattach(line string) (string, bool) {
	v, ok := strings.CutPrefix(strings.TrimSpace(line), "TF_REATTACH_PROVIDERS='")
	if !ok || !strings.HasSuffix(v, "'") {
		return "", false
	}
	return strings.ReplaceAll(strings.TrimSuffix(v, "'"), `'"'"'`, `'`), true
}

// cpu is the user plus system CPU time the provider process has used so far.
func (p *providerProc) cpu() (time.Duration, error) {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", p.cmd.Process.Pid))
	if err != nil {
		return 0, fmt.Errorf("reading the provider's CPU time: %w", err)
	}
	return parseStatCPU(string(stat))
}

// parseStatCPU sums utime and stime (fields 14 and 15) of a /proc/<pid>/stat line. The
// command name (field 2) may hold spaces and parentheses, so fields count from the last
// ")".
func parseStatCPU(stat string) (time.Duration, error) {
	i := strings.LastIndexByte(stat, ')')
	if i < 0 {
		return 0, errors.New("malformed /proc stat line")
	}
	fields := strings.Fields(stat[i+1:]) // fields[0] is field 3 (state)
	if len(fields) < 13 {
		return 0, errors.New("short /proc stat line")
	}
	var ticks int64
	for _, f := range fields[11:13] {
		v, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("/proc stat CPU field %q: %w", f, err)
		}
		ticks += v
	}
	return time.Duration(ticks) * time.Second / clockTicks, nil
}

// peakRSSKiB is the provider's peak resident set size so far (VmHWM), 0 if unknown.
func (p *providerProc) peakRSSKiB() float64 {
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kib, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			return kib
		}
	}
	return 0
}

// stop ends the provider the way it expects (stopWith), killing it if it lingers.
func (p *providerProc) stop() {
	_ = p.cmd.Process.Signal(p.stopWith)
	select {
	case <-p.exited:
	case <-time.After(10 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.exited
	}
}

func (p *providerProc) alive() bool {
	select {
	case <-p.exited:
		return false
	default:
		return true
	}
}
