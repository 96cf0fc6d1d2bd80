# A source server cannot be created through the API: the SMS Agent on the server registers
# it. This takes over the registered server, renames it and moves it into a migration
# project. Destroying it deletes the server's record from SMS (refused while one of its
# migration tasks runs); only the Agent can register it again.
variable "source_server_id" {
  type        = string
  description = "The ID the Agent got when it registered the server (see the sms_source_servers data source)."
}

resource "sms_migration_project" "wave1" {
  name = "wave-1"
  type = "MIGRATE_FILE"
}

resource "sms_source_server" "web" {
  id                   = var.source_server_id
  name                 = "web-01-wave1"
  migration_project_id = sms_migration_project.wave1.id
}

output "web" {
  value = "${sms_source_server.web.name} (${sms_source_server.web.os_type}, ${sms_source_server.web.ip}) is ${sms_source_server.web.state}"
}
