package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
)

// build is one provider binary under measurement.
type build struct {
	label string // "baseline" or "current"
	rev   string // the commit it was built from, for the report
	bin   string
}

// harness owns the temporary directory of one run: the provider builds, the profiling
// wrapper, an empty CLI configuration and the Terraform working directories.
type harness struct {
	repo      string
	tmp       string // removed by close
	cliConfig string // empty: no provider_installation or plugin cache of the user's applies
	builds    []build
	// baselineDeep: the baseline build runs the deep case too.
	baselineDeep bool
	profiler     string // tools/bench/profiled: the provider with CPU profiling, for the profiles only
	cap          time.Duration
	workspaces   int
}

func newHarness(ctx context.Context, repo string, opts options) (*harness, error) {
	tmp, err := os.MkdirTemp("", "sms-bench-")
	if err != nil {
		return nil, err
	}
	h := &harness{repo: repo, tmp: tmp, cliConfig: filepath.Join(tmp, "terraformrc"), cap: opts.cap, baselineDeep: opts.baselineDeep}
	if err := h.buildAll(ctx, opts.baseline, !opts.officialOnly); err != nil {
		h.close()
		return nil, err
	}
	if err := os.WriteFile(h.cliConfig, nil, 0o600); err != nil {
		h.close()
		return nil, err
	}
	return h, nil
}

// buildAll builds the baseline (if any), the working tree and, with profiled, the
// profiling wrapper (the official step alone needs no profile).
func (h *harness) buildAll(ctx context.Context, baseline string, profiled bool) error {
	if baseline != "" {
		b, err := h.buildBaseline(ctx, baseline)
		if err != nil {
			return err
		}
		h.builds = append(h.builds, b)
	}
	current := build{label: "current", rev: revision(ctx, h.repo, "HEAD"), bin: filepath.Join(h.tmp, "current", "terraform-provider-sms")}
	if out, _ := gitOutput(ctx, h.repo, "status", "--porcelain", "--untracked-files=no"); out != "" {
		current.rev += " with uncommitted changes"
	}
	h.profiler = filepath.Join(h.tmp, "profiled", "terraform-provider-sms")
	if err := goBuild(ctx, h.repo, ".", current.bin); err != nil {
		return err
	}
	h.builds = append(h.builds, current)
	if !profiled {
		return nil
	}
	return goBuild(ctx, h.repo, "./tools/bench/profiled", h.profiler)
}

// buildBaseline builds the provider from rev in a temporary git worktree, removed again
// once built.
func (h *harness) buildBaseline(ctx context.Context, rev string) (build, error) {
	src := filepath.Join(h.tmp, "baseline-src")
	if out, err := gitOutput(ctx, h.repo, "worktree", "add", "--detach", "--quiet", src, rev); err != nil {
		return build{}, fmt.Errorf("-baseline %s: git worktree add: %w\n%s", rev, err, out)
	}
	defer func() {
		if out, err := gitOutput(context.WithoutCancel(ctx), h.repo, "worktree", "remove", "--force", src); err != nil {
			progress("warning: git worktree remove %s: %v %s", src, err, out)
		}
	}()
	b := build{label: "baseline", rev: revision(ctx, src, "HEAD"), bin: filepath.Join(h.tmp, "baseline", "terraform-provider-sms")}
	return b, goBuild(ctx, src, ".", b.bin)
}

func goBuild(ctx context.Context, dir, pkg, out string) error {
	progress("go build %s (in %s)", pkg, dir)
	cmd := exec.CommandContext(ctx, "go", "build", "-o", out, pkg)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build %s in %s: %w\n%s", pkg, dir, err, out)
	}
	return nil
}

func gitOutput(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	return strings.TrimSpace(string(out)), err
}

// revision is "<short hash> <subject>" of rev.
func revision(ctx context.Context, dir, rev string) string {
	out, err := gitOutput(ctx, dir, "log", "-1", "--format=%h %s", rev)
	if err != nil {
		return "unknown revision"
	}
	return out
}

func (h *harness) close() {
	if err := os.RemoveAll(h.tmp); err != nil {
		progress("warning: removing %s: %v", h.tmp, err)
	}
}

// cleanEnv is this process's environment without anything that could change what
// Terraform or the provider does (TF_LOG*, TF_CLI_ARGS*, a real cloud account, ...).
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if !hasAnyPrefix(name, "TF_", "HW_", "HUAWEICLOUD_", "CLOUD_SDK_", "CHECKPOINT_", "SMS_BENCH_") {
			env = append(env, kv)
		}
	}
	return env
}

func (h *harness) terraformEnv(reattach string) []string {
	env := append(cleanEnv(), "TF_CLI_CONFIG_FILE="+h.cliConfig, "TF_IN_AUTOMATION=1", "TF_INPUT=0", "CHECKPOINT_DISABLE=1")
	if reattach != "" {
		env = append(env, "TF_REATTACH_PROVIDERS="+reattach)
	}
	return env
}

// providerEnv points the provider at emu with the emulator's default credentials. A
// reattached provider keeps its own environment, not Terraform's.
func providerEnv(emu *emulator.Server, extra ...string) []string {
	return append(append(cleanEnv(),
		"HW_SMS_ENDPOINT="+emu.URL,
		"HW_REGION_NAME="+emulator.DefaultRegion,
		"HW_ACCESS_KEY="+emulator.DefaultAccessKey,
		"HW_SECRET_KEY="+emulator.DefaultSecretKey,
		"HW_PROJECT_ID="+emulator.DefaultProjectID,
		"HW_SMS_API_MODEL=seed", // as the emulator session.open starts
	), extra...)
}

func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
