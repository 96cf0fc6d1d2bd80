package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestEndpointSource(t *testing.T) {
	t.Parallel()
	withAttribute := nullProviderModel()
	withAttribute.Endpoint = types.StringValue("http://127.0.0.1:1")
	withSite := nullProviderModel()
	withSite.Site = types.StringValue("international")
	env := envFrom(map[string]string{"HW_SMS_ENDPOINT": "http://127.0.0.1:2"})
	cases := []struct {
		name   string
		m      smsProviderModel
		getenv func(string) string
		region string
		want   string
	}{
		{"the attribute wins over the environment", withAttribute, env, "ap-southeast-3", "the provider's endpoint attribute"},
		{"the environment variable", nullProviderModel(), env, "ap-southeast-3", "the environment variable HW_SMS_ENDPOINT"},
		{"the site attribute", withSite, envFrom(nil), "ap-southeast-3",
			`the site "international" (site or HW_SMS_SITE); set endpoint or HW_SMS_ENDPOINT to use another`},
		{"the site's environment variable", nullProviderModel(), envFrom(map[string]string{"HW_SMS_SITE": "chinese-mainland"}), "cn-east-3",
			`the site "chinese-mainland" (site or HW_SMS_SITE); set endpoint or HW_SMS_ENDPOINT to use another`},
		{"the region's endpoint", nullProviderModel(), envFrom(nil), "ap-southeast-3",
			`the region "ap-southeast-3"; set endpoint or HW_SMS_ENDPOINT to use another`},
		{"a region without an endpoint: the default site", nullProviderModel(), envFrom(nil), "cn-east-3",
			`the default site "chinese-mainland", since neither site nor region names an SMS endpoint; set endpoint or HW_SMS_ENDPOINT to use another`},
	}
	for _, tc := range cases {
		if got := endpointSource(tc.m, tc.getenv, tc.region); got != tc.want {
			t.Errorf("%s: endpointSource = %q, want %q", tc.name, got, tc.want)
		}
	}
}
