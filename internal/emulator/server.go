package emulator

import (
	"context"
	"errors"
	"net"
	"net/http"
	"time"
)

// Server is an Emulator listening on a local TCP address, with the admin endpoints.
type Server struct {
	URL string // e.g. http://127.0.0.1:41234
	*Emulator

	http *http.Server
	done chan struct{}
}

// Start runs an emulator on 127.0.0.1 with a random port.
func Start(opts Options) (*Server, error) { return StartAt("127.0.0.1:0", opts) }

// StartAt runs an emulator on addr (host:port; port 0 picks one).
func StartAt(addr string, opts Options) (*Server, error) {
	e, err := New(opts)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	s := &Server{
		URL:      "http://" + ln.Addr().String(),
		Emulator: e,
		http:     &http.Server{Handler: e.HandlerWithAdmin(), ReadHeaderTimeout: 30 * time.Second},
		done:     make(chan struct{}),
	}
	go func() {
		defer close(s.done)
		_ = s.http.Serve(ln)
	}()
	return s, nil
}

// Close stops the server at once, closing open connections.
func (s *Server) Close() error {
	err := s.http.Close()
	<-s.done
	return err
}

// Shutdown stops accepting requests and waits for those in flight, until ctx is done.
func (s *Server) Shutdown(ctx context.Context) error {
	err := s.http.Shutdown(ctx)
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		_ = s.http.Close()
	}
	<-s.done
	return err
}
