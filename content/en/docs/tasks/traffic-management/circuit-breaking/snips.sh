#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/tasks/traffic-management/circuit-breaking/index.md
####################################################################################################
source "content/en/boilerplates/snips/deploy-httpbin.sh"
source "content/en/boilerplates/snips/cleanup-httpbin.sh"

snip_before_you_begin_1() {
kubectl apply -f samples/httpbin/sample-client/fortio-deploy.yaml
kubectl rollout status deployment/fortio-deploy --timeout=2m
}

snip_configure_the_circuit_breaker_1() {
kubectl apply -f - <<EOF
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: httpbin
spec:
  host: httpbin
  trafficPolicy:
    connectionPool:
      tcp:
        maxConnections: 1
      http:
        http1MaxPendingRequests: 1
        maxRequestsPerConnection: 1
    outlierDetection:
      consecutive5xxErrors: 1
      interval: 1s
      baseEjectionTime: 3m
      maxEjectionPercent: 100
EOF
}

snip_send_one_request_1() {
kubectl exec deploy/fortio-deploy -c fortio -- /usr/bin/fortio curl -quiet http://httpbin:8000/get | head -1
}

! IFS=$'\n' read -r -d '' snip_send_one_request_1_out <<\ENDSNIP
HTTP/1.1 200 OK
ENDSNIP

snip_trip_the_breaker_1() {
kubectl exec deploy/fortio-deploy -c fortio -- /usr/bin/fortio load -c 3 -qps 0 -n 30 -loglevel Warning http://httpbin:8000/get 2>&1 | grep "^Code "
}

! IFS=$'\n' read -r -d '' snip_trip_the_breaker_1_out <<\ENDSNIP
Code 200 : 17 (56.7 %)
Code 503 : 13 (43.3 %)
ENDSNIP

snip_trip_the_breaker_2() {
kubectl exec deploy/fortio-deploy -c istio-proxy -- pilot-agent request GET stats | grep "httpbin.default.svc.cluster.local.upstream_rq_pending_overflow"
}

! IFS=$'\n' read -r -d '' snip_trip_the_breaker_2_out <<\ENDSNIP
cluster.outbound|8000||httpbin.default.svc.cluster.local.upstream_rq_pending_overflow: 13
ENDSNIP

snip_clean_up_1() {
kubectl delete destinationrule httpbin
kubectl delete -f samples/httpbin/sample-client/fortio-deploy.yaml
}
