#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/tasks/ambient/waypoint-policy/index.md
####################################################################################################
source "content/en/boilerplates/snips/before-you-begin-ambient.sh"
source "content/en/boilerplates/snips/gateway-api-crds.sh"
source "content/en/boilerplates/snips/reviews-version-check.sh"
source "content/en/boilerplates/snips/cleanup-ambient.sh"
source "content/en/boilerplates/snips/gateway-api-crds-cleanup.sh"

snip_before_you_begin_1() {
kubectl label namespace default istio.io/dataplane-mode=ambient
kubectl wait --for=condition=Ready pods --all --timeout=3m
}

snip_deploy_a_waypoint_1() {
istioctl waypoint apply --enroll-namespace --wait
}

! IFS=$'\n' read -r -d '' snip_deploy_a_waypoint_1_out <<\ENDSNIP
✅ waypoint default/waypoint applied
✅ namespace default labeled with "istio.io/use-waypoint: waypoint"
ENDSNIP

snip_deploy_a_waypoint_2() {
kubectl get gtw waypoint
}

! IFS=$'\n' read -r -d '' snip_deploy_a_waypoint_2_out <<\ENDSNIP
NAME       CLASS            ADDRESS         PROGRAMMED   AGE
waypoint   istio-waypoint   10.96.184.220   True         23s
ENDSNIP

snip_authorize_by_http_method_1() {
kubectl apply -f - <<EOF
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: productpage-get-only
spec:
  targetRefs:
  - kind: Service
    group: ""
    name: productpage
  action: ALLOW
  rules:
  - from:
    - source:
        principals:
        - cluster.local/ns/default/sa/curl
    to:
    - operation:
        methods: ["GET"]
EOF
}

snip_authorize_by_http_method_2() {
kubectl exec deploy/curl -- curl -sS productpage:9080/productpage | grep -o "<title>.*</title>"
}

! IFS=$'\n' read -r -d '' snip_authorize_by_http_method_2_out <<\ENDSNIP
<title>Simple Bookstore App</title>
ENDSNIP

snip_authorize_by_http_method_3() {
kubectl exec deploy/curl -- curl -sS -X DELETE productpage:9080/productpage
}

! IFS=$'\n' read -r -d '' snip_authorize_by_http_method_3_out <<\ENDSNIP
RBAC: access denied
ENDSNIP

snip_split_traffic_between_versions_1() {
kubectl apply -f samples/bookinfo/gateway-api/route-reviews-90-10.yaml
}

! IFS=$'\n' read -r -d '' snip_split_traffic_between_versions_2 <<\ENDSNIP
      9 reviews-v1
      1 reviews-v2
ENDSNIP

snip_clean_up_1() {
kubectl delete httproute reviews
kubectl delete authorizationpolicy productpage-get-only
istioctl waypoint delete waypoint
kubectl label namespace default istio.io/use-waypoint-
}
