package client

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
)

// goTLSServerAnswer is the whole body a Go HTTPS server (the emulator with TLS, for one)
// writes, with status 400, to a plain-HTTP request; Go's client reports it as a response.
const goTLSServerAnswer = "Client sent an HTTP request to an HTTPS server."

// tlsAlertAsHTTP is how Go's client reports a TLS alert record (0x15, version 3.x) read
// where an HTTP response should be: the answer of a TLS server that is not Go's.
const tlsAlertAsHTTP = `malformed HTTP response "\x15\x03`

// endpointFailure returns the *EndpointError behind one failed attempt, or nil when the
// attempt may succeed if tried again. It consumes resp when it returns an error.
func (c *Client) endpointFailure(req *http.Request, resp *http.Response, err error) *EndpointError {
	problem, ok := EndpointProblem(0), false
	switch {
	case err != nil:
		var notSent *notSentError
		if errors.As(err, &notSent) {
			err = notSent.err // the EndpointError says by itself that nothing was sent
		}
		problem, ok = endpointProblemOf(err)
	case req.URL.Scheme == "http" && resp.StatusCode == http.StatusBadRequest:
		ok = answeredAsTLSServer(resp)
		if ok {
			resp.Body.Close()
			problem, err = EndpointTLSRequired, fmt.Errorf("status %d: %s", resp.StatusCode, goTLSServerAnswer)
		}
	}
	if !ok {
		return nil
	}
	return &EndpointError{Endpoint: c.cfg.Endpoint, Source: c.cfg.EndpointFrom, Problem: problem, Err: err}
}

// endpointProblemOf names the problem of a transport error that waiting cannot heal.
func endpointProblemOf(err error) (EndpointProblem, bool) {
	var (
		dnsErr    *net.DNSError
		record    tls.RecordHeaderError
		unknownCA x509.UnknownAuthorityError
		hostname  x509.HostnameError
		invalid   x509.CertificateInvalidError
		verify    *tls.CertificateVerificationError
	)
	switch {
	case errors.As(err, &dnsErr):
		// Only NXDOMAIN is permanent; a DNS timeout or SERVFAIL may pass.
		return EndpointHostNotFound, dnsErr.IsNotFound
	case errors.As(err, &record), errors.Is(err, http.ErrSchemeMismatch):
		return EndpointNotTLS, true
	case errors.As(err, &unknownCA):
		return EndpointCertificateUnknownAuthority, true
	case errors.As(err, &hostname):
		return EndpointCertificateHostMismatch, true
	case errors.As(err, &invalid):
		return EndpointCertificateInvalid, true
	case errors.As(err, &verify):
		return EndpointCertificateUnverified, true
	case strings.Contains(err.Error(), tlsAlertAsHTTP):
		return EndpointTLSRequired, true
	}
	return 0, false
}

// answeredAsTLSServer reports whether resp is a Go HTTPS server's answer to plain HTTP.
// It reads no more of the body than that answer's length and puts back what it read.
func answeredAsTLSServer(resp *http.Response) bool {
	head := make([]byte, len(goTLSServerAnswer))
	n, _ := io.ReadFull(resp.Body, head)
	head = head[:n]
	resp.Body = struct {
		io.Reader
		io.Closer
	}{io.MultiReader(bytes.NewReader(head), resp.Body), resp.Body}
	return string(head) == goTLSServerAnswer
}
