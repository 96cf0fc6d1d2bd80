package main

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// The timed sections of BENCHMARKS.md: scale and deep bodies.

func (r *report) renderScale(b *strings.Builder) {
	b.WriteString("## 3. Scale: N tasks against N `terraform_data` (the floor)\n\n")
	b.WriteString("Each repetition starts from an empty state and a fresh emulator: `terraform apply\n" +
		"-auto-approve -parallelism=10` creates N minimal tasks (its own plan included), then\n" +
		"`terraform plan -parallelism=10 -detailed-exitcode` refreshes and plans them (it must find\n" +
		"nothing to change). Right after, in the same repetition, the same two commands run on N\n" +
		"`terraform_data` resources, which start no provider: Terraform's own cost, the floor.\n" +
		"Provider peak RSS is the largest of the provider processes Terraform started for the\n" +
		"two commands.\n\n")
	var rows [][]string
	for _, s := range r.scale {
		rows = append(rows, []string{
			fmt.Sprint(s.n), fmt.Sprint(s.reps),
			secondsRange(s.tasks.apply), secondsRange(s.floor.apply), ratio(s.tasks.apply.median(), s.floor.apply.median()),
			secondsRange(s.tasks.plan), secondsRange(s.floor.plan), ratio(s.tasks.plan.median(), s.floor.plan.median()),
			mib(median(s.tasks.providerPeakKiB)),
		})
	}
	mdTable(b, []string{"N", "reps", "apply: tasks", "apply: floor", "apply ÷ floor",
		"plan: tasks", "plan: floor", "plan ÷ floor", "provider peak RSS"}, rows)
	r.noteReducedReps(b, "N", func() []int {
		var out []int
		for _, s := range r.scale {
			if s.reps < r.opts.reps {
				out = append(out, s.n)
			}
		}
		return out
	}())
	if len(r.scale) > 1 {
		first, last := r.scale[0], r.scale[len(r.scale)-1]
		perTask := (last.tasks.apply.median() - first.tasks.apply.median()) / float64(last.n-first.n)
		perFloor := (last.floor.apply.median() - first.floor.apply.median()) / float64(last.n-first.n)
		perPlan := (last.tasks.plan.median() - first.tasks.plan.median()) / float64(last.n-first.n)
		perPlanFloor := (last.floor.plan.median() - first.floor.plan.median()) / float64(last.n-first.n)
		fmt.Fprintf(b, "Marginal cost per resource between N=%d and N=%d: apply %.0f ms per task against %.1f ms per\n"+
			"`terraform_data`, plan %.0f ms per task against %.1f ms.\n\n",
			first.n, last.n, perTask*1000, perFloor*1000, perPlan*1000, perPlanFloor*1000)
	}
}

func (r *report) noteReducedReps(b *strings.Builder, what string, sizes []int) {
	if len(sizes) == 0 {
		return
	}
	var s []string
	for _, n := range sizes {
		s = append(s, fmt.Sprint(n))
	}
	fmt.Fprintf(b, "%s = %s ran fewer than %d repetitions (see the reps column): `-heavy-reps` asked for %d, or\n"+
		"one more would have ended the run past its `-budget` of %s on this machine.\n\n",
		what, strings.Join(s, ", "), r.opts.reps, r.opts.heavyReps, r.opts.budget)
}

func (r *report) renderDeep(b *strings.Builder) {
	b.WriteString("## 4. Deep bodies: one task, `target_server.disks` × 8 physical volumes\n\n")
	b.WriteString("One task whose `target_server` has D disks of 8 physical volumes each (generated with `for`\n" +
		"expressions in `locals`). Plan is `terraform plan -out` of the new task; apply is\n" +
		"`terraform apply` of that saved plan (so the plan is not timed twice; a plain\n" +
		"`terraform apply` costs about the sum). The floor is one `terraform_data` holding the same\n" +
		"generated list, timed the same way in the same repetition.\n\n")
	limit := r.opts.deepCap
	var rows [][]string
	for _, d := range r.deep {
		rows = append(rows, []string{
			fmt.Sprint(d.disks), fmt.Sprint(d.disks * volumesPerDisk), deepReps(d),
			deepCell(d.task.plan, d.task.planCapped, limit), deepCell(d.task.apply, d.task.capped(), limit),
			secondsRange(d.floor.plan), secondsRange(d.floor.apply), deepRSS(d.task),
		})
	}
	mdTable(b, []string{"disks", "physical volumes", "reps", "plan", "apply", "plan: floor", "apply: floor", "provider peak RSS"}, rows)

	b.WriteString("How the time grows from one size to the next (time ratio against size ratio; the exponent\n" +
		"k in time ∝ disks^k, so k = 1 is linear and k = 2 quadratic):\n\n")
	var growth [][]string
	for i := 1; i < len(r.deep); i++ {
		a, c := r.deep[i-1], r.deep[i]
		size := float64(c.disks) / float64(a.disks)
		growth = append(growth, []string{
			fmt.Sprintf("%d → %d", a.disks, c.disks), fmt.Sprintf("%.0f×", size),
			growthCell(a.task.plan, a.task.planCapped, c.task.plan, c.task.planCapped, a.disks, c.disks, limit),
			growthCell(a.task.apply, a.task.capped(), c.task.apply, c.task.capped(), a.disks, c.disks, limit),
		})
	}
	mdTable(b, []string{"disks", "size ×", "plan: time × (k)", "apply: time × (k)"}, growth)
	anyCapped := false
	for _, d := range r.deep {
		anyCapped = anyCapped || d.task.capped()
	}
	if anyCapped {
		fmt.Fprintf(b, "Each deep command is capped at %s; a capped plan is reported as a lower bound (\"> cap\"), and\n"+
			"its apply, which re-plans, cannot be faster.\n\n", limit)
	} else {
		fmt.Fprintf(b, "Each deep command is capped at %s (`-deep-cap`); none reached the cap in this run.\n\n", limit)
	}
	r.renderDeepShare(b)
	r.noteReducedReps(b, "D", func() []int {
		var out []int
		for _, d := range r.deep {
			if d.reps < r.opts.reps {
				out = append(out, d.disks)
			}
		}
		return out
	}())
}

// renderDeepShare sets the provider's own mapping time for the largest body (from the Go
// benchmarks) beside the Terraform figures, to show where the time goes.
func (r *report) renderDeepShare(b *strings.Builder) {
	const sub = "/target_1024_disks_x8"
	expand := r.goMetric("BenchmarkExpandMigrationTaskBody"+sub, "ns/op")
	flatten := r.goMetric("BenchmarkFlattenMigrationTask"+sub, "ns/op")
	if math.IsNaN(expand) || math.IsNaN(flatten) {
		return
	}
	fmt.Fprintf(b, "The provider's own mapping code on a 1024-disk body, without Terraform (section 5):\n"+
		"`expandMigrationTaskBody` takes %.2f s and decoding plus flattening the GET body %.2f s.\n",
		expand/1e9, flatten/1e9)
	for _, d := range r.deep {
		if d.task.capped() {
			b.WriteString("So most of a capped command's time is spent outside that code. A CPU profile\n" +
				"of the provider taken while writing this benchmark (384 disks) put most of it in\n" +
				"terraform-plugin-framework's `PlanResourceChange`: its `MarkComputedNilsAsUnknown` re-wraps\n" +
				"its context for every value it visits, so each per-value trace-log call walks a longer\n" +
				"context chain, which is quadratic in the body size (related upstream issue:\n" +
				"hashicorp/terraform-plugin-framework#721).\n")
			break
		}
	}
	b.WriteString("\n")
}

// deepReps is the repetition count, with the task's own when a cap cut it short.
func deepReps(d deepResult) string {
	if d.taskRuns == d.reps {
		return fmt.Sprint(d.reps)
	}
	return fmt.Sprintf("%d (task: %d)", d.reps, d.taskRuns)
}

// deepRSS is the provider's peak RSS; a process killed at the cap never reported one.
func deepRSS(s deepSide) string {
	if len(s.providerPeakKiB) == 0 && s.capped() {
		return "— (killed at the cap)"
	}
	return mib(median(s.providerPeakKiB))
}

func deepCell(d durations, capped bool, limit time.Duration) string {
	if capped || len(d) == 0 {
		return fmt.Sprintf("> %.0f s (stopped at the cap; not repeated)", limit.Seconds())
	}
	return secondsRange(d)
}

// growthCell is "t2/t1× (k=…)"; with a capped t2 both are lower bounds.
func growthCell(d1 durations, capped1 bool, d2 durations, capped2 bool, s1, s2 int, limit time.Duration) string {
	if capped1 || len(d1) == 0 {
		return "—"
	}
	t1, t2 := d1.median(), d2.median()
	bound := ""
	if capped2 || len(d2) == 0 {
		t2, bound = limit.Seconds(), "> "
	}
	k := growthExponent(float64(s1), float64(s2), t1, t2)
	return fmt.Sprintf("%s%.1f× (k %s%.2f)", bound, t2/t1, bound, k)
}
