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
# Balanced over all three versions (which counts, varies).
_verify_lines bpsnip_reviews_version_check_count_reviews_versions "
+ reviews-v1
+ reviews-v2
+ reviews-v3
"

snip_route_to_version_1_1
_wait_for_resource virtualservice default reviews
_verify_elided snip_show_routes "$snip_show_routes_out"
_verify_same bpsnip_reviews_version_check_count_reviews_versions "$snip_route_to_version_1_5"

snip_route_based_on_user_identity_1
_verify_same snip_route_based_on_user_identity_3 "$snip_route_based_on_user_identity_3_out"

# @cleanup
snip_clean_up_1
bpsnip_cleanup_bookinfo__1
