# The target-VM templates of one availability zone.
data "sms_server_templates" "zone_a" {
  availability_zone = "ap-southeast-3a"
}

output "template_names" {
  value = [for t in data.sms_server_templates.zone_a.templates : t.name]
}
