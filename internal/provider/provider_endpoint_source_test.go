package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestEndpointSource(t *testing.T) {
	t.Parallel()
	withAttribute := nullProviderModel()
	withAttribute.Endpoint = types.StringValue("http://127.0.0.1:1")
	env := envFrom(map[string]string{"HW_SMS_ENDPOINT": "http://127.0.0.1:2"})
	cases := []struct {
		name   string
		m      smsProviderModel
		getenv func(string) string
		want   string
	}{
		{"the attribute wins over the environment", withAttribute, env, "the provider's endpoint attribute"},
		{"the environment variable", nullProviderModel(), env, "HW_SMS_ENDPOINT"},
		{"the region's endpoint", nullProviderModel(), envFrom(nil), `the region "ap-southeast-3"; set endpoint or HW_SMS_ENDPOINT to use another`},
	}
	for _, tc := range cases {
		if got := endpointSource(tc.m, tc.getenv, "ap-southeast-3"); got != tc.want {
			t.Errorf("%s: endpointSource = %q, want %q", tc.name, got, tc.want)
		}
	}
}
