package main

import (
	"fmt"
	"os"
	"time"
)

// runStart is when the benchmark run began; progress lines carry the time since.
var runStart = time.Now()

// progress writes one line to stderr, so a user sees the run advancing.
func progress(format string, args ...any) {
	elapsed := time.Since(runStart).Round(time.Second)
	fmt.Fprintf(os.Stderr, "[bench %02d:%02d] %s\n", int(elapsed.Minutes()), int(elapsed.Seconds())%60, fmt.Sprintf(format, args...))
}
