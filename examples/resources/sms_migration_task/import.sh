# A migration task is imported by its task ID.
terraform import sms_migration_task.example 3f2c5a1e-8b4d-4c6f-9e7a-1d2b3c4d5e6f
