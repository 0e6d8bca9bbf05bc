#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

# Installs a mesh (the test's own step: the page starts from an installed mesh), then removes it as
# the page does and checks that nothing is left.

set -e
set -u
set -o pipefail

# @setup cluster-only

istioctl install --set profile=minimal -y
_wait_for_deployment istio-system istiod

snip_before_you_begin_1
snip_remove_the_control_plane_1
snip_remove_the_control_plane_2
_verify_same snip_check_that_nothing_is_left_1 "$snip_check_that_nothing_is_left_1_out"
_verify_failure "kubectl get namespace istio-system"

# @cleanup
istioctl uninstall --purge -y
kubectl delete namespace istio-system --ignore-not-found
