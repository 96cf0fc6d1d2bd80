# Terraform 1.14 and later, in a .tfquery.hcl file: only the migration tasks of one
# source server (the filters are the API's own: state, name, id, source_server_id,
# enterprise_project_id).
list "sms_migration_task" "web_linux_01" {
  provider = sms
  config {
    source_server_id = "2b1f4c3e-7a8d-4e21-9f6a-3c5d8e0a1b02"
  }
}
