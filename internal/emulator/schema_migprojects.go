package emulator

// The migration-project bodies: PostMigProjectBody (create: name, region and type are
// mandatory) and MigProject (update: every field optional since v0.1.186).

var migprojectFields = []field{
	str("name", 1, 255).withCheck(checkTaskName).required(),
	str("description", 0, 255),
	boolean("isdefault"),
	s255("region").required(),
	boolean("start_target_server"),
	integer("speed_limit", 0, maxInt32),
	boolean("use_public_ip"),
	boolean("exist_server"),
	s255("type").oneOf(taskTypes...).required(),
	s255("enterprise_project"),
	boolean("syncing"),
	boolean("start_network_check"),
}

var migprojectUpdateFields = optionalFields(migprojectFields)
