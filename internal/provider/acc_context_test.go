package provider

import "context"

// testCtx is the context of API calls a test makes around Terraform (checks, out-of-band
// changes); the test harness bounds the whole test's time.
func testCtx() context.Context { return context.Background() }
