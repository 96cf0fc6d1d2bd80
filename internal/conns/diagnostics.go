package conns

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

// addAuthError reports a 401: the request never reached SMS because the gateway refused
// its credentials, so what the provider was doing matters less than what to check. The
// summary says so; the operation moves into the detail.
func addAuthError(diags *diag.Diagnostics, operation string, apiErr *client.APIError) {
	diags.AddError("The SMS API refused the credentials", fmt.Sprintf(
		"%s: the API gateway answered %s %s with status %d (%s).\n\n"+
			"Check that access_key and secret_key (or the environment variables %s and %s) are a matching pair: "+
			"the secret key that belongs to that access key, copied whole. Check this machine's clock too: a signed "+
			"request is refused when the clock is more than 15 minutes off. With auth_token (%s), check that the "+
			"token has not expired.\n\nstatus: %d\nerror_code: %s\nerror_msg: %s\nrequest id: %s",
		operation, apiErr.Method, apiErr.Path, apiErr.StatusCode, http.StatusText(apiErr.StatusCode),
		EnvAccessKey[0], EnvSecretKey[0], EnvAuthToken[0],
		apiErr.StatusCode, apiErr.ErrorCode, apiErr.ErrorMsg, apiErr.RequestID))
}

// isAuthFailure reports a refusal of the credentials themselves (401, or the gateway's
// APIGW.0301 whatever its status), not a missing permission (403).
func isAuthFailure(apiErr *client.APIError) bool {
	return apiErr.StatusCode == http.StatusUnauthorized || strings.EqualFold(apiErr.ErrorCode, "APIGW.0301")
}

// addTaskGoneWarning tells the user why a task they manage shows up as "will be
// created": it was deleted outside Terraform.
func AddTaskGoneWarning(diags *diag.Diagnostics, id string) {
	diags.AddWarning("SMS migration task no longer exists",
		fmt.Sprintf("The SMS migration task %s no longer exists: the API answers 404 for it, so it was deleted outside "+
			"Terraform. It is removed from the Terraform state; an apply of a configuration that still declares it "+
			"creates a new task.", id))
}

// addAPIError turns a client error into a diagnostic that names the HTTP status,
// error_code, error_msg and request id, so a user can quote them to support.
func AddAPIError(diags *diag.Diagnostics, summary string, err error) {
	var endpointErr *client.EndpointError
	if errors.As(err, &endpointErr) {
		addEndpointError(diags, summary, endpointErr, err)
		return
	}
	var apiErr *client.APIError
	if errors.As(err, &apiErr) && isAuthFailure(apiErr) {
		addAuthError(diags, summary, apiErr)
		return
	}
	if errors.As(err, &apiErr) {
		diags.AddError(summary, fmt.Sprintf(
			"The SMS API rejected %s %s.\n\nstatus: %d\nerror_code: %s\nerror_msg: %s\nrequest id: %s",
			apiErr.Method, apiErr.Path, apiErr.StatusCode, apiErr.ErrorCode, apiErr.ErrorMsg, apiErr.RequestID))
		return
	}
	diags.AddError(summary, err.Error())
}

// endpointSummaries name each endpoint problem in a diagnostic's summary: the request
// never reached SMS, so what the provider was doing moves into the detail.
var endpointSummaries = map[client.EndpointProblem]string{
	client.EndpointHostNotFound:                "The SMS endpoint's host name does not exist",
	client.EndpointNotTLS:                      "The SMS endpoint does not speak HTTPS",
	client.EndpointTLSRequired:                 "The SMS endpoint requires HTTPS",
	client.EndpointCertificateUnknownAuthority: "The SMS endpoint's TLS certificate is not trusted",
	client.EndpointCertificateHostMismatch:     "The SMS endpoint's TLS certificate is for another host",
	client.EndpointCertificateInvalid:          "The SMS endpoint's TLS certificate is not valid",
	client.EndpointCertificateUnverified:       "The SMS endpoint's TLS certificate could not be verified",
}

// addEndpointError reports a transport failure that no retry can fix (*client.EndpointError)
// under a summary naming the problem; the detail keeps the operation and the whole error,
// which names the endpoint, where it came from and what to check.
func addEndpointError(diags *diag.Diagnostics, operation string, endpointErr *client.EndpointError, err error) {
	summary, ok := endpointSummaries[endpointErr.Problem]
	if !ok {
		summary = "The SMS endpoint cannot be used"
	}
	diags.AddError(summary, fmt.Sprintf("%s: %v", operation, err))
}
