package provider

import (
	"context"
	"fmt"
	"sync"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

// apiModelCheck reports, once per provider process, that the endpoint said it speaks
// another task API than api_model (the emulator's client.APIModelHeader; the real service
// says nothing). A warning, not an error: an error in the apply that creates a task would
// taint it, and one in a refresh would block every plan, destroy included, over what is
// a setting of a local emulator; a wrong model's effects are caught anyway (an update
// SMS did not apply fails, naming the attribute).
type apiModelCheck struct {
	tfprotov6.ProviderServer
	p    *smsProvider
	once sync.Once
}

// apiModelMismatch is the one-line warning, or nil when the models agree or the endpoint
// said nothing.
func apiModelMismatch(configured, spoken string) *tfprotov6.Diagnostic {
	if spoken == "" || spoken == configured {
		return nil
	}
	return &tfprotov6.Diagnostic{
		Severity: tfprotov6.DiagnosticSeverityWarning,
		Summary: fmt.Sprintf("api_model does not match the endpoint: the provider's api_model is %q, the endpoint speaks %q; "+
			"set api_model = %q (or %s=%s), or start the emulator with -api-model %s",
			configured, spoken, spoken, conns.EnvAPIModel[0], spoken, configured),
		Detail: "The endpoint says which task API it speaks in its X-Sms-Emulator-Api-Model response header (the local " +
			"emulator does; the real service does not). With the wrong api_model, the provider sends update bodies the " +
			"endpoint ignores in part or refuses, and reads the task back as the other model returns it.",
	}
}

// check returns the warning the first time the endpoint has answered with another model.
func (s *apiModelCheck) check() []*tfprotov6.Diagnostic {
	data := s.p.configured.Load()
	if data == nil || data.Client == nil {
		return nil
	}
	d := apiModelMismatch(data.Defaults.APIModel, data.Client.EndpointAPIModel())
	if d == nil {
		return nil
	}
	var out []*tfprotov6.Diagnostic
	s.once.Do(func() { out = []*tfprotov6.Diagnostic{d} })
	return out
}

func (s *apiModelCheck) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	resp, err := s.ProviderServer.ReadResource(ctx, req)
	if resp != nil {
		resp.Diagnostics = append(resp.Diagnostics, s.check()...)
	}
	return resp, err
}

func (s *apiModelCheck) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	resp, err := s.ProviderServer.ApplyResourceChange(ctx, req)
	if resp != nil {
		resp.Diagnostics = append(resp.Diagnostics, s.check()...)
	}
	return resp, err
}

func (s *apiModelCheck) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	resp, err := s.ProviderServer.ReadDataSource(ctx, req)
	if resp != nil {
		resp.Diagnostics = append(resp.Diagnostics, s.check()...)
	}
	return resp, err
}

func (s *apiModelCheck) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	resp, err := s.ProviderServer.ImportResourceState(ctx, req)
	if resp != nil {
		resp.Diagnostics = append(resp.Diagnostics, s.check()...)
	}
	return resp, err
}
