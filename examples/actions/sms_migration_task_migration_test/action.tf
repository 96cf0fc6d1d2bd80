variable "task_id" {
  type = string
}

# Run a migration drill.
# Run it with: terraform apply -invoke=action.sms_migration_task_migration_test.web
action "sms_migration_task_migration_test" "web" {
  config {
    task_id = var.task_id
  }
}
