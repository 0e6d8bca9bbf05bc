#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          boilerplates/cleanup-httpbin.md
####################################################################################################

bpsnip_cleanup_httpbin__1() {
kubectl delete -f samples/httpbin/httpbin.yaml
kubectl label namespace default istio-injection-
}
