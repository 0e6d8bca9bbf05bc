#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

set -e
set -u
set -o pipefail

# @setup profile=ambient

bpsnip_before_you_begin_ambient__1
_wait_for_deployments default curl details-v1 productpage-v1 ratings-v1 reviews-v1 reviews-v2 reviews-v3
snip_before_you_begin_1

_verify_same snip_enroll_the_namespace_1 "$snip_enroll_the_namespace_1_out"
# Addresses and node names depend on the cluster: check the protocol of each pod.
_verify_regex snip_enroll_the_namespace_2 'curl-[^ ]+ +[0-9.]+ +[^ ]+ +None +HBONE'
_verify_regex snip_enroll_the_namespace_2 'productpage-v1-[^ ]+ +[0-9.]+ +[^ ]+ +None +HBONE'

snip_take_one_pod_out_1
_verify_regex snip_take_one_pod_out_2 'curl-[^ ]+ +[0-9.]+ +[^ ]+ +None +TCP'
snip_take_one_pod_out_3
_verify_regex snip_take_one_pod_out_2 'curl-[^ ]+ +[0-9.]+ +[^ ]+ +None +HBONE'

snip_apply_a_layer_4_policy_1
_verify_same snip_apply_a_layer_4_policy_2 "$snip_apply_a_layer_4_policy_2_out"
# The exit code, not only a failure: a ratings image without curl would fail too. curl's message varies.
_verify_contains snip_apply_a_layer_4_policy_3 "command terminated with exit code 56"

# @cleanup
snip_clean_up_1
bpsnip_cleanup_ambient__1
