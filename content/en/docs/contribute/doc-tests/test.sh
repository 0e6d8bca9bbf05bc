#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

# Runs the page on the workstation: it writes and runs a test for a scratch copy of a page, in a
# temporary directory. Nothing in the real content tree is touched.

set -e
set -u
set -o pipefail

# @setup profile=none

# mktemp on the page creates the scratch tree below this directory, so the cleanup can find it.
TMPDIR=${TMPDIR:-/tmp}/meshdocs-doc-tests
export TMPDIR
mkdir -p "$TMPDIR"

snip_prepare_a_scratch_copy_1
snip_write_the_test_1
# Durations and the temporary path vary.
_verify_lines snip_run_it_1 "
+ 1 test in 1 setup group
+ ok   validate-config/test.sh (
+ 1 passed, 0 failed in
"
snip_clean_up_1

# @cleanup
rm -rf "${TMPDIR:-/tmp}/meshdocs-doc-tests"
