variable "task_id" {
  type = string
}

# Skip the consistency-check subtask of the task.
# Run it with: terraform apply -invoke=action.sms_migration_task_skip.web
action "sms_migration_task_skip" "web" {
  config {
    task_id = var.task_id
  }
}
