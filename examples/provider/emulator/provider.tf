terraform {
  required_providers {
    sms = {
      source = "sms-migration/sms"
    }
  }
}

# The bundled emulator (go run ./cmd/sms-emulator) prints the URL it listens on.
# endpoint overrides the region's endpoint table; the keys and project are the
# emulator's built-in defaults, not real credentials.
provider "sms" {
  endpoint    = "http://127.0.0.1:8080"
  region      = "ap-southeast-3"
  access_key  = "EMULATORAK0123456789"
  secret_key  = "EMULATORSKabcdefghijklmnopqrstuvwxyz0123"
  project_id  = "0123456789abcdef0123456789abcdef"
  max_retries = 3
}
