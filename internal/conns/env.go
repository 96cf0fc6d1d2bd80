package conns

import "strings"

// Environment fallbacks, in order of precedence, for each provider attribute.
var (
	EnvRegion        = []string{"HW_REGION_NAME"}
	EnvAccessKey     = []string{"HW_ACCESS_KEY", "HUAWEICLOUD_SDK_AK", "CLOUD_SDK_AK"}
	EnvSecretKey     = []string{"HW_SECRET_KEY", "HUAWEICLOUD_SDK_SK", "CLOUD_SDK_SK"}
	EnvSecurityToken = []string{"HW_SECURITY_TOKEN", "HUAWEICLOUD_SDK_SECURITY_TOKEN"}
	EnvAuthToken     = []string{"HW_AUTH_TOKEN"}
	EnvProjectID     = []string{"HW_PROJECT_ID", "HUAWEICLOUD_SDK_PROJECT_ID"}
	EnvEndpoint      = []string{"HW_SMS_ENDPOINT"}
	EnvInsecure      = []string{"HW_INSECURE"}
	EnvMaxRetries    = []string{"HW_MAX_RETRIES"}
)

func EnvList(names []string) string {
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
	APIModelSeed    = "seed"
	APIModelCurrent = "current"

	// defaultAPIModel is what the public service speaks today.
	DefaultAPIModel = APIModelCurrent
)

var APIModels = []string{APIModelSeed, APIModelCurrent}

var EnvAPIModel = []string{"HW_SMS_API_MODEL"}

var EnvSite = []string{"HW_SMS_SITE"}
