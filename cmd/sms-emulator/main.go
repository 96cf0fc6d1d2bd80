// Command sms-emulator runs the local Huawei Cloud SMS v3 task API emulator.
//
//	sms-emulator [-listen 127.0.0.1:0] [-data FILE] [-clock-speed N] [-ak AK -sk SK ...]
//	             [-token TOKEN ...] [-source-servers FILE] [-fault SPEC ...] [-url-file FILE]
//	             [-api-model current|seed] [-reject-seed-keys]
//
// It prints exactly one line, "sms-emulator listening on http://127.0.0.1:PORT (api model
// current, seed-only update keys ignored)", once it accepts connections, writes the same URL
// to -url-file if given, and stops gracefully on SIGINT or SIGTERM.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "sms-emulator:", err)
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

// run serves until ctx is done.
func run(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("sms-emulator", flag.ContinueOnError)
	listen := fs.String("listen", "127.0.0.1:0", "address to listen on (port 0 picks a free port)")
	dataFile := fs.String("data", "", "persist the state in this JSON file (default: in memory)")
	clockSpeed := fs.Float64("clock-speed", 1, "simulated seconds per real second (a migration takes about 600 simulated seconds)")
	sourceServers := fs.String("source-servers", "", "JSON file with an array of extra source servers {id,name,ip,os_type,os_version,agent_version,fail_migration}")
	urlFile := fs.String("url-file", "", "write the base URL to this file once listening")
	seed := fs.Uint64("seed", 0, "seed for injected faults (0 = random)")
	// The default is the provider's: an emulator and a provider left at their defaults agree.
	apiModel := fs.String("api-model", string(emulator.APIModelCurrent),
		"task API to speak: current (today's PutTaskReq, ShowTask summaries and limits) or seed (the 2024 update body; ShowTask returns everything)")
	rejectSeedKeys := fs.Bool("reject-seed-keys", false,
		"with -api-model current: answer 400 to a PUT carrying a seed-only key (os_type, priority, source_server, ...) instead of ignoring it")
	var aks, sks, tokens, faults stringList
	fs.Var(&aks, "ak", "accepted access key (repeat, paired with -sk in order; default "+emulator.DefaultAccessKey+")")
	fs.Var(&sks, "sk", "secret key of the -ak at the same position")
	fs.Var(&tokens, "token", "accepted X-Auth-Token (repeatable; default "+emulator.DefaultAuthToken+")")
	fs.Var(&faults, "fault", `fault to inject (repeatable), e.g. "path=/v3/tasks,methods=POST,rate503=0.2,latency=50ms,drop=0.1,lose=1"`)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}

	model, err := emulator.ParseAPIModel(*apiModel)
	if err != nil {
		return fmt.Errorf("-api-model: %w", err)
	}
	if *rejectSeedKeys && model != emulator.APIModelCurrent {
		return errors.New("-reject-seed-keys needs -api-model current")
	}
	opts := emulator.Options{ClockSpeed: *clockSpeed, DataFile: *dataFile, FaultSeed: *seed,
		APIModel: model, RejectSeedOnlyKeys: *rejectSeedKeys}
	if len(aks) != len(sks) {
		return fmt.Errorf("-ak and -sk must come in pairs: got %d -ak and %d -sk", len(aks), len(sks))
	}
	for i := range aks {
		opts.Credentials = append(opts.Credentials, emulator.Credential{AccessKey: aks[i], SecretKey: sks[i]})
	}
	if len(tokens) > 0 {
		opts.AuthTokens = tokens
	}
	if *sourceServers != "" {
		data, err := os.ReadFile(*sourceServers)
		if err != nil {
			return err
		}
		if err := json.Unmarshal(data, &opts.SourceServers); err != nil {
			return fmt.Errorf("-source-servers %s: %w", *sourceServers, err)
		}
	}

	type pathFaults struct {
		path   string
		faults emulator.Faults
	}
	var parsedFaults []pathFaults
	for _, spec := range faults {
		path, f, err := emulator.ParseFaultSpec(spec)
		if err != nil {
			return err
		}
		parsedFaults = append(parsedFaults, pathFaults{path, f})
	}

	srv, err := emulator.StartAt(*listen, opts)
	if err != nil {
		return err
	}
	// Set before the URL is announced, so no client sees the emulator without its faults.
	for _, pf := range parsedFaults {
		srv.SetFaults(pf.path, pf.faults)
	}
	if *urlFile != "" {
		if err := emulator.WriteFileAtomic(*urlFile, []byte(srv.URL+"\n"), 0o644); err != nil {
			_ = srv.Close()
			return fmt.Errorf("-url-file: %w", err)
		}
	}
	fmt.Fprintf(stdout, "sms-emulator listening on %s (%s)\n", srv.URL, opts.Describe())

	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(shutdownCtx)
}
