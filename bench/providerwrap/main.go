// Command providerwrap stands in for terraform-provider-sms when the benchmarks run
// Terraform: it runs the real provider binary as a child with the same arguments,
// environment and standard streams, waits for it, and appends the child's peak resident
// set size to a file. Terraform launches providers itself (through dev_overrides), so a
// wrapper in the override directory is the one place that sees every provider process
// exit and can read its rusage.
//
// Environment:
//
//	SMS_BENCH_REAL_PROVIDER  path of the real provider binary (required)
//	SMS_BENCH_RSS_FILE       file to append "<peak RSS in KiB>\n" to (optional)
//
// Signals are forwarded to the child, and the wrapper exits as the child did (with its
// exit code, or by the same signal), so Terraform's plugin client cannot tell the two
// apart.
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"strconv"
	"syscall"
)

const (
	envRealProvider = "SMS_BENCH_REAL_PROVIDER"
	envRSSFile      = "SMS_BENCH_RSS_FILE"
)

func main() {
	os.Exit(run())
}

func run() int {
	providerPath := os.Getenv(envRealProvider)
	if providerPath == "" {
		fmt.Fprintf(os.Stderr, "providerwrap: %s is not set\n", envRealProvider)
		return 1
	}

	// Catch the signals before starting the child, so none arriving in between kills the
	// wrapper and orphans the provider.
	signals := make(chan os.Signal, 8)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT)

	cmd := exec.Command(providerPath, os.Args[1:]...)
	// *os.File streams are handed to the child as they are: go-plugin's handshake line on
	// stdout and its log stream on stderr go straight to Terraform, not through a copy.
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(os.Stderr, "providerwrap: starting %s: %v\n", providerPath, err)
		return 1
	}

	done := make(chan struct{})
	go func() {
		for {
			select {
			case sig := <-signals:
				_ = cmd.Process.Signal(sig)
			case <-done:
				return
			}
		}
	}()
	err := cmd.Wait()
	close(done)

	if cmd.ProcessState == nil {
		fmt.Fprintf(os.Stderr, "providerwrap: waiting for %s: %v\n", providerPath, err)
		return 1
	}
	recordPeakRSS(cmd.ProcessState)
	return exitLikeChild(cmd.ProcessState)
}

// recordPeakRSS appends the child's peak RSS (KiB on Linux). A failure to record is
// reported on stderr but never changes the exit status Terraform sees.
func recordPeakRSS(state *os.ProcessState) {
	path := os.Getenv(envRSSFile)
	if path == "" {
		return
	}
	usage, ok := state.SysUsage().(*syscall.Rusage)
	if !ok {
		fmt.Fprintln(os.Stderr, "providerwrap: no rusage for the provider process")
		return
	}
	// O_APPEND makes each short write land whole even when Terraform runs several
	// provider processes at once.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		fmt.Fprintf(os.Stderr, "providerwrap: %v\n", err)
		return
	}
	_, werr := f.WriteString(strconv.FormatInt(usage.Maxrss, 10) + "\n")
	if err := errors.Join(werr, f.Close()); err != nil {
		fmt.Fprintf(os.Stderr, "providerwrap: writing %s: %v\n", path, err)
	}
}

// exitLikeChild returns the child's exit code, or, when a signal ended the child, ends
// the wrapper with that same signal (falling back to the shell convention 128+signal).
func exitLikeChild(state *os.ProcessState) int {
	status, ok := state.Sys().(syscall.WaitStatus)
	if !ok || !status.Signaled() {
		return state.ExitCode()
	}
	sig := status.Signal()
	signal.Reset(sig)
	_ = syscall.Kill(os.Getpid(), sig)
	return 128 + int(sig)
}
