#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/tasks/security/mtls-migration/index.md
####################################################################################################

snip_before_you_begin_1() {
kubectl create namespace foo
kubectl label namespace foo istio-injection=enabled
kubectl apply -n foo -f samples/httpbin/httpbin.yaml
kubectl apply -n foo -f samples/curl/curl.yaml
kubectl create namespace legacy
kubectl apply -n legacy -f samples/curl/curl.yaml
}

snip_before_you_begin_2() {
kubectl rollout status -n foo deployment/httpbin --timeout=2m
kubectl rollout status -n foo deployment/curl --timeout=2m
kubectl rollout status -n legacy deployment/curl --timeout=2m
}

snip_check_the_traffic_1() {
for ns in foo legacy; do kubectl exec -n "$ns" deploy/curl -- curl -sS -o /dev/null -w "from $ns: %{http_code}\n" http://httpbin.foo:8000/ip; done
}

! IFS=$'\n' read -r -d '' snip_check_the_traffic_1_out <<\ENDSNIP
from foo: 200
from legacy: 200
ENDSNIP

snip_check_the_traffic_2() {
kubectl exec -n foo deploy/curl -- curl -sS http://httpbin.foo:8000/headers | grep -o '"X-Forwarded-Client-Cert"'
}

! IFS=$'\n' read -r -d '' snip_check_the_traffic_2_out <<\ENDSNIP
"X-Forwarded-Client-Cert"
ENDSNIP

snip_lock_down_a_namespace_1() {
kubectl apply -n foo -f - <<EOF
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
spec:
  mtls:
    mode: STRICT
EOF
}

snip_lock_down_a_namespace_2() {
for ns in foo legacy; do kubectl exec -n "$ns" deploy/curl -- curl -sS -o /dev/null -w "from $ns: %{http_code}\n" http://httpbin.foo:8000/ip; done
}

! IFS=$'\n' read -r -d '' snip_lock_down_a_namespace_2_out <<\ENDSNIP
from foo: 200
curl: (56) Recv failure: Connection reset by peer
from legacy: 000
command terminated with exit code 56
ENDSNIP

snip_lock_down_the_whole_mesh_1() {
kubectl apply -n istio-system -f - <<EOF
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
spec:
  mtls:
    mode: STRICT
EOF
}

snip_clean_up_1() {
kubectl delete peerauthentication default -n istio-system
kubectl delete namespace foo legacy
}
