#!/usr/bin/env bash
# Installs the Debian packages the tests need: Chromium (browser tests, driven by playwright-core)
# and shellcheck (lint of generated snips and test scripts). Run as root; `npm test` calls it when
# they are missing and it runs as root.
set -euo pipefail

packages=(chromium shellcheck)
if [ "$(id -u)" -ne 0 ]; then
  echo "install-system-deps: must run as root: sudo bash scripts/install-system-deps.sh" >&2
  exit 2
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${packages[@]}" >/dev/null
echo "install-system-deps: installed ${packages[*]}"
