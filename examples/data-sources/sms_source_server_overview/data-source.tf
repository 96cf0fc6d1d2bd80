# How many source servers are in each state.
data "sms_source_server_overview" "all" {}

# A check warns (it does not fail the run) when a source server is in error.
check "no_source_server_in_error" {
  assert {
    condition     = coalesce(data.sms_source_server_overview.all.error, 0) == 0
    error_message = "${data.sms_source_server_overview.all.error} source server(s) in error: see the sms_source_server_errors data source."
  }
}

output "migrated_servers" {
  value = data.sms_source_server_overview.all.finished
}
