package task_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// TestAccMigrationTaskResource_badInput plans one bad value of each kind of validator
// through the real CLI and asserts the message names the attribute and what is allowed.
// None of them may reach the API: the emulator's journal must hold no write afterwards.
func TestAccMigrationTaskResource_badInput(t *testing.T) {
	env := acctest.NewAccEnv(t)
	// task builds a configuration; source is extra source_server content, extra extra
	// top-level arguments, name the task name.
	task := func(name, taskType, source, extra string) string {
		return env.ProviderBlock + fmt.Sprintf(`
resource "sms_migration_task" "test" {
  name          = %q
  type          = %q
  os_type       = "LINUX"
  source_server = { id = %q %s }
%s
}
`, name, taskType, env.SourceServerID, source, extra)
	}
	ok := func(extra string) string { return task("task-bad", "MIGRATE_FILE", "", extra) }
	src := func(source string) string { return task("task-bad", "MIGRATE_FILE", ", "+source, "") }
	lv := `{ name = "lv", file_system = "xfs", inode_size = 0, mount_point = "/", size = 0, used_size = 0, free_size = 0 }`
	manyLVs := strings.TrimSuffix(strings.Repeat(lv+",", 256), ",")
	manyVGs := strings.TrimSuffix(strings.Repeat(`{ name = "vg" },`, 51), ",")

	type badInput struct {
		name   string
		config string
		want   *regexp.Regexp
	}
	cases := []badInput{
		{"string enum", task("task-bad", "migrate_file", "", ""), testcheck.ErrorPattern(`Attribute type value must be one of`, `MIGRATE_FILE`, `MIGRATE_BLOCK`)},
		{"int range", ok(`speed_limit = 10001`), testcheck.ErrorPattern(`Attribute speed_limit value must be between 0 and 10000, got: 10001`)},
		{"string length", task(strings.Repeat("a", 256), "MIGRATE_FILE", "", ""), testcheck.ErrorPattern(`Attribute name UTF-8 character count must be between 1 and 255, got: 256`)},
		{"name characters", task("bad name!", "MIGRATE_FILE", "", ""), testcheck.ErrorPattern(`Attribute name`, `letters, digits`)},
		{"nested enum", ok(`target_server = { name = "t", vm_id = "", firmware = "bios" }`), testcheck.ErrorPattern(`Attribute target_server.firmware value must be one of`, `BIOS`, `UEFI`)},
		{"deep nested range", ok(`target_server = { name = "t", vm_id = "", disks = [{ physical_volumes = [{ index = -1 }] }] }`),
			testcheck.ErrorPattern(`Attribute target_server.disks\[0\].physical_volumes\[0\].index value must be between 0 and 2147483647, got: -1`)},
		{"4294967296 maximum", src(`disks = [{ name = "d", device_use = "OS", size = 1, used_size = 1, physical_volumes = [], inode_size = 4294967297 }]`),
			testcheck.ErrorPattern(`Attribute source_server.disks\[0\].inode_size value must be between 0 and 4294967296, got: 4294967297`)},
		{"array size", ok(`target_server = { name = "t", vm_id = "", volume_groups = [{ logical_volumes = [` + manyLVs + `] }] }`),
			testcheck.ErrorPattern(`Attribute target_server.volume_groups\[0\].logical_volumes list must contain at most 255 elements, got: 256`)},
		{"long error_msg", ok(fmt.Sprintf(`clone_server = { error_msg = %q }`, strings.Repeat("e", 1025))),
			testcheck.ErrorPattern(`Attribute clone_server.error_msg string length must be at most 1024, got: 1025`)},
		{"migration_ip family", ok(`migration_ip = "2001:db8::1"`), testcheck.ErrorPattern(`migration_ip`, `IPv4`, `use_ipv6`)},
		{"float minimum", ok(`over_speed_threshold = -0.5`), testcheck.ErrorPattern(`Attribute over_speed_threshold value must be at least 0.000000, got: -0.500000`)},
		{"past the 64-bit maximum, nested", ok(`target_server = { name = "t", vm_id = "", disks = [{ physical_volumes = [{ free_size = 9223372036854775808 }] }] }`),
			testcheck.ErrorPattern(`Attribute target_server.disks\[0\].physical_volumes\[0\].free_size value must be at least 0, and a whole number no\s+larger than 9223372036854775807 \(a 64-bit integer\), got: 9223372036854775808`)},
		{"missing mandatory element field", src(`networks = [{ name = "eth0", ip = "192.0.2.1", netmask = "255.255.255.0", gateway = "192.0.2.254" }]`),
			testcheck.ErrorPattern(`attribute "mac" is required`)},
	}
	// What only the environment's API model refuses: the schema holds the looser limit of
	// the two models (migrationTaskLimits), the plan the model's own, naming both.
	modelCases := map[string][]badInput{
		conns.APIModelSeed: {
			{"seed's limit", ok(`priority = 3`),
				testcheck.CLIText(`Attribute priority must be 0 to 2 under api_model "seed" (0 to 65535 under "current"), got 3.`)},
			{"seed's source states", src(`state = "skipping"`),
				testcheck.CLIText(`Attribute source_server.state must be one of "unavailable"`, `under api_model "seed"`, `got "skipping".`)},
			{"seed's mandatory member", ok(`target_server = { name = "t", vm_id = "", networks = [{ ip = "192.0.2.1", netmask = "255.255.255.0", gateway = "192.0.2.254", mac = "fa:16:3e:00:00:01" }] }`),
				testcheck.CLIText(`Attribute target_server.networks[0].name is required under api_model "seed" (optional under "current").`)},
		},
		conns.APIModelCurrent: {
			{"today's limit", ok(`speed_limit = 1001`),
				testcheck.CLIText(`Attribute speed_limit must be 0 to 1000 under api_model "current" (0 to 10000 under "seed"), got 1001.`)},
			{"today's name", task(strings.Repeat("a", 65), "MIGRATE_FILE", "", ""),
				testcheck.CLIText(`Attribute name must be 1 to 64 characters under api_model "current" (1 to 255 characters;`, `got 65 characters.`)},
			{"today's 50 volume groups on create", ok(`target_server = { name = "t", vm_id = "", volume_groups = [` + manyVGs + `] }`),
				testcheck.CLIText(`Attribute target_server.volume_groups must have at most 50 items under api_model "current" (at most 65535 items under "seed"), got 51 items.`)},
			{"today's source server name", src(fmt.Sprintf(`name = %q`, strings.Repeat("s", 65))),
				testcheck.CLIText(`Attribute source_server.name must be 1 to 64 characters under api_model "current" (at most 255 characters under "seed"), got 65 characters.`)},
			{"today's first MAC", ok(`target_server = { name = "t", vm_id = "", networks = [{ mac = "" }, { mac = "" }] }`),
				testcheck.CLIText(`Attribute target_server.networks[0].mac must be 1 to 255 characters under api_model "current" (at most 255 characters under "seed"), got "".`)},
		},
	}
	if len(modelCases[env.APIModel]) == 0 {
		t.Fatalf("no model-only cases for api_model %q", env.APIModel)
	}
	cases = append(cases, modelCases[env.APIModel]...)

	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{Config: c.config, PlanOnly: true, ExpectError: c.want})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		Steps:                    steps,
	})
	if env.Emu != nil {
		for _, e := range env.Emu.Journal() {
			if e.Method != http.MethodGet {
				t.Errorf("bad input reached the API: %s %s", e.Method, e.Path)
			}
		}
	}
}
