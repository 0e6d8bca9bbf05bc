#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

# Not run: `istioctl dashboard prometheus` (snip_id=none), which opens a browser and runs until
# interrupted; the test queries Prometheus's HTTP API instead, as the page does.

set -e
set -u
set -o pipefail

source "tests/util/samples.sh"

# @setup profile=default

bpsnip_before_you_begin_bookinfo__1
bpsnip_before_you_begin_bookinfo__2
_wait_for_deployments default curl details-v1 productpage-v1 ratings-v1 reviews-v1 reviews-v2 reviews-v3
snip_before_you_begin_1

_verify_same snip_read_a_sidecars_metrics_1 "$snip_read_a_sidecars_metrics_1_out"

snip_collect_metrics_with_prometheus_1
snip_collect_metrics_with_prometheus_2
# The time and the count vary; Prometheus needs a scrape or two before the series exists.
_verify_regex snip_collect_metrics_with_prometheus_3 '^"value":\[[0-9.]+,"[1-9][0-9]*"\]$'

# @cleanup
snip_clean_up_1
bpsnip_cleanup_bookinfo__1
