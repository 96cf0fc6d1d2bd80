package emulator

import (
	"sync"
	"time"
)

// Clock is the simulated time the task state machine runs on. Progress is computed lazily
// from it on every read, so no goroutine is needed.
type Clock interface {
	Now() time.Time
}

// ManualClock is a Clock that moves only when told to; tests use it to step a migration.
type ManualClock struct {
	mu  sync.Mutex
	now time.Time
}

// NewManualClock returns a ManualClock reading start.
func NewManualClock(start time.Time) *ManualClock { return &ManualClock{now: start} }

// Now returns the clock's current time.
func (c *ManualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the clock forward by d.
func (c *ManualClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// scaledClock is real time sped up: simulated time starts at simStart and runs speed times
// faster than the wall clock.
type scaledClock struct {
	realStart time.Time
	simStart  time.Time
	speed     float64
}

func newScaledClock(simStart time.Time, speed float64) *scaledClock {
	return &scaledClock{realStart: time.Now(), simStart: simStart, speed: speed}
}

func (c *scaledClock) Now() time.Time {
	elapsed := time.Since(c.realStart)
	return c.simStart.Add(time.Duration(float64(elapsed) * c.speed))
}

// simClock is the emulator's view of time: the configured clock plus whatever
// Emulator.Advance added, so any emulator (not only one with a ManualClock) can be jumped
// forward by a test or the admin endpoint.
type simClock struct {
	mu     sync.Mutex
	base   Clock
	offset time.Duration
}

func (c *simClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.base.Now().Add(c.offset)
}

func (c *simClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.offset += d
}

func (c *simClock) nowMS() int64 { return c.Now().UnixMilli() }
