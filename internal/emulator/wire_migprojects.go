package emulator

// Wire types of the migration-project API: PostMigProjectBody and MigProject (requests),
// ShowMigprojectResponse and MigprojectsResponseBody (answers). One struct serves all
// four: the answers carry every field, the list item adds id.

type migprojectBody struct {
	Name              string  `json:"name"`
	Description       *string `json:"description,omitempty"`
	IsDefault         *bool   `json:"isdefault,omitempty"`
	Region            string  `json:"region"`
	StartTargetServer *bool   `json:"start_target_server,omitempty"`
	SpeedLimit        *int64  `json:"speed_limit,omitempty"`
	UsePublicIP       *bool   `json:"use_public_ip,omitempty"`
	ExistServer       *bool   `json:"exist_server,omitempty"`
	Type              string  `json:"type"`
	EnterpriseProject *string `json:"enterprise_project,omitempty"`
	Syncing           *bool   `json:"syncing,omitempty"`
	StartNetworkCheck *bool   `json:"start_network_check,omitempty"`
}

// migprojectRecord is one stored project; whether it is the default is the store's
// DefaultMigproject, not a field, so that exactly one project is the default.
type migprojectRecord struct {
	Seq  int64          `json:"seq"`
	ID   string         `json:"id"`
	Body migprojectBody `json:"body"`
}

// listedMigproject is MigprojectsResponseBody.
type listedMigproject struct {
	ID string `json:"id"`
	migprojectBody
}

type listMigprojectsAnswer struct {
	Count       int                `json:"count"`
	Migprojects []listedMigproject `json:"migprojects"`
}
