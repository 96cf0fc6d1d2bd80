#!/usr/bin/env bash
# make release-check: the release path as a registry user meets it, with no network and
# no signing key. GoReleaser (pinned in the GNUmakefile) builds a snapshot release from
# .goreleaser.yml for linux_amd64 only; the archive, the binary inside it, SHA256SUMS and
# the manifest are checked; then the zip is unpacked into a filesystem mirror laid out as
# registry.terraform.io/sms-migration/sms/VERSION/linux_amd64/, Terraform installs the
# provider from that mirror alone (no dev_overrides), and a task is applied and destroyed
# against the emulator with the installed binary.
# Usage: scripts/release-check.sh GORELEASER
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
goreleaser="${1:?usage: release-check.sh GORELEASER}"
readonly address="registry.terraform.io/sms-migration/sms"
readonly project="terraform-provider-sms"
readonly platform="linux_amd64"

# The emulator's built-in defaults (see internal/emulator); not real credentials.
readonly emulator_region="ap-southeast-3"
readonly emulator_access_key="EMULATORAK0123456789"
readonly emulator_secret_key="EMULATORSKabcdefghijklmnopqrstuvwxyz0123"
readonly emulator_project_id="0123456789abcdef0123456789abcdef"
readonly emulator_linux_source="2b1f4c3e-7a8d-4e21-9f6a-3c5d8e0a1b02"

step() { printf '\n==> %s\n' "$*"; }
fail() {
	printf 'release-check: %s\n' "$*" >&2
	exit 1
}

for tool in go terraform git unzip sha256sum; do
	command -v "$tool" >/dev/null 2>&1 || fail "$tool not found on PATH"
done
[[ "$(go env GOOS)_$(go env GOARCH)" == "$platform" ]] ||
	fail "this check installs and runs the $platform build, so it runs on $platform only"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/sms-release-check.XXXXXX")"
emulator_pid=""
cleanup() {
	local status=$?
	if [[ -n "$emulator_pid" ]] && kill -0 "$emulator_pid" 2>/dev/null; then
		kill "$emulator_pid" 2>/dev/null || true
		wait "$emulator_pid" 2>/dev/null || true
	fi
	pkill -f -- "$tmp/" 2>/dev/null || true
	rm -rf "$tmp"
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cd "$root"

step "goreleaser check"
"$goreleaser" check

# .goreleaser.yml builds every registry platform; a check builds the one it can run.
# `targets` overrides goos/goarch/ignore, so one inserted line is the only difference
# from the release configuration, and the dist directory stays out of the work tree.
step "goreleaser release --snapshot for $platform (no signing, no publishing)"
config="$tmp/goreleaser.yml"
awk -v dist="$tmp/dist" '
	/^project_name:/ { print; print "dist: " dist; next }
	/^  - id: terraform-provider-sms$/ { print; print "    targets: [linux_amd64_v1]"; next }
	{ print }
' .goreleaser.yml >"$config"
grep -q '^    targets: \[linux_amd64_v1\]$' "$config" || fail "could not restrict $config to $platform"
"$goreleaser" release --snapshot --clean --skip=sign --config "$config"

dist="$tmp/dist"
zips=("$dist"/"$project"_*_"$platform".zip)
[[ ${#zips[@]} -eq 1 && -f "${zips[0]}" ]] || fail "expected one ${project}_VERSION_${platform}.zip in dist, found: $(ls "$dist")"
zip="${zips[0]}"
version="${zip##*/"$project"_}"
version="${version%_"$platform".zip}"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] || fail "archive version '$version' is not a semantic version"
echo "version: $version"

step "archive, binary, SHA256SUMS and manifest"
sums="$dist/${project}_${version}_SHA256SUMS"
[[ -f "$sums" ]] || fail "missing $(basename "$sums")"
# The registry reads the manifest from the release assets under this name; in a snapshot
# it exists only as its line in SHA256SUMS, which must be the repository's manifest.
manifest_name="${project}_${version}_manifest.json"
zip_name="${project}_${version}_${platform}.zip"
sum_of() { awk -v name="$1" '$2 == name { print $1 }' "$sums"; }
[[ -n "$(sum_of "$zip_name")" ]] || fail "SHA256SUMS does not list $zip_name: $(cat "$sums")"
[[ -n "$(sum_of "$manifest_name")" ]] || fail "SHA256SUMS does not list $manifest_name: $(cat "$sums")"
[[ "$(sum_of "$zip_name")" == "$(sha256sum "$zip" | cut -d' ' -f1)" ]] || fail "SHA256SUMS does not match $zip_name"
[[ "$(sum_of "$manifest_name")" == "$(sha256sum terraform-registry-manifest.json | cut -d' ' -f1)" ]] ||
	fail "SHA256SUMS's $manifest_name is not terraform-registry-manifest.json"
tr -d ' \n\t' <terraform-registry-manifest.json | grep -q '"protocol_versions":\["6.0"\]' ||
	fail "the manifest does not declare protocol version 6.0: $(cat terraform-registry-manifest.json)"
# Terraform runs the archive's terraform-provider-sms_v* file from its top level; the
# README, LICENSE and CHANGELOG travel beside it.
unzip -Z1 "$zip" | grep -qx "${project}_v${version}" ||
	fail "the archive has no top-level ${project}_v${version}: $(unzip -Z1 "$zip" | tr '\n' ' ')"
[[ "$(unzip -Z1 "$zip" | grep -c "^${project}")" -eq 1 ]] || fail "the archive holds more than one provider binary"

mirror="$tmp/mirror"
target="$mirror/$address/$version/$platform"
mkdir -p "$target"
unzip -q "$zip" -d "$target"
binary="$target/${project}_v${version}"
[[ -x "$binary" ]] || fail "the unpacked binary is not executable"
reported="$("$binary" -version)"
[[ "$reported" == "$version" ]] || fail "the binary reports version '$reported', the archive says '$version'"
echo "ok: $(basename "$zip") holds $(basename "$binary"), which reports $reported"

step "terraform init from the filesystem mirror only"
cat >"$tmp/terraform.rc" <<TFRC
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["$address"]
  }
}
TFRC
export TF_CLI_CONFIG_FILE="$tmp/terraform.rc" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
unset TF_REATTACH_PROVIDERS

go build -o "$tmp/sms-emulator" ./cmd/sms-emulator
"$tmp/sms-emulator" -listen 127.0.0.1:0 -url-file "$tmp/url" -clock-speed 60 >"$tmp/emulator.log" 2>&1 &
emulator_pid=$!
url=""
for _ in $(seq 1 300); do
	if [[ -s "$tmp/url" && "$(<"$tmp/url")" =~ ^http://127\.0\.0\.1:[0-9]+$ ]]; then
		url="$(<"$tmp/url")"
		break
	fi
	kill -0 "$emulator_pid" 2>/dev/null || {
		cat "$tmp/emulator.log" >&2
		fail "the emulator exited before it was ready"
	}
	sleep 0.1
done
[[ -n "$url" ]] || fail "the emulator did not start within 30s"

work="$tmp/config"
mkdir -p "$work"
cat >"$work/main.tf" <<HCL
terraform {
  required_providers {
    sms = {
      source  = "sms-migration/sms"
      version = "= $version"
    }
  }
}

provider "sms" {
  endpoint   = "$url"
  region     = "$emulator_region"
  access_key = "$emulator_access_key"
  secret_key = "$emulator_secret_key"
  project_id = "$emulator_project_id"
}

resource "sms_migration_task" "release_check" {
  name          = "release-check"
  type          = "MIGRATE_FILE"
  os_type       = "LINUX"
  speed_limit   = 100
  source_server = { id = "$emulator_linux_source" }
}
HCL
terraform -chdir="$work" init -input=false -no-color | tee "$tmp/init.log"
grep -q "Installing sms-migration/sms v$version" "$tmp/init.log" || fail "terraform init did not install v$version from the mirror"
grep -q "$address" "$work/.terraform.lock.hcl" || fail "no lock entry for $address"

step "apply and destroy with the installed binary"
terraform -chdir="$work" apply -input=false -auto-approve -no-color
terraform -chdir="$work" plan -input=false -detailed-exitcode -no-color >/dev/null ||
	fail "the plan after apply is not empty"
terraform -chdir="$work" destroy -input=false -auto-approve -no-color
[[ "$(grep -c . "$work/terraform.tfstate" 2>/dev/null || echo 0)" -gt 0 ]] || fail "no state written"
grep -q '"resources": \[\]' "$work/terraform.tfstate" || fail "the destroy left resources in state"

printf '\nrelease-check: ok (%s, %s)\n' "$(basename "$zip")" "$platform"
