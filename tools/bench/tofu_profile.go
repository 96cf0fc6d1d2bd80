package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
)

// tofuNodes is how many frames the OpenTofu profile summary lists.
const tofuNodes = 25

// tofuHidden are the frames left out of OpenTofu's cumulative listing: the runtime's, and
// the graph walk's and the CLI's, which hold all of a plan's time without saying where it
// goes.
const tofuHidden = `^(runtime\.|main\.|github\.com/opentofu/opentofu/internal/(command|backend/local|dag|tofu\.\(\*ContextGraphWalker\)|tofu\.\(\*Graph\)\.walk))`

// tofuProfile is where OpenTofu's own CPU goes during a refresh + unchanged plan of N
// minimal tasks of this provider. Terraform has no profiling switch; OpenTofu, of the
// same plan engine's lineage, writes a CPU profile of the whole command where
// TOFU_CPU_PROFILE names a file.
type tofuProfile struct {
	n         int
	tofu      string // the binary's path and `tofu version` line
	duration  string
	flat, cum []string
}

// profileTofu applies N minimal tasks with tofu (its provider address is
// registry.opentofu.org/…, which the reattach value is rewritten to name) and profiles
// the unchanged plan after it.
func (h *harness) profileTofu(ctx context.Context, tofu string, n int) (*tofuProfile, error) {
	current := h.builds[len(h.builds)-1].bin
	s, err := h.openSession(ctx, sessionSpec{
		name: fmt.Sprintf("tofu-profile-%d", n), model: emulator.APIModelCurrent,
		config: func(string) string { return scaleTasksConfig(n) },
		start: func(ctx context.Context, emu *emulator.Server) (*providerProc, error) {
			p, err := startProvider(ctx, current, providerEnv(emu, "HW_SMS_API_MODEL=current"))
			if err == nil {
				p.reattach = forOpenTofu(p.reattach)
			}
			return p, err
		},
	})
	if err != nil {
		return nil, err
	}
	defer s.close()
	s.cli = tofu
	progress("tofu profile: apply of N=%d through %s", n, tofu)
	if _, err := s.run(ctx, officialApply); err != nil {
		return nil, err
	}
	path := filepath.Join(s.dir, "tofu-plan.pprof")
	s.env = append(s.env, "TOFU_CPU_PROFILE="+path)
	progress("tofu profile: the unchanged plan, profiled")
	if _, err := s.run(ctx, officialPlan); err != nil {
		return nil, err
	}
	p := &tofuProfile{n: n, tofu: tofu}
	if p.duration, p.flat, err = pprofTop(ctx, path, tofuNodes, ""); err != nil {
		return nil, err
	}
	if _, p.cum, err = pprofTop(ctx, path, tofuNodes, tofuHidden); err != nil {
		return nil, err
	}
	return p, nil
}

// forOpenTofu rewrites the registry of a TF_REATTACH_PROVIDERS value: OpenTofu reads the
// source sms-migration/sms as registry.opentofu.org/sms-migration/sms.
func forOpenTofu(reattach string) string {
	return strings.ReplaceAll(reattach, `"registry.terraform.io/`, `"registry.opentofu.org/`)
}

func (p *tofuProfile) render(b *strings.Builder) {
	fmt.Fprintf(b, "## Where Terraform's own CPU goes: an OpenTofu profile\n\n"+
		"Terraform has no profiling switch; OpenTofu (the same plan engine's lineage) writes a CPU\n"+
		"profile of the whole command where `TOFU_CPU_PROFILE` names a file. N=%d minimal tasks of this\n"+
		"provider applied with `%s`, then its refresh + unchanged plan profiled (the provider runs\n"+
		"apart, so this is OpenTofu's CPU alone). `go tool pprof -top -nodecount=%d`, by own time, then\n"+
		"by time including callees without the runtime's, the CLI's and the graph walk's frames\n"+
		"(`-hide '%s'`).\n\n%s\n\n", p.n, p.tofu, tofuNodes, tofuHidden, p.duration)
	b.WriteString("```\n" + strings.Join(p.flat, "\n") + "\n```\n\n")
	b.WriteString("```\n" + strings.Join(p.cum, "\n") + "\n```\n\n")
	b.WriteString(tofuFrames)
}

// tofuFrames says what the frames that lead such profiles do, and what of a provider
// drives each.
const tofuFrames = `What the leading frames do, and what of a provider's resource drives them:

- ` + "`configschema.(*Block).ImpliedType`" + ` and cty's ` + "`WithoutOptionalAttributesDeep`" + `: the cty type of
  the resource built from its schema, again for each resource instance (state decoding,
  the plan's checks). Their cost follows the schema's size (every attribute and nested
  attribute at every depth; the table above counts them), not what an instance holds.
- ` + "`ctyjson`" + ` and ` + "`encoding/json`" + ` under ` + "`states`" + ` / ` + "`statefile`" + `: decoding and upgrading
  the state read at the start and encoding the state written at the end. Their cost follows
  the state's size: every attribute of every instance is stored, null or not, so a large
  schema costs state bytes even where a task holds little.
- ` + "`cty.NormalizeString`" + ` and ` + "`golang.org/x/text/unicode/norm`" + `: every string value decoded is
  NFC-normalised; the cost follows the number and length of strings in state and replies.
- msgpack (` + "`ctymsgpack`" + `): each object sent to or received from the provider (ReadResource,
  PlanResourceChange), again proportional to the object's size.

`
