package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
)

// SourceServerDetail is ShowServer's answer (GET /v3/sources/{id}). Its memory is in MB.
type SourceServerDetail struct {
	SourceServerSummary
	Hostname        *string           `json:"hostname,omitempty"`
	Firmware        *string           `json:"firmware,omitempty"`
	BootLoader      *string           `json:"boot_loader,omitempty"`
	Disks           []ServerDisk      `json:"disks,omitempty"`
	VolumeGroups    []VolumeGroup     `json:"volume_groups"` // [] when there are none
	BtrfsList       []BtrfsFileSystem `json:"btrfs_list"`
	Networks        []SourceNetwork   `json:"networks,omitempty"`
	StateActionTime *int64            `json:"state_action_time,omitempty"`
	LastVisitTime   *int64            `json:"last_visit_time,omitempty"`
	StageActionTime *int64            `json:"stage_action_time,omitempty"`
}

// SourceServerSummary is ListServers' item (SourceServersResponseBody); its memory is in
// bytes. ShowServer's answer has the same fields and more.
type SourceServerSummary struct {
	ID                  *string            `json:"id,omitempty"`
	IP                  *string            `json:"ip,omitempty"`
	Name                *string            `json:"name,omitempty"`
	EnterpriseProjectID *string            `json:"enterprise_project_id,omitempty"`
	AddDate             *int64             `json:"add_date,omitempty"`
	OSType              *string            `json:"os_type,omitempty"`
	OSVersion           *string            `json:"os_version,omitempty"`
	OEMSystem           *bool              `json:"oem_system,omitempty"`
	State               *string            `json:"state,omitempty"`
	Connected           *bool              `json:"connected,omitempty"`
	CPUQuantity         *int64             `json:"cpu_quantity,omitempty"`
	Memory              *int64             `json:"memory,omitempty"`
	CurrentTask         *SourceCurrentTask `json:"current_task,omitempty"`
	Checks              []EnvironmentCheck `json:"checks,omitempty"`
	InitTargetServer    *InitTargetServer  `json:"init_target_server,omitempty"`
	MigrationCycle      *string            `json:"migration_cycle,omitempty"`
	HasTC               *bool              `json:"has_tc,omitempty"`
	StartType           *string            `json:"start_type,omitempty"`
	AgentVersion        *string            `json:"agent_version,omitempty"`
}

// SourceCurrentTask is the task bound to a source server (TaskByServerSource[s]).
type SourceCurrentTask struct {
	ID    *string `json:"id,omitempty"`
	Name  *string `json:"name,omitempty"`
	Type  *string `json:"type,omitempty"`
	State *string `json:"state,omitempty"`
}

// EnvironmentCheck is one environment check result of a source server.
type EnvironmentCheck struct {
	ID          *int64   `json:"id,omitempty"`
	Params      []string `json:"params,omitempty"`
	Name        *string  `json:"name,omitempty"`
	Result      *string  `json:"result,omitempty"`
	ErrorCode   *string  `json:"error_code,omitempty"`
	ErrorOrWarn *string  `json:"error_or_warn,omitempty"`
	ErrorParams *string  `json:"error_params,omitempty"`
}

// InitTargetServer is the recommended target layout of a source server.
type InitTargetServer struct {
	Disks        []InitTargetDisk `json:"disks,omitempty"`
	VolumeGroups []VolumeGroup    `json:"volume_groups"` // [] when there are none
}

// InitTargetDisk is DiskIntargetServer; sizes are bytes.
type InitTargetDisk struct {
	Name            *string          `json:"name,omitempty"`
	Size            *int64           `json:"size,omitempty"`
	DeviceUse       *string          `json:"device_use,omitempty"`
	UsedSize        *int64           `json:"used_size,omitempty"`
	PhysicalVolumes []PhysicalVolume `json:"physical_volumes"`
}

// SourceNetwork is a NIC of a source server (NetWork with ipv6).
type SourceNetwork struct {
	Name    *string `json:"name,omitempty"`
	IP      *string `json:"ip,omitempty"`
	IPv6    *string `json:"ipv6,omitempty"`
	Netmask *string `json:"netmask,omitempty"`
	Gateway *string `json:"gateway,omitempty"`
	MTU     *int64  `json:"mtu,omitempty"`
	MAC     *string `json:"mac,omitempty"`
	ID      *string `json:"id,omitempty"`
}

// ListSourceServersFilter holds ListServers' query filters; empty values are not sent.
type ListSourceServersFilter struct {
	ID, Name, State, IP, IPv6, MigrationCycle, EnterpriseProjectID string
	// MigProject lists the sources of one migration project (the API's migproject).
	MigProject string
	Connected  *bool
}

type listSourceServersPage struct {
	Count         *int64                `json:"count"`
	SourceServers []SourceServerSummary `json:"source_servers"`
}

func (p listSourceServersPage) reportedCount() *int64            { return p.Count }
func (p listSourceServersPage) pageItems() []SourceServerSummary { return p.SourceServers }

// ListSourceServers returns every source server matching f, page by page (limit and
// offset) until the reported count has been read or a page comes back empty.
func (c *Client) ListSourceServers(ctx context.Context, f ListSourceServersFilter) ([]SourceServerSummary, error) {
	query := queryOf(map[string]string{
		"id": f.ID, "name": f.Name, "state": f.State, "ip": f.IP, "ipv6": f.IPv6,
		"migration_cycle": f.MigrationCycle, "enterprise_project_id": f.EnterpriseProjectID, "migproject": f.MigProject,
	})
	if f.Connected != nil {
		query.Set("connected", strconv.FormatBool(*f.Connected))
	}
	return listAll[SourceServerSummary, listSourceServersPage](ctx, c, []string{"v3", "sources"}, query, "source server list")
}

// ShowSourceServer returns GET /v3/sources/{id}.
func (c *Client) ShowSourceServer(ctx context.Context, id string) (*SourceServerDetail, error) {
	if id == "" {
		return nil, fmt.Errorf("ShowSourceServer: source server id must not be empty")
	}
	resp, err := c.send(ctx, call{method: http.MethodGet, segments: []string{"v3", "sources", id}})
	if err != nil {
		return nil, err
	}
	var s SourceServerDetail
	if err := resp.decodeObject(&s); err != nil {
		return nil, err
	}
	if s.ID == nil || *s.ID == "" {
		return nil, resp.decodeError(errors.New("the source server has no id"))
	}
	return &s, nil
}
