#!/usr/bin/env bash
# make testacc: the unit tests, then the provider's acceptance suite once per task-API
# model (SMS_ACC_API_MODEL=seed, then current), each test against its own emulator of
# that model. Prints the pass/fail/skip counts of each run; fails if any run fails.
set -uo pipefail
cd "$(dirname "$0")/.."
export TF_ACC=1
args=(-count=1 -timeout=60m -parallel=4 ${TESTARGS:-})
status=0

go test "${args[@]}" $(go list ./... | grep -v /internal/provider$) || status=1

summary=""
for model in seed current; do
  log=$(mktemp)
  echo "==> acceptance suite, api model $model"
  SMS_ACC_API_MODEL=$model go test "${args[@]}" -v ./internal/provider >"$log" 2>&1
  rc=$?
  grep -E '^(--- FAIL|FAIL|ok|panic:)' "$log"
  [ $rc -eq 0 ] || { status=1; grep -E -B2 -A40 '^--- FAIL' "$log" | head -400; }
  pass=$(grep -cE '^--- PASS: TestAcc' "$log")
  fail=$(grep -cE '^--- FAIL: TestAcc' "$log")
  skip=$(grep -cE '^--- SKIP: TestAcc' "$log")
  units=$(grep -cE '^--- PASS: Test' "$log")
  summary+="api model $model: $pass acceptance tests passed, $fail failed, $skip skipped ($units top-level tests passed in all)"$'\n'
  rm -f "$log"
done
printf '%s' "$summary"
exit $status
