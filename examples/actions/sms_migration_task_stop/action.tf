variable "task_id" {
  type = string
}

# Stop (pause) a running migration and wait until it has stopped (ABORT).
# Run it with: terraform apply -invoke=action.sms_migration_task_stop.web
action "sms_migration_task_stop" "web" {
  config {
    task_id = var.task_id
    timeout = "10m"
  }
}
