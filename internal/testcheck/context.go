package testcheck

import (
	"context"
	"encoding/json"
)

// testCtx is the context of API calls a test makes around Terraform (checks, out-of-band
// changes); the test harness bounds the whole test's time.
func TestCtx() context.Context { return context.Background() }

func MustJSON(v any) string {
	data, _ := json.Marshal(v)
	return string(data)
}
