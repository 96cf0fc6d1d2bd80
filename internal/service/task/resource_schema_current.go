package task

import (
	"maps"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

// migrationTaskCurrentModelAttributes are the keys today's update body (PutTaskReq)
// added that the seed's lacks. ShowTask never returns them, so state keeps what was set;
// under api_model "seed" they are refused at plan time, since that API would ignore them.
func migrationTaskCurrentModelAttributes() map[string]schema.Attribute {
	attr := func(description string) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: description + " Sent by the update request of `api_model = \"current\"` (the default) only; " +
				"refused at plan time under `\"seed\"`. Never returned by the service, so state keeps what you set. At most 255 characters.",
			Optional:   true,
			Validators: []validator.String{stringvalidator.LengthAtMost(conns.MigrationTaskMaxStringLength)},
		}
	}
	return map[string]schema.Attribute{
		"image_disk_id":          attr("The ID of the target server's agent-image disk."),
		"target_disk_ids":        attr("The target server's disk IDs, separated by spaces."),
		"snapshot_ids":           attr("The target server's snapshot IDs, separated by `;`."),
		"cutovered_snapshot_ids": attr("The cutover snapshot IDs (the seed document: the snapshot used for rollback on the target server)."),
	}
}

// migrationTaskTargetBtrfsFileSystemsAttribute is target_server.btrfs_file_systems: today's
// update body takes target_server.btrfs_list as BtrfsFileSystem objects, while ShowTask (and
// the seed's body) have it as strings, which stay in target_server.btrfs_list.
func migrationTaskTargetBtrfsFileSystemsAttribute() schema.ListNestedAttribute {
	a := migrationTaskChildList(migrationTaskChildRequired,
		"The Btrfs file systems of the target server as objects (the SDK's `BtrfsFileSystem`, e.g. as `GET /v3/sources/{id}` "+
			"reports them; at most 65535). Sent as `target_server.btrfs_list` by the update request of `api_model = \"current\"` "+
			"(the default), which then plans `btrfs_list` as their names when `btrfs_list` is unset; without it the names in "+
			"`btrfs_list` are sent as objects with only a name. A `btrfs_list` set as well must hold their names in the same order. Refused at plan time under `\"seed\"`. Never returned by the service, "+
			"so state keeps what you set.",
		migrationTaskBtrfsFileSystemAttributes(), conns.MigrationTaskMaxArrayLength)
	a.Required, a.Optional = false, true
	return a
}

// migrationTaskTargetNetworkAttributes is target_server.networks[]: the seed's NetWork and
// today's ipv6, whose limit (and refusal under "seed") is in migrationTaskLimits.
func migrationTaskTargetNetworkAttributes() map[string]schema.Attribute {
	attrs := migrationTaskNetworkAttributes()
	attrs["ipv6"] = migrationTaskChildString(migrationTaskChildStable, "The IPv6 address bound to the NIC.")
	return attrs
}

// migrationTaskTargetVolumeGroupAttributes is target_server.volume_groups[], whose logical
// volumes have today's inode_nums, whose limit (and refusal under "seed") is in
// migrationTaskLimits.
func migrationTaskTargetVolumeGroupAttributes() map[string]schema.Attribute {
	attrs := migrationTaskVolumeGroupAttributes()
	lvs, _ := attrs["logical_volumes"].(schema.ListNestedAttribute)
	lvAttrs := maps.Clone(lvs.NestedObject.Attributes)
	lvAttrs["inode_nums"] = migrationTaskChildInt64(migrationTaskChildStable, "The inode count of the logical volume (today's `inode_nums`, in the SDK since v0.1.98).")
	lvs.NestedObject.Attributes = lvAttrs
	attrs["logical_volumes"] = lvs
	return attrs
}
