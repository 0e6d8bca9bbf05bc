#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

# The Gateway API tabs of the page; test.sh runs the Mesh APIs tabs.

set -e
set -u
set -o pipefail

source "tests/util/samples.sh"

# @setup profile=default

bpsnip_before_you_begin_bookinfo__1
bpsnip_gateway_api_crds__1
bpsnip_before_you_begin_bookinfo__3
_wait_for_deployments default curl details-v1 productpage-v1 ratings-v1 reviews-v1 reviews-v2 reviews-v3

snip_start_with_version_1_2
snip_send_half_of_the_traffic_to_version_3_3
_verify_elided snip_send_half_of_the_traffic_to_version_3_4 "$snip_send_half_of_the_traffic_to_version_3_4_out"
_verify_lines bpsnip_reviews_version_check_count_reviews_versions "
+ reviews-v1
+ reviews-v3
- reviews-v2
"

snip_move_all_traffic_to_version_3_2
_verify_same bpsnip_reviews_version_check_count_reviews_versions "$snip_move_all_traffic_to_version_3_3"

# @cleanup
snip_clean_up_2
bpsnip_cleanup_bookinfo__1
bpsnip_gateway_api_crds_cleanup__1
