#!/usr/bin/env bash
# make testacc: the unit tests, then the provider's acceptance suite once per task-API
# model (SMS_ACC_API_MODEL=seed, then current), each test against its own emulator of
# that model, and once more under "current" with the fast path off
# (SMS_PROVIDER_FAST_PATH=off: every resource served by the plain framework server), so
# that every acceptance test also compares the fast path with the framework. Prints the
# pass/fail/skip counts of each run; fails if any run fails.
set -uo pipefail
cd "$(dirname "$0")/.."
export TF_ACC=1
args=(-count=1 -timeout=60m -parallel=4 ${TESTARGS:-})
status=0

# The packages that hold acceptance tests (they start emulators and the Terraform CLI).
acc_pkgs=(./internal/provider/... ./internal/service/...)

go test "${args[@]}" $(go list ./... | grep -v -e /internal/provider -e /internal/service/) || status=1

summary=""
for run in seed:on current:on current:off; do
  model=${run%%:*} fast=${run#*:}
  log=$(mktemp)
  echo "==> acceptance suite, api model $model, fast path $fast"
  SMS_ACC_API_MODEL=$model SMS_PROVIDER_FAST_PATH=$fast go test "${args[@]}" -v "${acc_pkgs[@]}" >"$log" 2>&1
  rc=$?
  grep -E '^(--- FAIL|FAIL|ok|panic:)' "$log"
  [ $rc -eq 0 ] || { status=1; grep -E -B2 -A40 '^--- FAIL' "$log" | head -400; }
  pass=$(grep -cE '^--- PASS: TestAcc' "$log")
  fail=$(grep -cE '^--- FAIL: TestAcc' "$log")
  skip=$(grep -cE '^--- SKIP: TestAcc' "$log")
  units=$(grep -cE '^--- PASS: Test' "$log")
  summary+="api model $model, fast path $fast: $pass acceptance tests passed, $fail failed, $skip skipped ($units top-level tests passed in all)"$'\n'
  rm -f "$log"
done
printf '%s' "$summary"
exit $status
