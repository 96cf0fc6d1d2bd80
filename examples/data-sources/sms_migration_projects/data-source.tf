# Every migration project of the account, and the default one new sources register into.
data "sms_migration_projects" "all" {}

output "projects" {
  value = { for p in data.sms_migration_projects.all.migration_projects : p.name => p.type }
}

output "default_project_id" {
  value = data.sms_migration_projects.all.default_id
}
