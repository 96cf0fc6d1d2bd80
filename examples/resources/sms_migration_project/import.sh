# A migration project is imported by its ID (see the sms_migration_projects data source).
terraform import sms_migration_project.wave1 <migration_project_id>
