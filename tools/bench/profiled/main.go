// Command profiled serves the provider as `terraform-provider-sms -debug` does, with a
// CPU profile of the span between SIGUSR1 and SIGUSR2 written to the file named by
// SMS_BENCH_PROFILE. make bench uses it to show where the provider's CPU goes during one
// terraform command; the production binary carries no profiling code.
package main

import (
	"fmt"
	"log"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/sms-migration/terraform-provider-sms/internal/provider"
)

func main() {
	path := os.Getenv("SMS_BENCH_PROFILE")
	if path == "" {
		log.Fatal("profiled: SMS_BENCH_PROFILE is not set")
	}
	// Installed before Serve prints the reattach line, which the bench waits for before
	// it sends either signal.
	signals := make(chan os.Signal, 2)
	signal.Notify(signals, syscall.SIGUSR1, syscall.SIGUSR2)
	go func() {
		for sig := range signals {
			if err := toggleProfile(sig == syscall.SIGUSR1, path); err != nil {
				fmt.Fprintln(os.Stderr, "profiled:", err)
				os.Exit(1)
			}
		}
	}()
	provider.QuietUnreadLogs() // as main does
	provider.TuneGarbageCollector()
	err := tf6server.Serve("registry.terraform.io/sms-migration/sms", provider.NewProtocol6("bench"), tf6server.WithManagedDebug())
	if err != nil {
		log.Fatal(err)
	}
}

var profileFile *os.File

// toggleProfile starts the CPU profile, or stops it and renames the finished file into
// place, so the bench never reads a half-written profile.
func toggleProfile(start bool, path string) error {
	if start {
		f, err := os.Create(path + ".part")
		if err != nil {
			return err
		}
		profileFile = f
		return pprof.StartCPUProfile(f)
	}
	pprof.StopCPUProfile()
	if err := profileFile.Close(); err != nil {
		return err
	}
	return os.Rename(path+".part", path)
}
