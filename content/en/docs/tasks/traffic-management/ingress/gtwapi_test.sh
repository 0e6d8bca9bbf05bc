#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

# The Gateway API tabs of the page; test.sh runs the Mesh APIs tabs.

set -e
set -u
set -o pipefail

# @setup profile=default

bpsnip_deploy_httpbin__1
bpsnip_curl_sample__1
bpsnip_gateway_api_crds__1

snip_configure_the_gateway_2
snip_configure_the_gateway_3
_verify_same snip_send_requests_through_the_gateway_3 "$snip_send_requests_through_the_gateway_3_out"
_verify_same snip_send_requests_through_the_gateway_4 "$snip_send_requests_through_the_gateway_4_out"

# @cleanup
snip_clean_up_2
bpsnip_gateway_api_crds_cleanup__1
snip_clean_up_3
bpsnip_cleanup_httpbin__1
