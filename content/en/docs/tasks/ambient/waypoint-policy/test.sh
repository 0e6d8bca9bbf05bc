#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

# The ambient setup has no Gateway API definitions: the page installs them, the cleanup removes them.

set -e
set -u
set -o pipefail

# @setup profile=ambient

bpsnip_before_you_begin_ambient__1
_wait_for_deployments default curl details-v1 productpage-v1 ratings-v1 reviews-v1 reviews-v2 reviews-v3
snip_before_you_begin_1
bpsnip_gateway_api_crds__1

_verify_contains snip_deploy_a_waypoint_1 "waypoint default/waypoint applied"
_verify_like snip_deploy_a_waypoint_2 "$snip_deploy_a_waypoint_2_out"

snip_authorize_by_http_method_1
_verify_same snip_authorize_by_http_method_2 "$snip_authorize_by_http_method_2_out"
_verify_same snip_authorize_by_http_method_3 "$snip_authorize_by_http_method_3_out"

snip_split_traffic_between_versions_1
# Ten requests at 90/10: v1 answers, v3 never (v2 may or may not appear).
_verify_lines bpsnip_reviews_version_check_count_reviews_versions "
+ reviews-v1
- reviews-v3
"

# @cleanup
snip_clean_up_1
bpsnip_cleanup_ambient__1
bpsnip_gateway_api_crds_cleanup__1
