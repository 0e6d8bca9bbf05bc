#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

# The Gateway API tabs of the page; test.sh runs the Mesh APIs tabs. The Gateway API definitions
# are installed by the page's own step and removed in the cleanup.

set -e
set -u
set -o pipefail

source "tests/util/samples.sh"

# @setup profile=default

bpsnip_before_you_begin_bookinfo__1
bpsnip_gateway_api_crds__1
bpsnip_before_you_begin_bookinfo__3
_wait_for_deployments default curl details-v1 productpage-v1 ratings-v1 reviews-v1 reviews-v2 reviews-v3

snip_route_to_version_1_2
_verify_same snip_show_httproute_status "$snip_show_httproute_status_out"
_verify_same bpsnip_reviews_version_check_count_reviews_versions "$snip_route_to_version_1_5"

snip_route_based_on_user_identity_2
_verify_same snip_route_based_on_user_identity_3 "$snip_route_based_on_user_identity_3_out"

# @cleanup
snip_clean_up_2
bpsnip_cleanup_bookinfo__1
bpsnip_gateway_api_crds_cleanup__1
