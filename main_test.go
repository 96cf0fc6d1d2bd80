package main

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestQuietUnreadFrameworkLogs(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		environ []string
		want    map[string]string
	}{
		"no logging asked for":      {[]string{"HOME=/root", "PATH=/bin"}, map[string]string{"TF_LOG_SDK_FRAMEWORK": "OFF"}},
		"only a log path":           {[]string{"TF_LOG_PATH=/tmp/tf.log"}, map[string]string{"TF_LOG_SDK_FRAMEWORK": "OFF"}},
		"TF_LOG":                    {[]string{"TF_LOG=TRACE"}, map[string]string{}},
		"provider logs":             {[]string{"TF_LOG_PROVIDER=DEBUG"}, map[string]string{}},
		"framework logs explicitly": {[]string{"TF_LOG_SDK_FRAMEWORK=TRACE"}, map[string]string{}},
		"client subsystem only":     {[]string{"TF_LOG_PROVIDER_SMS_CLIENT=TRACE"}, map[string]string{}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got := map[string]string{}
			quietUnreadFrameworkLogs(tc.environ, func(k, v string) error { got[k] = v; return nil })
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("variables set (-want +got):\n%s", diff)
			}
		})
	}
}
