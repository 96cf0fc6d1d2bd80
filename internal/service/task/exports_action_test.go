package task

// Exports of the actions and the ephemeral resource for the package's external tests.

var MigrationTaskActionValues = migrationTaskActions

type DurationValidator = durationValidator
