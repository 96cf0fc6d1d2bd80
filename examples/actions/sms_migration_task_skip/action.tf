variable "task_id" {
  type = string
}

# Skip the step the task is in.
# Run it with: terraform apply -invoke=action.sms_migration_task_skip.web
action "sms_migration_task_skip" "web" {
  config {
    task_id = var.task_id
  }
}
