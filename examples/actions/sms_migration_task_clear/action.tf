variable "task_id" {
  type = string
}

# Clean up the task's snapshot resources (the API does not say which snapshots).
# Run it with: terraform apply -invoke=action.sms_migration_task_clear.web
action "sms_migration_task_clear" "web" {
  config {
    task_id = var.task_id
  }
}
