// Command terraform-provider-sms serves the SMS provider over the Terraform plugin protocol 6.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/sms-migration/terraform-provider-sms/internal/provider"
)

// version is set at build time through -ldflags "-X main.version=...".
var version = "dev"

func main() {
	var debug, printVersion bool
	flag.BoolVar(&debug, "debug", false, "start the provider with support for debuggers like delve")
	flag.BoolVar(&printVersion, "version", false, "print the provider's version and exit")
	flag.Parse()
	if printVersion {
		// Lets a packaging check read the version stamped into a release binary.
		fmt.Println(version)
		return
	}

	quietUnreadFrameworkLogs(os.Environ(), os.Setenv)

	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	err := tf6server.Serve("registry.terraform.io/sms-migration/sms", provider.NewProtocol6(version), opts...)
	if err != nil {
		log.Fatal(err.Error())
	}
}

// quietUnreadFrameworkLogs turns the framework's own trace logging off when no TF_LOG*
// variable asks for logs, so Terraform would discard them anyway. The cost it avoids is
// in terraform-plugin-framework, not in this provider: the pass that marks computed
// values unknown in the plan of every new or changed task (MarkComputedNilsAsUnknown)
// adds the path of each value it visits to its logging context and, for each value,
// looks the logger up through that whole context. With those logs on, a plan grows with
// the square of the values it holds: a task of 256 target disks of 8 volumes took 51 s
// of CPU against 7 s without them (BenchmarkMigrationTaskServerPlan/deep_256_create, with
// TF_LOG_SDK_FRAMEWORK=TRACE). Any TF_LOG* setting leaves logging exactly as the user
// asked.
func quietUnreadFrameworkLogs(environ []string, setenv func(key, value string) error) {
	for _, kv := range environ {
		if strings.HasPrefix(kv, "TF_LOG") && !strings.HasPrefix(kv, "TF_LOG_PATH=") {
			return
		}
	}
	_ = setenv("TF_LOG_SDK_FRAMEWORK", "OFF")
}
