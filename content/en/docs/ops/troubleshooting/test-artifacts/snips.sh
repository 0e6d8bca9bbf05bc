#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/ops/troubleshooting/test-artifacts/index.md
####################################################################################################

snip_before_you_begin_1() {
scratch=$(mktemp -d)
mkdir -p "$scratch/data" "$scratch/content/en/docs/validate-config"
cp data/args.yml "$scratch/data/"
}

snip_make_a_test_fail_1() {
cp content/en/docs/ops/troubleshooting/validate-config/index.md "$scratch/content/en/docs/validate-config/"
}

snip_make_a_test_fail_2() {
cat <<'EOF' > "$scratch/content/en/docs/validate-config/test.sh"
#!/usr/bin/env bash
set -e
# @setup profile=none
cd "$(mktemp -d)"
snip_write_a_route_1
VERIFY_TIMEOUT=2 _verify_same snip_check_the_file_1 "kind: Gateway"
# @cleanup
true
EOF
MESHDOCS_CONTENT="$scratch/content" npm run -s snips > /dev/null
}

snip_make_a_test_fail_3() {
npm run -s test:docs -- --report-dir "$scratch/report" "$scratch/content/en/docs/validate-config" 2>&1 | grep -v "^ *artifacts:"
}

! IFS=$'\n' read -r -d '' snip_make_a_test_fail_3_out <<\ENDSNIP
1 test in 1 setup group
FAIL validate-config/test.sh (2.8s)
     _verify_same snip_check_the_file_1 failed after 3 attempts (content/en/docs/validate-config/index.md:39, validate-config/test.sh:6)
     FAIL [test] _verify_same snip_check_the_file_1 (2.608s, 3 attempts) content/en/docs/validate-config/index.md:39 line 6
0 passed, 1 failed in 2.8s; report: /tmp/tmp.Xc81bY3nqs/report/index.html
ENDSNIP

snip_what_is_in_the_report_1() {
(cd "$scratch/report" && find . -type f | sort)
}

! IFS=$'\n' read -r -d '' snip_what_is_in_the_report_1_out <<\ENDSNIP
./index.html
./junit.xml
./report.json
./validate-config/test.sh
./validate-config/test.sh_cleanup.sh
./validate-config/test.sh_cleanup_debug.txt
./validate-config/test.sh_cleanup_output.txt
./validate-config/test.sh_debug.txt
./validate-config/test.sh_output.txt
./validate-config/test.sh_steps.jsonl
ENDSNIP

snip_what_is_in_the_report_2() {
grep -A4 "VERIFY FAILED" "$scratch/report/validate-config/test.sh_output.txt"
}

! IFS=$'\n' read -r -d '' snip_what_is_in_the_report_2_out <<\ENDSNIP
VERIFY FAILED snip_check_the_file_1 (timeout after 2s):
received:
"kind: VirtualService"
expected:
"kind: Gateway"
ENDSNIP

snip_clean_up_1() {
rm -rf "$scratch"
}
