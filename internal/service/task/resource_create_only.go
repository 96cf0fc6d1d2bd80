package task

import (
	"context"
	"encoding/json"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/float64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/sms-migration/terraform-provider-sms/internal/conns"
)

// privateKeyImported marks, in the resource's private state, a task that was imported and
// not yet applied since: SMS never reports the create-only flags, so state holds guesses
// (their defaults) for them, and the configured values are adopted instead of forcing a
// replacement of a task that may be migrating. The first apply after the import records
// the configured values and drops the mark; from then on a change replaces the task.
const privateKeyImported = "imported_create_only_unknown"

const createOnlyReplaceDescription = "Changing this value forces a new task, except on the first apply after an import, " +
	"which adopts the configured value (SMS does not report it)."

// privateStateGetter is the part of the framework's private state a plan modifier reads.
type privateStateGetter interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
}

// createOnlyValueUnknown says whether the state's value of the create-only attribute key
// is an import guess.
func createOnlyValueUnknown(ctx context.Context, private privateStateGetter, key string) bool {
	return slices.Contains(importGuessedKeys(ctx, private), key)
}

// importGuessedKeys lists the create-only attributes whose state values are import guesses.
func importGuessedKeys(ctx context.Context, private privateStateGetter) []string {
	if private == nil {
		return nil
	}
	v, diags := private.GetKey(ctx, privateKeyImported)
	if diags.HasError() || len(v) == 0 {
		return nil
	}
	var keys []string
	if json.Unmarshal(v, &keys) != nil {
		return nil
	}
	return keys
}

// markImportGuesses records keys as import guesses (none: the mark is dropped).
func markImportGuesses(ctx context.Context, private privateStateSetter, keys []string) diag.Diagnostics {
	if len(keys) == 0 {
		return private.SetKey(ctx, privateKeyImported, nil)
	}
	b, _ := json.Marshal(keys) //nolint:errchkjson // a []string always marshals
	return private.SetKey(ctx, privateKeyImported, b)
}

// migrationTaskCreateOnlyAttributeKeys are the attributes createOnly*Replace guard.
func migrationTaskCreateOnlyAttributeKeys() []string {
	return migrationTaskKeys(migrationTaskFieldsWith(migrationTaskRoleCreateOnly))
}

func createOnlyBoolReplace() planmodifier.Bool {
	return boolplanmodifier.RequiresReplaceIf(func(ctx context.Context, req planmodifier.BoolRequest, resp *boolplanmodifier.RequiresReplaceIfFuncResponse) {
		resp.RequiresReplace = !createOnlyValueUnknown(ctx, req.Private, req.Path.String())
	}, createOnlyReplaceDescription, createOnlyReplaceDescription)
}

func createOnlyFloat64Replace() planmodifier.Float64 {
	return float64planmodifier.RequiresReplaceIf(func(ctx context.Context, req planmodifier.Float64Request, resp *float64planmodifier.RequiresReplaceIfFuncResponse) {
		resp.RequiresReplace = !createOnlyValueUnknown(ctx, req.Private, req.Path.String())
	}, createOnlyReplaceDescription, createOnlyReplaceDescription)
}

func createOnlyStringReplace() planmodifier.String {
	return stringplanmodifier.RequiresReplaceIf(func(ctx context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
		resp.RequiresReplace = !createOnlyValueUnknown(ctx, req.Private, req.Path.String())
	}, createOnlyReplaceDescription, createOnlyReplaceDescription)
}

// migrationTaskCurrentUpdatableFlags are the CreateTask flags today's update body
// (api_model "current") also carries, so only the seed model replaces a task to change them.
func migrationTaskCurrentUpdatableFlags() []string {
	return migrationTaskKeys(migrationTaskFieldsWith(migrationTaskRoleCurrentPut))
}

// replaceForSeedOnlyFlagChanges makes a change of a migrationTaskCurrentUpdatableFlags
// value replace the task under api_model "seed", whose update body lacks them (an import
// guess is adopted instead, as for every create-only value).
func replaceForSeedOnlyFlagChanges(ctx context.Context, model string, private privateStateGetter, p *migrationTaskPlanning, resp *resource.ModifyPlanResponse) {
	if model != conns.APIModelSeed {
		return
	}
	plan, d1 := p.planModel()
	prior, d2 := p.priorModel()
	resp.Diagnostics.Append(d1...)
	resp.Diagnostics.Append(d2...)
	if resp.Diagnostics.HasError() {
		return
	}
	planned, held := migrationTaskCreateOnlyValues(plan), migrationTaskCreateOnlyValues(prior)
	for _, key := range migrationTaskCurrentUpdatableFlags() {
		if p := planned[key]; !p.IsUnknown() && !p.Equal(held[key]) && !createOnlyValueUnknown(ctx, private, key) {
			resp.RequiresReplace = append(resp.RequiresReplace, path.Root(key))
		}
	}
}

// currentFlagChanges is the part of today's update body (api_model "current") for the
// flags of migrationTaskCurrentUpdatableFlags that plan changes from prior. An import
// guess is adopted, not sent, as in the seed model.
func currentFlagChanges(ctx context.Context, private privateStateGetter, plan, prior migrationTaskResourceModel) map[string]any {
	planned, held := migrationTaskCreateOnlyValues(plan), migrationTaskCreateOnlyValues(prior)
	changes := map[string]any{}
	for _, key := range migrationTaskCurrentUpdatableFlags() {
		if createOnlyValueUnknown(ctx, private, key) {
			continue
		}
		if p, ok := planned[key].(types.Bool); ok && !p.IsNull() && !p.IsUnknown() && !p.Equal(held[key]) {
			changes[key] = p.ValueBool()
		}
	}
	return changes
}

// warnAdoptedCreateOnly tells, in the plan, which create-only values an update after an
// import adopts rather than replacing the task for.
func warnAdoptedCreateOnly(ctx context.Context, private privateStateGetter, p *migrationTaskPlanning, diags *diag.Diagnostics) {
	guessed := importGuessedKeys(ctx, private)
	if len(guessed) == 0 {
		return
	}
	plan, d1 := p.planModel()
	prior, d2 := p.priorModel()
	diags.Append(d1...)
	diags.Append(d2...)
	if diags.HasError() {
		return
	}
	planned, held := migrationTaskCreateOnlyValues(plan), migrationTaskCreateOnlyValues(prior)
	var adopted []string
	for _, key := range guessed {
		if p, ok := planned[key]; ok && !p.Equal(held[key]) {
			adopted = append(adopted, key)
		}
	}
	if len(adopted) == 0 {
		return
	}
	sort.Strings(adopted)
	diags.AddWarning("Adopting create-only values after an import",
		"SMS does not report "+strings.Join(adopted, ", ")+", so after an import the provider does not know the task's "+
			"values. This apply records the configured values without replacing the task and without sending them to SMS. "+
			"After it, changing a create-only value forces a new task, as documented.")
}

// migrationTaskCreateOnlyValues maps each create-only attribute to its value in m.
func migrationTaskCreateOnlyValues(m migrationTaskResourceModel) map[string]attr.Value {
	out := map[string]attr.Value{}
	for _, f := range migrationTaskFieldsWith(migrationTaskRoleCreateOnly) {
		out[f.Key] = f.Get(&m)
	}
	return out
}
