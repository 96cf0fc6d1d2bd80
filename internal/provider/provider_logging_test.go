package provider

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

// TestClientLoggerMasksSecrets drives the hook the provider gives the client with
// messages and fields that carry every secret, at every level, and asserts none of the
// secrets reaches the log while the rest of the line does.
func TestClientLoggerMasksSecrets(t *testing.T) { // not parallel: t.Setenv
	cfg := resolvedProviderConfig{SecretKey: "sk-VERY-SECRET", SecurityToken: "sts-TOKEN-VALUE", AuthToken: "iam-TOKEN-VALUE"}
	secrets := []string{cfg.SecretKey, cfg.SecurityToken, cfg.AuthToken}
	t.Setenv("TF_LOG_PROVIDER_SMS_CLIENT", "TRACE")

	var out bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &out)
	log := clientLogger(cfg)
	for _, level := range []client.LogLevel{client.LogTrace, client.LogDebug, client.LogInfo, client.LogWarn, client.LogError} {
		log(ctx, level, "request signed with sk-VERY-SECRET", map[string]any{
			"path":             "/v3/tasks",
			"secret_key":       "sk-VERY-SECRET",
			"authorization":    "SDK-HMAC-SHA256 Access=AK, Signature=abc",
			"x_security_token": "sts-TOKEN-VALUE",
			"body":             `{"note":"iam-TOKEN-VALUE"}`,
		})
	}
	logged := out.String()
	if strings.Count(logged, `"path":"/v3/tasks"`) != 5 {
		t.Fatalf("expected 5 log lines with their path, got:\n%s", logged)
	}
	for _, s := range append(secrets, "Signature=abc") {
		if strings.Contains(logged, s) {
			t.Errorf("log output contains %q:\n%s", s, logged)
		}
	}
}
