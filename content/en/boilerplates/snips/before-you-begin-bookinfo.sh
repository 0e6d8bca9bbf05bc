#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          boilerplates/before-you-begin-bookinfo.md
####################################################################################################
source "content/en/boilerplates/snips/gateway-api-crds.sh"

bpsnip_before_you_begin_bookinfo__1() {
kubectl label namespace default istio-injection=enabled --overwrite
kubectl apply -f samples/bookinfo/platform/kube/bookinfo.yaml
kubectl apply -f samples/curl/curl.yaml
}

bpsnip_before_you_begin_bookinfo__2() {
kubectl apply -f samples/bookinfo/networking/destination-rule-all.yaml
}

bpsnip_before_you_begin_bookinfo__3() {
kubectl apply -f samples/bookinfo/platform/kube/bookinfo-versions.yaml
}
