package fastpath

import (
	"context"
	"fmt"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// This file turns protocol values into framework ones and back, as the framework's own
// server does for the calls protocolServer answers itself.

// fromDynamicValue is v decoded as a value of type t; a value Terraform did not send is
// null.
func fromDynamicValue(v *tfprotov6.DynamicValue, t tftypes.Type, what string, diags *diag.Diagnostics) tftypes.Value {
	if v == nil {
		return tftypes.NewValue(t, nil)
	}
	out, err := v.Unmarshal(t)
	if err != nil {
		diags.AddError("Unable to Convert "+what,
			"An unexpected error was encountered when converting the "+what+" from the protocol type. "+
				"This is always an issue in terraform-plugin-framework used to implement the provider and should be reported to the provider developers.\n\n"+
				"Please report this to the provider developer:\n\n"+err.Error())
		return tftypes.NewValue(t, nil)
	}
	return out
}

func toDynamicValue(v tftypes.Value, t tftypes.Type, diags *diag.Diagnostics) *tfprotov6.DynamicValue {
	dv, err := tfprotov6.NewDynamicValue(t, v)
	if err != nil {
		diags.AddError("Unable to Convert State", "An unexpected error was encountered when converting a value to the protocol type: "+err.Error())
		return nil
	}
	return &dv
}

// toProtoDiagnostics are diags as the protocol carries them, each attribute path
// included.
func toProtoDiagnostics(ctx context.Context, diags diag.Diagnostics) []*tfprotov6.Diagnostic {
	out := make([]*tfprotov6.Diagnostic, 0, len(diags))
	for _, d := range diags {
		pd := &tfprotov6.Diagnostic{Summary: d.Summary(), Detail: d.Detail(), Severity: tfprotov6.DiagnosticSeverityInvalid}
		switch d.Severity() {
		case diag.SeverityError:
			pd.Severity = tfprotov6.DiagnosticSeverityError
		case diag.SeverityWarning:
			pd.Severity = tfprotov6.DiagnosticSeverityWarning
		}
		if withPath, ok := d.(diag.DiagnosticWithPath); ok {
			if p, err := toTerraformPath(ctx, withPath.Path()); err == nil {
				pd.Attribute = p
			} else {
				pd.Detail += "\n\n" + err.Error()
			}
		}
		out = append(out, pd)
	}
	return out
}

// toTerraformPath is p as the protocol carries attribute paths.
func toTerraformPath(ctx context.Context, p path.Path) (*tftypes.AttributePath, error) {
	out := tftypes.NewAttributePath()
	for _, step := range p.Steps() {
		switch s := step.(type) {
		case path.PathStepAttributeName:
			out = out.WithAttributeName(string(s))
		case path.PathStepElementKeyInt:
			out = out.WithElementKeyInt(int(s))
		case path.PathStepElementKeyString:
			out = out.WithElementKeyString(string(s))
		case path.PathStepElementKeyValue:
			v, err := s.ToTerraformValue(ctx)
			if err != nil {
				return nil, fmt.Errorf("unable to convert the path %s: %w", p, err)
			}
			out = out.WithElementKeyValue(v)
		default:
			return nil, fmt.Errorf("unable to convert the path %s: step %T", p, step)
		}
	}
	return out, nil
}

// normalizedReplacePaths are paths sorted and without repeats, as the framework
// returns RequiresReplace.
func normalizedReplacePaths(ctx context.Context, paths path.Paths, diags *diag.Diagnostics) []*tftypes.AttributePath {
	sort.Slice(paths, func(i, j int) bool { return paths[i].String() < paths[j].String() })
	out := make([]*tftypes.AttributePath, 0, len(paths))
	for i, p := range paths {
		if i > 0 && p.Equal(paths[i-1]) {
			continue
		}
		tp, err := toTerraformPath(ctx, p)
		if err != nil {
			diags.AddError("Unable to Convert RequiresReplace", err.Error())
			continue
		}
		out = append(out, tp)
	}
	return out
}
