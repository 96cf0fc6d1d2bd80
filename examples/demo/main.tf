# The configuration scripts/demo.sh (make demo) applies against a local emulator.
# The source is pinned so the CLI's dev_overrides can point it at a local build.
terraform {
  required_providers {
    sms = {
      source = "sms-migration/sms"
    }
  }
}

variable "endpoint" {
  description = "The SMS endpoint; the demo passes the emulator's URL."
  type        = string
}

variable "speed_limit" {
  description = "The migration rate limit, in Mbit/s (0 means no limit)."
  type        = number
  default     = 100
}

# Region, keys and project come from HW_REGION_NAME, HW_ACCESS_KEY, HW_SECRET_KEY
# and HW_PROJECT_ID, which the demo sets to the emulator's defaults.
provider "sms" {
  endpoint = var.endpoint
}

resource "sms_migration_task" "demo" {
  name        = "demo-web-linux-01"
  type        = "MIGRATE_FILE"
  os_type     = "LINUX"
  speed_limit = var.speed_limit

  source_server = {
    id = "2b1f4c3e-7a8d-4e21-9f6a-3c5d8e0a1b02"
  }
}

output "task_id" {
  value = sms_migration_task.demo.id
}

output "state" {
  value = sms_migration_task.demo.state
}

output "speed_limit" {
  value = sms_migration_task.demo.speed_limit
}
