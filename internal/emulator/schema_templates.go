package emulator

import (
	"fmt"
	"strconv"
)

// The target-VM template body (TemplateRequest) of CreateTemplate and UpdateTemplate.

// autoCreate is the ID that asks SMS to create a VPC, subnet or security group.
const autoCreate = "autoCreate"

var templateFields = []field{
	str("name", 1, 255).withCheck(checkTaskName).required(),
	boolean("is_template"),
	s255("region"),
	s255("projectid"),
	s255("target_server_name"),
	s255("availability_zone"),
	s255("volumetype"),
	s255("flavor"),
	object("vpc", s255("id"), s255("name"), s255("cidr")),
	array("nics", maxArray, object("",
		s255("id").required(),
		s255("name").required(),
		s255("cidr").required(),
		s255("ip"),
	)),
	array("security_groups", maxArray, object("",
		s255("id").required(),
		s255("name").required(),
	)),
	object("publicip",
		s255("type").required(),
		integer("bandwidth_size", 1, 2000).required(),
		s255("bandwidth_share_type"),
	),
	array("disk", maxArray, object("",
		long("id"),
		integer("index", 0, maxInt32).required(),
		s255("name").required(),
		s255("disktype").required(),
		long("size").required(),
		s255("device_use"),
	)),
	s255("data_volume_type"),
	s255("target_password"),
	s255("image_id"),
}

// checkTemplate applies the rules the field table cannot state: an autoCreate NIC or
// security group must be the only one, and the EIP bandwidth follows its steps.
func checkTemplate(t *templateBody) *apiError {
	for _, list := range []struct {
		name string
		ids  []string
	}{{"nics", idsOf(t.Nics, func(n templateNic) string { return n.ID })},
		{"security_groups", idsOf(t.SecurityGroups, func(g templateSecurityGroup) string { return g.ID })}} {
		for i, id := range list.ids {
			if id == autoCreate && len(list.ids) > 1 {
				return badRequest(CodeNotAllowed, "%s[%d].id is %s, which must be the only item of %s, got %d items",
					list.name, i, autoCreate, list.name, len(list.ids))
			}
		}
	}
	if p := t.PublicIP; p != nil {
		if reason := checkBandwidthStep(p.BandwidthSize); reason != "" {
			return badRequest(CodeNotAllowed, "publicip.bandwidth_size %s", reason)
		}
	}
	return nil
}

func idsOf[T any](items *[]T, id func(T) string) []string {
	if items == nil {
		return nil
	}
	out := make([]string, len(*items))
	for i, item := range *items {
		out[i] = id(item)
	}
	return out
}

// checkBandwidthStep: steps of 1 Mbit/s up to 300, of 50 up to 1000, of 500 above.
func checkBandwidthStep(n int64) string {
	switch {
	case n <= 300:
		return ""
	case n <= 1000 && n%50 == 0:
		return ""
	case n > 1000 && n%500 == 0:
		return ""
	}
	return fmt.Sprintf("must be a multiple of 50 between 300 and 1000, or of 500 above 1000, got %s", strconv.FormatInt(n, 10))
}
