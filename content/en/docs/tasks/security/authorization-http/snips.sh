#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/tasks/security/authorization-http/index.md
####################################################################################################
source "content/en/boilerplates/snips/before-you-begin-bookinfo.sh"
source "content/en/boilerplates/snips/cleanup-bookinfo.sh"

snip_check_productpage() {
kubectl exec deploy/curl -- curl -sS productpage:9080/productpage | grep -oE "<title>.*</title>|Error fetching product [a-z]+|RBAC: access denied"
}

! IFS=$'\n' read -r -d '' snip_check_productpage_out <<\ENDSNIP
<title>Simple Bookstore App</title>
ENDSNIP

snip_deny_everything_1() {
kubectl apply -f - <<EOF
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: allow-nothing
spec:
  {}
EOF
}

snip_deny_everything_2() {
kubectl exec deploy/curl -- curl -sS productpage:9080/productpage | grep -oE "<title>.*</title>|Error fetching product [a-z]+|RBAC: access denied"
}

! IFS=$'\n' read -r -d '' snip_deny_everything_2_out <<\ENDSNIP
RBAC: access denied
ENDSNIP

snip_open_the_product_page_1() {
kubectl apply -f - <<EOF
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: productpage-viewer
spec:
  selector:
    matchLabels:
      app: productpage
  action: ALLOW
  rules:
  - to:
    - operation:
        methods: ["GET"]
EOF
}

snip_open_the_product_page_2() {
kubectl exec deploy/curl -- curl -sS productpage:9080/productpage | grep -oE "<title>.*</title>|Error fetching product [a-z]+|RBAC: access denied"
}

! IFS=$'\n' read -r -d '' snip_open_the_product_page_2_out <<\ENDSNIP
<title>Simple Bookstore App</title>
Error fetching product details
Error fetching product reviews
ENDSNIP

snip_allow_the_calls_behind_the_page_1() {
kubectl apply -f - <<EOF
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: productpage-backends
spec:
  selector:
    matchExpressions:
    - key: app
      operator: In
      values: ["details", "reviews"]
  action: ALLOW
  rules:
  - from:
    - source:
        principals: ["cluster.local/ns/default/sa/bookinfo-productpage"]
    to:
    - operation:
        methods: ["GET"]
EOF
}

snip_allow_the_calls_behind_the_page_2() {
kubectl apply -f - <<EOF
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: reviews-to-ratings
spec:
  selector:
    matchLabels:
      app: ratings
  action: ALLOW
  rules:
  - from:
    - source:
        principals: ["cluster.local/ns/default/sa/bookinfo-reviews"]
    to:
    - operation:
        methods: ["GET"]
EOF
}

snip_allow_the_calls_behind_the_page_3() {
kubectl exec deploy/curl -- curl -sS productpage:9080/productpage | grep -oE "<title>.*</title>|Error fetching product [a-z]+|RBAC: access denied"
}

! IFS=$'\n' read -r -d '' snip_allow_the_calls_behind_the_page_3_out <<\ENDSNIP
<title>Simple Bookstore App</title>
ENDSNIP

snip_allow_the_calls_behind_the_page_4() {
kubectl exec deploy/curl -- curl -sS details:9080/details/0
}

! IFS=$'\n' read -r -d '' snip_allow_the_calls_behind_the_page_4_out <<\ENDSNIP
RBAC: access denied
ENDSNIP

snip_clean_up_1() {
kubectl delete authorizationpolicy allow-nothing productpage-viewer productpage-backends reviews-to-ratings
}
