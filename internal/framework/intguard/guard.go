// Package intguard refuses, before anything converts them, numbers that a 64-bit integer
// attribute cannot hold. terraform-plugin-framework reads such a number only when it
// converts the attribute's parent object, and then reports "Configuration Read Error ...
// Value %!s(*big.Float=...) cannot be represented as a 64-bit integer" on the parent,
// with neither the attribute nor the allowed values. The guard sits in front of the
// provider's whole server, fast path or not, so both answer alike. It knows no SMS name.
package intguard

import (
	"context"
	"fmt"
	"math/big"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Schema is what the guard needs of a resource's or data source's schema.
type Schema struct {
	Type attr.Type
	// Allowed describes the values the Int64 attribute at a path allows, as its validators
	// describe them (e.g. "value must be between 0 and 255"); nil when none do.
	Allowed func(ctx context.Context, p path.Path) []string
}

// ForResource is the guard's view of a resource schema.
func ForResource(s rschema.Schema) Schema {
	return Schema{Type: s.Type(), Allowed: func(ctx context.Context, p path.Path) []string {
		a, diags := s.AttributeAtPath(ctx, p)
		if diags.HasError() {
			return nil
		}
		if ia, ok := a.(rschema.Int64Attribute); ok {
			return descriptions(ctx, ia.Validators)
		}
		return nil
	}}
}

// ForDataSource is the guard's view of a data-source schema.
func ForDataSource(s dschema.Schema) Schema {
	return Schema{Type: s.Type(), Allowed: func(ctx context.Context, p path.Path) []string {
		a, diags := s.AttributeAtPath(ctx, p)
		if diags.HasError() {
			return nil
		}
		if ia, ok := a.(dschema.Int64Attribute); ok {
			return descriptions(ctx, ia.Validators)
		}
		return nil
	}}
}

func descriptions(ctx context.Context, vs []validator.Int64) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		out = append(out, v.Description(ctx))
	}
	return out
}

// Server guards the configurations inner is asked to validate.
type Server struct {
	tfprotov6.ProviderServer
	resources, dataSources map[string]Schema
}

// New guards inner's resources and data sources, whose schemas are given by type name.
func New(inner tfprotov6.ProviderServer, resources, dataSources map[string]Schema) *Server {
	return &Server{ProviderServer: inner, resources: resources, dataSources: dataSources}
}

func (s *Server) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	if diags := check(ctx, s.resources, req.TypeName, req.Config); len(diags) > 0 {
		return &tfprotov6.ValidateResourceConfigResponse{Diagnostics: diags}, nil
	}
	return s.ProviderServer.ValidateResourceConfig(ctx, req)
}

func (s *Server) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	if diags := check(ctx, s.dataSources, req.TypeName, req.Config); len(diags) > 0 {
		return &tfprotov6.ValidateDataResourceConfigResponse{Diagnostics: diags}, nil
	}
	return s.ProviderServer.ValidateDataResourceConfig(ctx, req)
}

// check returns a diagnostic for each 64-bit integer attribute of config whose value is
// not a whole number in range; nothing when the config cannot be read (the framework
// then says why).
func check(ctx context.Context, schemas map[string]Schema, typeName string, config *tfprotov6.DynamicValue) []*tfprotov6.Diagnostic {
	s, ok := schemas[typeName]
	if !ok || config == nil {
		return nil
	}
	t := s.Type
	v, err := config.Unmarshal(t.TerraformType(ctx))
	if err != nil {
		return nil
	}
	var diags []*tfprotov6.Diagnostic
	walk(t, v, path.Empty(), func(p path.Path, n *big.Float) {
		diags = append(diags, diagnostic(ctx, s, p, n))
	})
	return diags
}

// walk calls bad for every known number of an Int64 type in v that an int64 cannot hold.
func walk(t attr.Type, v tftypes.Value, p path.Path, bad func(path.Path, *big.Float)) {
	if v.IsNull() || !v.IsKnown() {
		return
	}
	switch t := t.(type) {
	case basetypes.Int64Type:
		var n *big.Float
		if v.As(&n) == nil && n != nil && !fitsInt64(n) {
			bad(p, n)
		}
	case attr.TypeWithAttributeTypes:
		var attrs map[string]tftypes.Value
		if v.As(&attrs) != nil {
			return
		}
		for name, at := range t.AttributeTypes() {
			if av, ok := attrs[name]; ok {
				walk(at, av, p.AtName(name), bad)
			}
		}
	case attr.TypeWithElementType:
		var elems []tftypes.Value
		if v.As(&elems) != nil {
			return
		}
		_, isSet := t.(basetypes.SetType)
		for i, ev := range elems {
			ep := p.AtListIndex(i)
			if isSet {
				// A set element is named by its value, which cannot be read here: any value
				// finds the schema's attribute, and the diagnostic names the set.
				ep = p.AtSetValue(basetypes.NewStringNull())
			}
			walk(t.ElementType(), ev, ep, bad)
		}
	}
}

// fitsInt64 says whether n is a whole number an int64 holds, as the framework's Int64
// conversion requires.
func fitsInt64(n *big.Float) bool {
	if !n.IsInt() {
		return false
	}
	_, acc := n.Int64()
	return acc == big.Exact
}

func diagnostic(ctx context.Context, s Schema, p path.Path, n *big.Float) *tfprotov6.Diagnostic {
	allowed := "value must be a whole number from -9223372036854775808 to 9223372036854775807 (a 64-bit integer)"
	if d := s.Allowed(ctx, p); len(d) > 0 {
		allowed = strings.Join(d, "; ") + ", and a whole number no larger than 9223372036854775807 (a 64-bit integer)"
	}
	tp, name := attributePath(p)
	return &tfprotov6.Diagnostic{
		Severity:  tfprotov6.DiagnosticSeverityError,
		Summary:   "Invalid Attribute Value",
		Detail:    fmt.Sprintf("Attribute %s %s, got: %s", name, allowed, n.Text('f', -1)),
		Attribute: tp,
	}
}

// attributePath is p as the protocol names it (up to a set, whose element it cannot name)
// and as a user reads it (a set element as [...]).
func attributePath(p path.Path) (*tftypes.AttributePath, string) {
	out := tftypes.NewAttributePath()
	var name strings.Builder
	inSet := false
	for _, step := range p.Steps() {
		switch s := step.(type) {
		case path.PathStepAttributeName:
			if name.Len() > 0 {
				name.WriteByte('.')
			}
			name.WriteString(string(s))
			if !inSet {
				out = out.WithAttributeName(string(s))
			}
		case path.PathStepElementKeyInt:
			fmt.Fprintf(&name, "[%d]", s)
			if !inSet {
				out = out.WithElementKeyInt(int(s))
			}
		default:
			name.WriteString("[...]")
			inSet = true
		}
	}
	return out, name.String()
}
