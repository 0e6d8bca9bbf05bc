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

snip_before_you_begin_1
_verify_same snip_before_you_begin_2 "$snip_before_you_begin_2_out"

snip_inject_a_delay_1
# The exact time varies: a 200 after at least the 7 seconds of the delay.
_verify_regex snip_inject_a_delay_2 '^200 after ([7-9]|1[0-9])\.[0-9]+s$'

snip_inject_an_error_1
_verify_same snip_inject_an_error_2 "$snip_inject_an_error_2_out"

# @cleanup
snip_clean_up_1
bpsnip_cleanup_bookinfo__1
