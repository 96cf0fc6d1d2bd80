//go:build unix

package task_test

import (
	"syscall"
	"time"
)

// processCPUTime is the CPU time (user and system) the test process has used so far:
// on a shared machine a benchmark's wall time measures the neighbours too.
func processCPUTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
