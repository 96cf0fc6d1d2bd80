terraform {
  required_providers {
    sms = {
      source = "sms-migration/sms"
    }
  }
}

variable "iam_token" {
  description = "An IAM user token (the X-Subject-Token returned by IAM)."
  type        = string
  sensitive   = true
}

# IAM token authentication: the token is sent as X-Auth-Token and requests are not
# signed. Leave HW_ACCESS_KEY and HW_SECRET_KEY unset; the two methods exclude
# each other. HW_AUTH_TOKEN works in place of the attribute.
provider "sms" {
  region     = "ap-southeast-3"
  project_id = "0123456789abcdef0123456789abcdef"
  auth_token = var.iam_token
}
