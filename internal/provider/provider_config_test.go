package provider

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

func envFrom(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func nullProviderModel() smsProviderModel {
	return smsProviderModel{
		Region: types.StringNull(), AccessKey: types.StringNull(), SecretKey: types.StringNull(),
		SecurityToken: types.StringNull(), AuthToken: types.StringNull(), ProjectID: types.StringNull(),
		Endpoint: types.StringNull(), Insecure: types.BoolNull(), MaxRetries: types.Int64Null(),
	}
}

func TestResolveProviderConfig_envFallbacks(t *testing.T) {
	t.Parallel()
	got, diags := resolveProviderConfig(nullProviderModel(), envFrom(map[string]string{
		"HW_REGION_NAME":             "ap-southeast-3",
		"HUAWEICLOUD_SDK_AK":         "ak-from-sdk-env",
		"CLOUD_SDK_AK":               "ak-lowest",
		"CLOUD_SDK_SK":               "sk-lowest",
		"HUAWEICLOUD_SDK_PROJECT_ID": "p1",
		"HW_SECURITY_TOKEN":          "tok",
		"HW_INSECURE":                "true",
		"HW_MAX_RETRIES":             "2",
	}))
	if diags.HasError() {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	want := resolvedProviderConfig{
		Region: "ap-southeast-3", AccessKey: "ak-from-sdk-env", SecretKey: "sk-lowest", SecurityToken: "tok",
		ProjectID: "p1", Endpoint: "https://sms.ap-southeast-3.myhuaweicloud.com", Insecure: true, MaxRetries: 2,
		APIModel: "current",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("resolved config mismatch (-want +got):\n%s", diff)
	}
}

func TestResolveProviderConfig_attributesWinOverEnv(t *testing.T) {
	t.Parallel()
	m := nullProviderModel()
	m.Region = types.StringValue("ru-moscow-1")
	m.AuthToken = types.StringValue("iam-token")
	m.MaxRetries = types.Int64Value(0)
	got, diags := resolveProviderConfig(m, envFrom(map[string]string{"HW_REGION_NAME": "cn-north-4", "HW_AUTH_TOKEN": "other"}))
	if diags.HasError() {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	if got.Endpoint != "https://sms-api.ru-moscow-1.myhuaweicloud.com" || got.AuthToken != "iam-token" || got.MaxRetries != 0 {
		t.Errorf("got %+v", got)
	}
}

func TestResolveProviderConfig_errors(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		model    func(*smsProviderModel)
		env      map[string]string
		wantPath string
		wantText []string
	}{
		"no credentials": {
			env:      map[string]string{"HW_REGION_NAME": "ap-southeast-3"},
			wantPath: "access_key",
			wantText: []string{"No credentials", "HW_ACCESS_KEY", "HW_SECRET_KEY", "HW_AUTH_TOKEN"},
		},
		"ak without sk": {
			env:      map[string]string{"HW_REGION_NAME": "ap-southeast-3", "HW_ACCESS_KEY": "ak"},
			wantPath: "secret_key",
			wantText: []string{"secret_key is not", "HW_SECRET_KEY"},
		},
		"both ak/sk and token": {
			env:      map[string]string{"HW_REGION_NAME": "ap-southeast-3", "HW_ACCESS_KEY": "ak", "HW_SECRET_KEY": "sk", "HW_AUTH_TOKEN": "t"},
			wantPath: "auth_token",
			wantText: []string{"Use one authentication method", "HW_AUTH_TOKEN", "HW_ACCESS_KEY"},
		},
		"unknown site": {
			env:      map[string]string{"HW_REGION_NAME": "cn-east-3", "HW_AUTH_TOKEN": "t", "HW_SMS_SITE": "europe"},
			wantPath: "site",
			wantText: []string{`must be one of chinese-mainland, international, got "europe"`, "HW_SMS_SITE", "HW_SMS_ENDPOINT"},
		},
		"unknown api model": {
			model:    func(m *smsProviderModel) { m.APIModel = types.StringValue("2024") },
			env:      map[string]string{"HW_AUTH_TOKEN": "t"},
			wantPath: "api_model",
			wantText: []string{`must be one of seed, current, got "2024"`, "HW_SMS_API_MODEL"},
		},
		"malformed endpoint": {
			model:    func(m *smsProviderModel) { m.Endpoint = types.StringValue("127.0.0.1:8080") },
			env:      map[string]string{"HW_AUTH_TOKEN": "t"},
			wantPath: "endpoint",
			wantText: []string{"not usable", "HW_SMS_ENDPOINT", "http://127.0.0.1:8080"},
		},
		"ftp endpoint": {
			env:      map[string]string{"HW_AUTH_TOKEN": "t", "HW_SMS_ENDPOINT": "ftp://x"},
			wantPath: "endpoint",
			wantText: []string{"scheme must be http or https"},
		},
		"bad max retries env": {
			env:      map[string]string{"HW_AUTH_TOKEN": "t", "HW_REGION_NAME": "cn-north-4", "HW_MAX_RETRIES": "many"},
			wantPath: "max_retries",
			wantText: []string{`HW_MAX_RETRIES="many" is not a whole number`},
		},
		"unknown endpoint value": {
			model:    func(m *smsProviderModel) { m.Endpoint = types.StringUnknown() },
			wantPath: "endpoint",
			wantText: []string{"not known until apply"},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			m := nullProviderModel()
			if tc.model != nil {
				tc.model(&m)
			}
			_, diags := resolveProviderConfig(m, envFrom(tc.env))
			if !diags.HasError() {
				t.Fatal("expected an error diagnostic")
			}
			d := diags.Errors()[0]
			text := d.Summary() + " " + d.Detail()
			for _, w := range tc.wantText {
				if !strings.Contains(text, w) {
					t.Errorf("diagnostic %q does not mention %q", text, w)
				}
			}
			if got := testcheck.DiagPath(d); got != tc.wantPath {
				t.Errorf("diagnostic path = %q, want %q", got, tc.wantPath)
			}
		})
	}
}

// The endpoint comes from endpoint, else site, else the region's own SMS endpoint, else
// the default site's; the region of the task is never a reason to fail.
func TestResolveProviderConfig_endpointAndAPIModel(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		env          map[string]string
		wantEndpoint string
		wantModel    string
	}{
		"any target region":           {map[string]string{"HW_REGION_NAME": "cn-east-3"}, "https://sms.cn-north-4.myhuaweicloud.com", "current"},
		"no region at all":            {map[string]string{}, "https://sms.cn-north-4.myhuaweicloud.com", "current"},
		"a region with SMS":           {map[string]string{"HW_REGION_NAME": "ru-moscow-1"}, "https://sms-api.ru-moscow-1.myhuaweicloud.com", "current"},
		"international site":          {map[string]string{"HW_REGION_NAME": "ap-southeast-1", "HW_SMS_SITE": "international"}, "https://sms.ap-southeast-3.myhuaweicloud.com", "current"},
		"site wins over the region":   {map[string]string{"HW_REGION_NAME": "ap-southeast-3", "HW_SMS_SITE": "chinese-mainland"}, "https://sms.cn-north-4.myhuaweicloud.com", "current"},
		"endpoint wins over the site": {map[string]string{"HW_SMS_SITE": "international", "HW_SMS_ENDPOINT": "http://127.0.0.1:9"}, "http://127.0.0.1:9", "current"},
		"seed model from the env":     {map[string]string{"HW_SMS_API_MODEL": "seed"}, "https://sms.cn-north-4.myhuaweicloud.com", "seed"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			tc.env["HW_AUTH_TOKEN"] = "t"
			got, diags := resolveProviderConfig(nullProviderModel(), envFrom(tc.env))
			if diags.HasError() {
				t.Fatalf("unexpected diagnostics: %v", diags)
			}
			if got.Endpoint != tc.wantEndpoint || got.APIModel != tc.wantModel {
				t.Errorf("endpoint %q, api model %q; want %q, %q", got.Endpoint, got.APIModel, tc.wantEndpoint, tc.wantModel)
			}
		})
	}
}
