#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

# The Mesh APIs tabs of the page; gtwapi_test.sh runs the Gateway API tabs.

set -e
set -u
set -o pipefail

source "tests/util/samples.sh"

# @setup profile=default

bpsnip_before_you_begin_bookinfo__1
bpsnip_before_you_begin_bookinfo__2
_wait_for_deployments default curl details-v1 productpage-v1 ratings-v1 reviews-v1 reviews-v2 reviews-v3

snip_start_with_version_1_1
snip_send_half_of_the_traffic_to_version_3_1
_verify_elided snip_send_half_of_the_traffic_to_version_3_2 "$snip_send_half_of_the_traffic_to_version_3_2_out"
# The split varies: both v1 and v3 answer, v2 never.
_verify_lines bpsnip_reviews_version_check_count_reviews_versions "
+ reviews-v1
+ reviews-v3
- reviews-v2
"

snip_move_all_traffic_to_version_3_1
_verify_same bpsnip_reviews_version_check_count_reviews_versions "$snip_move_all_traffic_to_version_3_3"

# @cleanup
snip_clean_up_1
bpsnip_cleanup_bookinfo__1
