variable "task_id" {
  description = "The ID of an existing SMS migration task."
  type        = string
}

# Reads one migration task by its ID: the same attributes as the sms_migration_task
# resource, from its settings to its status and subtasks.
data "sms_migration_task" "example" {
  id = var.task_id
}

output "task_state" {
  value = data.sms_migration_task.example.state
}

output "source_server_ip" {
  value = data.sms_migration_task.example.source_server.ip
}
