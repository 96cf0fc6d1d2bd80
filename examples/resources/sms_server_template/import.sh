# A template is imported by its ID.
terraform import sms_server_template.web <template_id>
