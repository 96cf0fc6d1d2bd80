#!/usr/bin/env bash
# make testacc: the unit tests, then the provider's acceptance suite once per task-API
# model (SMS_ACC_API_MODEL=seed, then current), each test against its own emulator of
# that model, and once more under "current" with the fast path off
# (SMS_PROVIDER_FAST_PATH=off: every resource served by the plain framework server), so
# that every acceptance test also compares the fast path with the framework. Then, for
# each CLI binary listed in SMS_ACC_EXTRA_CLIS (space-separated paths of Terraform or
# OpenTofu binaries, e.g. from make cli-terraform-1.14 and make cli-tofu-1.12), the suite
# once more under that CLI for one API model (SMS_ACC_EXTRA_CLIS_API_MODEL, default
# current); see scripts/testacc-cli.sh. Prints the pass/fail/skip counts of each run;
# fails if any run fails.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/acc-suite.sh
export TF_ACC=1
args=(-count=1 -timeout=60m -parallel=4 ${TESTARGS:-})
status=0

# The packages that hold acceptance tests (they start emulators and the Terraform CLI).
acc_pkgs=(./internal/provider/... ./internal/service/...)

go test "${args[@]}" $(go list ./... | grep -v -e /internal/provider -e /internal/service/) || status=1

summary=""
for run in seed:on current:on current:off; do
  model=${run%%:*} fast=${run#*:}
  acc_suite "api model $model, fast path $fast" SMS_ACC_API_MODEL="$model" SMS_PROVIDER_FAST_PATH="$fast"
done
for cli in ${SMS_ACC_EXTRA_CLIS:-}; do
  acc_suite_cli "$cli" "${SMS_ACC_EXTRA_CLIS_API_MODEL:-current}"
done
printf '%s' "$summary"
exit $status
