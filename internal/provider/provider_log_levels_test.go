package provider

import (
	"maps"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestQuietUnreadLogs(t *testing.T) {
	off := map[string]string{}
	for _, name := range unreadLogLevels {
		off[name] = "OFF"
	}
	for name, tc := range map[string]struct {
		environ []string
		want    map[string]string
	}{
		"nothing asks for logs":              {[]string{"HOME=/root", "TF_CLI_CONFIG_FILE=/x", "PATH=/bin"}, off},
		"an empty TF_LOG asks for nothing":   {[]string{"TF_LOG="}, off},
		"TF_LOG":                             {[]string{"TF_LOG=TRACE"}, map[string]string{}},
		"TF_LOG_PROVIDER":                    {[]string{"TF_LOG_PROVIDER=debug"}, map[string]string{}},
		"the client's own level":             {[]string{"TF_LOG_PROVIDER_SMS_CLIENT=TRACE"}, map[string]string{}},
		"the protocol's own level":           {[]string{"TF_LOG_SDK_PROTO=trace"}, map[string]string{}},
		"a log path, with Terraform's level": {[]string{"TF_LOG_PATH=/tmp/tf.log", "TF_LOG=INFO"}, map[string]string{}},
	} {
		got := map[string]string{}
		quietUnreadLogs(tc.environ, func(k, v string) error { got[k] = v; return nil })
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", name, diff)
		}
	}
	if len(off) != 5 || !maps.Equal(off, map[string]string{"TF_LOG_SDK": "OFF", "TF_LOG_SDK_PROTO": "OFF", "TF_LOG_SDK_FRAMEWORK": "OFF", "TF_LOG_PROVIDER_SMS": "OFF", "TF_LOG_PROVIDER_SMS_CLIENT": "OFF"}) {
		t.Errorf("the quieted levels are %v", off)
	}
}
