#!/usr/bin/env bash
# make testacc-clis: the provider's acceptance suite under each CLI binary given (a
# Terraform or OpenTofu binary, e.g. the paths make cli-terraform-1.14 and
# make cli-tofu-1.12 print), for one API model (SMS_ACC_API_MODEL, default current):
# TF_ACC_TERRAFORM_PATH is the binary, and under OpenTofu TF_ACC_PROVIDER_HOST is
# registry.opentofu.org. Prints one summary line per CLI; fails if any run fails.
# Usage: scripts/testacc-cli.sh BINARY...   (TESTARGS adds go test flags)
set -uo pipefail
[ $# -gt 0 ] || { echo "usage: testacc-cli.sh BINARY..." >&2; exit 2; }
bins=()
for b in "$@"; do
  case "$b" in
  /*) ;;
  */*) b="$PWD/$b" ;;
  *) b=$(command -v "$b") || { echo "testacc-cli.sh: $1 not found on PATH" >&2; exit 2; } ;;
  esac
  bins+=("$b")
done
cd "$(dirname "$0")/.."
. scripts/acc-suite.sh
export TF_ACC=1
args=(-count=1 -timeout=60m -parallel=4 ${TESTARGS:-})
acc_pkgs=(./internal/provider/... ./internal/service/...)
status=0
summary=""
for cli in "${bins[@]}"; do
  acc_suite_cli "$cli" "${SMS_ACC_API_MODEL:-current}"
done
printf '%s' "$summary"
exit $status
