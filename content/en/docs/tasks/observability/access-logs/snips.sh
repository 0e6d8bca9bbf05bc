#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/tasks/observability/access-logs/index.md
####################################################################################################
source "content/en/boilerplates/snips/deploy-httpbin.sh"
source "content/en/boilerplates/snips/curl-sample.sh"
source "content/en/boilerplates/snips/cleanup-httpbin.sh"

snip_turn_on_access_logs_1() {
kubectl apply -f - <<EOF
apiVersion: telemetry.istio.io/v1
kind: Telemetry
metadata:
  name: mesh-default
  namespace: istio-system
spec:
  accessLogging:
  - providers:
    - name: envoy
EOF
}

snip_read_a_log_line_1() {
kubectl exec deploy/curl -- curl -sS -o /dev/null -w "%{http_code}\n" http://httpbin:8000/status/418
}

! IFS=$'\n' read -r -d '' snip_read_a_log_line_1_out <<\ENDSNIP
418
ENDSNIP

snip_read_a_log_line_2() {
kubectl logs deploy/curl -c istio-proxy | grep '/status/418' | tail -1
}

! IFS=$'\n' read -r -d '' snip_read_a_log_line_2_out <<\ENDSNIP
[2026-12-01T21:02:11.532Z] "GET /status/418 HTTP/1.1" 418 - via_upstream - "-" 0 13 3 2 "-" "curl/8.16.0" "d7f1e6c2-8b1a-9d2b-b1a7-6a3e1f0c4d55" "httpbin:8000" "10.244.0.14:8080" outbound|8000||httpbin.default.svc.cluster.local 10.244.0.15:46312 10.96.121.34:8000 10.244.0.15:50110 - default
ENDSNIP

snip_read_a_log_line_3() {
kubectl logs deploy/httpbin -c istio-proxy | grep '/status/418' | tail -1
}

! IFS=$'\n' read -r -d '' snip_read_a_log_line_3_out <<\ENDSNIP
[2026-12-01T21:02:11.533Z] "GET /status/418 HTTP/1.1" 418 - via_upstream - "-" 0 13 1 1 "-" "curl/8.16.0" "d7f1e6c2-8b1a-9d2b-b1a7-6a3e1f0c4d55" "httpbin:8000" "10.244.0.14:8080" inbound|8080|| 127.0.0.6:48217 10.244.0.14:8080 10.244.0.15:46312 outbound_.8000_._.httpbin.default.svc.cluster.local default
ENDSNIP

snip_clean_up_1() {
kubectl delete telemetry mesh-default -n istio-system
kubectl delete -f samples/curl/curl.yaml
}
