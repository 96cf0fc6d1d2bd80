# Configured from the environment (HW_REGION_NAME, HW_ACCESS_KEY, HW_SECRET_KEY,
# HW_PROJECT_ID, HW_SMS_ENDPOINT, ...); see the provider documentation.
provider "sms" {}

# Start the migration as soon as the task is created, and wait until the data is
# copied: the apply shows the progress (sub-task, percent, speed, remaining time) and
# exits non-zero if the migration fails. The task is never tainted or replaced by a
# failed action; the next plan leaves it alone.
resource "sms_migration_task" "web" {
  name    = "web-linux-01-migration"
  type    = "MIGRATE_FILE"
  os_type = "LINUX"

  source_server = {
    id = "2b1f4c3e-7a8d-4e21-9f6a-3c5d8e0a1b02"
  }

  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.sms_migration_task_start.web]
    }
  }
}

# Also run on demand: terraform apply -invoke=action.sms_migration_task_start.web
action "sms_migration_task_start" "web" {
  config {
    task_id = sms_migration_task.web.id
    wait    = true
    timeout = "2h"
  }
}
