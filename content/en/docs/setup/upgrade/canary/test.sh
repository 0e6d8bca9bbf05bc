#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

# Installs a canary revision beside the setup's control plane, moves the curl sample to it and back,
# then removes the canary, as the page does.
# Not run: "Finish the upgrade" (snip_id=none), which would remove the setup's control plane.

set -e
set -u
set -o pipefail

# @setup profile=default

snip_before_you_begin_1
_verify_contains snip_check_the_cluster_1 "No issues found"

snip_install_the_new_revision_1
_wait_for_deployment istio-system istiod-canary
_verify_like snip_install_the_new_revision_2 "$snip_install_the_new_revision_2_out"

snip_move_a_namespace_1
_verify_contains snip_move_a_namespace_2 "istiod-canary-"

snip_roll_back_1
_verify_not_contains snip_move_a_namespace_2 "istiod-canary-"
snip_roll_back_2
_verify_failure "kubectl get deployment istiod-canary -n istio-system"

# @cleanup
snip_clean_up_1
kubectl label namespace default istio.io/rev-
istioctl uninstall --revision=canary -y
