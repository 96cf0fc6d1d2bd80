package client

import (
	"errors"
	"fmt"
	"syscall"
	"time"
)

// A refused connection means nothing listens at the endpoint (a wrong port, a stopped
// service or emulator). A long backoff cannot fix that, so it gets a budget of its own:
// a few quick attempts that ride out a server restarting, then a clear error.
const (
	defaultRefusedAttempts = 3
	defaultRefusedWait     = 200 * time.Millisecond
)

// ConnectionRefusedError is an endpoint that refused every quick attempt to connect.
type ConnectionRefusedError struct {
	Endpoint string
	// Source says where the endpoint came from, e.g. "the endpoint attribute"; may be empty.
	Source string
	// Attempts is how many connections were refused in a row.
	Attempts int
	Err      error
}

func (e *ConnectionRefusedError) Error() string {
	return fmt.Sprintf("the SMS endpoint %s%s refused the connection: nothing is listening there. "+
		"Check the endpoint's host and port, and that the SMS API (or the emulator) is running: %v", e.Endpoint, fromSource(e.Source), e.Err)
}

func (e *ConnectionRefusedError) Unwrap() error { return e.Err }

func isConnectionRefused(err error) bool {
	return errors.Is(err, syscall.ECONNREFUSED)
}
