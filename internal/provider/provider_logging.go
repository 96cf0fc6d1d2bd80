package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/sms-migration/terraform-provider-sms/internal/client"
)

// clientLogSubsystem is the tflog subsystem of the HTTP client: TF_LOG_PROVIDER_SMS_CLIENT
// sets its level on its own.
const clientLogSubsystem = "sms_client"

// clientLogger routes the client's log lines into the provider's tflog subsystem. The
// client already masks credential headers; masking every secret value again here means a
// secret can't leak through a field the client did not think of.
func clientLogger(cfg resolvedProviderConfig) client.LogFunc {
	var secrets []string
	for _, s := range []string{cfg.SecretKey, cfg.SecurityToken, cfg.AuthToken} {
		if s != "" {
			secrets = append(secrets, s)
		}
	}
	return func(ctx context.Context, level client.LogLevel, msg string, fields map[string]any) {
		ctx = tflog.NewSubsystem(ctx, clientLogSubsystem, tflog.WithLevelFromEnv("TF_LOG_PROVIDER_SMS_CLIENT"))
		if len(secrets) > 0 {
			ctx = tflog.SubsystemMaskAllFieldValuesStrings(ctx, clientLogSubsystem, secrets...)
			ctx = tflog.SubsystemMaskMessageStrings(ctx, clientLogSubsystem, secrets...)
		}
		ctx = tflog.SubsystemMaskFieldValuesWithFieldKeys(ctx, clientLogSubsystem, "secret_key", "authorization", "x_auth_token", "x_security_token")
		switch level {
		case client.LogTrace:
			tflog.SubsystemTrace(ctx, clientLogSubsystem, msg, fields)
		case client.LogDebug:
			tflog.SubsystemDebug(ctx, clientLogSubsystem, msg, fields)
		case client.LogInfo:
			tflog.SubsystemInfo(ctx, clientLogSubsystem, msg, fields)
		case client.LogWarn:
			tflog.SubsystemWarn(ctx, clientLogSubsystem, msg, fields)
		default:
			tflog.SubsystemError(ctx, clientLogSubsystem, msg, fields)
		}
	}
}
