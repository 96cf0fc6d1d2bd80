package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
)

// session is one Terraform working directory with its own state and, unless it is a
// floor, a fresh emulator and the provider process it talks to.
type session struct {
	cli  string // the command: terraform, or tofu for the OpenTofu profile
	dir  string
	env  []string
	emu  *emulator.Server
	prov *providerProc
	cap  time.Duration
	runs int
}

// sessionSpec says what one session runs: its configuration, which may name the
// emulator's URL, the emulator's API model and how to start the provider against it.
type sessionSpec struct {
	name   string
	config func(emuURL string) string
	model  emulator.APIModel
	// start starts the provider for emu; nil for a floor, which needs no provider and no
	// emulator.
	start func(ctx context.Context, emu *emulator.Server) (*providerProc, error)
}

// open starts a session for config; bin "" is the terraform_data floor, which needs
// no provider.
func (h *harness) open(ctx context.Context, name, config, bin string, providerExtraEnv ...string) (*session, error) {
	spec := sessionSpec{name: name, config: func(string) string { return config },
		// The seed model: the deep step's 1024 target disks are within the seed's limits
		// (65535) and past today's (50 on create), and the step measures the schema's size.
		model: emulator.APIModelSeed}
	if bin != "" {
		spec.start = func(ctx context.Context, emu *emulator.Server) (*providerProc, error) {
			return startProvider(ctx, bin, providerEnv(emu, providerExtraEnv...))
		}
	}
	return h.openSession(ctx, spec)
}

func (h *harness) openSession(ctx context.Context, spec sessionSpec) (_ *session, err error) {
	h.workspaces++
	s := &session{cli: "terraform", dir: filepath.Join(h.tmp, fmt.Sprintf("ws%03d-%s", h.workspaces, spec.name)), cap: h.cap}
	defer func() {
		if err != nil {
			s.close()
		}
	}()
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		return nil, err
	}
	reattach, emuURL := "", ""
	if spec.start != nil {
		if s.emu, err = emulator.Start(emulator.Options{APIModel: spec.model}); err != nil {
			return nil, fmt.Errorf("starting the emulator: %w", err)
		}
		emuURL = s.emu.URL
		if s.prov, err = spec.start(ctx, s.emu); err != nil {
			return nil, err
		}
		reattach = s.prov.reattach
	}
	if err := os.WriteFile(filepath.Join(s.dir, "main.tf"), []byte(spec.config(emuURL)), 0o600); err != nil {
		return nil, err
	}
	s.env = h.terraformEnv(reattach)
	return s, nil
}

// stateBytes is the size of the session's terraform.tfstate.
func (s *session) stateBytes() (int64, error) {
	fi, err := os.Stat(filepath.Join(s.dir, "terraform.tfstate"))
	if err != nil {
		return 0, err
	}
	return fi.Size(), nil
}

func (s *session) close() {
	if s.prov != nil {
		s.prov.stop()
	}
	if s.emu != nil {
		s.emu.Close()
	}
	if err := os.RemoveAll(s.dir); err != nil {
		progress("warning: removing %s: %v", s.dir, err)
	}
}

// tfResult is one finished terraform command: its wall time, Terraform's own CPU and
// the CPU the provider spent meanwhile.
type tfResult struct {
	wall, terraformCPU, providerCPU time.Duration
}

// run runs one terraform command and fails unless it exits with st.okCode.
func (s *session) run(ctx context.Context, st step) (tfResult, error) {
	s.runs++
	logPath := filepath.Join(s.dir, fmt.Sprintf("terraform-%02d-%s.log", s.runs, st.name))
	logFile, err := os.Create(logPath)
	if err != nil {
		return tfResult{}, err
	}
	defer logFile.Close()
	var provBefore time.Duration
	if s.prov != nil {
		if provBefore, err = s.prov.cpu(); err != nil {
			return tfResult{}, err
		}
	}
	cmdCtx, cancel := context.WithTimeout(ctx, s.cap)
	defer cancel()
	args := append([]string{st.args[0], "-no-color", "-input=false"}, st.args[1:]...)
	cmd := exec.CommandContext(cmdCtx, s.cli, args...)
	cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = s.dir, s.env, logFile, logFile
	cmd.WaitDelay = 10 * time.Second

	start := time.Now()
	err = cmd.Run()
	r := tfResult{wall: time.Since(start)}
	what := s.cli + " " + strings.Join(st.args, " ")
	var exitErr *exec.ExitError
	switch {
	case ctx.Err() != nil:
		return r, fmt.Errorf("%s: %w", what, context.Cause(ctx))
	case errors.Is(cmdCtx.Err(), context.DeadlineExceeded):
		return r, fmt.Errorf("%s: stopped at the %s cap (-cap)", what, s.cap)
	case err != nil && !errors.As(err, &exitErr):
		return r, fmt.Errorf("%s: %w", what, err)
	case cmd.ProcessState.ExitCode() != st.okCode:
		return r, fmt.Errorf("%s exited %d, want %d (%s); last lines of its output:\n%s",
			what, cmd.ProcessState.ExitCode(), st.okCode, st.means, tail(logPath, 30))
	}
	// Terraform's own CPU: its only child would be the provider, which it reattached to
	// instead of starting.
	r.terraformCPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	if s.prov != nil {
		if !s.prov.alive() {
			return r, fmt.Errorf("%s: the provider process exited", what)
		}
		after, err := s.prov.cpu()
		if err != nil {
			return r, err
		}
		r.providerCPU = after - provBefore
	}
	return r, nil
}

func tail(path string, n int) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
