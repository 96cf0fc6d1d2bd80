package task_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
)

// TestAccMigrationTaskResource_full applies examples/full (every nested object of the
// seed populated), re-plans it empty, and imports it.
func TestAccMigrationTaskResource_full(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	full := regexp.MustCompile(`(?m)^provider "sms" \{\}\n`).ReplaceAllString(acctest.ReadExample(t, "full/main.tf"), "")
	full = strings.Replace(full, acctest.TestAccRequiredProviders, "", 1)
	const addr = "sms_migration_task.full"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckDestroy,
		Steps: []resource.TestStep{
			{
				Config: env.ProviderBlock + full,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("source_server").AtMapKey("disks").AtSliceIndex(0).AtMapKey("physical_volumes"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("source_server").AtMapKey("btrfs_list").AtSliceIndex(0).AtMapKey("subvolumn"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("source_server").AtMapKey("volume_groups").AtSliceIndex(0).AtMapKey("logical_volumes"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("source_server").AtMapKey("networks"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("target_server").AtMapKey("disks").AtSliceIndex(0).AtMapKey("physical_volumes").AtSliceIndex(0).AtMapKey("id"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("target_server").AtMapKey("volume_groups").AtSliceIndex(0).AtMapKey("logical_volumes"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("target_server").AtMapKey("networks"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("clone_server").AtMapKey("name"), knownvalue.StringExact("web-linux-01-drill")),
				},
			},
			{Config: env.ProviderBlock + full, PlanOnly: true},
			{ResourceName: addr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: ImportVerifyIgnore(env)},
		},
	})
}
