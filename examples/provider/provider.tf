terraform {
  required_providers {
    sms = {
      source = "sms-migration/sms"
    }
  }
}

# AK/SK request signing. The keys come from the environment so they stay out of
# the configuration and the state:
#   export HW_ACCESS_KEY=...  HW_SECRET_KEY=...
#   export HW_SECURITY_TOKEN=...   # only for temporary (STS) credentials
provider "sms" {
  region     = "ap-southeast-3"
  project_id = "0123456789abcdef0123456789abcdef"
}
