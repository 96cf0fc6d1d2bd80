package fastpath

import (
	"math/big"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// keepEqualFloats is refreshed with every float64 attribute that holds the same float64
// as in prior put back to prior's value, as the framework's semantic equality does after
// a Read: a number written in the configuration (0.1, exactly) and the same number read
// back from the API (0.1 as a float64) are not the same Terraform value, and without
// this every refresh would show a change. Nested values pair up by position.
func (s *WalkedSchema) keepEqualFloats(prior, refreshed tftypes.Value) tftypes.Value {
	out, _ := floatsInObject(s.Attrs, prior, refreshed)
	return out
}

func floatsInObject(attrs []*WalkedAttribute, prior, refreshed tftypes.Value) (tftypes.Value, bool) {
	held, now := ObjectAttributes(prior), ObjectAttributes(refreshed)
	if held == nil || now == nil {
		return refreshed, false
	}
	changed := false
	for _, a := range attrs {
		p, ok := held[a.Name]
		if !ok {
			continue
		}
		if v, ch := a.keepEqualFloat(p, now[a.Name]); ch {
			now[a.Name] = v
			changed = true
		}
	}
	if !changed {
		return refreshed, false
	}
	return tftypes.NewValue(refreshed.Type(), now), true
}

func (a *WalkedAttribute) keepEqualFloat(prior, refreshed tftypes.Value) (tftypes.Value, bool) {
	if !prior.IsKnown() || prior.IsNull() || !refreshed.IsKnown() || refreshed.IsNull() {
		return refreshed, false
	}
	switch a.Nesting {
	case NestingSingle:
		return floatsInObject(a.Children, prior, refreshed)
	case NestingList, nestingSet:
		held, now := Elements(prior), Elements(refreshed)
		changed := false
		for i := range now {
			if i >= len(held) {
				break
			}
			if v, ch := floatsInObject(a.Children, held[i], now[i]); ch {
				now[i] = v
				changed = true
			}
		}
		if !changed {
			return refreshed, false
		}
		return tftypes.NewValue(refreshed.Type(), now), true
	}
	if !a.isFloat64 || prior.Equal(refreshed) {
		return refreshed, false
	}
	var p, r big.Float
	if prior.As(&p) != nil || refreshed.As(&r) != nil {
		return refreshed, false
	}
	pf, _ := p.Float64()
	rf, _ := r.Float64()
	if pf != rf {
		return refreshed, false
	}
	return prior, true
}
