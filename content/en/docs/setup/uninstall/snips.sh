#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/setup/uninstall/index.md
####################################################################################################

snip_before_you_begin_1() {
kubectl label namespace default istio-injection- istio.io/rev- istio.io/dataplane-mode- istio.io/use-waypoint-
}

snip_remove_the_control_plane_1() {
istioctl uninstall --purge -y
}

snip_remove_the_control_plane_2() {
kubectl delete namespace istio-system
}

snip_check_that_nothing_is_left_1() {
kubectl get crd -o name | grep -c "istio.io" || true
}

! IFS=$'\n' read -r -d '' snip_check_that_nothing_is_left_1_out <<\ENDSNIP
0
ENDSNIP
