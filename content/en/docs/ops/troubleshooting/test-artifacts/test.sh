#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

# Runs the page on the workstation: a failing test on a scratch copy of a page, in a temporary
# directory. Nothing in the real content tree is touched.

set -e
set -u
set -o pipefail

# @setup profile=none

# mktemp on the page creates the scratch tree below this directory, so the cleanup can find it.
TMPDIR=${TMPDIR:-/tmp}/meshdocs-test-artifacts
export TMPDIR
mkdir -p "$TMPDIR"

snip_before_you_begin_1
snip_make_a_test_fail_1
snip_make_a_test_fail_2
# Durations and the temporary path vary: check the lines that name the failure.
_verify_lines snip_make_a_test_fail_3 "
+ 1 test in 1 setup group
+ FAIL validate-config/test.sh (
+ 0 passed, 1 failed in
"
# The failing step, its page line and its script line (written as a pattern so that lint does not
# take the copied page's function name for a call of this test). The number of attempts depends on
# the machine's speed: retries go on until the scratch page's verify timeout.
_verify_regex snip_make_a_test_fail_3 '_verify_same snip[_]check_the_file_1 failed after [0-9]+ attempts \(content/en/docs/validate-config/index\.md:39, validate-config/test\.sh:6\)'

_verify_same snip_what_is_in_the_report_1 "$snip_what_is_in_the_report_1_out"
_verify_same snip_what_is_in_the_report_2 "$snip_what_is_in_the_report_2_out"
snip_clean_up_1

# @cleanup
rm -rf "${TMPDIR:-/tmp}/meshdocs-test-artifacts"
