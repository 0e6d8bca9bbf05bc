#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/tasks/traffic-management/fault-injection/index.md
####################################################################################################
source "content/en/boilerplates/snips/before-you-begin-bookinfo.sh"
source "content/en/boilerplates/snips/cleanup-bookinfo.sh"

snip_before_you_begin_1() {
kubectl apply -f samples/bookinfo/networking/virtual-service-all-v1.yaml
kubectl apply -f samples/bookinfo/networking/virtual-service-reviews-test-v2.yaml
}

snip_before_you_begin_2() {
kubectl exec deploy/curl -- curl -sS -H "end-user: jason" reviews:9080/reviews/0 | grep -o '"rating": {[^}]*}'
}

! IFS=$'\n' read -r -d '' snip_before_you_begin_2_out <<\ENDSNIP
"rating": {"stars": 5, "color": "black"}
"rating": {"stars": 4, "color": "black"}
ENDSNIP

snip_inject_a_delay_1() {
kubectl apply -f samples/bookinfo/networking/virtual-service-ratings-test-delay.yaml
}

snip_inject_a_delay_2() {
kubectl exec deploy/curl -- curl -sS -o /dev/null -H "end-user: jason" -w "%{http_code} after %{time_total}s\n" reviews:9080/reviews/0
}

! IFS=$'\n' read -r -d '' snip_inject_a_delay_2_out <<\ENDSNIP
200 after 7.034126s
ENDSNIP

snip_inject_an_error_1() {
kubectl apply -f samples/bookinfo/networking/virtual-service-ratings-test-abort.yaml
}

snip_inject_an_error_2() {
kubectl exec deploy/curl -- curl -sS -H "end-user: jason" reviews:9080/reviews/0 | grep -o '"rating": {[^}]*}'
}

! IFS=$'\n' read -r -d '' snip_inject_an_error_2_out <<\ENDSNIP
"rating": {"error": "Ratings service is currently unavailable"}
"rating": {"error": "Ratings service is currently unavailable"}
ENDSNIP

snip_clean_up_1() {
kubectl delete -f samples/bookinfo/networking/virtual-service-all-v1.yaml
}
