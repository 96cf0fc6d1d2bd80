package conns

import "regexp"

// Bounds the seed document (update-migration-task.txt) gives again and again.
const (
	MigrationTaskMaxStringLength = 255        // "Maximum length: 255 characters", the default for strings
	MigrationTaskMaxArrayLength  = 65535      // "Array length: 0 to 65,535"
	MigrationTaskMaxInt32        = 2147483647 // Integer fields bounded by the API's i32
	MigrationTaskMaxInodes       = 4294967296 // inode_size / block_count: documented as 2^32, so Int64
	MigrationTaskMaxCPUs         = 65535
	MigrationTaskMaxSpeed        = 10000 // speed_limit (Mbit/s) and migrate_speed
)

// migrationTaskNamePattern is the documented task-name alphabet: Chinese characters, letters,
// digits, "_" and "-".
var MigrationTaskNamePattern = regexp.MustCompile(`^[\p{Han}A-Za-z0-9_-]+$`)
