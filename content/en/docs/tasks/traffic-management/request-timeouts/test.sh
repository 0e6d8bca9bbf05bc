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

snip_make_a_service_slow_1
snip_make_a_service_slow_2
# Times vary: a 200 after the 2 seconds of the delay.
_verify_regex snip_make_a_service_slow_3 '^200 after [2-4]\.[0-9]+s$'

snip_set_a_timeout_1
_verify_regex snip_set_a_timeout_2 '^504 after 0\.[0-9]+s$'

# @cleanup
snip_clean_up_1
bpsnip_cleanup_bookinfo__1
