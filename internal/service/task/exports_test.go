package task

import (
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
)

// Exports for the package's external (acceptance) tests.

const MaxOverlapReports = maxOverlapReports
const PrivateKeyImported = privateKeyImported
const PrivateKeyPendingAction = privateKeyPendingAction

type MigrationTaskResource = migrationTaskResource
type MigrationTaskResourceModel = migrationTaskResourceModel
type MigrationTaskSpeedLimitWindowRules = migrationTaskSpeedLimitWindowRules
type MigrationTasksSummaryModel = migrationTasksSummaryModel

var FlattenMigrationTaskFromAPI = flattenMigrationTaskFromAPI
var FlattenMigrationTasks = flattenMigrationTasks
var LogMigrationProgress = logMigrationProgress
var MigrationProgressSummary = migrationProgressSummary
var MigrationTaskCurrentModelFields = migrationTaskCurrentModelFields
var MigrationTaskCurrentUpdatableFlags = migrationTaskCurrentUpdatableFlags
var MigrationTaskDataSourceFields = migrationTaskDataSourceFields
var MigrationTaskPutFields = migrationTaskPutFields
var MigrationTaskSpeedLimitWindowAttrTypes = func() map[string]attr.Type { return migrationTaskAttrTypesAt("speed_limit_windows") }
var MigrationTaskUpdateBodyFor = migrationTaskUpdateBodyFor
var MigrationTasksStateFilterValues = migrationTasksStateFilterValues
var SetMigrationTaskDataSourceState = setMigrationTaskDataSourceState
var SortMigrationTasks = sortMigrationTasks

// IsSeedOnlyAttribute says whether name is a top-level attribute only the seed API
// model updates in place.
func IsSeedOnlyAttribute(name string) bool {
	return slices.ContainsFunc(migrationTaskSeedOnlyAttributes, func(a struct{ name, instead string }) bool { return a.name == name })
}
