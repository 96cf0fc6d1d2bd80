package acctest

import (
	"fmt"
	"os"
	"testing"

	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
	"github.com/sms-migration/terraform-provider-sms/internal/provider"
)

// Emulator defaults (see internal/emulator): the credentials, project and source servers
// every emulator starts with.
const (
	EmulatorAccessKey  = "EMULATORAK0123456789"
	EmulatorSecretKey  = "EMULATORSKabcdefghijklmnopqrstuvwxyz0123"
	EmulatorProjectID  = "0123456789abcdef0123456789abcdef"
	EmulatorRegion     = "ap-southeast-3"
	EmulatorWindowsSrc = "1cce5dab-df33-4abe-b2ac-e94fa05d6a01"
	EmulatorLinuxSrc   = "2b1f4c3e-7a8d-4e21-9f6a-3c5d8e0a1b02"
	EmulatorFailingSrc = "3c2e5d4f-8b9e-4f32-a07b-4d6e9f1b2c03"
	// EmulatorFailingSrcName is EmulatorFailingSrc's name: its migrations fail.
	EmulatorFailingSrcName = "fail-linux-01"
)

// Live mode: with these set, the same acceptance tests run against a real account.
const (
	EnvAccLive           = "SMS_ACC_LIVE"
	envAccSourceServerID = "SMS_ACC_SOURCE_SERVER_ID"
)

// envAccAPIModel picks the task API of the emulators and of the provider under test:
// "seed" or "current" (the default, as for the provider). make testacc runs the whole
// suite once per model.
const envAccAPIModel = "SMS_ACC_API_MODEL"

// accAPIModel is the task-API model this run tests.
func accAPIModel(t *testing.T) string {
	t.Helper()
	switch m := os.Getenv(envAccAPIModel); m {
	case "":
		return conns.APIModelCurrent
	case conns.APIModelSeed, conns.APIModelCurrent:
		return m
	default:
		t.Fatalf("%s must be seed or current, got %q", envAccAPIModel, m)
		return ""
	}
}

// accEnv is where one acceptance test runs: its own emulator on a random loopback port,
// or (live mode) the real service named by the environment.
type AccEnv struct {
	APIModel       string           // the provider's api_model (and, with an emulator, its own)
	Emu            *emulator.Server // nil in live mode
	ProviderBlock  string
	SourceServerID string
	Client         *client.Client
}

func NewAccEnv(t *testing.T) *AccEnv {
	t.Helper()
	return NewAccEnvWith(t, emulator.Options{ClockSpeed: 600})
}

func NewAccEnvWith(t *testing.T, opts emulator.Options) *AccEnv {
	t.Helper()
	model := accAPIModel(t)
	if opts.APIModel == "" {
		opts.APIModel = emulator.APIModel(model)
	}
	return NewAccEnvFor(t, model, opts)
}

// newAccEnvFor is an emulator of opts.APIModel behind a provider configured with
// api_model = providerModel: the two differ when a test shows what happens if the
// provider is told the wrong model.
func NewAccEnvFor(t *testing.T, providerModel string, opts emulator.Options) *AccEnv {
	t.Helper()
	model := providerModel
	if os.Getenv("TF_ACC") == "" {
		// resource.ParallelTest skips too, but only after this function has started an emulator.
		t.Skip("acceptance tests run with TF_ACC=1")
	}
	if os.Getenv(EnvAccLive) != "" {
		return newLiveAccEnv(t)
	}
	srv, err := emulator.Start(opts)
	if err != nil {
		t.Fatalf("starting emulator: %v", err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	c, err := client.New(client.Config{
		Endpoint: srv.URL, AccessKey: EmulatorAccessKey, SecretKey: EmulatorSecretKey,
		ProjectID: EmulatorProjectID, MaxRetries: 8, // as the provider blocks below: a fault test's checks survive its faults too
	})
	if err != nil {
		t.Fatal(err)
	}
	return &AccEnv{
		APIModel: model,
		Emu:      srv,
		ProviderBlock: TestAccRequiredProviders + fmt.Sprintf(`
provider "sms" {
  endpoint    = %q
  region      = %q
  access_key  = %q
  secret_key  = %q
  project_id  = %q
  max_retries = 8
  api_model   = %q
}
`, srv.URL, EmulatorRegion, EmulatorAccessKey, EmulatorSecretKey, EmulatorProjectID, model),
		SourceServerID: EmulatorLinuxSrc,
		Client:         c,
	}
}

func newLiveAccEnv(t *testing.T) *AccEnv {
	t.Helper()
	src := os.Getenv(envAccSourceServerID)
	if src == "" {
		t.Fatalf("%s is set but %s is not: live acceptance tests need a registered source server", EnvAccLive, envAccSourceServerID)
	}
	cfg, diags := provider.ConfigFromEnvironment(os.Getenv)
	if diags.HasError() {
		t.Fatalf("live provider configuration: %v", diags)
	}
	c, err := client.New(client.Config{
		Endpoint: cfg.Endpoint, AccessKey: cfg.AccessKey, SecretKey: cfg.SecretKey, SecurityToken: cfg.SecurityToken,
		AuthToken: cfg.AuthToken, ProjectID: cfg.ProjectID, MaxRetries: cfg.MaxRetries,
	})
	if err != nil {
		t.Fatal(err)
	}
	return &AccEnv{APIModel: cfg.APIModel, ProviderBlock: TestAccRequiredProviders + `provider "sms" {}` + "\n", SourceServerID: src, Client: c}
}

// requireEmulator skips checks that read the emulator's journal or inject faults, which
// a real account cannot do.
func (e *AccEnv) RequireEmulator(t *testing.T) {
	t.Helper()
	if e.Emu == nil {
		t.Skip("needs the emulator (journal or fault injection); not available in live mode")
	}
}
