package acctest

import (
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// BadInputCase is a configuration the provider must refuse at plan time, and the parts
// of the error it must give, in order (testcheck.ErrorPattern).
type BadInputCase struct {
	Name   string
	Config string
	Want   []string
}

// BadInput is the case named name: config (without the provider block) must fail to plan
// with an error that contains want.
func BadInput(name, config string, want ...string) BadInputCase {
	return BadInputCase{Name: name, Config: config, Want: want}
}

// TestBadInput plans every case against env, each expecting its error, and then checks
// that nothing was written to the API.
func (e *AccEnv) TestBadInput(t *testing.T, cases []BadInputCase) {
	t.Helper()
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{Config: e.ProviderBlock + c.Config, PlanOnly: true, ExpectError: testcheck.ErrorPattern(c.Want...)})
	}
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: TestAccProtoV6ProviderFactories, Steps: steps})
	if err := e.NoWrites(http.MethodPost, http.MethodPut, http.MethodDelete); err != nil {
		t.Error(err)
	}
}
