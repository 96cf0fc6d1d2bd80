# Terraform 1.12 and later: adopt an existing template by its identity (its ID).
import {
  to = sms_server_template.web
  identity = {
    id = "38d53ae9-70e3-4587-89c9-6219d3d4e962"
  }
}
