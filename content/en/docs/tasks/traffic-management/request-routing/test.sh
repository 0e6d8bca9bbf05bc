#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

set -e
set -u
set -o pipefail

source "tests/util/samples.sh"

# @setup profile=default

startup_bookinfo_sample

snip_route_to_version_1_1
_wait_for_resource virtualservice default reviews
_verify_elided snip_show_routes "$snip_show_routes_out"

snip_route_based_on_user_identity_1

# @cleanup
snip_clean_up_1
cleanup_bookinfo_sample
