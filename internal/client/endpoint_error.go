package client

import "fmt"

// EndpointProblem names why the endpoint, as configured, cannot be talked to.
type EndpointProblem int

// The problems an EndpointError reports. None heals by waiting: each is fixed by changing
// the endpoint, the machine's DNS or its trusted certificates.
const (
	// EndpointHostNotFound: DNS says the endpoint's host name does not exist.
	EndpointHostNotFound EndpointProblem = iota + 1
	// EndpointNotTLS: an https:// endpoint whose server does not speak TLS.
	EndpointNotTLS
	// EndpointTLSRequired: an http:// endpoint whose server speaks only HTTPS.
	EndpointTLSRequired
	// EndpointCertificateUnknownAuthority: the certificate's issuer is not trusted here.
	EndpointCertificateUnknownAuthority
	// EndpointCertificateHostMismatch: the certificate is for another host name.
	EndpointCertificateHostMismatch
	// EndpointCertificateInvalid: the certificate is expired, not yet valid or not for a server.
	EndpointCertificateInvalid
	// EndpointCertificateUnverified: any other failure to verify the certificate.
	EndpointCertificateUnverified
)

// endpointAdvice is what a problem's message says happened and what to check.
type endpointAdvice struct{ happened, check string }

var endpointAdvices = map[EndpointProblem]endpointAdvice{
	EndpointHostNotFound: {
		"names a host that does not exist: DNS found no such host",
		"the endpoint's host name for a typo, and this machine's DNS settings",
	},
	EndpointNotTLS: {
		"does not speak TLS: the server did not answer the https:// request with a TLS handshake",
		"the endpoint's scheme and port: a plain-HTTP server, such as the emulator, needs http://",
	},
	EndpointTLSRequired: {
		"speaks only HTTPS: the server refused the plain http:// request",
		"the endpoint's scheme: this server needs https://",
	},
	EndpointCertificateUnknownAuthority: {
		"presented a TLS certificate signed by an authority this machine does not trust",
		"the endpoint's host, and this machine's trusted CA certificates; skip verification (insecure) only for a test endpoint",
	},
	EndpointCertificateHostMismatch: {
		"presented a TLS certificate for another host name",
		"the endpoint's host name: it must be one the certificate names",
	},
	EndpointCertificateInvalid: {
		"presented a TLS certificate that is not valid (expired, not yet valid or not for a server)",
		"the certificate's validity dates and this machine's clock",
	},
	EndpointCertificateUnverified: {
		"presented a TLS certificate that could not be verified",
		"the endpoint's host name and this machine's trusted CA certificates",
	},
}

// EndpointError is a transport failure that another attempt cannot fix, so it ends the
// request on its first attempt. The request never reached the SMS API.
type EndpointError struct {
	Endpoint string
	// Source says where the endpoint came from, e.g. "the endpoint attribute"; may be empty.
	Source  string
	Problem EndpointProblem
	Err     error
}

func (e *EndpointError) Error() string {
	advice, ok := endpointAdvices[e.Problem]
	if !ok {
		advice = endpointAdvice{fmt.Sprintf("cannot be used (problem %d)", int(e.Problem)), "the endpoint"}
	}
	return fmt.Sprintf("the SMS endpoint %s%s %s. Check %s: %v", e.Endpoint, fromSource(e.Source), advice.happened, advice.check, e.Err)
}

func (e *EndpointError) Unwrap() error { return e.Err }

// fromSource is the " (from ...)" that follows the endpoint in a message; "" when the
// source is unknown.
func fromSource(source string) string {
	if source == "" {
		return ""
	}
	return " (from " + source + ")"
}
