# Driving a migration from Terraform: create the task, start it, and wait until the
# data is copied. The apply fails, with the task's error_json, if the migration fails.
# Transfer is limited to 100 Mbit/s during office hours.

terraform {
  required_providers {
    sms = {
      source = "sms-migration/sms"
    }
  }
}

# Configured from the environment (HW_REGION_NAME, HW_ACCESS_KEY, HW_SECRET_KEY,
# HW_PROJECT_ID, HW_SMS_ENDPOINT, ...); see the provider documentation.
provider "sms" {}

resource "sms_migration_task" "web" {
  name    = "web-linux-01-cutover"
  type    = "MIGRATE_FILE"
  os_type = "LINUX"

  source_server = {
    id = "2b1f4c3e-7a8d-4e21-9f6a-3c5d8e0a1b02"
  }

  # Run after the task is created, and again whenever this value changes
  # (e.g. "stop", then "restart").
  action              = "start"
  wait_for_completion = true

  speed_limit_windows = [
    { start = "08:00", end = "18:00", speed = 100 },
  ]

  timeouts = {
    create = "2h"
    update = "2h"
  }
}

output "state" {
  value = sms_migration_task.web.state # MIGRATE_SUCCESS once the apply returns
}
