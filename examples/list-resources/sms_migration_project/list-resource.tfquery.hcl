# Terraform 1.14 and later, in a .tfquery.hcl file: every migration project of the
# account (the API takes no filter).
list "sms_migration_project" "all" {
  provider = sms
}
