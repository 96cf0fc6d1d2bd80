#!/usr/bin/env bash
# make local-mirror: builds the provider and lays it out as a Terraform filesystem
# mirror (the unpacked layout), then writes a CLI configuration that installs
# sms-migration/sms from that mirror only, so `terraform init` needs no network, local
# modules included. Usage: scripts/local-mirror.sh MIRROR_DIR VERSION
#
# The provider's address is MIRROR_HOST/sms-migration/sms, MIRROR_HOST defaulting to
# TF_ACC_PROVIDER_HOST and then to registry.terraform.io, the registry Terraform gives
# source = "sms-migration/sms"; OpenTofu gives it registry.opentofu.org, so a mirror for
# OpenTofu is made with MIRROR_HOST=registry.opentofu.org.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mirror="${1:?usage: local-mirror.sh MIRROR_DIR VERSION}"
version="${2:?usage: local-mirror.sh MIRROR_DIR VERSION}"
host="${MIRROR_HOST:-${TF_ACC_PROVIDER_HOST:-registry.terraform.io}}"
[[ "$host" =~ ^[a-z0-9.-]+(:[0-9]+)?$ ]] || {
	echo "local-mirror: MIRROR_HOST must be a registry host name, got '$host'" >&2
	exit 1
}
readonly address="$host/sms-migration/sms"

# Terraform picks a pre-release only when a configuration pins it exactly, so a
# configuration without a version constraint needs a plain x.y.z.
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || {
	echo "local-mirror: version must be x.y.z, got '$version'" >&2
	exit 1
}

mkdir -p "$mirror"
mirror="$(cd "$mirror" && pwd)"
platform="$(cd "$root" && go env GOOS)_$(cd "$root" && go env GOARCH)"
target="$mirror/$address/$version/$platform"
rm -rf "$mirror/$address"
mkdir -p "$target"
(cd "$root" && go build -ldflags "-X main.version=$version" -o "$target/terraform-provider-sms_v$version" .)

cat >"$mirror/sms.tfrc" <<TFRC
# Installs $address from the local mirror only; every other provider comes from
# its registry as usual. Use it with: export TF_CLI_CONFIG_FILE=$mirror/sms.tfrc
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["$address"]
  }
  direct {
    exclude = ["$address"]
  }
}
TFRC

cat <<MSG
Built $address $version for $platform into the mirror $mirror.
Point Terraform at it, then run terraform init in your configuration:

  export TF_CLI_CONFIG_FILE=$mirror/sms.tfrc

After a rebuild, run terraform init -upgrade: the new binary has a new checksum.
MSG
