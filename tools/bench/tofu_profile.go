package main

import (
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/sms-migration/terraform-provider-sms/internal/emulator"
)

// tofuNodes is how many frames each listing of the OpenTofu profile shows.
const tofuNodes = 30

// tofuRuntime are the Go runtime's frames (allocation, garbage collection, map and
// memory primitives): hidden from the listings, their time counts to the frames that
// called them, which say what the work was.
const tofuRuntime = `^(runtime\.|internal/runtime/|aeshashbody|memeqbody|cmpbody|indexbytebody|gcWriteBarrier)`

// tofuHidden are the frames also left out of the cumulative listing: the CLI's and the
// graph walk's, which hold all of a plan's time without saying where it goes.
const tofuHidden = tofuRuntime + `|^(main\.|github\.com/opentofu/opentofu/internal/(command|backend/local|dag)\.|github\.com/opentofu/opentofu/internal/tofu\.\(\*(ContextGraphWalker|Graph)\))`

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
	p := &tofuProfile{n: n, tofu: tofuVersion(ctx, tofu, s.env)}
	path := filepath.Join(s.dir, "tofu-plan.pprof")
	s.env = append(s.env, "TOFU_CPU_PROFILE="+path)
	progress("tofu profile: the unchanged plan, profiled")
	if _, err := s.run(ctx, officialPlan); err != nil {
		return nil, err
	}
	if p.duration, p.flat, err = pprofTop(ctx, path, tofuNodes, tofuRuntime, false); err != nil {
		return nil, err
	}
	if strings.Contains(p.duration, "Total samples = 0") {
		return nil, fmt.Errorf("the profile of the plan holds no samples: %s", p.duration)
	}
	if _, p.cum, err = pprofTop(ctx, path, tofuNodes, tofuHidden, true); err != nil {
		return nil, err
	}
	return p, nil
}

// tofuVersion is "OpenTofu vX.Y.Z (`path`)", or the path alone if tofu does not say.
func tofuVersion(ctx context.Context, tofu string, env []string) string {
	named := "`" + tofu + "`"
	cmd := exec.CommandContext(ctx, tofu, "version")
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		return named
	}
	for line := range strings.SplitSeq(string(out), "\n") {
		if strings.HasPrefix(line, "OpenTofu v") {
			return line + " (" + named + ")"
		}
	}
	return named
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
		"provider applied with %s, then its refresh + unchanged plan profiled (the provider runs\n"+
		"apart, so this is OpenTofu's CPU alone). `go tool pprof -top -nodecount=%d` without the Go\n"+
		"runtime's frames, whose time counts to their callers (`-hide '%s'`), by own time; then by\n"+
		"time including callees, without the CLI's and the graph walk's frames too (`-cum -hide '%s'`).\n\n%s\n\n",
		p.n, p.tofu, tofuNodes, tofuRuntime, tofuHidden, p.duration)
	b.WriteString("```\n" + strings.Join(p.flat, "\n") + "\n```\n\n")
	b.WriteString("```\n" + strings.Join(p.cum, "\n") + "\n```\n\n")
	b.WriteString(tofuFrames)
}

// tofuFrames says what the frames that lead such profiles do, and what of a provider
// drives each.
const tofuFrames = `What the leading frames do, and what of a provider's resource drives them:

- ` + "`states.(*ResourceInstanceObjectSrc).DeepCopy`" + ` under ` + "`AttachStateTransformer`" + ` (in
  ` + "`resourceInstanceSubgraph`" + `): when the plan expands a resource with count or for_each, every
  one of its N instances gets a copy of the whole resource's state, all N instances with their
  stored JSON (` + "`an.AttachResourceState(rs.DeepCopy())`" + `, the same in Terraform 1.14). That is
  N × N × the state bytes per task: the one cost here that grows faster than N, and one
  reason a ratio against a provider with less state per task worsens as N grows.
- ` + "`configschema.(*Block).ImpliedType`" + ` and cty's ` + "`WithoutOptionalAttributesDeep`" + `: the cty type of
  the resource built from its schema, again for each resource instance (state decoding,
  the plan's checks). Their cost follows the schema's size (every attribute and nested
  attribute at every depth; the table above counts them), not what an instance holds.
- cty's ` + "`WrangleMarksDeep`" + ` / ` + "`UnmarkDeepWithPaths`" + ` and the object element iterator
  (with ` + "`sort.Strings`" + ` under it: an object's attribute names are sorted each time it is
  walked): every value of an object is visited, a null one too, so these follow the schema's
  size as well.
- ` + "`ctyjson`" + ` and ` + "`encoding/json`" + ` under ` + "`states`" + ` / ` + "`statefile`" + `: decoding and upgrading
  the state read at the start and encoding the state written at the end. Their cost follows
  the state's size: every attribute of every instance is stored, null or not, so a large
  schema costs state bytes even where a task holds little.
- ` + "`cty.NormalizeString`" + ` and ` + "`golang.org/x/text/unicode/norm`" + `: every string value decoded is
  NFC-normalised; the cost follows the number and length of strings in state and replies.
- msgpack (` + "`ctymsgpack`" + `): each object sent to or received from the provider (ReadResource,
  PlanResourceChange), again proportional to the object's size.

`
