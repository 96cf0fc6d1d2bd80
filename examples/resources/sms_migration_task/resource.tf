# Configured from the environment (HW_REGION_NAME, HW_ACCESS_KEY, HW_SECRET_KEY,
# HW_PROJECT_ID, HW_SMS_ENDPOINT, ...); see the provider documentation.
provider "sms" {}

# A file-level migration of a registered Linux source server. Everything else
# (target server, region and project, priority, ...) takes its default or is
# filled in by the API.
resource "sms_migration_task" "example" {
  name    = "web-linux-01-migration"
  type    = "MIGRATE_FILE"
  os_type = "LINUX"

  source_server = {
    id = "2b1f4c3e-7a8d-4e21-9f6a-3c5d8e0a1b02"
  }
}
