//go:build !unix

package task_test

import "time"

// processCPUTime is not measured outside unix: the benchmarks then report wall time only.
func processCPUTime() (time.Duration, bool) { return 0, false }
