# Terraform 1.14 and later, in a .tfquery.hcl file: `terraform query` lists every
# migration task of the account; `terraform query -generate-config-out=tasks.tf` writes
# an import block and a configuration for each, which `terraform apply` imports.
list "sms_migration_task" "all" {
  provider = sms
}
