# Every Linux source server whose Agent is connected and that waits to be migrated.
data "sms_source_servers" "ready" {
  state     = "waiting"
  connected = true
}

output "ready_linux_servers" {
  value = { for s in data.sms_source_servers.ready.source_servers : s.name => s.ip if s.os_type == "LINUX" }
}
