// Command terraform-provider-sms serves the SMS provider over the Terraform plugin protocol 6.
package main

import (
	"flag"
	"fmt"
	"log"

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

	provider.QuietUnreadLogs()
	provider.TuneGarbageCollector()
	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	err := tf6server.Serve("registry.terraform.io/sms-migration/sms", provider.NewProtocol6(version), opts...)
	if err != nil {
		log.Fatal(err.Error())
	}
}
