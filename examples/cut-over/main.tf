# A migration from discovery to cut-over, in two applies:
#
#   1. terraform apply
#      Finds the source server, describes the target, creates the task with a consistency
#      check and starts it; the apply returns when the data is copied (MIGRATE_SUCCESS).
#      With start_target_server = true SMS launches the target server then.
#   2. terraform apply -var cut_over=true
#      Reads the consistency-check results the SMS Agent reported; the plan fails unless
#      every checked directory matches. Then runs the operation `clear` on the task, which
#      the API documents as cleaning up the task's snapshot resources.
#
# See the cut-over guide for what each operation after MIGRATE_SUCCESS does.
# It runs on every CLI (the task's `action` attribute); with Terraform 1.14 or later the
# actions sms_migration_task_* can run the same operations instead.

terraform {
  required_providers {
    sms = {
      source = "sms-migration/sms"
    }
  }
}

# Configured from the environment (HW_REGION_NAME, HW_ACCESS_KEY, HW_SECRET_KEY,
# HW_PROJECT_ID, HW_SMS_ENDPOINT, ...); see the provider documentation.
provider "sms" {}

variable "source_server_name" {
  type    = string
  default = "web-linux-01"
}

variable "cut_over" {
  description = "Set to true once the migration has succeeded: check the copy, then clean up."
  type        = bool
  default     = false
}

# Discovery: the source servers whose Agent is connected, and the details of the one
# to migrate.
data "sms_source_servers" "connected" {
  connected = true
}

locals {
  source_server_id = one([for s in data.sms_source_servers.connected.source_servers : s.id if s.name == var.source_server_name])
}

data "sms_source_server" "web" {
  id = local.source_server_id
}

# Where SMS creates the target: a new VPC, subnet and security group in zone a.
resource "sms_server_template" "web" {
  name               = "${var.source_server_name}-target"
  target_server_name = "${var.source_server_name}-hwc"
  availability_zone  = "ap-southeast-3a"
  flavor             = "s6.large.2"
  volume_type        = "SSD"

  vpc             = { id = "autoCreate", name = "autoCreate" }
  nics            = [{ id = "autoCreate", name = "autoCreate", cidr = "192.168.0.0/24" }]
  security_groups = [{ id = "autoCreate", name = "autoCreate" }]
}

resource "sms_migration_task" "web" {
  name           = "${var.source_server_name}-migration"
  type           = "MIGRATE_FILE"
  os_type        = data.sms_source_server.web.os_type
  vm_template_id = sms_server_template.web.id

  source_server = { id = data.sms_source_server.web.id }
  target_server = merge(data.sms_source_server.web.init_target_server, {
    name = sms_server_template.web.target_server_name
  })

  # Launch the target server when the copy is done (the API's default, spelled out).
  start_target_server = true
  # A consistency check: the Agent reports, per directory, whether source and target match.
  is_need_consistency_check = true
  configurations = [
    { config_key = "CONSISTENCY_DIR", config_value = "/,/data" },
  ]

  # First apply: start and wait until the data is copied. Second apply: clean up.
  action              = var.cut_over ? "clear" : "start"
  wait_for_completion = true

  timeouts = {
    create = "4h"
    update = "1h"
  }

  # Fail the apply when the migration failed; the task stays in state, untainted.
  lifecycle {
    postcondition {
      condition     = !contains(["MIGRATE_FAIL", "SYNC_FAIL"], self.state)
      error_message = "The migration of ${self.name} failed (state ${self.state}): ${coalesce(self.error_json, "no error_json")}"
    }
  }
}

# The check before the cut-over step. Its task ID comes from the source server (its
# current task), not from sms_migration_task.web: Terraform reads a data source that
# depends on a resource with planned changes only during the apply, after the operation
# ran. Read this way it is read during the plan, and a failed postcondition stops the
# plan before anything changes.
data "sms_migration_task_consistency_results" "web" {
  count   = var.cut_over ? 1 : 0
  task_id = try(data.sms_source_server.web.current_task.id, null)

  lifecycle {
    precondition {
      condition     = data.sms_source_server.web.current_task != null
      error_message = "${var.source_server_name} has no migration task yet: apply without cut_over first."
    }
    postcondition {
      condition = self.consistent == true
      error_message = (self.consistent == null
        ? "SMS has no complete consistency-check result for task ${self.task_id} yet: wait for the Agent's check, then apply again."
        : "The copy differs from the source in ${join(", ", [for r in self.results : r.dir_check if coalesce(r.num_different_files, 0) + coalesce(r.num_target_miss_files, 0) + coalesce(r.num_target_more_files, 0) > 0])}: not cutting over."
      )
    }
  }
}

# After the cut-over: how many source servers are done, and which ones are in error.
data "sms_source_server_overview" "all" {}

check "no_source_server_in_error" {
  assert {
    condition     = coalesce(data.sms_source_server_overview.all.error, 0) == 0
    error_message = "${data.sms_source_server_overview.all.error} source server(s) in error: see the sms_source_server_errors data source."
  }
}

output "state" {
  value = sms_migration_task.web.state
}

output "target_server" {
  description = "The target server SMS created and launched."
  value       = { name = sms_migration_task.web.target_server.name, vm_id = sms_migration_task.web.target_server.vm_id }
}

output "checked_directories" {
  description = "Files checked per directory (after the cut-over step)."
  value       = { for r in flatten(data.sms_migration_task_consistency_results.web[*].results) : r.dir_check => r.num_total_files }
}

output "source_server" {
  description = "The source server's state and migration cycle as its Agent reports them, e.g. finished and cutovered once the target is launched."
  value       = { state = data.sms_source_server.web.state, migration_cycle = data.sms_source_server.web.migration_cycle }
}
