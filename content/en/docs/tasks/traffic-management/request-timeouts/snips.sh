#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/tasks/traffic-management/request-timeouts/index.md
####################################################################################################
source "content/en/boilerplates/snips/before-you-begin-bookinfo.sh"
source "content/en/boilerplates/snips/cleanup-bookinfo.sh"

snip_before_you_begin_1() {
kubectl apply -f samples/bookinfo/networking/virtual-service-all-v1.yaml
}

snip_make_a_service_slow_1() {
kubectl apply -f - <<EOF
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
        subset: v2
EOF
}

snip_make_a_service_slow_2() {
kubectl apply -f - <<EOF
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ratings
spec:
  hosts:
  - ratings
  http:
  - fault:
      delay:
        percentage:
          value: 100
        fixedDelay: 2s
    route:
    - destination:
        host: ratings
        subset: v1
EOF
}

snip_make_a_service_slow_3() {
kubectl exec deploy/curl -- curl -sS -o /dev/null -w "%{http_code} after %{time_total}s\n" reviews:9080/reviews/0
}

! IFS=$'\n' read -r -d '' snip_make_a_service_slow_3_out <<\ENDSNIP
200 after 2.021873s
ENDSNIP

snip_set_a_timeout_1() {
kubectl apply -f - <<EOF
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
        subset: v2
    timeout: 0.5s
EOF
}

snip_set_a_timeout_2() {
kubectl exec deploy/curl -- curl -sS -o /dev/null -w "%{http_code} after %{time_total}s\n" reviews:9080/reviews/0
}

! IFS=$'\n' read -r -d '' snip_set_a_timeout_2_out <<\ENDSNIP
504 after 0.503312s
ENDSNIP

snip_clean_up_1() {
kubectl delete -f samples/bookinfo/networking/virtual-service-all-v1.yaml
}
