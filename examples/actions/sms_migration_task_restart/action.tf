variable "task_id" {
  type = string
}

# Restart a migration, for example after it failed (MIGRATE_FAIL), and wait until
# the data is copied, showing the progress.
# Run it with: terraform apply -invoke=action.sms_migration_task_restart.web
action "sms_migration_task_restart" "web" {
  config {
    task_id = var.task_id
    wait    = true
    timeout = "2h"
  }
}
