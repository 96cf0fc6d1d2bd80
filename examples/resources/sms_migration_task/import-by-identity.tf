# Terraform 1.12 and later: adopt an existing migration task by its identity (its task
# ID), e.g. from a `terraform query` result. The resource block describes the task as it is.
import {
  to = sms_migration_task.example
  identity = {
    id = "3f2c5a1e-8b4d-4c6f-9e7a-1d2b3c4d5e6f"
  }
}

resource "sms_migration_task" "example" {
  name    = "web-linux-01-migration"
  type    = "MIGRATE_FILE"
  os_type = "LINUX"

  source_server = {
    id = "2b1f4c3e-7a8d-4e21-9f6a-3c5d8e0a1b02"
  }
}
