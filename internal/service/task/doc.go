// Package task is sms_migration_task: the resource, its data sources (sms_migration_task,
// sms_migration_tasks, sms_migration_task_passphrase), schema, model and field roles, wire
// conversion (resource_wire.go), plan, actions and waits under either API model.
package task
