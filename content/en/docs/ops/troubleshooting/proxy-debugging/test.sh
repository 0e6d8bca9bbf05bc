#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

# Not run: the routes and listeners listing (snip_id=none), whose output depends on every service
# of the cluster.

set -e
set -u
set -o pipefail

source "tests/util/samples.sh"

# @setup profile=default

workdir=${TMPDIR:-/tmp}/meshdocs-proxy-debugging
mkdir -p "$workdir"

bpsnip_before_you_begin_bookinfo__1
bpsnip_before_you_begin_bookinfo__2
_wait_for_deployments default curl details-v1 productpage-v1 ratings-v1 reviews-v1 reviews-v2 reviews-v3

# Names, ages and versions vary: check that productpage is connected and in sync.
_verify_regex snip_did_every_proxy_get_its_configuration_1 'productpage-v1-[^ ]+\.default .*SYNCED'
_verify_like snip_what_was_the_proxy_told_1 "$snip_what_was_the_proxy_told_1_out"
_verify_regex snip_what_was_the_proxy_told_2 'HEALTHY +OK +outbound\|9080\|v1\|reviews\.default\.svc\.cluster\.local'
_verify_contains snip_why_does_this_pod_behave_like_that_1 "Matching subsets: v1"

cd "$workdir"
# The dump holds hundreds of typed configuration objects; the count varies.
_verify_regex snip_dump_everything_1 '^[1-9][0-9]+$'
snip_dump_everything_2
snip_clean_up_1
cd - >/dev/null

# @cleanup
rm -rf "${TMPDIR:-/tmp}/meshdocs-proxy-debugging"
bpsnip_cleanup_bookinfo__1
