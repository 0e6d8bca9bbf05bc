#!/usr/bin/env bash
#
# Sample applications used by many pages. Paths are relative to the docs repo root, where the
# mesh's samples/ directory is expected (as on istio.io). Cleanups never fail.

GATEWAY_API=${GATEWAY_API:-false}

startup_bookinfo_sample() {
  kubectl apply -f samples/bookinfo/platform/kube/bookinfo.yaml
  if [[ $GATEWAY_API == true ]]; then
    kubectl apply -f samples/bookinfo/gateway-api/bookinfo-gateway.yaml
    _wait_for_gateway default bookinfo-gateway
    kubectl apply -f samples/bookinfo/platform/kube/bookinfo-versions.yaml
  else
    kubectl apply -f samples/bookinfo/networking/bookinfo-gateway.yaml
    kubectl apply -f samples/bookinfo/networking/destination-rule-all.yaml
  fi
  local d
  for d in details-v1 productpage-v1 ratings-v1 reviews-v1 reviews-v2 reviews-v3; do
    _wait_for_deployment default "$d"
  done
}

cleanup_bookinfo_sample() {
  if [[ $GATEWAY_API == true ]]; then
    kubectl delete -f samples/bookinfo/gateway-api/bookinfo-gateway.yaml || true
    kubectl delete -f samples/bookinfo/platform/kube/bookinfo-versions.yaml || true
  else
    kubectl delete -f samples/bookinfo/networking/bookinfo-gateway.yaml || true
    kubectl delete -f samples/bookinfo/networking/destination-rule-all.yaml || true
  fi
  kubectl delete -f samples/bookinfo/platform/kube/bookinfo.yaml || true
}

startup_curl_sample() {
  kubectl apply -f samples/curl/curl.yaml -n default
  _wait_for_deployment default curl
}

cleanup_curl_sample() {
  kubectl delete -f samples/curl/curl.yaml -n default || true
}

startup_httpbin_sample() {
  kubectl apply -f samples/httpbin/httpbin.yaml -n default
  _wait_for_deployment default httpbin
}

cleanup_httpbin_sample() {
  kubectl delete -f samples/httpbin/httpbin.yaml -n default || true
}

# sample_http_request PATH [USER]: requests PATH through the ingress from the curl pod, logged in
# as USER when given.
sample_http_request() {
  local path=$1 user=${2:-} url pod
  if [[ $GATEWAY_API == true ]]; then
    url=http://bookinfo-gateway-istio.default
  else
    url=http://istio-ingressgateway.${MESH_NAMESPACE:-istio-system}
  fi
  pod=$(kubectl get pod -l app=curl -n default -o jsonpath='{.items[0].metadata.name}')
  if [[ -n $user ]]; then
    kubectl exec "$pod" -c curl -n default -- curl -sS -c /tmp/cookies -X POST -d "username=$user&passwd=password" "$url/login" >/dev/null
    kubectl exec "$pod" -c curl -n default -- curl -sS -b /tmp/cookies "$url$path"
    kubectl exec "$pod" -c curl -n default -- curl -sS -b /tmp/cookies "$url/logout" >/dev/null
  else
    kubectl exec "$pod" -c curl -n default -- curl -sS "$url$path"
  fi
}
