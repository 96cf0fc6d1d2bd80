#!/usr/bin/env bash
# make demo: the provider end to end against the local SMS emulator, with nothing but
# Go and Terraform. Builds both binaries into a temporary directory, starts the
# emulator on 127.0.0.1, points Terraform at the local provider build through
# dev_overrides, then creates a migration task, updates one attribute in place
# (showing the requests it sent: one PUT carrying only that attribute), checks that
# the next plan is empty, and destroys the task. Nothing leaves
# 127.0.0.1; the temporary directory and the emulator are removed on any exit.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# The emulator's built-in defaults (see internal/emulator); not real credentials.
readonly emulator_region="ap-southeast-3"
readonly emulator_access_key="EMULATORAK0123456789"
readonly emulator_secret_key="EMULATORSKabcdefghijklmnopqrstuvwxyz0123"
readonly emulator_project_id="0123456789abcdef0123456789abcdef"

step() { printf '\n==> %s\n' "$*"; }
fail() {
	printf 'demo: %s\n' "$*" >&2
	exit 1
}

for tool in go terraform; do
	command -v "$tool" >/dev/null 2>&1 || fail "$tool not found on PATH"
done

tmp="$(mktemp -d "${TMPDIR:-/tmp}/sms-demo.XXXXXX")"
emulator_pid=""
cleanup() {
	local status=$?
	if [[ -n "$emulator_pid" ]] && kill -0 "$emulator_pid" 2>/dev/null; then
		kill "$emulator_pid" 2>/dev/null || true
		wait "$emulator_pid" 2>/dev/null || true
	fi
	# A terraform interrupted mid-command (Ctrl-C, a closed pipe) can leave the provider
	# plugin it started behind; nothing else runs a binary from this directory.
	pkill -f -- "$tmp/bin/" 2>/dev/null || true
	rm -rf "$tmp"
	exit "$status"
}
trap cleanup EXIT
# Turn signals into a normal exit so the EXIT trap runs.
trap 'exit 130' INT TERM

step "Building the provider and the emulator into $tmp/bin"
(
	cd "$root"
	go build -o "$tmp/bin/terraform-provider-sms" .
	go build -o "$tmp/bin/sms-emulator" ./cmd/sms-emulator
)

step "Starting the emulator on 127.0.0.1"
"$tmp/bin/sms-emulator" -listen 127.0.0.1:0 -url-file "$tmp/url" -clock-speed 60 \
	>"$tmp/emulator.log" 2>&1 &
emulator_pid=$!

# The emulator writes its URL once it is listening. Accept only a loopback URL, which
# also guards against reading a half-written file.
url=""
for _ in $(seq 1 300); do
	if [[ -s "$tmp/url" ]]; then
		candidate="$(<"$tmp/url")"
		if [[ "$candidate" =~ ^http://127\.0\.0\.1:[0-9]+$ ]]; then
			url="$candidate"
			break
		fi
	fi
	if ! kill -0 "$emulator_pid" 2>/dev/null; then
		cat "$tmp/emulator.log" >&2 || true
		fail "the emulator exited before it was ready"
	fi
	sleep 0.1
done
[[ -n "$url" ]] || {
	cat "$tmp/emulator.log" >&2 || true
	fail "the emulator did not write a loopback URL to $tmp/url within 30s"
}
echo "emulator: $url"

# dev_overrides makes Terraform use the binary just built for sms-migration/sms, with
# no `terraform init` and so no registry lookup. Terraform warns about the override.
cat >"$tmp/terraformrc" <<EOF
provider_installation {
  dev_overrides {
    "registry.terraform.io/sms-migration/sms" = "$tmp/bin"
  }
  direct {}
}
EOF
export TF_CLI_CONFIG_FILE="$tmp/terraformrc"
export CHECKPOINT_DISABLE=1
export TF_IN_AUTOMATION=1

# Provider settings: the emulator's endpoint and default credentials. Clear every other
# credential variable the provider reads, so a real account configured in this shell
# cannot conflict or be used.
unset HW_AUTH_TOKEN HW_SECURITY_TOKEN HUAWEICLOUD_SDK_SECURITY_TOKEN \
	HUAWEICLOUD_SDK_AK HUAWEICLOUD_SDK_SK HUAWEICLOUD_SDK_PROJECT_ID \
	CLOUD_SDK_AK CLOUD_SDK_SK HW_SMS_ENDPOINT HW_INSECURE HW_MAX_RETRIES
export HW_REGION_NAME="$emulator_region"
export HW_ACCESS_KEY="$emulator_access_key"
export HW_SECRET_KEY="$emulator_secret_key"
export HW_PROJECT_ID="$emulator_project_id"
export TF_VAR_endpoint="$url"

work="$tmp/work"
mkdir -p "$work"
cp "$root/examples/demo/main.tf" "$work/main.tf"
tf() { terraform -chdir="$work" "$@"; }

step "terraform apply: create the migration task"
tf apply -auto-approve -input=false -no-color

step "The task as Terraform recorded it"
tf output -no-color
task_id="$(tf output -raw task_id)"
[[ -n "$task_id" ]] || fail "the task has no id"

step "terraform apply -var speed_limit=200: an in-place update"
# The provider's HTTP client logs every request in the sms_client subsystem; its TRACE
# lines carry the bodies, which shows what the update actually sent.
TF_LOG_PROVIDER=TRACE TF_LOG_PATH="$tmp/update-trace.log" \
	tf apply -auto-approve -input=false -no-color -var speed_limit=200 | tee "$tmp/update.log"
grep -q 'Plan: 0 to add, 1 to change, 0 to destroy\.' "$tmp/update.log" ||
	fail "expected an in-place update (0 to add, 1 to change, 0 to destroy)"
[[ "$(tf output -raw task_id)" == "$task_id" ]] || fail "the task was replaced, not updated"
[[ "$(tf output -raw speed_limit)" == "200" ]] || fail "speed_limit is not 200 after the update"

echo
echo "Requests the update sent (from the sms_client TRACE log):"
grep -F 'SMS API request detail' "$tmp/update-trace.log" >"$tmp/requests.log" || true
while IFS= read -r line; do
	method="$(grep -oE 'method=[A-Z]+' <<<"$line" | cut -d= -f2)"
	path="$(grep -oE 'path=[^ ]+' <<<"$line" | cut -d= -f2)"
	body="$(grep -oE 'body="([^"\\]|\\.)*"' <<<"$line" | sed -e 's/^body="//' -e 's/"$//' -e 's/\\"/"/g')"
	printf '  %-4s %s %s\n' "$method" "$path" "$body"
done <"$tmp/requests.log"
put_bodies="$(grep -F 'method=PUT' "$tmp/requests.log" | grep -oE 'body="([^"\\]|\\.)*"' || true)"
[[ "$put_bodies" == 'body="{\"speed_limit\":200}"' ]] ||
	fail "expected one PUT with exactly {\"speed_limit\":200}, got: ${put_bodies:-none}"

step "terraform plan: nothing left to change"
plan_status=0
tf plan -input=false -no-color -detailed-exitcode -var speed_limit=200 || plan_status=$?
[[ "$plan_status" -eq 0 ]] || fail "terraform plan after the update was not empty (exit code $plan_status)"

step "terraform destroy"
tf destroy -auto-approve -input=false -no-color -var speed_limit=200

step "Stopping the emulator"
kill "$emulator_pid"
wait "$emulator_pid" 2>/dev/null || true
emulator_pid=""

printf '\nDemo finished: task %s was created, updated in place and destroyed.\n' "$task_id"
