#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

# Runs the page on the workstation, on a scratch copy of a page in a temporary directory.

set -e
set -u
set -o pipefail

# @setup profile=none

# mktemp on the page creates the scratch tree below this directory, so the cleanup can find it.
TMPDIR=${TMPDIR:-/tmp}/meshdocs-lint-page
export TMPDIR
mkdir -p "$TMPDIR"

snip_see_a_finding_1
# The scratch path and the duration vary: check the finding and the summary.
_verify_lines snip_see_a_finding_2 "
+ /content/en/docs/validate-config/index.md:10:34  spelling  unknown word \"tpyo\" (suggestions: typo, troy, type, typos)
+ lint: 1 error in 1 file (checked 1 Markdown files;
"
_verify_lines snip_see_a_finding_3 "
+ lint: no problems in 1 Markdown files (
- spelling
"
snip_clean_up_1

# @cleanup
rm -rf "${TMPDIR:-/tmp}/meshdocs-lint-page"
