package conns

import (
	"errors"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

// An endpoint that cannot be used gets a summary naming the problem, and the detail the
// whole error (endpoint, where it came from, what to check) after the operation.
func TestAddAPIError_endpointError(t *testing.T) {
	t.Parallel()
	endpointErr := &client.EndpointError{Endpoint: "https://127.0.0.1:1", Source: "the environment variable HW_SMS_ENDPOINT",
		Problem: client.EndpointNotTLS, Err: errors.New("tls: first record does not look like a TLS handshake")}
	var diags diag.Diagnostics
	AddAPIError(&diags, "Error creating SMS migration task", fmt.Errorf("create task %q: the task was not created: %w", "web", endpointErr))
	if len(diags) != 1 {
		t.Fatalf("got %d diagnostics, want 1: %v", len(diags), diags)
	}
	d := diags[0]
	if got, want := d.Summary(), "The SMS endpoint does not speak HTTPS"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
	want := `Error creating SMS migration task: create task "web": the task was not created: the SMS endpoint https://127.0.0.1:1 ` +
		`(from the environment variable HW_SMS_ENDPOINT) does not speak TLS: the server did not answer the https:// request with a TLS handshake. ` +
		`Check the endpoint's scheme and port: a plain-HTTP server, such as the emulator, needs http://: tls: first record does not look like a TLS handshake`
	if d.Detail() != want {
		t.Errorf("detail =\n%s\nwant\n%s", d.Detail(), want)
	}
	for problem := range endpointSummaries {
		if problem < client.EndpointHostNotFound || problem > client.EndpointCertificateUnverified {
			t.Errorf("summary for unknown problem %d", problem)
		}
	}
	if len(endpointSummaries) != int(client.EndpointCertificateUnverified) {
		t.Errorf("%d summaries for %d endpoint problems", len(endpointSummaries), client.EndpointCertificateUnverified)
	}
}
