variable "task_id" {
  type = string
}

# Start the target server for a test.
# Run it with: terraform apply -invoke=action.sms_migration_task_test.web
action "sms_migration_task_test" "web" {
  config {
    task_id = var.task_id
  }
}
