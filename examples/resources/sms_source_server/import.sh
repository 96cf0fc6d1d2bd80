# A source server is imported by its SMS ID. From then on, destroying the resource deletes
# the server's record from SMS: use a removed block with lifecycle { destroy = false } to
# stop managing it without that.
terraform import sms_source_server.web <source_server_id>
