package provider

import (
	"os"
	"strings"
)

// unreadLogLevels are the log levels the provider's loggers take when nobody will read
// what they write: the plugin SDK's (TF_LOG_SDK, TF_LOG_SDK_PROTO), the framework's
// (TF_LOG_SDK_FRAMEWORK), the provider's own (TF_LOG_PROVIDER_SMS) and its HTTP
// client's (TF_LOG_PROVIDER_SMS_CLIENT).
var unreadLogLevels = []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER_SMS", "TF_LOG_PROVIDER_SMS_CLIENT"}

// QuietUnreadLogs turns the provider's loggers off when no TF_LOG* variable is set. Each
// logger left at its default level writes every TRACE line, a few for every call
// Terraform makes, to the provider's stderr; Terraform parses each line and then drops
// it, because with neither TF_LOG nor TF_LOG_PROVIDER set its provider logger is off.
// At 500 tasks that formatting was a tenth of the provider's CPU in a plan, paid for
// nothing. Any TF_LOG* variable (TF_LOG, TF_LOG_PROVIDER, TF_LOG_SDK_PROTO, ...) leaves
// every level as the SDK sets it, so whoever asks for logs gets all of them; a provider
// run with -debug, whose stderr is a terminal, needs one too (TF_LOG_PROVIDER=TRACE).
func QuietUnreadLogs() {
	quietUnreadLogs(os.Environ(), os.Setenv)
}

func quietUnreadLogs(environ []string, setenv func(key, value string) error) {
	for _, kv := range environ {
		name, value, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "TF_LOG") && value != "" {
			return
		}
	}
	for _, name := range unreadLogLevels {
		_ = setenv(name, "OFF") // os.Setenv fails only on a malformed name
	}
}
