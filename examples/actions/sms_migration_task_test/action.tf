variable "task_id" {
  type = string
}

# Run the `test` operation (the API documents it only as "Test"; see the cut-over guide).
# Run it with: terraform apply -invoke=action.sms_migration_task_test.web
action "sms_migration_task_test" "web" {
  config {
    task_id = var.task_id
  }
}
