package main

import (
	"fmt"
	"strings"

	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
)

// officialAddress is the official provider's address, the key of its
// TF_REATTACH_PROVIDERS entry.
const officialAddress = "registry.terraform.io/huaweicloud/huaweicloud"

// officialDomainID is any domain ID: given one, the official provider does not ask IAM
// for it when it configures.
const officialDomainID = "0123456789abcdef0123456789abcdef"

// officialTemplateID names a VM template for the official tasks. huaweicloud_sms_task
// needs exactly one of target_server_id and vm_template_id; target_server_id makes it
// read the server from ECS (another endpoint) at create, vm_template_id is only sent
// along, and the service (and the emulator's current model) then takes a target_server
// without name and vm_id.
const officialTemplateID = "c1bd67b6-1caa-403e-9e32-81d2feafcda9"

// officialTasksConfig is n huaweicloud_sms_task resources equivalent to the minimal
// sms_migration_task of scaleTasksConfig (same type, OS type and source server; the
// official resource has no name argument), and a provider block that points the official
// provider at the emulator at emuURL and asks nothing of any other endpoint at configure:
// the project and domain IDs are given (no IAM look-up), the identity endpoint is the
// emulator's (any IAM call would reach it, and show in its journal), and the
// website-type and upgrade checks are off. The access and secret keys come from the
// provider process's environment (HW_ACCESS_KEY, HW_SECRET_KEY).
//
// use_public_ip is set false: the resource defaults it to true and reads it back from
// ShowTask, whose documented reply has no use_public_ip, so left out it reads false after
// the create and every plan would replace every task. False is also left out of the
// create body (the provider drops empty values), as this provider's minimal task leaves it.
func officialTasksConfig(n int, emuURL string) string {
	base := strings.TrimSuffix(emuURL, "/")
	return fmt.Sprintf(`terraform {
  required_providers {
    huaweicloud = { source = "huaweicloud/huaweicloud" }
  }
}

provider "huaweicloud" {
  region                  = %q
  project_id              = %q
  domain_id               = %q
  auth_url                = "%s/v3"
  skip_check_website_type = true
  skip_check_upgrade      = true
  endpoints = {
    sms = "%s/"
  }
}

resource "huaweicloud_sms_task" "t" {
  count            = %d
  type             = "MIGRATE_FILE"
  os_type          = "LINUX"
  source_server_id = %q
  vm_template_id   = %q
  use_public_ip    = false
}
`, emulator.DefaultRegion, emulator.DefaultProjectID, officialDomainID, base, base, n, benchSourceServerID, officialTemplateID)
}

// officialProviderEnv is the official provider's environment: the emulator's default
// keys, and nothing of the user's (cleanEnv drops HW_*, HUAWEICLOUD_* and TF_*; OS_*
// variables, which it also reads, are dropped here).
func officialProviderEnv() []string {
	var env []string
	for _, kv := range cleanEnv() {
		if !strings.HasPrefix(kv, "OS_") {
			env = append(env, kv)
		}
	}
	return append(env, "HW_ACCESS_KEY="+emulator.DefaultAccessKey, "HW_SECRET_KEY="+emulator.DefaultSecretKey)
}
