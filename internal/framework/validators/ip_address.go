package validators

import (
	"context"
	"fmt"
	"net/netip"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// ipAddressValidator accepts an IPv4 (family 4) or IPv6 (family 6) address, or, with
// prefix, a CIDR block of that family.
type IPAddressValidator struct {
	Family int
	Prefix bool
}

func (v IPAddressValidator) what() string {
	kind := "address"
	example := "192.168.0.10"
	if v.Prefix {
		kind, example = "CIDR block", "192.168.0.0/24"
	}
	if v.Family == 6 {
		example = "2001:db8::10"
		if v.Prefix {
			example = "2001:db8::/64"
		}
	}
	return fmt.Sprintf("an IPv%d %s (such as %s)", v.Family, kind, example)
}

func (v IPAddressValidator) Description(_ context.Context) string { return "must be " + v.what() }

func (v IPAddressValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v IPAddressValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	s := req.ConfigValue.ValueString()
	var addr netip.Addr
	var err error
	if v.Prefix {
		var p netip.Prefix
		p, err = netip.ParsePrefix(s)
		addr = p.Addr()
	} else {
		addr, err = netip.ParseAddr(s)
	}
	ok := err == nil && addr.Zone() == "" && ((v.Family == 4 && addr.Is4()) || (v.Family == 6 && addr.Is6() && !addr.Is4In6()))
	if !ok {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(),
			fmt.Sprintf("Attribute %s must be %s, got: %q.", req.Path, v.what(), s))
	}
}
