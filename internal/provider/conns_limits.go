package provider

import "regexp"

// Bounds the seed document (update-migration-task.txt) gives again and again.
const (
	migrationTaskMaxStringLength = 255        // "Maximum length: 255 characters", the default for strings
	migrationTaskMaxArrayLength  = 65535      // "Array length: 0 to 65,535"
	migrationTaskMaxInt32        = 2147483647 // Integer fields bounded by the API's i32
	migrationTaskMaxInodes       = 4294967296 // inode_size / block_count: documented as 2^32, so Int64
	migrationTaskMaxCPUs         = 65535
	migrationTaskMaxSpeed        = 10000 // speed_limit (Mbit/s) and migrate_speed
)

// migrationTaskNamePattern is the documented task-name alphabet: Chinese characters, letters,
// digits, "_" and "-".
var migrationTaskNamePattern = regexp.MustCompile(`^[\p{Han}A-Za-z0-9_-]+$`)
