#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

# Runs every step of the page on the workstation: no cluster, no mesh.

set -e
set -u
set -o pipefail

# @setup profile=none

# A fixed directory below TMPDIR, so that the cleanup (a separate script) can find it.
workdir=${TMPDIR:-/tmp}/meshdocs-validate-config
mkdir -p "$workdir"
cd "$workdir"

snip_write_a_route_1
_verify_same snip_check_the_file_1 "$snip_check_the_file_1_out"
_verify_same snip_check_the_file_2 "$snip_check_the_file_2_out"
_verify_same snip_check_the_file_3 "$snip_check_the_file_3_out"
_verify_same snip_check_the_file_4 "$snip_check_the_file_4_out"
snip_clean_up_1

# @cleanup
rm -rf "${TMPDIR:-/tmp}/meshdocs-validate-config"
