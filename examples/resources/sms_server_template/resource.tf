# Where SMS creates the target server: an auto-created VPC, subnet and security group,
# a 100 Mbit/s EIP for a migration over the public network, and two disks.
variable "target_password" {
  type      = string
  sensitive = true
  default   = null # the target keeps the image's password when unset
}

resource "sms_server_template" "web" {
  name               = "web-target"
  target_server_name = "web-01"
  availability_zone  = "ap-southeast-3a"
  flavor             = "s6.large.2"
  volume_type        = "SSD"

  vpc             = { id = "autoCreate", name = "autoCreate" }
  nics            = [{ id = "autoCreate", name = "autoCreate", cidr = "192.168.0.0/24" }]
  security_groups = [{ id = "autoCreate", name = "autoCreate" }]
  public_ip       = { type = "5_bgp", bandwidth_size = 100 }

  disks = [
    { index = 0, name = "system", disktype = "SSD", size = 40, device_use = "OS" },
    { index = 1, name = "data", disktype = "SAS", size = 100 },
  ]

  # Write-only: never stored in the state. Bump the version to send a new password.
  target_password_wo         = var.target_password
  target_password_wo_version = 1
}
