package emulator

// Wire types of the template API: TemplateRequest and TemplateResponseBody.

// templateBody is TemplateRequest as stored.
type templateBody struct {
	Name             string                   `json:"name"`
	IsTemplate       *bool                    `json:"is_template,omitempty"`
	Region           *string                  `json:"region,omitempty"`
	ProjectID        *string                  `json:"projectid,omitempty"`
	TargetServerName *string                  `json:"target_server_name,omitempty"`
	AvailabilityZone *string                  `json:"availability_zone,omitempty"`
	VolumeType       *string                  `json:"volumetype,omitempty"`
	Flavor           *string                  `json:"flavor,omitempty"`
	VPC              *templateVPC             `json:"vpc,omitempty"`
	Nics             *[]templateNic           `json:"nics,omitempty"`
	SecurityGroups   *[]templateSecurityGroup `json:"security_groups,omitempty"`
	PublicIP         *templatePublicIP        `json:"publicip,omitempty"`
	Disk             *[]templateDisk          `json:"disk,omitempty"`
	DataVolumeType   *string                  `json:"data_volume_type,omitempty"`
	TargetPassword   *string                  `json:"target_password,omitempty"`
	ImageID          *string                  `json:"image_id,omitempty"`
}

type templateVPC struct {
	ID   *string `json:"id,omitempty"`
	Name *string `json:"name,omitempty"`
	CIDR *string `json:"cidr,omitempty"`
}

type templateNic struct {
	ID   string  `json:"id"`
	Name string  `json:"name"`
	CIDR string  `json:"cidr"`
	IP   *string `json:"ip,omitempty"`
}

type templateSecurityGroup struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type templatePublicIP struct {
	Type               string  `json:"type"`
	BandwidthSize      int64   `json:"bandwidth_size"`
	BandwidthShareType *string `json:"bandwidth_share_type,omitempty"`
}

type templateDisk struct {
	ID        *int64  `json:"id,omitempty"`
	Index     int64   `json:"index"`
	Name      string  `json:"name"`
	DiskType  string  `json:"disktype"`
	Size      int64   `json:"size"`
	DeviceUse *string `json:"device_use,omitempty"`
}

// templateRecord is one stored template.
type templateRecord struct {
	Seq  int64        `json:"seq"`
	ID   string       `json:"id"`
	Body templateBody `json:"body"`
}

// templateAnswer is TemplateResponseBody: is_template is a string there, and disks
// carry the IDs SMS gave them.
type templateAnswer struct {
	ID string `json:"id"`
	templateBody
	IsTemplate string `json:"is_template"`
}

type listTemplatesAnswer struct {
	Count     int              `json:"count"`
	Templates []templateAnswer `json:"templates"`
}

// maskedPassword stands for a template's password in show and list: the password is a
// secret (the documents list it as sensitive), which ShowTargetPassword alone answers.
const maskedPassword = "********"

func (t *templateRecord) answer() templateAnswer {
	a := templateAnswer{ID: t.ID, templateBody: t.Body, IsTemplate: "false"}
	if a.TargetPassword != nil && *a.TargetPassword != "" {
		a.TargetPassword = ptr(maskedPassword)
	}
	if t.Body.IsTemplate != nil && *t.Body.IsTemplate {
		a.IsTemplate = "true"
	}
	a.templateBody.IsTemplate = nil
	return a
}
