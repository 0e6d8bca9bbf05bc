#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

# The Mesh APIs tabs of the page, with the default profile's ingress gateway; gtwapi_test.sh runs
# the Gateway API tabs. Not run: the port-forward steps (snip_id=none), which run until interrupted.

set -e
set -u
set -o pipefail

# @setup profile=default

bpsnip_deploy_httpbin__1
bpsnip_curl_sample__1

snip_configure_the_gateway_1
_wait_for_resource virtualservice default httpbin
_verify_same snip_send_requests_through_the_gateway_1 "$snip_send_requests_through_the_gateway_1_out"
_verify_same snip_send_requests_through_the_gateway_2 "$snip_send_requests_through_the_gateway_2_out"

# @cleanup
snip_clean_up_1
snip_clean_up_3
bpsnip_cleanup_httpbin__1
