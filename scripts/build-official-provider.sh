#!/usr/bin/env bash
# make official-provider: builds the official Huawei Cloud provider
# (github.com/huaweicloud/terraform-provider-huaweicloud) from its Go module, for the
# side-by-side benchmark (make bench-official). The Go module proxy is the only network
# used. The build goes into a cache outside the work tree and is reused while it runs and
# reports its version; the binary's path is the only line on stdout (progress goes to
# stderr).
#
# Usage: scripts/build-official-provider.sh [VERSION]     (default 1.97.1; 1.97.1 or v1.97.1)
#
# SMS_OFFICIAL_CACHE is the cache (default
# ${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-sms/official); the binary is
# $SMS_OFFICIAL_CACHE/<version>/terraform-provider-huaweicloud. The module is copied out of
# the module cache and built there unchanged; the module cache is never written in place.
# Where the proxy does not serve the module (it refuses it here), SMS_OFFICIAL_SOURCE names
# a git clone of the provider's repository, bare or not, and the tag v<VERSION> is built
# from it, unchanged. The module vendors its dependencies (vendor/), so the build itself
# fetches nothing. It is large (about 12,000 Go files and 4,000 vendored): the first build
# takes minutes, and tens of minutes on a loaded 2-core machine.
set -euo pipefail

version="${1:-1.97.1}"
version="${version#v}"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || {
	echo "usage: build-official-provider.sh [VERSION]" >&2
	exit 2
}
module=github.com/huaweicloud/terraform-provider-huaweicloud
cache="${SMS_OFFICIAL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-sms/official}"
out="$cache/$version"
bin="$out/terraform-provider-huaweicloud"

# reports checks the binary runs as a plugin would: started by hand, an SDKv2 provider
# prints go-plugin's refusal to run outside Terraform and exits 1. A truncated or foreign
# file fails that way too but without this text.
reports() {
	local text
	text="$("$1" 2>&1 </dev/null)" && return 1
	[[ "$text" == *"This binary is a plugin"* ]]
}

if [ -x "$bin" ] && reports "$bin"; then
	echo "build-official-provider: $module v$version cached at $bin" >&2
	echo "$bin"
	exit 0
fi

mkdir -p "$cache"
work="$(mktemp -d "$cache/.build-$version.XXXXXX")"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
start=$SECONDS

# Outside any module, so the repository's go.mod and go.work play no part.
cd "$work"
export GOWORK=off GOFLAGS=-buildvcs=false
if [ -n "${SMS_OFFICIAL_SOURCE:-}" ]; then
	# A clone of the provider's repository (bare or not): the tag's tree, unchanged.
	echo "build-official-provider: v$version from the git repository $SMS_OFFICIAL_SOURCE" >&2
	mkdir "$work/src"
	git -C "$SMS_OFFICIAL_SOURCE" archive --format=tar "v$version" | tar -x -C "$work/src"
else
	echo "build-official-provider: downloading $module@v$version" >&2
	json="$(go mod download -json "$module@v$version" 2>&1)" || true
	dir="$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' <<<"$json")"
	[ -n "$dir" ] && [ -d "$dir" ] || {
		echo "build-official-provider: go mod download $module@v$version gave no module directory:" >&2
		echo "$json" >&2
		echo "build-official-provider: where the Go module proxy does not serve it, clone" \
			"https://github.com/huaweicloud/terraform-provider-huaweicloud and rerun with" \
			"SMS_OFFICIAL_SOURCE=<the clone>" >&2
		exit 1
	}
	cp -R "$dir" "$work/src"
	chmod -R u+w "$work/src"
fi
cd "$work/src"

echo "build-official-provider: building $module v$version (minutes: the module is large)" >&2
CGO_ENABLED=0 nice -n 10 go build -trimpath -ldflags "-s -w" -o "$work/bin/terraform-provider-huaweicloud" .

reports "$work/bin/terraform-provider-huaweicloud" || {
	echo "build-official-provider: the binary built does not behave as a Terraform plugin" >&2
	exit 1
}
rm -rf "$out"
mv "$work/bin" "$out"
echo "build-official-provider: built $module v$version in $((SECONDS - start))s" >&2
echo "$bin"
