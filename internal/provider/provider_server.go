package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/fastpath"
	"github.com/sms-migration/terraform-provider-sms/internal/framework/intguard"
	"github.com/sms-migration/terraform-provider-sms/internal/service/task"
)

// envFastPath is the developers' switch for the fast path (see README, Development): "off"
// serves sms_migration_task through the framework's own server like every other resource.
// It is not a provider attribute: users never need it, and CI runs the acceptance suite
// both ways so that each acceptance test compares the two.
const envFastPath = "SMS_PROVIDER_FAST_PATH"

// FastPathEnabled reads envFastPath: on unless it says "off".
func FastPathEnabled() bool {
	switch v := os.Getenv(envFastPath); v {
	case "", "on":
		return true
	case "off":
		return false
	default:
		panic(fmt.Sprintf("%s must be on or off, got %q", envFastPath, v))
	}
}

// NewProtocol6 returns the provider's protocol server constructor, as tf6server.Serve
// takes it.
func NewProtocol6(version string) func() tfprotov6.ProviderServer {
	return func() tfprotov6.ProviderServer {
		s, err := newProviderServer(&smsProvider{version: version}, FastPathEnabled())
		if err != nil {
			panic(err) // the schema test makes sure this cannot happen
		}
		return s
	}
}

// newProviderServer serves p, which no other server may share: the fast path finds the
// provider's configuration in p.
func newProviderServer(p *smsProvider, fastPath bool) (tfprotov6.ProviderServer, error) {
	framework := providerserver.NewProtocol6(p)()
	server := framework
	if fastPath {
		fast, err := fastpath.NewProtocolServer(server, "sms_migration_task", task.NewMigrationTaskResource, p.providerData, task.MigrationTaskPrivateKeys)
		var unsupported *fastpath.UnsupportedError
		switch {
		case errors.As(err, &unsupported):
			// The framework serves what the fast path cannot; TestFastPathServesTheTask
			// keeps this from happening unnoticed.
		case err != nil:
			return nil, err
		default:
			server = fast
		}
	}
	resources, dataSources, err := guardedSchemas(p)
	if err != nil {
		return nil, err
	}
	return withActions(&apiModelCheck{ProviderServer: intguard.New(server, resources, dataSources), p: p}, framework), nil
}

// guardedSchemas are the schemas of p's resources and data sources, by type name, for
// intguard.
func guardedSchemas(p *smsProvider) (resources, dataSources map[string]intguard.Schema, err error) {
	ctx := context.Background()
	resources, dataSources = map[string]intguard.Schema{}, map[string]intguard.Schema{}
	for _, newResource := range p.Resources(ctx) {
		r := newResource()
		var meta resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "sms"}, &meta)
		var resp resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &resp)
		if resp.Diagnostics.HasError() {
			return nil, nil, fmt.Errorf("%s schema: %v", meta.TypeName, resp.Diagnostics)
		}
		resources[meta.TypeName] = intguard.ForResource(resp.Schema)
	}
	for _, newDataSource := range p.DataSources(ctx) {
		d := newDataSource()
		var meta datasource.MetadataResponse
		d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "sms"}, &meta)
		var resp datasource.SchemaResponse
		d.Schema(ctx, datasource.SchemaRequest{}, &resp)
		if resp.Diagnostics.HasError() {
			return nil, nil, fmt.Errorf("%s schema: %v", meta.TypeName, resp.Diagnostics)
		}
		dataSources[meta.TypeName] = intguard.ForDataSource(resp.Schema)
	}
	return resources, dataSources, nil
}

// providerData is what Configure handed to resources, or nil before it ran.
func (p *smsProvider) providerData() any {
	if d := p.configured.Load(); d != nil {
		return d
	}
	return nil
}

// ServerOptions are how tests and benchmarks serve the provider in-process.
type ServerOptions struct {
	Version string
	// Transport, when set, carries every request of the configured client.
	Transport http.RoundTripper
	// FastPath serves sms_migration_task through the fast path (FastPathEnabled says
	// what the provider binary does).
	FastPath bool
}

// NewServer serves a new provider as its binary does, with the options' differences.
func NewServer(o ServerOptions) (tfprotov6.ProviderServer, error) {
	return newProviderServer(&smsProvider{version: o.Version, transport: o.Transport}, o.FastPath)
}

// ServedByFastPath says whether NewServer's server answers sms_migration_task through the
// fast path.
func ServedByFastPath(s tfprotov6.ProviderServer) bool {
	if a, ok := s.(actionsServer); ok {
		s = a.ProviderServer
	}
	if c, ok := s.(*apiModelCheck); ok {
		s = c.ProviderServer
	}
	g, ok := s.(*intguard.Server)
	if !ok {
		return false
	}
	return fastpath.Serves(g.ProviderServer, "sms_migration_task")
}
