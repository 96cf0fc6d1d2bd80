package client

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

// endpointFixture is an endpoint that cannot work as configured, reached through a
// counting dial seam; served counts the requests a handler saw (it must stay 0).
type endpointFixture struct {
	endpoint string
	seam     *dialSeam
	tls      *tls.Config
	served   *atomic.Int32
}

// countingHandler answers every request with a task and counts it.
func countingHandler(t *testing.T, served *atomic.Int32) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		served.Add(1)
		writeJSON(t, w, http.StatusOK, map[string]any{"id": "t1", "tasks": []any{}, "count": 0})
	})
}

// plainServer is a plain-HTTP server.
func plainServer(t *testing.T, served *atomic.Int32) *httptest.Server {
	srv := httptest.NewUnstartedServer(countingHandler(t, served))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the TLS hello it cannot read is expected
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

// tlsServer is an HTTPS server with httptest's certificate (for example.com and 127.0.0.1,
// valid until 2084, trusted by nobody unless told).
func tlsServer(t *testing.T, served *atomic.Int32) *httptest.Server {
	srv := httptest.NewUnstartedServer(countingHandler(t, served))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshakes are expected
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv
}

func trusting(srv *httptest.Server) *x509.CertPool {
	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	return pool
}

// tlsAlertServer answers whatever it reads with a TLS alert record, as a TLS server
// that is not Go's does when plain HTTP reaches it.
func tlsAlertServer(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			_, _ = conn.Read(make([]byte, 4096))
			_, _ = conn.Write([]byte{0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46}) // fatal alert: protocol_version
			conn.Close()
		}
	}()
	return ln.Addr().String()
}

// The endpoint fixtures, one per permanent problem. Each returns the fixture and the
// message's tail after "the SMS endpoint <endpoint> (from <source>) ".
var endpointFixtures = []struct {
	name    string
	problem EndpointProblem
	setup   func(t *testing.T) endpointFixture
	tail    string
}{
	{
		name:    "host name not found",
		problem: EndpointHostNotFound,
		setup: func(*testing.T) endpointFixture {
			return endpointFixture{
				endpoint: "https://sms.ap-southeast-3.myhuaweicloud.con",
				seam:     &dialSeam{err: dnsNotFound("sms.ap-southeast-3.myhuaweicloud.con")},
				served:   &atomic.Int32{},
			}
		},
		tail: "names a host that does not exist: DNS found no such host. " +
			"Check the endpoint's host name for a typo, and this machine's DNS settings: " +
			"dial tcp: lookup sms.ap-southeast-3.myhuaweicloud.con: no such host",
	},
	{
		name:    "https:// to a plain-HTTP server",
		problem: EndpointNotTLS,
		setup: func(t *testing.T) endpointFixture {
			served := &atomic.Int32{}
			srv := plainServer(t, served)
			addr := srv.Listener.Addr().String()
			return endpointFixture{endpoint: "https://" + addr, seam: &dialSeam{addr: addr}, served: served}
		},
		tail: "does not speak TLS: the server did not answer the https:// request with a TLS handshake. " +
			"Check the endpoint's scheme and port: a plain-HTTP server, such as the emulator, needs http://: " +
			"tls: first record does not look like a TLS handshake",
	},
	{
		name:    "http:// to a Go HTTPS server",
		problem: EndpointTLSRequired,
		setup: func(t *testing.T) endpointFixture {
			served := &atomic.Int32{}
			srv := tlsServer(t, served)
			addr := srv.Listener.Addr().String()
			return endpointFixture{endpoint: "http://" + addr, seam: &dialSeam{addr: addr}, served: served}
		},
		tail: "speaks only HTTPS: the server refused the plain http:// request. " +
			"Check the endpoint's scheme: this server needs https://: " +
			"status 400: Client sent an HTTP request to an HTTPS server.",
	},
	{
		name:    "http:// to another HTTPS server (a TLS alert for an answer)",
		problem: EndpointTLSRequired,
		setup: func(t *testing.T) endpointFixture {
			addr := tlsAlertServer(t)
			return endpointFixture{endpoint: "http://" + addr, seam: &dialSeam{addr: addr}, served: &atomic.Int32{}}
		},
		tail: "speaks only HTTPS: the server refused the plain http:// request. " +
			"Check the endpoint's scheme: this server needs https://: " +
			`net/http: HTTP/1.x transport connection broken: malformed HTTP response "\x15\x03\x01\x00\x02\x02F"`,
	},
	{
		name:    "certificate from an unknown authority",
		problem: EndpointCertificateUnknownAuthority,
		setup: func(t *testing.T) endpointFixture {
			served := &atomic.Int32{}
			srv := tlsServer(t, served)
			addr := srv.Listener.Addr().String()
			return endpointFixture{endpoint: srv.URL, seam: &dialSeam{addr: addr}, served: served}
		},
		tail: "presented a TLS certificate signed by an authority this machine does not trust. " +
			"Check the endpoint's host, and this machine's trusted CA certificates; skip verification (insecure) only for a test endpoint: " +
			"tls: failed to verify certificate: x509: certificate signed by unknown authority",
	},
	{
		name:    "certificate for another host name",
		problem: EndpointCertificateHostMismatch,
		setup: func(t *testing.T) endpointFixture {
			served := &atomic.Int32{}
			srv := tlsServer(t, served)
			// The seam dials the server whatever the name, so no look-up ever happens.
			return endpointFixture{endpoint: "https://sms.example.net", seam: &dialSeam{addr: srv.Listener.Addr().String()},
				tls: &tls.Config{RootCAs: trusting(srv)}, served: served}
		},
		tail: "presented a TLS certificate for another host name. " +
			"Check the endpoint's host name: it must be one the certificate names: " +
			"tls: failed to verify certificate: x509: certificate is valid for example.com, *.example.com, not sms.example.net",
	},
	{
		name:    "expired certificate",
		problem: EndpointCertificateInvalid,
		setup: func(t *testing.T) endpointFixture {
			served := &atomic.Int32{}
			srv := tlsServer(t, served)
			later := func() time.Time { return time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC) } // after httptest's NotAfter
			return endpointFixture{endpoint: srv.URL, seam: &dialSeam{addr: srv.Listener.Addr().String()},
				tls: &tls.Config{RootCAs: trusting(srv), Time: later}, served: served}
		},
		tail: "presented a TLS certificate that is not valid (expired, not yet valid or not for a server). " +
			"Check the certificate's validity dates and this machine's clock: " +
			"tls: failed to verify certificate: x509: certificate has expired or is not yet valid: " +
			"current time 2100-01-01T00:00:00Z is after 2084-01-29T16:00:00Z",
	},
}

// newFixtureClient builds a client for f whose endpoint came from source.
func newFixtureClient(t *testing.T, f endpointFixture, source string) (*Client, *waitRecorder) {
	t.Helper()
	c, err := New(Config{Endpoint: f.endpoint, EndpointFrom: source, AccessKey: testAK, SecretKey: testSK,
		MaxRetries: 3, RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond, Transport: f.seam.transport(f.tls)})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	rec := &waitRecorder{}
	c.onWait = rec.record
	return c, rec
}

// checkEndpointFailure asserts one dial, no backoff, no request served, an *EndpointError
// of the fixture's problem and a failure that does not read as an unknown outcome.
func checkEndpointFailure(t *testing.T, f endpointFixture, rec *waitRecorder, err error, problem EndpointProblem) {
	t.Helper()
	if got := f.seam.dials.Load(); got != 1 {
		t.Errorf("dials = %d, want 1", got)
	}
	if waits := rec.all(); len(waits) != 0 {
		t.Errorf("backoff waits = %v, want none", waits)
	}
	if got := f.served.Load(); got != 0 {
		t.Errorf("requests served = %d, want 0", got)
	}
	var endpointErr *EndpointError
	if !errors.As(err, &endpointErr) || endpointErr.Problem != problem {
		t.Errorf("error = %#v, want an *EndpointError with problem %d", err, problem)
	}
	if IsOutcomeUnknown(err) {
		t.Error("the request never reached the API; the outcome must be known")
	}
}

func TestEndpointError_failsOnTheFirstAttempt(t *testing.T) {
	t.Parallel()
	for _, tc := range endpointFixtures {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := tc.setup(t)
			c, rec := newFixtureClient(t, f, "HW_SMS_ENDPOINT")
			_, err := c.ShowTask(testContext(t), "t1")
			want := "SMS API request GET /v3/tasks/t1 failed after 1 attempt(s): the SMS endpoint " + f.endpoint +
				" (from HW_SMS_ENDPOINT) " + tc.tail
			if err == nil || err.Error() != want {
				t.Fatalf("error = %v\nwant    %s", err, want)
			}
			checkEndpointFailure(t, f, rec, err, tc.problem)
		})
	}
}
