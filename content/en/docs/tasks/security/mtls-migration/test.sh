#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

set -e
set -u
set -o pipefail

# @setup profile=default

snip_before_you_begin_1
snip_before_you_begin_2

_verify_same snip_check_the_traffic_1 "$snip_check_the_traffic_1_out"
_verify_same snip_check_the_traffic_2 "$snip_check_the_traffic_2_out"

snip_lock_down_a_namespace_1
_wait_for_resource peerauthentication foo default
# curl's message differs between versions: check the outcome of each client.
_verify_lines snip_lock_down_a_namespace_2 "
+ from foo: 200
+ from legacy: 000
- from legacy: 200
"

snip_lock_down_the_whole_mesh_1
_wait_for_resource peerauthentication istio-system default
_verify_lines snip_lock_down_a_namespace_2 "
+ from foo: 200
+ from legacy: 000
"

# @cleanup
snip_clean_up_1
