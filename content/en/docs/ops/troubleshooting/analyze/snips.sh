#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/ops/troubleshooting/analyze/index.md
####################################################################################################

snip_before_you_begin_1() {
kubectl label namespace default istio-injection=enabled --overwrite
}

snip_analyze_a_namespace_1() {
istioctl analyze
}

! IFS=$'\n' read -r -d '' snip_analyze_a_namespace_1_out <<\ENDSNIP
✔ No validation issues found when analyzing namespace: default.
ENDSNIP

snip_analyze_a_namespace_2() {
kubectl apply -f - <<EOF
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: broken-route
spec:
  hosts:
  - "shop.example.com"
  gateways:
  - missing-gateway
  http:
  - route:
    - destination:
        host: productpage
EOF
}

snip_analyze_a_namespace_3() {
istioctl analyze
}

! IFS=$'\n' read -r -d '' snip_analyze_a_namespace_3_out <<\ENDSNIP
Error [IST0101] (VirtualService default/broken-route) Referenced gateway not found: "missing-gateway"
Error [IST0101] (VirtualService default/broken-route) Referenced host not found: "productpage"
Error: Analyzers found issues when analyzing namespace: default.
See https://istio.io/v1.27/docs/reference/config/analysis for more information about causes and resolutions.
ENDSNIP

snip_analyze_files_before_you_apply_them_1() {
cat <<EOF > shop-gateway.yaml
apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: missing-gateway
spec:
  selector:
    istio: ingressgateway
  servers:
  - port:
      number: 80
      name: http
      protocol: HTTP
    hosts:
    - "shop.example.com"
EOF
istioctl analyze shop-gateway.yaml
}

! IFS=$'\n' read -r -d '' snip_analyze_files_before_you_apply_them_1_out <<\ENDSNIP
Error [IST0101] (VirtualService default/broken-route) Referenced host not found: "productpage"
Error: Analyzers found issues when analyzing namespace: default.
See https://istio.io/v1.27/docs/reference/config/analysis for more information about causes and resolutions.
ENDSNIP

snip_clean_up_1() {
kubectl delete virtualservice broken-route
rm shop-gateway.yaml
kubectl label namespace default istio-injection-
}
