#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/contribute/doc-tests/index.md
####################################################################################################

snip_prepare_a_scratch_copy_1() {
scratch=$(mktemp -d)
mkdir -p "$scratch/data" "$scratch/content/en/docs/validate-config"
cp data/args.yml "$scratch/data/"
cp content/en/docs/ops/troubleshooting/validate-config/index.md "$scratch/content/en/docs/validate-config/"
MESHDOCS_CONTENT="$scratch/content" npm run -s snips > /dev/null
}

snip_write_the_test_1() {
cat <<'EOF' > "$scratch/content/en/docs/validate-config/test.sh"
#!/usr/bin/env bash
set -e
set -u
set -o pipefail

# @setup profile=none

workdir=${TMPDIR:-/tmp}/validate-config-example
mkdir -p "$workdir"
cd "$workdir"

snip_write_a_route_1
_verify_same snip_check_the_file_1 "$snip_check_the_file_1_out"
_verify_same snip_check_the_file_2 "$snip_check_the_file_2_out"
_verify_same snip_check_the_file_3 "$snip_check_the_file_3_out"
_verify_same snip_check_the_file_4 "$snip_check_the_file_4_out"
snip_clean_up_1

# @cleanup
rm -rf "${TMPDIR:-/tmp}/validate-config-example"
EOF
}

snip_run_it_1() {
npm run -s test:docs -- --report-dir "$scratch/report" "$scratch/content/en/docs/validate-config"
}

! IFS=$'\n' read -r -d '' snip_run_it_1_out <<\ENDSNIP
1 test in 1 setup group
ok   validate-config/test.sh (3.3s)
1 passed, 0 failed in 3.3s; report: /tmp/tmp.Xc81bY3nqs/report/index.html
ENDSNIP

snip_clean_up_1() {
rm -rf "$scratch"
}
