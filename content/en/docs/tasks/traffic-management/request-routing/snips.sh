#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/tasks/traffic-management/request-routing/index.md
####################################################################################################
source "content/en/boilerplates/snips/before-you-begin-bookinfo.sh"
source "content/en/boilerplates/snips/reviews-version-check.sh"
source "content/en/boilerplates/snips/cleanup-bookinfo.sh"

! IFS=$'\n' read -r -d '' snip_before_you_begin_1 <<\ENDSNIP
      3 reviews-v1
      4 reviews-v2
      3 reviews-v3
ENDSNIP

snip_route_to_version_1_1() {
kubectl apply -f samples/bookinfo/networking/virtual-service-all-v1.yaml
}

snip_route_to_version_1_2() {
kubectl apply -f - <<EOF
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: reviews
spec:
  parentRefs:
  - group: ""
    kind: Service
    name: reviews
    port: 9080
  rules:
  - backendRefs:
    - name: reviews-v1
      port: 9080
EOF
}

snip_show_routes() {
kubectl get virtualservices reviews -o yaml
}

! IFS=$'\n' read -r -d '' snip_show_routes_out <<\ENDSNIP
apiVersion: networking.istio.io/v1
kind: VirtualService
...
spec:
  hosts:
  - reviews
  http:
  - route:
    - destination:
        host: reviews
        subset: v1
ENDSNIP

snip_show_httproute_status() {
kubectl get httproute reviews -o jsonpath='{.status.parents[0].conditions[?(@.type=="Accepted")].status}'
}

! IFS=$'\n' read -r -d '' snip_show_httproute_status_out <<\ENDSNIP
True
ENDSNIP

! IFS=$'\n' read -r -d '' snip_route_to_version_1_5 <<\ENDSNIP
     10 reviews-v1
ENDSNIP

snip_route_based_on_user_identity_1() {
kubectl apply -f samples/bookinfo/networking/virtual-service-reviews-test-v2.yaml
}

snip_route_based_on_user_identity_2() {
kubectl apply -f - <<EOF
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: reviews
spec:
  parentRefs:
  - group: ""
    kind: Service
    name: reviews
    port: 9080
  rules:
  - matches:
    - headers:
      - name: end-user
        value: jason
    backendRefs:
    - name: reviews-v2
      port: 9080
  - backendRefs:
    - name: reviews-v1
      port: 9080
EOF
}

snip_route_based_on_user_identity_3() {
kubectl exec deploy/curl -- curl -sS -H "end-user: jason" reviews:9080/reviews/0 | grep -o 'reviews-v[123]'
}

! IFS=$'\n' read -r -d '' snip_route_based_on_user_identity_3_out <<\ENDSNIP
reviews-v2
ENDSNIP

snip_clean_up_1() {
kubectl delete -f samples/bookinfo/networking/virtual-service-all-v1.yaml
}

snip_clean_up_2() {
kubectl delete httproute reviews
}
