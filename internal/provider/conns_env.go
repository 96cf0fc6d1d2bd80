package provider

import "strings"

// Environment fallbacks, in order of precedence, for each provider attribute.
var (
	envRegion        = []string{"HW_REGION_NAME"}
	envAccessKey     = []string{"HW_ACCESS_KEY", "HUAWEICLOUD_SDK_AK", "CLOUD_SDK_AK"}
	envSecretKey     = []string{"HW_SECRET_KEY", "HUAWEICLOUD_SDK_SK", "CLOUD_SDK_SK"}
	envSecurityToken = []string{"HW_SECURITY_TOKEN", "HUAWEICLOUD_SDK_SECURITY_TOKEN"}
	envAuthToken     = []string{"HW_AUTH_TOKEN"}
	envProjectID     = []string{"HW_PROJECT_ID", "HUAWEICLOUD_SDK_PROJECT_ID"}
	envEndpoint      = []string{"HW_SMS_ENDPOINT"}
	envInsecure      = []string{"HW_INSECURE"}
	envMaxRetries    = []string{"HW_MAX_RETRIES"}
)

func envList(names []string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = "`" + n + "`"
	}
	return strings.Join(quoted, ", ")
}

// The task API an endpoint speaks. The seed document (2024) and today's SDK (PutTaskReq
// since v0.1.186) disagree on the update body and on what ShowTask returns; the provider
// must know which one it talks to, since a key the other model lacks is silently
// ignored (or refused) by the service.
const (
	apiModelSeed    = "seed"
	apiModelCurrent = "current"

	// defaultAPIModel is what the public service speaks today.
	defaultAPIModel = apiModelCurrent
)

var apiModels = []string{apiModelSeed, apiModelCurrent}

var envAPIModel = []string{"HW_SMS_API_MODEL"}

var envSite = []string{"HW_SMS_SITE"}
