package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
)

// commandTimeout bounds one terraform command, so a hang fails the run instead of
// stalling it.
const commandTimeout = 10 * time.Minute

// workspace is one Terraform working directory (its own state) and the emulator its
// provider talks to.
type workspace struct {
	dir     string
	env     []string
	rssFile string
	emu     *emulator.Server
	runs    int
}

// tfRun is one finished terraform command.
type tfRun struct {
	wall            time.Duration
	exitCode        int
	providerPeakKiB int64 // max over the provider processes Terraform started; 0 = none started
	output          string
}

func (w *workspace) writeConfig(hcl string) error {
	return os.WriteFile(filepath.Join(w.dir, "main.tf"), []byte(hcl), 0o600)
}

// errCapped reports a terraform command stopped because it ran past its time cap.
var errCapped = errors.New("stopped at its time cap")

// terraform runs the CLI in the workspace and times it. An exit code not in okCodes
// (default {0}) is an error carrying the end of the output.
func (w *workspace) terraform(ctx context.Context, okCodes []int, args ...string) (tfRun, error) {
	return w.terraformCapped(ctx, commandTimeout, okCodes, args...)
}

// terraformCapped is terraform with a time cap: past it, Terraform and every provider
// process it started are killed and the error wraps errCapped.
func (w *workspace) terraformCapped(ctx context.Context, limit time.Duration, okCodes []int, args ...string) (tfRun, error) {
	if len(okCodes) == 0 {
		okCodes = []int{0}
	}
	if err := os.Remove(w.rssFile); err != nil && !errors.Is(err, os.ErrNotExist) {
		return tfRun{}, err
	}
	w.runs++
	logPath := filepath.Join(w.dir, fmt.Sprintf("terraform-%02d-%s.log", w.runs, args[0]))
	logFile, err := os.Create(logPath)
	if err != nil {
		return tfRun{}, err
	}
	defer logFile.Close()

	cmdCtx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	cliArgs := args
	if args[0] != "state" { // `terraform state rm` and friends take no -no-color
		cliArgs = append([]string{args[0], "-no-color"}, args[1:]...)
	}
	cmd := exec.CommandContext(cmdCtx, "terraform", cliArgs...)
	cmd.Dir, cmd.Env = w.dir, w.env
	cmd.Stdout, cmd.Stderr = logFile, logFile
	// Terraform gets a process group of its own, which the providers it starts join: a
	// provider busy in a long plan ignores Terraform's stop request, so stopping the
	// command (cap reached, or the run interrupted) kills the whole group, never an
	// orphan left burning CPU. The workspace is thrown away, so nothing is lost.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 10 * time.Second

	start := time.Now()
	err = cmd.Run()
	r := tfRun{wall: time.Since(start), exitCode: -1}
	if cmd.ProcessState != nil {
		r.exitCode = cmd.ProcessState.ExitCode()
	}
	r.output = readTail(logPath, 40)
	peak, rssErr := peakRSS(w.rssFile)
	r.providerPeakKiB = peak
	var exitErr *exec.ExitError
	switch {
	case ctx.Err() != nil:
		return r, fmt.Errorf("terraform %s: %w", strings.Join(args, " "), context.Cause(ctx))
	case errors.Is(cmdCtx.Err(), context.DeadlineExceeded):
		return r, fmt.Errorf("terraform %s: %w (%s)", strings.Join(args, " "), errCapped, limit)
	case err != nil && !errors.As(err, &exitErr):
		return r, fmt.Errorf("terraform %s: %w", strings.Join(args, " "), err)
	case !slices.Contains(okCodes, r.exitCode):
		return r, fmt.Errorf("terraform %s exited %d (want %v); last lines of %s:\n%s",
			strings.Join(args, " "), r.exitCode, okCodes, logPath, r.output)
	case rssErr != nil:
		return r, rssErr
	}
	return r, nil
}

// peakRSS is the largest figure the provider wrapper appended to path (KiB).
func peakRSS(path string) (int64, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	var peak int64
	for line := range strings.FieldsSeq(string(data)) {
		v, err := strconv.ParseInt(line, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("reading %s: %w", path, err)
		}
		peak = max(peak, v)
	}
	return peak, nil
}

func readTail(path string, n int) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	for sc.Scan() {
		lines = append(lines, sc.Text())
		if len(lines) > n {
			lines = lines[1:]
		}
	}
	return strings.Join(lines, "\n")
}

// remove deletes the workspace directory (its state included).
func (w *workspace) remove() {
	if err := os.RemoveAll(w.dir); err != nil {
		progress("warning: removing %s: %v", w.dir, err)
	}
}
