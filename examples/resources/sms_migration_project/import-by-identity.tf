# Terraform 1.12 and later: adopt an existing migration project by its identity (its ID).
import {
  to = sms_migration_project.wave1
  identity = {
    id = "7a3e9c1d-52b4-4f8e-a6d0-3b9c2e1f4a57"
  }
}
