variable "task_id" {
  type = string
}

# Clone the target server for a test and wait until the clone is ready
# (clone_server.clone_state FINISHED).
# Run it with: terraform apply -invoke=action.sms_migration_task_clone_test.web
action "sms_migration_task_clone_test" "web" {
  config {
    task_id = var.task_id
    timeout = "30m"
  }
}
