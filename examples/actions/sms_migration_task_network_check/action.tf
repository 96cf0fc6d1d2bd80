variable "task_id" {
  type = string
}

# Check the network between the source server and Huawei Cloud.
# Run it with: terraform apply -invoke=action.sms_migration_task_network_check.web
action "sms_migration_task_network_check" "web" {
  config {
    task_id = var.task_id
  }
}
