# Terraform 1.12 and later: adopt a registered source server by its identity (the ID the
# SMS Agent got when it registered the server).
import {
  to = sms_source_server.web
  identity = {
    id = "2b1f4c3e-7a8d-4e21-9f6a-3c5d8e0a1b02"
  }
}
