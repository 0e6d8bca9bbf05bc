#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          boilerplates/curl-sample.md
####################################################################################################

bpsnip_curl_sample__1() {
kubectl apply -f samples/curl/curl.yaml
kubectl rollout status deployment/curl --timeout=2m
}
