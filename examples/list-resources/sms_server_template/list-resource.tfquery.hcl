# Terraform 1.14 and later, in a .tfquery.hcl file: every target-VM template of the
# account (optionally filtered by id, name, availability_zone or region).
list "sms_server_template" "all" {
  provider = sms
}
