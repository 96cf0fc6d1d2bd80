# The source servers whose migration is in error, and why.
data "sms_source_server_errors" "all" {}

output "errors_by_server" {
  value = { for e in data.sms_source_server_errors.all.errors : e.name => try(jsondecode(e.error_json).error_code, e.error_json) }
}
