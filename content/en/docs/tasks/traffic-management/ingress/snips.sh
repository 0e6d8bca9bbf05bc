#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/tasks/traffic-management/ingress/index.md
####################################################################################################
source "content/en/boilerplates/snips/deploy-httpbin.sh"
source "content/en/boilerplates/snips/curl-sample.sh"
source "content/en/boilerplates/snips/gateway-api-crds.sh"
source "content/en/boilerplates/snips/gateway-api-crds-cleanup.sh"
source "content/en/boilerplates/snips/cleanup-httpbin.sh"

snip_configure_the_gateway_1() {
kubectl apply -f - <<EOF
apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: httpbin-gateway
spec:
  selector:
    istio: ingressgateway
  servers:
  - port:
      number: 80
      name: http
      protocol: HTTP
    hosts:
    - "httpbin.example.com"
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: httpbin
spec:
  hosts:
  - "httpbin.example.com"
  gateways:
  - httpbin-gateway
  http:
  - match:
    - uri:
        prefix: /status
    - uri:
        prefix: /delay
    route:
    - destination:
        host: httpbin
        port:
          number: 8000
EOF
}

snip_configure_the_gateway_2() {
kubectl apply -f - <<EOF
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: httpbin-gateway
spec:
  gatewayClassName: istio
  listeners:
  - name: http
    hostname: "httpbin.example.com"
    port: 80
    protocol: HTTP
    allowedRoutes:
      namespaces:
        from: Same
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: httpbin
spec:
  parentRefs:
  - name: httpbin-gateway
  hostnames:
  - "httpbin.example.com"
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /status
    - path:
        type: PathPrefix
        value: /delay
    backendRefs:
    - name: httpbin
      port: 8000
EOF
}

snip_configure_the_gateway_3() {
kubectl annotate gtw httpbin-gateway networking.istio.io/service-type=ClusterIP
kubectl wait --for=condition=programmed gtw httpbin-gateway --timeout=2m
}

snip_send_requests_through_the_gateway_1() {
kubectl exec deploy/curl -- curl -sS -o /dev/null -w "%{http_code}\n" -H "Host: httpbin.example.com" http://istio-ingressgateway.istio-system/status/200
}

! IFS=$'\n' read -r -d '' snip_send_requests_through_the_gateway_1_out <<\ENDSNIP
200
ENDSNIP

snip_send_requests_through_the_gateway_2() {
kubectl exec deploy/curl -- curl -sS -o /dev/null -w "%{http_code}\n" -H "Host: httpbin.example.com" http://istio-ingressgateway.istio-system/headers
}

! IFS=$'\n' read -r -d '' snip_send_requests_through_the_gateway_2_out <<\ENDSNIP
404
ENDSNIP

snip_send_requests_through_the_gateway_3() {
kubectl exec deploy/curl -- curl -sS -o /dev/null -w "%{http_code}\n" -H "Host: httpbin.example.com" http://httpbin-gateway-istio.default/status/200
}

! IFS=$'\n' read -r -d '' snip_send_requests_through_the_gateway_3_out <<\ENDSNIP
200
ENDSNIP

snip_send_requests_through_the_gateway_4() {
kubectl exec deploy/curl -- curl -sS -o /dev/null -w "%{http_code}\n" -H "Host: httpbin.example.com" http://httpbin-gateway-istio.default/headers
}

! IFS=$'\n' read -r -d '' snip_send_requests_through_the_gateway_4_out <<\ENDSNIP
404
ENDSNIP

snip_clean_up_1() {
kubectl delete virtualservice httpbin
kubectl delete gateway.networking.istio.io httpbin-gateway
}

snip_clean_up_2() {
kubectl delete httproute httpbin
kubectl delete gateway.gateway.networking.k8s.io httpbin-gateway
}

snip_clean_up_3() {
kubectl delete -f samples/curl/curl.yaml
}
