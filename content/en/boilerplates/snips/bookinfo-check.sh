#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          boilerplates/bookinfo-check.md
####################################################################################################

bpsnip_bookinfo_check__1() {
kubectl exec deploy/ratings-v1 -c ratings -- curl -sS productpage:9080/productpage | grep -o "<title>.*</title>"
}

! IFS=$'\n' read -r -d '' bpsnip_bookinfo_check__1_out <<\ENDSNIP
<title>Simple Bookstore App</title>
ENDSNIP
