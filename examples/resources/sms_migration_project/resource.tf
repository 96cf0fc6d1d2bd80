# The defaults of a first migration wave: file-level copies over the private network,
# 300 Mbit/s at most, the targets started when the copy is done. Source servers join it
# through sms_source_server's migration_project_id.
resource "sms_migration_project" "wave1" {
  name                = "wave-1"
  description         = "web tier, first wave"
  type                = "MIGRATE_FILE"
  speed_limit         = 300
  use_public_ip       = false
  start_target_server = true
  syncing             = false
}

# New source servers register into the account's default project. To make this one the
# default, set is_default = true; SMS cannot unset the mark, so another project must take
# it before this one can stop being the default or be destroyed.
resource "sms_migration_project" "landing" {
  name = "landing"
  type = "MIGRATE_BLOCK"
}
