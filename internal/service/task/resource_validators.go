package task

import (
	"context"
	"fmt"
	"net/netip"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ resource.ResourceWithConfigValidators = &migrationTaskResource{}

// ConfigValidators holds the checks that need more than one attribute. Like every validator they see raw
// configuration, which may still hold unknown values: those are skipped.
func (r *migrationTaskResource) ConfigValidators(_ context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		migrationTaskMigrationIPValidator{},
		migrationTaskBtrfsNamesValidator{},
	}
}

// migrationTaskMigrationIPValidator enforces the CreateTask/UpdateTask rule "migration_ip must
// be IPv6 if use_ipv6 is true, otherwise IPv4". An empty migration_ip is allowed (the seed's
// minimum length is 0: no IP, e.g. for an automatically created target server).
type migrationTaskMigrationIPValidator struct{}

var _ resource.ConfigValidator = migrationTaskMigrationIPValidator{}

func (v migrationTaskMigrationIPValidator) Description(_ context.Context) string {
	return "migration_ip must be an IPv4 address, or an IPv6 address when use_ipv6 is true"
}

func (v migrationTaskMigrationIPValidator) MarkdownDescription(_ context.Context) string {
	return "`migration_ip` must be an IPv4 address, or an IPv6 address when `use_ipv6` is `true`"
}

func (v migrationTaskMigrationIPValidator) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	ipPath := path.Root("migration_ip")

	var ip types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, ipPath, &ip)...)
	var useIPv6 types.Bool
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("use_ipv6"), &useIPv6)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if ip.IsNull() || ip.IsUnknown() || ip.ValueString() == "" || useIPv6.IsUnknown() {
		return
	}

	value := ip.ValueString()
	addr, err := netip.ParseAddr(value)
	// A zone ("fe80::1%eth0") only means something on the host that wrote it.
	parsed := err == nil && addr.Zone() == ""

	if useIPv6.ValueBool() {
		if !parsed || !addr.Is6() {
			resp.Diagnostics.AddAttributeError(ipPath, "Invalid migration_ip",
				fmt.Sprintf("Attribute migration_ip must be an IPv6 address (such as 2001:db8::10) because use_ipv6 is true, got: %q.", value))
		}
		return
	}
	if !parsed || !addr.Is4() {
		resp.Diagnostics.AddAttributeError(ipPath, "Invalid migration_ip",
			fmt.Sprintf("Attribute migration_ip must be an IPv4 address (such as 192.168.0.10) because use_ipv6 is false or unset, got: %q. "+
				"Set use_ipv6 = true to migrate to an IPv6 address.", value))
	}
}

// migrationTaskBtrfsNamesValidator: when target_server sets both btrfs_file_systems and
// btrfs_list, the update sends the objects as btrfs_list and SMS reports their names, so a
// btrfs_list with other names could never be applied; it is refused before any request.
type migrationTaskBtrfsNamesValidator struct{}

var _ resource.ConfigValidator = migrationTaskBtrfsNamesValidator{}

func (v migrationTaskBtrfsNamesValidator) Description(_ context.Context) string {
	return "target_server.btrfs_list, when set with target_server.btrfs_file_systems, must be their names in order"
}

func (v migrationTaskBtrfsNamesValidator) MarkdownDescription(_ context.Context) string {
	return "`target_server.btrfs_list`, when set with `target_server.btrfs_file_systems`, must be their names in order"
}

func (v migrationTaskBtrfsNamesValidator) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	listPath := path.Root("target_server").AtName("btrfs_list")
	var names, systems types.List
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, listPath, &names)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("target_server").AtName("btrfs_file_systems"), &systems)...)
	if resp.Diagnostics.HasError() || names.IsNull() || names.IsUnknown() || systems.IsNull() || systems.IsUnknown() {
		return
	}
	var want []string
	for _, e := range systems.Elements() {
		obj, ok := e.(types.Object)
		if !ok || obj.IsUnknown() {
			return
		}
		name, ok := obj.Attributes()["name"].(types.String)
		if !ok || name.IsUnknown() || name.IsNull() {
			return // a file system without a name (today's members are all optional): nothing to compare
		}
		want = append(want, name.ValueString())
	}
	var got []string
	for _, e := range names.Elements() {
		s, ok := e.(types.String)
		if !ok || s.IsUnknown() {
			return
		}
		got = append(got, s.ValueString())
	}
	if slices.Equal(got, want) {
		return
	}
	resp.Diagnostics.AddAttributeError(listPath, "target_server.btrfs_list does not match target_server.btrfs_file_systems",
		fmt.Sprintf("With target_server.btrfs_file_systems set, the update sends those file systems as btrfs_list and SMS then "+
			"reports their names, %q; target_server.btrfs_list is %q, which could never be applied. Leave target_server.btrfs_list "+
			"out (it is planned as the names of btrfs_file_systems), or set it to those names in the same order.", want, got))
}
