variable "task_id" {
  type = string
}

# The passphrase of the task's secure-channel certificate, read when Terraform needs it
# and never written to the plan or the state (Terraform 1.10 or later). Use it where
# Terraform accepts an ephemeral value: a provider block, a write-only argument, a
# local or an ephemeral output.
ephemeral "sms_migration_task_passphrase" "web" {
  task_id = var.task_id
}

locals {
  agent_certificate_passphrase = ephemeral.sms_migration_task_passphrase.web.passphrase
}
