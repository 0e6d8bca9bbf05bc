#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/tasks/traffic-management/traffic-shifting/index.md
####################################################################################################
source "content/en/boilerplates/snips/before-you-begin-bookinfo.sh"
source "content/en/boilerplates/snips/reviews-version-check.sh"
source "content/en/boilerplates/snips/cleanup-bookinfo.sh"

snip_start_with_version_1_1() {
kubectl apply -f samples/bookinfo/networking/virtual-service-all-v1.yaml
}

snip_start_with_version_1_2() {
kubectl apply -f samples/bookinfo/gateway-api/route-reviews-v1.yaml
}

snip_send_half_of_the_traffic_to_version_3_1() {
kubectl apply -f samples/bookinfo/networking/virtual-service-reviews-50-v3.yaml
}

snip_send_half_of_the_traffic_to_version_3_2() {
kubectl get virtualservice reviews -o yaml
}

! IFS=$'\n' read -r -d '' snip_send_half_of_the_traffic_to_version_3_2_out <<\ENDSNIP
...
  http:
  - route:
    - destination:
        host: reviews
        subset: v1
      weight: 50
    - destination:
        host: reviews
        subset: v3
      weight: 50
ENDSNIP

snip_send_half_of_the_traffic_to_version_3_3() {
kubectl apply -f samples/bookinfo/gateway-api/route-reviews-50-v3.yaml
}

snip_send_half_of_the_traffic_to_version_3_4() {
kubectl get httproute reviews -o yaml
}

! IFS=$'\n' read -r -d '' snip_send_half_of_the_traffic_to_version_3_4_out <<\ENDSNIP
...
  rules:
  - backendRefs:
    - group: ""
      kind: Service
      name: reviews-v1
      port: 9080
      weight: 50
    - group: ""
      kind: Service
      name: reviews-v3
      port: 9080
      weight: 50
...
ENDSNIP

! IFS=$'\n' read -r -d '' snip_send_half_of_the_traffic_to_version_3_5 <<\ENDSNIP
      6 reviews-v1
      4 reviews-v3
ENDSNIP

snip_move_all_traffic_to_version_3_1() {
kubectl apply -f samples/bookinfo/networking/virtual-service-reviews-v3.yaml
}

snip_move_all_traffic_to_version_3_2() {
kubectl apply -f samples/bookinfo/gateway-api/route-reviews-v3.yaml
}

! IFS=$'\n' read -r -d '' snip_move_all_traffic_to_version_3_3 <<\ENDSNIP
     10 reviews-v3
ENDSNIP

snip_clean_up_1() {
kubectl delete -f samples/bookinfo/networking/virtual-service-all-v1.yaml
}

snip_clean_up_2() {
kubectl delete httproute reviews
}
