#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          boilerplates/cleanup-bookinfo.md
####################################################################################################
source "content/en/boilerplates/snips/gateway-api-crds-cleanup.sh"

bpsnip_cleanup_bookinfo__1() {
kubectl delete --ignore-not-found -f samples/bookinfo/networking/destination-rule-all.yaml -f samples/bookinfo/platform/kube/bookinfo-versions.yaml
kubectl delete -f samples/curl/curl.yaml
kubectl delete -f samples/bookinfo/platform/kube/bookinfo.yaml
kubectl label namespace default istio-injection-
}
