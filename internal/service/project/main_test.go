package project_test

import (
	"testing"

	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
)

func TestMain(m *testing.M) { acctest.RunTests(m) }
