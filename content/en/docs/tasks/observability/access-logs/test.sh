#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

set -e
set -u
set -o pipefail

# @setup profile=default

bpsnip_deploy_httpbin__1
bpsnip_curl_sample__1

snip_turn_on_access_logs_1
_wait_for_resource telemetry istio-system mesh-default

_verify_same snip_read_a_log_line_1 "$snip_read_a_log_line_1_out"

# The Telemetry takes a moment to reach the proxies: send the request again until it is logged.
send_and_read_client_log() {
  snip_read_a_log_line_1 >/dev/null
  snip_read_a_log_line_2
}
# Times, addresses, ids and the curl version vary: check the parts the page explains.
_verify_regex send_and_read_client_log '"GET /status/418 HTTP/1.1" 418 - via_upstream - .* outbound\|8000\|\|httpbin\.default\.svc\.cluster\.local '
_verify_regex snip_read_a_log_line_3 '"GET /status/418 HTTP/1.1" 418 - via_upstream - .* inbound\|8080\|\| '

# @cleanup
snip_clean_up_1
bpsnip_cleanup_httpbin__1
