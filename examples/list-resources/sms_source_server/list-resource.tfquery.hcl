# Terraform 1.14 and later, in a .tfquery.hcl file: every source server the SMS Agent
# registered (optionally filtered by id, name, state, ip, migration_cycle, connected,
# enterprise_project_id or migration_project_id: the API's own filters), to take them over
# with `terraform query -generate-config-out=sources.tf`.
list "sms_source_server" "all" {
  provider = sms
}
