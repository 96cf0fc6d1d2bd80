package template_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/sms-migration/terraform-provider-sms/internal/acctest"
	"github.com/sms-migration/terraform-provider-sms/internal/testcheck"
)

const testAccTemplateAddress = "sms_server_template.test"

// testAccServerTemplateConfig is a template with every documented field; flavor and
// bandwidth vary so a step can change them in place.
func testAccServerTemplateConfig(name, flavor string, bandwidth int) string {
	return fmt.Sprintf(`
resource "sms_server_template" "test" {
  name               = %[1]q
  target_server_name = "%[1]s-vm"
  availability_zone  = "ap-southeast-3a"
  volume_type        = "SSD"
  data_volume_type   = "SAS"
  flavor             = %[2]q
  image_id           = "img-0001"
  vpc                = { id = "autoCreate", name = "autoCreate", cidr = "192.168.0.0/16" }
  nics               = [{ id = "autoCreate", name = "autoCreate", cidr = "192.168.0.0/24", ip = "192.168.0.20" }]
  security_groups    = [{ id = "autoCreate", name = "autoCreate" }]
  public_ip          = { type = "5_bgp", bandwidth_size = %[3]d, bandwidth_share_type = "PER" }
  disks = [
    { index = 0, name = "system", disktype = "SSD", size = 40, device_use = "OS" },
    { index = 1, name = "data", disktype = "SAS", size = 100 },
  ]
  target_password_wo         = "Target-Pa55word!"
  target_password_wo_version = 1
}
`, name, flavor, bandwidth)
}

func TestAccServerTemplateResource_basic(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckTemplatesDestroyed,
		Steps: []resource.TestStep{
			{
				Config: env.ProviderBlock + testAccServerTemplateConfig("tpl-web", "s6.large.2", 10),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTemplateAddress, tfjsonpath.New("id"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(testAccTemplateAddress, tfjsonpath.New("region"), knownvalue.StringExact(acctest.EmulatorRegion)),
					statecheck.ExpectKnownValue(testAccTemplateAddress, tfjsonpath.New("project_id"), knownvalue.StringExact(acctest.EmulatorProjectID)),
					statecheck.ExpectKnownValue(testAccTemplateAddress, tfjsonpath.New("is_template"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(testAccTemplateAddress, tfjsonpath.New("disks").AtSliceIndex(1).AtMapKey("size"), knownvalue.Int64Exact(100)),
					statecheck.ExpectKnownValue(testAccTemplateAddress, tfjsonpath.New("nics").AtSliceIndex(0).AtMapKey("ip"), knownvalue.StringExact("192.168.0.20")),
					// Write-only: sent, never stored.
					statecheck.ExpectKnownValue(testAccTemplateAddress, tfjsonpath.New("target_password_wo"), knownvalue.Null()),
				},
				Check: func(*terraform.State) error {
					posts := env.Requests(http.MethodPost, "/v3/vm/templates")
					if len(posts) != 1 || !strings.Contains(string(posts[0].Body), `"target_password":"Target-Pa55word!"`) {
						return fmt.Errorf("want one POST carrying the password, got %d: %v", len(posts), testcheck.Paths(posts))
					}
					return nil
				},
			},
			{
				ResourceName:      testAccTemplateAddress,
				ImportState:       true,
				ImportStateVerify: true,
				// Write-only values and their version never come back from the API.
				ImportStateVerifyIgnore: []string{"target_password_wo", "target_password_wo_version"},
			},
			{
				// Flavor and bandwidth change in place: one PUT of the whole template, the
				// write-only password included, then one GET.
				PreConfig: env.Emu.ResetJournal,
				Config:    env.ProviderBlock + testAccServerTemplateConfig("tpl-web", "s6.xlarge.2", 400),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testAccTemplateAddress, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccTemplateAddress, tfjsonpath.New("flavor"), knownvalue.StringExact("s6.xlarge.2")),
					statecheck.ExpectKnownValue(testAccTemplateAddress, tfjsonpath.New("public_ip").AtMapKey("bandwidth_size"), knownvalue.Int64Exact(400)),
				},
				Check: func(*terraform.State) error {
					puts := env.Requests(http.MethodPut, "/v3/vm/templates/")
					if len(puts) != 1 || !strings.Contains(string(puts[0].Body), `"flavor":"s6.xlarge.2"`) || !strings.Contains(string(puts[0].Body), `"target_password"`) {
						return fmt.Errorf("want one PUT with the new flavor and the password, got %d: %v", len(puts), testcheck.Paths(puts))
					}
					return env.NoWrites(http.MethodPost, http.MethodDelete)
				},
			},
			{
				// A refresh costs one GET.
				PreConfig:    env.Emu.ResetJournal,
				RefreshState: true,
				Check: func(*terraform.State) error {
					if n := len(env.Emu.Journal()); n != 1 || len(env.Requests(http.MethodGet, "/v3/vm/templates/")) != 1 {
						return fmt.Errorf("refresh made %d requests: %v", n, testcheck.Paths(env.Emu.Journal()))
					}
					return nil
				},
			},
		},
	})
}

func TestAccServerTemplateResource_disappears(t *testing.T) {
	env := acctest.NewAccEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckTemplatesDestroyed,
		Steps: []resource.TestStep{
			{
				Config: env.ProviderBlock + testAccServerTemplateConfig("tpl-gone", "s6.large.2", 10),
				Check: func(s *terraform.State) error {
					return env.Client.DeleteTemplate(testcheck.TestCtx(), s.RootModule().Resources[testAccTemplateAddress].Primary.ID)
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectResourceAction(testAccTemplateAddress, plancheck.ResourceActionCreate)},
				},
				ExpectNonEmptyPlan: true,
			},
		},
	})
}

func TestAccServerTemplateResource_badInput(t *testing.T) {
	env := acctest.NewAccEnv(t)
	env.RequireEmulator(t)
	cfg := func(body string) string {
		return fmt.Sprintf(`
resource "sms_server_template" "test" {
  %s
}
`, body)
	}
	env.TestBadInput(t, []acctest.BadInputCase{
		acctest.BadInput("name characters", cfg(`name = "web 01!"`), `Attribute name must contain only Chinese characters, letters, digits`, `got: web 01!`),
		acctest.BadInput("autoCreate not alone", cfg(`name = "t"
  security_groups = [{ id = "autoCreate", name = "a" }, { id = "sg-1", name = "b" }]`),
			`security_groups\[0\].id is "autoCreate"`, `must then be the only element of security_groups, which has 2`),
		acctest.BadInput("bandwidth step", cfg(`name = "t"
  public_ip = { type = "5_bgp", bandwidth_size = 333 }`),
			`Attribute public_ip.bandwidth_size must be 1 to 300, a multiple of 50 up to 1000`, `got: 333`),
		acctest.BadInput("bandwidth range", cfg(`name = "t"
  public_ip = { type = "5_bgp", bandwidth_size = 2500 }`),
			`Attribute public_ip.bandwidth_size value must be between 1 and 2000, got: 2500`),
		acctest.BadInput("nic cidr", cfg(`name = "t"
  nics = [{ id = "subnet-1", name = "s", cidr = "192.168.0.300/24" }]`),
			`Attribute nics\[0\].cidr must be an IPv4 CIDR block`, `got: "192.168.0.300/24"`),
		acctest.BadInput("nic ip", cfg(`name = "t"
  nics = [{ id = "subnet-1", name = "s", cidr = "192.168.0.0/24", ip = "2001:db8::1" }]`),
			`Attribute nics\[0\].ip must be an IPv4 address`),
		acctest.BadInput("disk size", cfg(`name = "t"
  disks = [{ index = 0, name = "d", disktype = "SSD", size = 0 }]`),
			`Attribute disks\[0\].size value must be at least 1, got: 0`),
		acctest.BadInput("disk missing name", cfg(`name = "t"
  disks = [{ index = 0, disktype = "SSD", size = 10 }]`),
			`Inappropriate value for attribute "disks": element 0: attribute "name" is required`),
	})
}

func TestAccServerTemplatesDataSource_basic(t *testing.T) {
	env := acctest.NewAccEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.TestAccProtoV6ProviderFactories,
		CheckDestroy:             env.CheckTemplatesDestroyed,
		Steps: []resource.TestStep{
			{
				Config: env.ProviderBlock + testAccServerTemplateConfig("tpl-listed", "s6.large.2", 10) + `
data "sms_server_templates" "by_name" {
  name = sms_server_template.test.name
}
`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.sms_server_templates.by_name", tfjsonpath.New("templates"), knownvalue.ListSizeExact(1)),
					statecheck.ExpectKnownValue("data.sms_server_templates.by_name", tfjsonpath.New("templates").AtSliceIndex(0).AtMapKey("flavor"), knownvalue.StringExact("s6.large.2")),
					statecheck.ExpectKnownValue("data.sms_server_templates.by_name", tfjsonpath.New("templates").AtSliceIndex(0).AtMapKey("disks").AtSliceIndex(0).AtMapKey("name"), knownvalue.StringExact("system")),
					statecheck.CompareValuePairs("data.sms_server_templates.by_name", tfjsonpath.New("ids").AtSliceIndex(0),
						testAccTemplateAddress, tfjsonpath.New("id"), compare.ValuesSame()),
				},
			},
		},
	})
}
