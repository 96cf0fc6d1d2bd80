# Sourced by scripts/testacc.sh and scripts/testacc-cli.sh: acc_suite runs the provider's
# acceptance packages once with the environment it is given and records one summary
# line. The caller sets TF_ACC=1, args (go test flags) and acc_pkgs, starts summary=""
# and status=0, and prints "$summary" at the end.

# acc_suite LABEL [ENV-ARGS...]: go test "${args[@]}" -v "${acc_pkgs[@]}" under env ENV-ARGS
# (VAR=VALUE, -u VAR);
# prints the packages' result lines (and the failures), appends
# "LABEL: N acceptance tests passed, M failed, K skipped (U top-level tests passed in all)"
# to summary, and sets status=1 if the run failed.
acc_suite() {
	local label=$1
	shift
	local log rc pass fail skip units
	log=$(mktemp)
	echo "==> acceptance suite, $label"
	env "$@" go test "${args[@]}" -v "${acc_pkgs[@]}" >"$log" 2>&1
	rc=$?
	grep -E '^(--- FAIL|FAIL|ok|panic:)' "$log"
	[ $rc -eq 0 ] || { status=1; grep -E -B2 -A40 '^--- FAIL' "$log" | head -400; }
	pass=$(grep -cE '^--- PASS: TestAcc' "$log")
	fail=$(grep -cE '^--- FAIL: TestAcc' "$log")
	skip=$(grep -cE '^--- SKIP: TestAcc' "$log")
	units=$(grep -cE '^--- PASS: Test' "$log")
	summary+="$label: $pass acceptance tests passed, $fail failed, $skip skipped ($units top-level tests passed in all)"$'\n'
	rm -f "$log"
}

# cli_label BINARY: "terraform 1.14.5" or "tofu 1.12.6" from the first line of
# `BINARY version`; fails for a binary that is neither.
cli_label() {
	local first
	first=$(CHECKPOINT_DISABLE=1 TF_CLI_CONFIG_FILE=/dev/null "$1" version 2>/dev/null)
	first=${first%%$'\n'*}
	case "$first" in
	"Terraform v"*) echo "terraform ${first#Terraform v}" ;;
	"OpenTofu v"*) echo "tofu ${first#OpenTofu v}" ;;
	*)
		echo "$1: not a Terraform or OpenTofu CLI (version says '$first')" >&2
		return 1
		;;
	esac
}

# acc_suite_cli BINARY MODEL [VAR=VALUE...]: the suite under the CLI BINARY
# (TF_ACC_TERRAFORM_PATH) against emulators of one API model; under OpenTofu the
# in-process provider answers at registry.opentofu.org (TF_ACC_PROVIDER_HOST), the
# registry OpenTofu gives source = "sms-migration/sms".
acc_suite_cli() {
	local bin=$1 model=$2 label host=registry.terraform.io unset=()
	shift 2
	# A TF_CLI_CONFIG_FILE naming no file means no CLI configuration, but OpenTofu
	# writes its warning about it to stdout, where terraform-plugin-testing reads
	# `version -json`: leave it out, which means the same.
	if [ -n "${TF_CLI_CONFIG_FILE:-}" ] && [ ! -e "$TF_CLI_CONFIG_FILE" ]; then
		unset=(-u TF_CLI_CONFIG_FILE)
	fi
	label=$(cli_label "$bin") || {
		status=1
		summary+="cli $bin: not a Terraform or OpenTofu CLI, not run"$'\n'
		return
	}
	case "$label" in tofu\ *) host=registry.opentofu.org ;; esac
	acc_suite "cli $label, api model $model" "${unset[@]}" TF_ACC_TERRAFORM_PATH="$bin" TF_ACC_PROVIDER_HOST="$host" \
		SMS_ACC_API_MODEL="$model" "$@"
}
