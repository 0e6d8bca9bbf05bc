#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

set -e
set -u
set -o pipefail

source "tests/util/samples.sh"

# @setup profile=default

bpsnip_before_you_begin_bookinfo__1
bpsnip_before_you_begin_bookinfo__2
_wait_for_deployments default curl details-v1 productpage-v1 ratings-v1 reviews-v1 reviews-v2 reviews-v3
_verify_same snip_check_productpage "$snip_check_productpage_out"

snip_deny_everything_1
_verify_same snip_deny_everything_2 "$snip_deny_everything_2_out"

snip_open_the_product_page_1
_verify_same snip_open_the_product_page_2 "$snip_open_the_product_page_2_out"

snip_allow_the_calls_behind_the_page_1
snip_allow_the_calls_behind_the_page_2
_verify_same snip_allow_the_calls_behind_the_page_3 "$snip_allow_the_calls_behind_the_page_3_out"
_verify_same snip_allow_the_calls_behind_the_page_4 "$snip_allow_the_calls_behind_the_page_4_out"

# @cleanup
snip_clean_up_1
bpsnip_cleanup_bookinfo__1
