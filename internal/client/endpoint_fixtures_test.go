package client

import (
	"crypto/tls"
	"crypto/x509"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// endpointCase is an endpoint that cannot work as configured.
type endpointCase struct {
	name    string
	problem EndpointProblem
	// server starts what listens at the dialled address and returns that address and
	// its certificate (nil without TLS); nil means the dial itself fails with dialErr.
	server  func(t *testing.T, served *atomic.Int32) (string, *x509.Certificate)
	dialErr error
	// endpoint is the configured endpoint; "ADDR" stands for the server's address.
	endpoint string
	trust    bool      // the client trusts the server's certificate
	clock    time.Time // the client's TLS clock; zero is now
	// tail is the message after "the SMS endpoint <endpoint> (from <source>) ".
	tail string
}

// tlsRequiredTail begins the tail of both ways an HTTPS server refuses plain HTTP.
const tlsRequiredTail = "speaks only HTTPS: the server refused the plain http:// request. " +
	"Check the endpoint's scheme: this server needs https://: "

var endpointCases = []endpointCase{
	{
		name: "host name not found", problem: EndpointHostNotFound,
		dialErr:  dnsNotFound("sms.ap-southeast-3.myhuaweicloud.con"),
		endpoint: "https://sms.ap-southeast-3.myhuaweicloud.con",
		tail: "names a host that does not exist: DNS found no such host. " +
			"Check the endpoint's host name for a typo, and this machine's DNS settings: " +
			"dial tcp: lookup sms.ap-southeast-3.myhuaweicloud.con: no such host",
	},
	{
		name: "https:// to a plain-HTTP server", problem: EndpointNotTLS,
		server: plainServer, endpoint: "https://ADDR",
		tail: "does not speak TLS: the server did not answer the https:// request with a TLS handshake. " +
			"Check the endpoint's scheme and port: a plain-HTTP server, such as the emulator, needs http://: " +
			"tls: first record does not look like a TLS handshake",
	},
	{
		name: "http:// to a Go HTTPS server", problem: EndpointTLSRequired,
		server: tlsServer, endpoint: "http://ADDR",
		tail: tlsRequiredTail +
			"status 400: Client sent an HTTP request to an HTTPS server.",
	},
	{
		name: "http:// to another HTTPS server (a TLS alert for an answer)", problem: EndpointTLSRequired,
		server: tlsAlertServer, endpoint: "http://ADDR",
		tail: tlsRequiredTail +
			`net/http: HTTP/1.x transport connection broken: malformed HTTP response "\x15\x03\x01\x00\x02\x02F"`,
	},
	{
		name: "certificate from an unknown authority", problem: EndpointCertificateUnknownAuthority,
		server: tlsServer, endpoint: "https://ADDR",
		tail: "presented a TLS certificate signed by an authority this machine does not trust. " +
			"Check the endpoint's host, and this machine's trusted CA certificates; skip verification (insecure) only for a test endpoint: " +
			"tls: failed to verify certificate: x509: certificate signed by unknown authority",
	},
	{
		// The seam dials the server whatever the name, so no look-up ever happens.
		name: "certificate for another host name", problem: EndpointCertificateHostMismatch,
		server: tlsServer, endpoint: "https://sms.example.net", trust: true,
		tail: "presented a TLS certificate for another host name. " +
			"Check the endpoint's host name: it must be one the certificate names: " +
			"tls: failed to verify certificate: x509: certificate is valid for example.com, *.example.com, not sms.example.net",
	},
	{
		name: "expired certificate", problem: EndpointCertificateInvalid,
		server: tlsServer, endpoint: "https://ADDR", trust: true,
		clock: time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC), // after httptest's NotAfter
		tail: "presented a TLS certificate that is not valid (expired, not yet valid or not for a server). " +
			"Check the certificate's validity dates and this machine's clock: " +
			"tls: failed to verify certificate: x509: certificate has expired or is not yet valid: " +
			"current time 2100-01-01T00:00:00Z is after 2084-01-29T16:00:00Z",
	},
}

// endpointFixture is a started endpointCase: served counts the requests a handler saw.
type endpointFixture struct {
	endpoint string
	seam     *dialSeam
	tls      *tls.Config
	served   *atomic.Int32
}

func (ec endpointCase) start(t *testing.T) endpointFixture {
	f := endpointFixture{endpoint: ec.endpoint, seam: &dialSeam{err: ec.dialErr}, served: &atomic.Int32{}}
	if ec.server == nil {
		return f
	}
	addr, cert := ec.server(t, f.served)
	f.endpoint = strings.Replace(ec.endpoint, "ADDR", addr, 1)
	f.seam.addr = addr
	f.tls = &tls.Config{}
	if ec.trust {
		f.tls.RootCAs = x509.NewCertPool()
		f.tls.RootCAs.AddCert(cert)
	}
	if !ec.clock.IsZero() {
		f.tls.Time = func() time.Time { return ec.clock }
	}
	return f
}

// countingHandler answers every request with a task and counts it.
func countingHandler(t *testing.T, served *atomic.Int32) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		served.Add(1)
		writeJSON(t, w, http.StatusOK, map[string]any{"id": "t1", "tasks": []any{}, "count": 0})
	})
}

// plainServer is a plain-HTTP server.
func plainServer(t *testing.T, served *atomic.Int32) (string, *x509.Certificate) {
	srv := httptest.NewUnstartedServer(countingHandler(t, served))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the TLS hello it cannot read is expected
	srv.Start()
	t.Cleanup(srv.Close)
	return srv.Listener.Addr().String(), nil
}

// tlsServer is an HTTPS server with httptest's certificate (for example.com and
// 127.0.0.1, valid until 2084, trusted by nobody unless told).
func tlsServer(t *testing.T, served *atomic.Int32) (string, *x509.Certificate) {
	srv := httptest.NewUnstartedServer(countingHandler(t, served))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshakes are expected
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv.Listener.Addr().String(), srv.Certificate()
}

// tlsAlertServer answers whatever it reads with a TLS alert record, as a TLS server
// that is not Go's does when plain HTTP reaches it; it never serves a request.
func tlsAlertServer(t *testing.T, _ *atomic.Int32) (string, *x509.Certificate) {
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
	return ln.Addr().String(), nil
}
