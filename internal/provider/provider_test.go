package provider

import (
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	// The in-process provider answers for registry.terraform.io/<namespace>/sms; make that
	// the address users write, so examples apply unchanged.
	if os.Getenv("TF_ACC_PROVIDER_NAMESPACE") == "" {
		_ = os.Setenv("TF_ACC_PROVIDER_NAMESPACE", "sms-migration")
	}
	os.Exit(m.Run())
}
