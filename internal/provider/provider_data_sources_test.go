package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
)

// TestDataSourcesDescribed: every registered data source has a valid schema, and it and
// every attribute at any depth have a MarkdownDescription (the docs are generated from
// them).
func TestDataSourcesDescribed(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	p := &smsProvider{}
	names := map[string]bool{}
	for _, newDataSource := range p.DataSources(ctx) {
		ds := newDataSource()
		var meta datasource.MetadataResponse
		ds.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "sms"}, &meta)
		names[meta.TypeName] = true
		var resp datasource.SchemaResponse
		ds.Schema(ctx, datasource.SchemaRequest{}, &resp)
		if diags := resp.Schema.ValidateImplementation(ctx); diags.HasError() {
			t.Errorf("%s: %v", meta.TypeName, diags)
		}
		if strings.TrimSpace(resp.Schema.MarkdownDescription) == "" {
			t.Errorf("%s has no description", meta.TypeName)
		}
		var walk func(at string, a dschema.Attribute)
		walk = func(at string, a dschema.Attribute) {
			if strings.TrimSpace(a.GetMarkdownDescription()) == "" {
				t.Errorf("%s: no MarkdownDescription", at)
			}
			var children map[string]dschema.Attribute
			switch a := a.(type) {
			case dschema.SingleNestedAttribute:
				children = a.Attributes
			case dschema.ListNestedAttribute:
				children = a.NestedObject.Attributes
			case dschema.SetNestedAttribute:
				children = a.NestedObject.Attributes
			case dschema.MapNestedAttribute:
				children = a.NestedObject.Attributes
			}
			for name, c := range children {
				walk(at+"."+name, c)
			}
		}
		for name, a := range resp.Schema.Attributes {
			walk(meta.TypeName+"."+name, a)
		}
	}
	for _, name := range []string{"sms_migration_task_consistency_results", "sms_source_server_overview", "sms_source_server_errors"} {
		if !names[name] {
			t.Errorf("%s is not registered", name)
		}
	}
}
