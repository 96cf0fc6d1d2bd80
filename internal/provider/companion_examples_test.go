package provider_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/client"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

// TestAccCompanionExamples applies the documentation examples of sms_server_template,
// sms_source_server, sms_source_servers, sms_migration_task_passphrase and
// sms_server_templates against the emulator.
func TestAccCompanionExamples(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	acctest.WithEmulatorEnv(t, env)
	// A template made outside Terraform, for the template list example to find.
	zone := "ap-southeast-3a"
	if _, err := env.Client.CreateTemplate(testcheck.TestCtx(), &client.Template{Name: "db-target", AvailabilityZone: &zone}); err != nil {
		t.Fatal(err)
	}
	// A task made outside Terraform, whose passphrase the passphrase example reads.
	taskID := acctest.CreateTask(t, env, "web-linux-01-passphrase", acctest.EmulatorLinuxSrc)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy: func(s *terraform.State) error {
			if err := env.CheckDestroy(s); err != nil {
				return err
			}
			return env.CheckTemplatesDestroyed(s)
		},
		Steps: []resource.TestStep{
			{
				Config:          acctest.ReadExample(t, "resources/sms_server_template/resource.tf"),
				ConfigVariables: config.Variables{"target_password": config.StringVariable("Example-Pa55word!")},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("sms_server_template.web", tfjsonpath.New("target_server_name"), knownvalue.StringExact("web-01")),
					statecheck.ExpectKnownValue("sms_server_template.web", tfjsonpath.New("disks"), knownvalue.ListSizeExact(2)),
				},
			},
			{
				ResourceName: "sms_server_template.web", ImportState: true, ImportStateVerify: true,
				ConfigVariables:         config.Variables{"target_password": config.StringVariable("Example-Pa55word!")},
				ImportStateVerifyIgnore: []string{"target_password_wo", "target_password_wo_version"},
			},
			{
				Config: acctest.ReadExample(t, "data-sources/sms_source_server/data-source.tf"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("source_disks", knownvalue.MapExact(map[string]knownvalue.Check{
						"/dev/vda": knownvalue.Int64Exact(42949672960), "/dev/vdb": knownvalue.Int64Exact(107374182400),
					})),
					statecheck.ExpectKnownOutputValue("lvm_volume_groups", knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("centos")})),
					statecheck.ExpectKnownValue("sms_migration_task.web", tfjsonpath.New("target_server").AtMapKey("disks"), knownvalue.ListSizeExact(2)),
				},
			},
			{
				Config: acctest.ReadExample(t, "data-sources/sms_source_servers/data-source.tf"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("ready_linux_servers", knownvalue.MapExact(map[string]knownvalue.Check{
						"web-linux-01": knownvalue.StringExact("10.0.0.21"), "fail-linux-01": knownvalue.StringExact("10.0.0.31"),
					})),
				},
			},
			{
				Config:          acctest.ReadExample(t, "data-sources/sms_migration_task_passphrase/data-source.tf"),
				ConfigVariables: config.Variables{"task_id": config.StringVariable(taskID)},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectSensitiveValue("data.sms_migration_task_passphrase.web", tfjsonpath.New("passphrase")),
					statecheck.ExpectKnownValue("data.sms_migration_task_passphrase.web", tfjsonpath.New("passphrase"), knownvalue.NotNull()),
				},
			},
			{
				Config: acctest.ReadExample(t, "data-sources/sms_server_templates/data-source.tf"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("template_names", knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("db-target")})),
				},
			},
		},
	})
}
