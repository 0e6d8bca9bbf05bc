#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

# Runs the page on the workstation: it imports a one-page Hugo site written in a temporary directory.

set -e
set -u
set -o pipefail

# @setup profile=none

# mktemp on the page creates the Hugo site below this directory, so the cleanup can find it.
TMPDIR=${TMPDIR:-/tmp}/meshdocs-import-hugo
export TMPDIR
mkdir -p "$TMPDIR"

snip_import_a_small_site_1
_verify_same snip_import_a_small_site_2 "$snip_import_a_small_site_2_out"
_verify_same snip_import_a_small_site_3 "$snip_import_a_small_site_3_out"
_verify_same snip_import_a_small_site_4 "$snip_import_a_small_site_4_out"
snip_clean_up_1

# @cleanup
rm -rf "${TMPDIR:-/tmp}/meshdocs-import-hugo"
