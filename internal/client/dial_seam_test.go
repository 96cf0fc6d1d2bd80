package client

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"sync/atomic"
)

// dialSeam is a Config.Transport dialer that counts every dial (one per attempt, as no
// connection is reused after these failures) and never resolves a name: it either fails
// with err or connects to addr, whatever host the endpoint names.
type dialSeam struct {
	addr  string // the loopback address every dial goes to
	err   error  // when set, every dial fails with it instead
	dials atomic.Int32
}

func (d *dialSeam) dial(ctx context.Context, network, _ string) (net.Conn, error) {
	d.dials.Add(1)
	if d.err != nil {
		return nil, d.err
	}
	var dialer net.Dialer
	return dialer.DialContext(ctx, network, d.addr)
}

// transport is a fresh http.Transport (no proxy from the environment) over the seam.
func (d *dialSeam) transport(tlsConfig *tls.Config) *http.Transport {
	return &http.Transport{DialContext: d.dial, TLSClientConfig: tlsConfig}
}

// dnsNotFound is the error Go's dialer returns for a name DNS does not know.
func dnsNotFound(host string) error {
	return &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}}
}
