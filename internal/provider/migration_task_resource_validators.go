package provider

import (
	"context"
	"fmt"
	"net/netip"

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
