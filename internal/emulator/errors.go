package emulator

import (
	"fmt"
	"net/http"
	"strings"
)

// Error codes the emulator answers with; the package documentation has the table with
// HTTP statuses.
const (
	CodeMalformedJSON        = "SMS.1001"
	CodeWrongType            = "SMS.1002"
	CodeOutOfRange           = "SMS.1003"
	CodeBadLength            = "SMS.1004"
	CodeNotAllowed           = "SMS.1005"
	CodeMandatoryMissing     = "SMS.1006"
	CodeUnknownSourceServer  = "SMS.1007"
	CodeTaskNotFound         = "SMS.1008"
	CodeTaskNotDeletable     = "SMS.1009"
	CodeOperationNotAllowed  = "SMS.1010"
	CodeNotInUpdateBody      = "SMS.1011"
	CodeSourceNotFound       = "SMS.1012"
	CodeTemplateNotFound     = "SMS.1013"
	CodeInvalidSubtask       = "SMS.6004"
	CodeNoSpeedLimit         = "SMS.6302"
	CodeInternal             = "SMS.9999"
	CodeUnavailable          = "SMS.9998"
	CodeGatewayAuth          = "APIGW.0301"
	CodeGatewayNoSuchAPI     = "APIGW.0101"
	CodeGatewayThrottled     = "APIGW.0308"
	gatewayAuthMessagePrefix = "Incorrect IAM authentication information: "
)

// apiError is an error answer: its HTTP status and the body's error_code and error_msg.
// Gateway errors (APIGW.*) also carry the request id in the body, as the real gateway does.
type apiError struct {
	Status int
	Code   string
	Msg    string
}

func badRequest(code, format string, args ...any) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: code, Msg: fmt.Sprintf(format, args...)}
}

func taskNotFound(id string) *apiError {
	return &apiError{Status: http.StatusNotFound, Code: CodeTaskNotFound, Msg: fmt.Sprintf("task %q does not exist", id)}
}

func sourceNotFound(id string) *apiError {
	return &apiError{Status: http.StatusNotFound, Code: CodeSourceNotFound, Msg: fmt.Sprintf("source server %q does not exist", id)}
}

func templateNotFound(id string) *apiError {
	return &apiError{Status: http.StatusNotFound, Code: CodeTemplateNotFound, Msg: fmt.Sprintf("template %q does not exist", id)}
}

func noSuchAPI(method, path string) *apiError {
	return &apiError{Status: http.StatusNotFound, Code: CodeGatewayNoSuchAPI,
		Msg: fmt.Sprintf("The API does not exist or has not been published in the environment: %s %s", method, path)}
}

func authFailed(reason string) *apiError {
	return &apiError{Status: http.StatusUnauthorized, Code: CodeGatewayAuth, Msg: gatewayAuthMessagePrefix + reason}
}

func internalError(format string, args ...any) *apiError {
	return &apiError{Status: http.StatusInternalServerError, Code: CodeInternal, Msg: fmt.Sprintf(format, args...)}
}

// body renders the error as the JSON body the real service would send.
func (e *apiError) body(requestID string) map[string]string {
	b := map[string]string{"error_code": e.Code, "error_msg": e.Msg}
	if strings.HasPrefix(e.Code, "APIGW.") {
		b["request_id"] = requestID
	}
	return b
}
