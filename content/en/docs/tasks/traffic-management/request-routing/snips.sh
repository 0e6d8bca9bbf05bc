#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/tasks/traffic-management/request-routing/index.md
####################################################################################################
source "content/en/boilerplates/snips/before-you-begin-bookinfo.sh"

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
metadata:
  name: reviews
spec:
  hosts:
  - reviews
  http:
  - route:
    - destination:
        host: reviews
        subset: v1
ENDSNIP

snip_route_based_on_user_identity_1() {
kubectl apply -f samples/bookinfo/networking/virtual-service-reviews-test-v2.yaml
}

snip_clean_up_1() {
kubectl delete -f samples/bookinfo/networking/virtual-service-all-v1.yaml
}
