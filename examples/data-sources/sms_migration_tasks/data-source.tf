# Every task migrating the source server web-linux-01 that is running now. All filters
# are optional; without any, every task of the project is listed.
data "sms_migration_tasks" "running" {
  state            = "RUNNING"
  source_server_id = "2b1f4c3e-7a8d-4e21-9f6a-3c5d8e0a1b02"
}

output "running_task_ids" {
  value = data.sms_migration_tasks.running.ids
}

output "running_task_names" {
  value = [for task in data.sms_migration_tasks.running.tasks : task.name]
}
