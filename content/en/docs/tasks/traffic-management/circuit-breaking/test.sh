#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

set -e
set -u
set -o pipefail

# @setup profile=default

bpsnip_deploy_httpbin__1
snip_before_you_begin_1

snip_configure_the_circuit_breaker_1
_wait_for_resource destinationrule default httpbin
_verify_same snip_send_one_request_1 "$snip_send_one_request_1_out"

# The split between 200 and 503 depends on timing: both must be there.
_verify_lines snip_trip_the_breaker_1 "
+ Code 200 :
+ Code 503 :
"
_verify_regex snip_trip_the_breaker_2 'upstream_rq_pending_overflow: [1-9][0-9]*'

# @cleanup
snip_clean_up_1
bpsnip_cleanup_httpbin__1
