#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/tasks/ambient/add-workloads/index.md
####################################################################################################
source "content/en/boilerplates/snips/before-you-begin-ambient.sh"
source "content/en/boilerplates/snips/cleanup-ambient.sh"

snip_before_you_begin_1() {
kubectl wait --for=condition=Ready pods --all --timeout=3m
}

snip_enroll_the_namespace_1() {
kubectl label namespace default istio.io/dataplane-mode=ambient
}

! IFS=$'\n' read -r -d '' snip_enroll_the_namespace_1_out <<\ENDSNIP
namespace/default labeled
ENDSNIP

snip_enroll_the_namespace_2() {
istioctl ztunnel-config workloads | grep -E "^NAMESPACE|^default +(curl|productpage)"
}

! IFS=$'\n' read -r -d '' snip_enroll_the_namespace_2_out <<\ENDSNIP
NAMESPACE          POD NAME                                    ADDRESS      NODE                 WAYPOINT PROTOCOL
default            curl-5b8f6d7c9d-q4xzs                       10.244.1.9   mesh-worker          None     HBONE
default            productpage-v1-6987489c74-lpkgl             10.244.1.7   mesh-worker          None     HBONE
ENDSNIP

snip_take_one_pod_out_1() {
kubectl label pod -l app=curl istio.io/dataplane-mode=none
}

snip_take_one_pod_out_2() {
istioctl ztunnel-config workloads | grep -E "^default +curl"
}

! IFS=$'\n' read -r -d '' snip_take_one_pod_out_2_out <<\ENDSNIP
default            curl-5b8f6d7c9d-q4xzs                       10.244.1.9   mesh-worker          None     TCP
ENDSNIP

snip_take_one_pod_out_3() {
kubectl label pod -l app=curl istio.io/dataplane-mode-
}

snip_apply_a_layer_4_policy_1() {
kubectl apply -f - <<EOF
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: productpage-ztunnel
spec:
  selector:
    matchLabels:
      app: productpage
  action: ALLOW
  rules:
  - from:
    - source:
        principals:
        - cluster.local/ns/default/sa/curl
EOF
}

snip_apply_a_layer_4_policy_2() {
kubectl exec deploy/curl -- curl -sS productpage:9080/productpage | grep -o "<title>.*</title>"
}

! IFS=$'\n' read -r -d '' snip_apply_a_layer_4_policy_2_out <<\ENDSNIP
<title>Simple Bookstore App</title>
ENDSNIP

snip_apply_a_layer_4_policy_3() {
kubectl exec deploy/ratings-v1 -- curl -sS productpage:9080/productpage
}

! IFS=$'\n' read -r -d '' snip_apply_a_layer_4_policy_3_out <<\ENDSNIP
curl: (56) Recv failure: Connection reset by peer
command terminated with exit code 56
ENDSNIP

snip_clean_up_1() {
kubectl delete authorizationpolicy productpage-ztunnel
}
