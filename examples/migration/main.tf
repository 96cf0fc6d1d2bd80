# A whole migration written with this provider alone: look the source server up by
# name, describe where SMS creates the target server, create the task with the target
# layout SMS recommends, start it, wait until the data is copied and show the progress.
# If the migration fails, the apply exits non-zero through the postcondition below (the
# provider itself only warns in the apply that creates the task: an error there would
# taint the task, and the next apply would replace it). The task stays in state, untainted.

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

# The server to migrate, as its SMS Agent registered it.
data "sms_source_server" "web" {
  name = var.source_server_name
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
  name           = "${var.source_server_name}-cutover"
  type           = "MIGRATE_FILE"
  os_type        = data.sms_source_server.web.os_type
  vm_template_id = sms_server_template.web.id

  source_server = { id = data.sms_source_server.web.id }

  # The disks, partitions and LVM volume groups SMS recommends for this source.
  target_server = merge(data.sms_source_server.web.init_target_server, {
    name = sms_server_template.web.target_server_name
  })

  # Advanced settings the Agent reads: skip caches, and keep it to half a CPU.
  configurations = [
    { config_key = "MIGRATE_EXCLUDE_DIR", config_value = "/tmp,/var/cache" },
    { config_key = "LINUX_CPU_LIMIT", config_value = "50" },
  ]

  # Run after the task is created, and again whenever this value changes
  # (e.g. "stop", then "restart").
  action              = "start"
  wait_for_completion = true

  # Transfer is limited to 100 Mbit/s during office hours.
  speed_limit_windows = [
    { start = "08:00", end = "18:00", speed = 100 },
  ]

  timeouts = {
    create = "2h"
    update = "2h"
  }

  # Fail the apply, and the CI pipeline that runs it, when the migration failed. A failed
  # postcondition does not taint the task: the next plan proposes the action again (set
  # action = "restart" to retry it) and never replaces the task.
  lifecycle {
    postcondition {
      condition     = !contains(["MIGRATE_FAIL", "SYNC_FAIL"], self.state)
      error_message = "The migration of ${self.name} failed (state ${self.state}): ${coalesce(self.error_json, "no error_json")}"
    }
  }
}

output "state" {
  value = sms_migration_task.web.state # MIGRATE_SUCCESS once the apply returns
}

output "progress" {
  description = "Each subtask of the migration and how far it got, in percent."
  value       = { for s in sms_migration_task.web.sub_tasks : s.name => s.progress }
}

output "target_disks" {
  value = [for d in sms_migration_task.web.target_server.disks : "${d.name}: ${d.size} bytes"]
}
