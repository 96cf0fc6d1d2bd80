#!/usr/bin/env bash
# make cli-terraform-1.14 / cli-tofu-1.12: builds a Terraform or OpenTofu CLI from its Go
# module (the Go module proxy is the only network used) into a cache outside the work tree,
# reuses a cached build that runs and reports the version, and prints the binary's path
# (the only line on stdout; progress goes to stderr).
#
# Usage: scripts/build-cli.sh terraform|tofu VERSION     (VERSION as 1.14.5 or v1.14.5)
#
# SMS_CLI_CACHE is the cache (default ${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-sms/cli);
# the binary is $SMS_CLI_CACHE/<name>-<version>/<name>. The module is copied out of the
# module cache before it is touched; the module cache is never written in place.
#
# Terraform's module zip lacks the ten nested modules its go.mod replaces with folders
# (internal/legacy and nine internal/backend/remote-state/*: azurerm, consul, cos, gcs,
# kubernetes, oss, pg, s3, oci). Only internal/backend/init imports those backends (and only
# the oss and cos backends import internal/legacy), so the copy drops those go.mod lines and
# those backends' imports and registrations: the CLI built here has every backend that
# lives in the main module (local, remote, http, inmem, cloud) and no other. The tests use
# the local backend only.
set -euo pipefail

usage() {
	echo "usage: build-cli.sh terraform|tofu VERSION" >&2
	exit 2
}
name="${1:-}"
version="${2:-}"
version="${version#v}"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || usage
case "$name" in
terraform)
	module=github.com/hashicorp/terraform
	main=. # Terraform's main package is the module's root
	banner="Terraform v$version"
	;;
tofu)
	module=github.com/opentofu/opentofu
	main=./cmd/tofu
	banner="OpenTofu v$version"
	;;
*) usage ;;
esac

cache="${SMS_CLI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-sms/cli}"
out="$cache/$name-$version"
bin="$out/$name"

# Neither `version` nor anything else here may phone home (Terraform's checkpoint).
export CHECKPOINT_DISABLE=1

# reports runs the binary and checks the first line of `version` is the banner.
reports() {
	local text
	# The whole output, not a pipe into head: a CLI that writes its second line after
	# head has gone would die of SIGPIPE and fail the check.
	text="$(TF_CLI_CONFIG_FILE=/dev/null "$1" version 2>/dev/null)" || return 1
	[ "${text%%$'\n'*}" = "$banner" ]
}

if [ -x "$bin" ] && reports "$bin"; then
	echo "build-cli: $banner cached at $bin" >&2
	echo "$bin"
	exit 0
fi

mkdir -p "$cache"
work="$(mktemp -d "$cache/.build-$name-$version.XXXXXX")"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
start=$SECONDS

# Outside any module, so the repository's go.mod and go.work play no part.
cd "$work"
export GOWORK=off GOFLAGS=-buildvcs=false
echo "build-cli: downloading $module@v$version" >&2
dir="$(go mod download -json "$module@v$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
[ -n "$dir" ] && [ -d "$dir" ] || {
	echo "build-cli: go mod download $module@v$version gave no module directory" >&2
	exit 1
}
cp -R "$dir" "$work/src"
chmod -R u+w "$work/src"
cd "$work/src"

if [ "$name" = terraform ]; then
	# Nested modules replaced by folders the zip does not hold.
	missing=()
	while read -r mod path; do
		[ -d "$path" ] || missing+=("$mod")
	done < <(sed -n 's/^replace \(github\.com\/hashicorp\/terraform\/[^ ]*\) => \(\.\/[^ ]*\)$/\1 \2/p' go.mod)
	init=internal/backend/init/init.go
	for mod in "${missing[@]}"; do
		# Its require and replace lines.
		grep -vF "$mod " go.mod >go.mod.new && mv go.mod.new go.mod
		echo "build-cli: without $mod" >&2
		# Its import (alias "path") and the registrations that use the alias.
		alias="$(sed -n "s|^[[:space:]]*\([A-Za-z0-9_]*\) \"$mod\"\$|\1|p" "$init")"
		[ -n "$alias" ] || continue
		grep -vE "^[[:space:]]*$alias \"$mod\"\$|[^A-Za-z0-9_]$alias\." "$init" >"$init.new" && mv "$init.new" "$init"
	done
	# What is left must not name a missing module.
	for mod in "${missing[@]}"; do
		if grep -rlF --include='*.go' "\"$mod\"" . | grep -v '_test\.go$' | grep -q .; then
			echo "build-cli: $mod is still imported by:" >&2
			grep -rlF --include='*.go' "\"$mod\"" . | grep -v '_test\.go$' >&2
			exit 1
		fi
	done
fi

echo "build-cli: building $banner" >&2
CGO_ENABLED=0 nice -n 10 go build -trimpath \
	-ldflags "-s -w -X $module/version.dev=no" \
	-o "$work/bin/$name" "$main"

reports "$work/bin/$name" || {
	echo "build-cli: the binary built does not report $banner:" >&2
	TF_CLI_CONFIG_FILE=/dev/null "$work/bin/$name" version >&2 || true
	exit 1
}
rm -rf "$out"
mv "$work/bin" "$out"
echo "build-cli: built $banner in $((SECONDS - start))s" >&2
echo "$bin"
