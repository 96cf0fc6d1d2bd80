package fastpath

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// frameworkPrivate carries the provider's private state of one resource instance in the
// framework's own type (privatestate.ProviderData), the type every resource and plan
// modifier request holds. That type lives in an internal package of the framework, so
// this package cannot name it; a resource.ReadRequest's Private field has it, and is
// where it is kept.
type frameworkPrivate struct{ in resource.ReadRequest }

// newOf returns a new zero value of the type p points to; the framework's private-state
// type is ready for SetKey in its zero value.
func newOf[P interface{ *T }, T any](P) P { return new(T) }

// privateState is a resource instance's private state as the framework stores it: one
// JSON object holding the framework's keys (those starting with ".") and the provider's.
type privateState struct {
	framework map[string][]byte
	provider  frameworkPrivate
	read      []string // the provider keys it was read with
	known     []string // every key the resource may write
}

// decodePrivateState reads private state as the framework does: what is not a JSON
// object of byte strings is dropped if it is JSON at all, and an error otherwise.
func decodePrivateState(ctx context.Context, b []byte, known []string) (privateState, diag.Diagnostics) {
	var diags diag.Diagnostics
	s := privateState{framework: map[string][]byte{}, known: known}
	s.provider.in.Private = newOf(s.provider.in.Private)
	if len(b) == 0 {
		return s, nil
	}
	var data map[string][]byte
	if err := json.Unmarshal(b, &data); err != nil {
		if json.Unmarshal(b, new(map[string]any)) == nil {
			return s, nil
		}
		diags.AddError("Error Decoding Private State",
			fmt.Sprintf("An error was encountered when decoding private state: %s.\n\n", err)+
				"This is always a problem with Terraform or terraform-plugin-framework. Please report this to the provider developer.")
		return s, diags
	}
	for k, v := range data {
		if !utf8.Valid(v) || !json.Valid(v) {
			diags.AddError("Error Decoding Private State",
				fmt.Sprintf("The value being supplied for key %q is not valid UTF-8 JSON.\n\n", k)+
					"This is always a problem with Terraform or terraform-plugin-framework. Please report this to the provider developer.")
			continue
		}
		if strings.HasPrefix(k, ".") {
			s.framework[k] = v
			continue
		}
		diags.Append(s.provider.in.Private.SetKey(ctx, k, v)...)
		s.read = append(s.read, k)
	}
	return s, diags
}

// encode is the private state as the framework writes it: nil when it holds nothing.
func (s privateState) encode(ctx context.Context) ([]byte, diag.Diagnostics) {
	merged := make(map[string][]byte, len(s.framework)+len(s.read)+len(s.known))
	for k, v := range s.framework {
		if len(v) > 0 {
			merged[k] = v
		}
	}
	var diags diag.Diagnostics
	for _, keys := range [][]string{s.read, s.known} {
		for _, k := range keys {
			v, d := s.provider.in.Private.GetKey(ctx, k)
			diags.Append(d...)
			if len(v) > 0 {
				merged[k] = v
			}
		}
	}
	if len(merged) == 0 || diags.HasError() {
		return nil, diags
	}
	b, err := json.Marshal(merged)
	if err != nil {
		diags.AddError("Error Encoding Private State", err.Error())
		return nil, diags
	}
	return b, diags
}

// importBeforeReadKey is the framework's private key marking the Read right after an
// import, whose identity may differ from the (empty) one before it.
const importBeforeReadKey = ".import_before_read"
