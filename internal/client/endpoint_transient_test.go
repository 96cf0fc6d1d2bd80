package client

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"net/http"
	"os"
	"syscall"
	"testing"
)

func TestEndpointProblemOf(t *testing.T) {
	t.Parallel()
	dial := func(err error) error { return &net.OpError{Op: "dial", Net: "tcp", Err: err} }
	cases := []struct {
		name        string
		err         error
		want        EndpointProblem
		wantCertain bool
	}{
		{"DNS name not found", dnsNotFound("sms.example.con"), EndpointHostNotFound, true},
		{"scheme mismatch as net/http names it", http.ErrSchemeMismatch, EndpointNotTLS, true},
		{"other certificate verification failure",
			&tls.CertificateVerificationError{Err: x509.SystemRootsError{}}, EndpointCertificateUnverified, true},
		{"temporary DNS failure", dial(&net.DNSError{Err: "server misbehaving", Name: "sms.example.com", IsTemporary: true}), 0, false},
		{"DNS timeout", dial(&net.DNSError{Err: "i/o timeout", Name: "sms.example.com", IsTimeout: true}), 0, false},
		{"connection reset", dial(&os.SyscallError{Syscall: "read", Err: syscall.ECONNRESET}), 0, false},
		{"dial timeout", dial(os.ErrDeadlineExceeded), 0, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, certain := endpointProblemOf(tc.err)
			if certain != tc.wantCertain || (certain && got != tc.want) {
				t.Errorf("endpointProblemOf(%v) = %d, %t; want %d, %t", tc.err, got, certain, tc.want, tc.wantCertain)
			}
		})
	}
}

func TestEndpointError_unknownProblemStillNamesTheEndpoint(t *testing.T) {
	t.Parallel()
	err := &EndpointError{Endpoint: "https://sms.example.com", Problem: EndpointProblem(99), Err: errors.New("boom")}
	want := "the SMS endpoint https://sms.example.com cannot be used (problem 99). Check the endpoint: boom"
	if err.Error() != want {
		t.Errorf("error = %q\nwant    %q", err, want)
	}
}

// A DNS failure that may pass (IsNotFound false) keeps the ordinary retries and backoff.
func TestRetry_temporaryDNSFailureIsRetried(t *testing.T) {
	t.Parallel()
	seam := &dialSeam{err: &net.OpError{Op: "dial", Net: "tcp",
		Err: &net.DNSError{Err: "server misbehaving", Name: "sms.example.com", IsTemporary: true}}}
	c, rec := newFixtureClient(t, endpointFixture{endpoint: "https://sms.example.com", seam: seam}, "HW_SMS_ENDPOINT")
	_, err := c.ShowTask(testContext(t), "t1")
	want := "SMS API request GET /v3/tasks/t1 failed after 4 attempt(s): " +
		`Get "https://sms.example.com/v3/tasks/t1": dial tcp: lookup sms.example.com: server misbehaving`
	if err == nil || err.Error() != want {
		t.Fatalf("error = %v\nwant    %s", err, want)
	}
	if got := seam.dials.Load(); got != 4 {
		t.Errorf("dials = %d, want 4 (MaxRetries 3 after the first)", got)
	}
	if got := len(rec.all()); got != 3 {
		t.Errorf("backoff waits = %v, want 3", rec.all())
	}
	var endpointErr *EndpointError
	if errors.As(err, &endpointErr) {
		t.Errorf("a temporary failure must not be an *EndpointError: %#v", endpointErr)
	}
}

// Any other 400 stays an *APIError, its body intact.
func TestEndpointError_ordinary400IsAnAPIError(t *testing.T) {
	t.Parallel()
	f := newFakeSMS(t, func(f *fakeSMS, w http.ResponseWriter, _ *http.Request, _ []byte, _ int) bool {
		w.WriteHeader(http.StatusBadRequest)
		writeBody(f.t, w, []byte("Client sent"))
		return true
	})
	c, _ := newTestClient(t, f, nil)
	_, err := c.ShowTask(testContext(t), "t1")
	want := `SMS API error: GET /v3/tasks/t1: status 400, error_code (none), error_msg "Client sent", request id req-1`
	if err == nil || err.Error() != want {
		t.Fatalf("error = %v\nwant    %s", err, want)
	}
}
