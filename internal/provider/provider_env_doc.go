package provider

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

// providerEnvSettings is every provider argument with the environment variables
// resolveProviderConfig reads for it (the same conns.Env* lists) and its default, in
// the order the docs list them. The docs' table is rendered from it
// (TestProviderEnvVarTable), and a test fails when an argument of the schema is missing.
var providerEnvSettings = []struct {
	Attribute, Note, Default string
	Names                    []string
}{
	{"region", "", "none; any region works (see Endpoints)", conns.EnvRegion},
	{"access_key", "", "none", conns.EnvAccessKey},
	{"secret_key", "", "none", conns.EnvSecretKey},
	{"security_token", "", "none", conns.EnvSecurityToken},
	{"auth_token", "", "none", conns.EnvAuthToken},
	{"project_id", "", "none", conns.EnvProjectID},
	{"endpoint", "", "from `site`, else `region` (see Endpoints)", conns.EnvEndpoint},
	{"site", "`chinese-mainland` or `international`", "none (see Endpoints)", conns.EnvSite},
	{"api_model", "`current` or `seed`", "`" + conns.DefaultAPIModel + "`", conns.EnvAPIModel},
	{"insecure", "`true` or `false`", "`false`", conns.EnvInsecure},
	{"max_retries", "0 to 100", "`5`", conns.EnvMaxRetries},
}

// renderEnvVarTable is the docs' table of environment variables.
func renderEnvVarTable() string {
	var b strings.Builder
	b.WriteString("| Argument | Environment variables, in order of precedence | Default |\n|---|---|---|\n")
	for _, s := range providerEnvSettings {
		names := conns.EnvList(s.Names)
		if s.Note != "" {
			names += " (" + s.Note + ")"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", s.Attribute, names, s.Default)
	}
	return b.String()
}

// renderRegionTable is the docs' table of the regions that host an SMS endpoint.
func renderRegionTable() string {
	var b strings.Builder
	b.WriteString("| Region | Endpoint |\n|---|---|\n")
	regions := make([]string, 0, len(regionEndpoints))
	for r := range regionEndpoints {
		regions = append(regions, r)
	}
	slices.Sort(regions)
	for _, r := range regions {
		fmt.Fprintf(&b, "| `%s` | `%s` |\n", r, regionEndpoints[r])
	}
	return b.String()
}
