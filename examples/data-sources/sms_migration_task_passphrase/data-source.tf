variable "task_id" {
  type = string
}

# The passphrase of the task's secure-channel certificate, for the Agent's secure
# channel. Sensitive: hidden in plans and output.
data "sms_migration_task_passphrase" "web" {
  task_id = var.task_id
}

output "agent_certificate_passphrase" {
  value     = data.sms_migration_task_passphrase.web.passphrase
  sensitive = true
}
