// Package project is sms_migration_project and the sms_migration_project(s) data sources:
// the migration projects (/v3/migprojects) that hold the task defaults for the source
// servers assigned to them, and the account's default project.
package project
