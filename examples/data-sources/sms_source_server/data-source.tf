# A source server registered by its SMS Agent, found by name, with its disks, volumes,
# NICs and the target layout SMS recommends for it.
data "sms_source_server" "web" {
  name = "web-linux-01"
}

# The recommended layout is a task's target_server as it stands: add a name and go.
resource "sms_migration_task" "web" {
  name          = "web-linux-01-migration"
  type          = "MIGRATE_FILE"
  os_type       = data.sms_source_server.web.os_type
  source_server = { id = data.sms_source_server.web.id }
  target_server = merge(data.sms_source_server.web.init_target_server, { name = "web-01" })
}

output "source_disks" {
  value = { for d in data.sms_source_server.web.disks : d.name => d.size }
}

output "lvm_volume_groups" {
  value = [for vg in data.sms_source_server.web.volume_groups : vg.name]
}
