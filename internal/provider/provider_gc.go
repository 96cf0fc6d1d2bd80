package provider

import (
	"os"
	"runtime/debug"
)

// gcPercent and gcMemoryLimit are the collector's settings for a provider process that
// was given none: a plan of 500 tasks allocates a few hundred megabytes in short-lived
// protocol values while its live heap stays near 10 MB, so at Go's default (collect
// when the heap doubles) the collector ran every few requests and took about a tenth
// of the provider's CPU. Collecting at five times the live heap cut that to a third,
// for a peak of about 60 MB instead of 37 MB (BENCHMARKS-official.md). The soft limit
// keeps a very large task (thousands of disks and volumes) from growing the heap
// fivefold: near it the collector runs as often as it must.
const (
	gcPercent     = 400
	gcMemoryLimit = 1 << 30
)

// TuneGarbageCollector applies gcPercent and gcMemoryLimit unless GOGC or GOMEMLIMIT
// says otherwise, so whoever sets either keeps Go's meaning of both.
func TuneGarbageCollector() {
	tuneGarbageCollector(os.Getenv, debug.SetGCPercent, debug.SetMemoryLimit)
}

func tuneGarbageCollector(getenv func(string) string, setPercent func(int) int, setLimit func(int64) int64) {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return
	}
	setPercent(gcPercent)
	setLimit(gcMemoryLimit)
}
