variable "task_id" {
  type = string
}

# Clear the resources a test left behind.
# Run it with: terraform apply -invoke=action.sms_migration_task_clear.web
action "sms_migration_task_clear" "web" {
  config {
    task_id = var.task_id
  }
}
