package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
)

// providerAddress is the source address the dev_overrides entry redirects.
const providerAddress = "registry.terraform.io/sms-migration/sms"

// harness owns the temporary directory of one benchmark run: the provider build, the
// wrapper that Terraform launches in its place, and the CLI configuration pointing at it.
type harness struct {
	repo        string // module root, where the benchmarks are built from
	tmp         string // removed by close
	providerBin string // the real provider
	overrideDir string // holds the wrapper, named terraform-provider-sms
	cliConfig   string
	workspaces  int
}

func newHarness(ctx context.Context, repo string) (*harness, error) {
	tmp, err := os.MkdirTemp("", "sms-bench-")
	if err != nil {
		return nil, err
	}
	h := &harness{
		repo:        repo,
		tmp:         tmp,
		providerBin: filepath.Join(tmp, "bin", "provider", "terraform-provider-sms"),
		overrideDir: filepath.Join(tmp, "bin", "override"),
		cliConfig:   filepath.Join(tmp, "terraformrc"),
	}
	if err := h.build(ctx); err != nil {
		h.close()
		return nil, err
	}
	// dev_overrides makes Terraform use the wrapper for sms-migration/sms with no
	// `terraform init` and no registry lookup; terraform_data is built in, so mixed and
	// floor-only configurations need no init either.
	rc := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    %q = %q\n  }\n  direct {}\n}\n",
		providerAddress, h.overrideDir)
	if err := os.WriteFile(h.cliConfig, []byte(rc), 0o600); err != nil {
		h.close()
		return nil, err
	}
	return h, nil
}

func (h *harness) build(ctx context.Context) error {
	for _, b := range []struct{ out, pkg string }{
		{h.providerBin, "."},
		{filepath.Join(h.overrideDir, "terraform-provider-sms"), "./bench/providerwrap"},
	} {
		progress("building %s", b.pkg)
		cmd := exec.CommandContext(ctx, "go", "build", "-o", b.out, b.pkg)
		cmd.Dir = h.repo
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("go build %s: %w\n%s", b.pkg, err, out)
		}
	}
	return nil
}

func (h *harness) close() {
	if err := os.RemoveAll(h.tmp); err != nil {
		progress("warning: removing %s: %v", h.tmp, err)
	}
}

// newWorkspace makes an empty Terraform working directory whose provider talks to emu
// (nil for floor-only configurations, which start no provider).
func (h *harness) newWorkspace(name string, emu *emulator.Server) (*workspace, error) {
	h.workspaces++
	dir := filepath.Join(h.tmp, fmt.Sprintf("ws%03d-%s", h.workspaces, name))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	w := &workspace{dir: dir, rssFile: filepath.Join(dir, ".provider-rss"), emu: emu}
	w.env = terraformEnv(h, w)
	return w, nil
}

// terraformEnv is this process's environment without anything that could change what
// Terraform or the provider does (TF_LOG*, TF_CLI_ARGS*, a real cloud account, ...),
// plus the CLI configuration and the emulator's endpoint and default credentials.
func terraformEnv(h *harness, w *workspace) []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if hasAnyPrefix(name, "TF_", "HW_", "HUAWEICLOUD_", "CLOUD_SDK_", "CHECKPOINT_", "SMS_BENCH_") {
			continue
		}
		env = append(env, kv)
	}
	endpoint := "http://127.0.0.1:1" // floor-only workspaces never start the provider
	if w.emu != nil {
		endpoint = w.emu.URL
	}
	return append(env,
		"TF_CLI_CONFIG_FILE="+h.cliConfig,
		"TF_IN_AUTOMATION=1",
		"TF_INPUT=0",
		"CHECKPOINT_DISABLE=1",
		"HW_SMS_ENDPOINT="+endpoint,
		"HW_REGION_NAME="+emulator.DefaultRegion,
		"HW_ACCESS_KEY="+emulator.DefaultAccessKey,
		"HW_SECRET_KEY="+emulator.DefaultSecretKey,
		"HW_PROJECT_ID="+emulator.DefaultProjectID,
		"SMS_BENCH_REAL_PROVIDER="+h.providerBin,
		"SMS_BENCH_RSS_FILE="+w.rssFile,
	)
}

func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// startEmulator runs a fresh in-memory emulator on 127.0.0.1 with no faults and no
// latency.
func startEmulator() (*emulator.Server, error) {
	emu, err := emulator.Start(emulator.Options{})
	if err != nil {
		return nil, fmt.Errorf("starting the emulator: %w", err)
	}
	return emu, nil
}
