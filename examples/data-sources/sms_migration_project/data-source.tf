# One migration project, by name (or by id).
data "sms_migration_project" "default" {
  name = "default"
}

output "default_project" {
  value = "${data.sms_migration_project.default.name}: ${data.sms_migration_project.default.type} to ${data.sms_migration_project.default.region}"
}
