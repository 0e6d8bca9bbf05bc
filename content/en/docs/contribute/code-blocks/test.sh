#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

# Runs the page on the workstation, on a scratch copy of a page in a temporary directory.

set -e
set -u
set -o pipefail

# @setup profile=none

# mktemp on the page creates the scratch tree below this directory, so the cleanup can find it.
TMPDIR=${TMPDIR:-/tmp}/meshdocs-code-blocks
export TMPDIR
mkdir -p "$TMPDIR"

snip_see_what_the_generator_makes_1
# The duration varies.
_verify_regex snip_see_what_the_generator_makes_2 '^snips: 1 tested page\(s\), 0 boilerplate\(s\): 1 written, 0 removed, 0 unchanged \([0-9]+ ms\)$'
_verify_same snip_see_what_the_generator_makes_3 "$snip_see_what_the_generator_makes_3_out"
_verify_same snip_see_what_the_generator_makes_4 "$snip_see_what_the_generator_makes_4_out"
_verify_same snip_see_what_the_generator_makes_5 "$snip_see_what_the_generator_makes_5_out"
snip_clean_up_1

# @cleanup
rm -rf "${TMPDIR:-/tmp}/meshdocs-code-blocks"
