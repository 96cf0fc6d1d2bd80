package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
)

// schemaSize is the size of one resource type's schema as Terraform sees it: every
// attribute and nested block at any depth, and how deep they nest. Terraform's own
// cost per resource instance grows with it (the type it builds from the schema, the
// objects it decodes, compares and stores), whatever an instance holds.
type schemaSize struct {
	attributes int // attributes and nested blocks, at every depth
	depth      int // levels of nesting below the resource (0: flat)
}

// schemaJSONBlock is a block of `terraform providers schema -json`: attributes, some of
// them nested (nested_type, protocol 6), and nested blocks (block_types, protocol 5).
type schemaJSONBlock struct {
	Attributes map[string]struct {
		NestedType *schemaJSONBlock `json:"nested_type"`
	} `json:"attributes"`
	BlockTypes map[string]struct {
		Block schemaJSONBlock `json:"block"`
	} `json:"block_types"`
}

func (b *schemaJSONBlock) size() schemaSize {
	var s schemaSize
	add := func(inner schemaSize) {
		s.attributes += 1 + inner.attributes
		s.depth = max(s.depth, 1+inner.depth)
	}
	for _, a := range b.Attributes {
		if a.NestedType != nil {
			add(a.NestedType.size())
		} else {
			s.attributes++
		}
	}
	for _, bt := range b.BlockTypes {
		add(bt.Block.size())
	}
	return s
}

// resourceSchemaSize reads resource type typ's schema from the output of `terraform
// providers schema -json`.
func resourceSchemaSize(out []byte, typ string) (schemaSize, error) {
	var doc struct {
		ProviderSchemas map[string]struct {
			ResourceSchemas map[string]struct {
				Block schemaJSONBlock `json:"block"`
			} `json:"resource_schemas"`
		} `json:"provider_schemas"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		return schemaSize{}, fmt.Errorf("reading the providers' schemas: %w", err)
	}
	for _, p := range doc.ProviderSchemas {
		if r, ok := p.ResourceSchemas[typ]; ok {
			return r.Block.size(), nil
		}
	}
	return schemaSize{}, fmt.Errorf("no provider has a resource type %s", typ)
}

// schemaSizeOf asks the session's Terraform for resource type typ's schema.
func (s *session) schemaSizeOf(ctx context.Context, typ string) (schemaSize, error) {
	cmd := exec.CommandContext(ctx, s.cli, "providers", "schema", "-json")
	cmd.Dir, cmd.Env = s.dir, s.env
	out, err := cmd.Output()
	if err != nil {
		return schemaSize{}, fmt.Errorf("%s providers schema -json: %w", s.cli, err)
	}
	return resourceSchemaSize(out, typ)
}
