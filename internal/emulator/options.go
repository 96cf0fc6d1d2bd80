package emulator

import (
	"errors"
	"fmt"
	"slices"
	"time"
)

// The credentials the emulator accepts unless configured otherwise (the README, the docs
// and the demo quote them), and the project and region the benchmarks' tasks name.
const (
	DefaultAccessKey = "EMULATORAK0123456789"
	DefaultSecretKey = "EMULATORSKabcdefghijklmnopqrstuvwxyz0123"
	DefaultAuthToken = "emulator-token"
	DefaultProjectID = "0123456789abcdef0123456789abcdef"
	DefaultRegion    = "ap-southeast-3"

	defaultMaxClockSkew = 15 * time.Minute
)

// Credential is an AK/SK pair the emulator accepts.
type Credential struct {
	AccessKey string `json:"access_key"`
	SecretKey string `json:"secret_key"`
}

// SourceServer is a source server registered with the emulator; tasks can only be created
// for (and PUT with) registered source servers. FailMigration makes every migration of a
// task using it end in MIGRATE_FAIL.
type SourceServer struct {
	ID            string `json:"id"`
	Name          string `json:"name"`
	IP            string `json:"ip"`
	OSType        string `json:"os_type"`
	OSVersion     string `json:"os_version,omitempty"`
	AgentVersion  string `json:"agent_version,omitempty"`
	FailMigration bool   `json:"fail_migration,omitempty"`
}

// BuiltinSourceServers are registered in every emulator.
var BuiltinSourceServers = []SourceServer{
	{ID: "1cce5dab-df33-4abe-b2ac-e94fa05d6a01", Name: "name-win16", IP: "192.168.0.154", OSType: "WINDOWS",
		OSVersion: "WINDOWS2016_64BIT", AgentVersion: "1.2.0"},
	{ID: "2b1f4c3e-7a8d-4e21-9f6a-3c5d8e0a1b02", Name: "web-linux-01", IP: "10.0.0.21", OSType: "LINUX",
		OSVersion: "CENTOS7_64BIT", AgentVersion: "24.3.0"},
	{ID: "3c2e5d4f-8b9e-4f32-a07b-4d6e9f1b2c03", Name: "fail-linux-01", IP: "10.0.0.31", OSType: "LINUX",
		OSVersion: "CENTOS7_64BIT", AgentVersion: "24.3.0", FailMigration: true},
}

// Options configures an Emulator. The zero value is a usable in-memory emulator with the
// default credentials and a real-time clock.
type Options struct {
	Credentials   []Credential   // nil = {DefaultAccessKey, DefaultSecretKey}
	AuthTokens    []string       // nil = {DefaultAuthToken}
	SourceServers []SourceServer // added to BuiltinSourceServers (same ID replaces a built-in)
	ClockSpeed    float64        // simulated seconds per real second; 0 = 1
	DataFile      string         // "" = in memory; else the state is persisted there atomically
	MaxClockSkew  time.Duration  // X-Sdk-Date window; 0 = 15 minutes

	// Clock drives the simulation instead of real time × ClockSpeed (tests pass a
	// *ManualClock). Signature dates are always checked against real time.
	Clock Clock
	// FaultSeed makes injected faults deterministic; 0 seeds from the time.
	FaultSeed uint64

	// APIModel is the task API spoken: APIModelCurrent ("" too, as the provider's own
	// default, so that an emulator and a provider left at their defaults agree) or
	// APIModelSeed.
	APIModel APIModel
	// RejectSeedOnlyKeys makes a current-model PUT that carries a seed-only key (os_type,
	// priority, source_server, ...) fail with 400 instead of answering 200 and ignoring it.
	RejectSeedOnlyKeys bool
}

func (o Options) withDefaults() (Options, error) {
	if o.Credentials == nil {
		o.Credentials = []Credential{{AccessKey: DefaultAccessKey, SecretKey: DefaultSecretKey}}
	}
	if o.AuthTokens == nil {
		o.AuthTokens = []string{DefaultAuthToken}
	}
	if o.ClockSpeed == 0 {
		o.ClockSpeed = 1
	}
	if o.MaxClockSkew == 0 {
		o.MaxClockSkew = defaultMaxClockSkew
	}
	if o.APIModel == "" {
		o.APIModel = APIModelCurrent
	}
	var errs []error
	if _, err := ParseAPIModel(string(o.APIModel)); err != nil {
		errs = append(errs, fmt.Errorf("APIModel: %w", err))
	}
	if o.RejectSeedOnlyKeys && o.APIModel != APIModelCurrent {
		errs = append(errs, errors.New("RejectSeedOnlyKeys applies only to APIModel current"))
	}
	if o.ClockSpeed < 0 {
		errs = append(errs, fmt.Errorf("ClockSpeed must not be negative, got %v", o.ClockSpeed))
	}
	if o.MaxClockSkew < 0 {
		errs = append(errs, fmt.Errorf("MaxClockSkew must not be negative, got %v", o.MaxClockSkew))
	}
	for i, c := range o.Credentials {
		if c.AccessKey == "" || c.SecretKey == "" {
			errs = append(errs, fmt.Errorf("Credentials[%d] needs both an access key and a secret key", i)) //nolint:staticcheck // ST1005: starts with the field name Options.Credentials, like the messages around it
		}
	}
	for i, s := range o.SourceServers {
		if s.ID == "" || s.Name == "" || s.IP == "" {
			errs = append(errs, fmt.Errorf("SourceServers[%d] needs an id, a name and an ip", i))
		}
		if !slices.Contains(osTypes, s.OSType) {
			errs = append(errs, fmt.Errorf("SourceServers[%d].os_type must be WINDOWS or LINUX, got %q", i, s.OSType))
		}
	}
	return o, errors.Join(errs...)
}

// sourceServerRegistry returns the built-in servers plus the configured ones, by ID.
func (o Options) sourceServerRegistry() map[string]SourceServer {
	reg := make(map[string]SourceServer, len(BuiltinSourceServers)+len(o.SourceServers))
	for _, s := range BuiltinSourceServers {
		reg[s.ID] = s
	}
	for _, s := range o.SourceServers {
		reg[s.ID] = s
	}
	return reg
}
