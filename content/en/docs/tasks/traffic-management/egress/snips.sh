#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/tasks/traffic-management/egress/index.md
####################################################################################################
source "content/en/boilerplates/snips/curl-sample.sh"

snip_before_you_begin_1() {
kubectl label namespace default istio-injection=enabled --overwrite
}

snip_calls_are_open_by_default_1() {
kubectl exec deploy/curl -- curl -sS -o /dev/null -w "%{http_code}\n" https://istio.io/latest/
}

! IFS=$'\n' read -r -d '' snip_calls_are_open_by_default_1_out <<\ENDSNIP
200
ENDSNIP

snip_allow_only_registered_services_1() {
kubectl apply -f - <<EOF
apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: default
spec:
  outboundTrafficPolicy:
    mode: REGISTRY_ONLY
EOF
}

snip_allow_only_registered_services_2() {
kubectl exec deploy/curl -- curl -s -o /dev/null -w "%{http_code}\n" https://istio.io/latest/
}

! IFS=$'\n' read -r -d '' snip_allow_only_registered_services_2_out <<\ENDSNIP
000
command terminated with exit code 35
ENDSNIP

snip_register_an_external_service_1() {
kubectl apply -f - <<EOF
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: istio-io
spec:
  hosts:
  - istio.io
  ports:
  - number: 443
    name: tls
    protocol: TLS
  resolution: DNS
  location: MESH_EXTERNAL
EOF
}

snip_register_an_external_service_2() {
kubectl exec deploy/curl -- curl -sS -o /dev/null -w "%{http_code}\n" https://istio.io/latest/
}

! IFS=$'\n' read -r -d '' snip_register_an_external_service_2_out <<\ENDSNIP
200
ENDSNIP

snip_clean_up_1() {
kubectl delete serviceentry istio-io
kubectl delete sidecar default
kubectl delete -f samples/curl/curl.yaml
kubectl label namespace default istio-injection-
}
