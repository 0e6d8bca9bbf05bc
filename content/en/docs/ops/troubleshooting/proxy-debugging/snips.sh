#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/ops/troubleshooting/proxy-debugging/index.md
####################################################################################################
source "content/en/boilerplates/snips/before-you-begin-bookinfo.sh"
source "content/en/boilerplates/snips/cleanup-bookinfo.sh"

snip_did_every_proxy_get_its_configuration_1() {
istioctl proxy-status | grep -E "^NAME|^productpage"
}

! IFS=$'\n' read -r -d '' snip_did_every_proxy_get_its_configuration_1_out <<\ENDSNIP
NAME                                      CLUSTER        CDS              LDS              EDS              RDS              ECDS        ISTIOD                      VERSION
productpage-v1-6987489c74-lpkgl.default   Kubernetes     SYNCED (52s)     SYNCED (52s)     SYNCED (52s)     SYNCED (52s)     IGNORED     istiod-6d7b8c9f4-k2xvq      1.27.0
ENDSNIP

snip_what_was_the_proxy_told_1() {
istioctl proxy-config clusters deploy/productpage-v1 --fqdn reviews.default.svc.cluster.local
}

! IFS=$'\n' read -r -d '' snip_what_was_the_proxy_told_1_out <<\ENDSNIP
SERVICE FQDN                          PORT     SUBSET     DIRECTION     TYPE     DESTINATION RULE
reviews.default.svc.cluster.local     9080     -          outbound      EDS      reviews.default
reviews.default.svc.cluster.local     9080     v1         outbound      EDS      reviews.default
reviews.default.svc.cluster.local     9080     v2         outbound      EDS      reviews.default
reviews.default.svc.cluster.local     9080     v3         outbound      EDS      reviews.default
ENDSNIP

snip_what_was_the_proxy_told_2() {
istioctl proxy-config endpoints deploy/productpage-v1 --cluster "outbound|9080|v1|reviews.default.svc.cluster.local"
}

! IFS=$'\n' read -r -d '' snip_what_was_the_proxy_told_2_out <<\ENDSNIP
ENDPOINT             STATUS      OUTLIER CHECK     CLUSTER
10.244.0.12:9080     HEALTHY     OK                outbound|9080|v1|reviews.default.svc.cluster.local
ENDSNIP

snip_why_does_this_pod_behave_like_that_1() {
istioctl x describe pod "$(kubectl get pod -l app=reviews,version=v1 -o jsonpath='{.items[0].metadata.name}')"
}

! IFS=$'\n' read -r -d '' snip_why_does_this_pod_behave_like_that_1_out <<\ENDSNIP
Pod: reviews-v1-7f99cc4496-gdxfn
   Pod Revision: default
   Pod Ports: 9080 (reviews)
--------------------
Service: reviews
   Port: http 9080/HTTP targets pod port 9080
DestinationRule: reviews for "reviews"
   Matching subsets: v1
      (Non-matching subsets v2,v3)
   No Traffic Policy
--------------------
Effective PeerAuthentication:
   Workload mTLS mode: PERMISSIVE
ENDSNIP

snip_dump_everything_1() {
istioctl proxy-config all deploy/productpage-v1 -o json > productpage-config.json
grep -c '"@type"' productpage-config.json
}

snip_dump_everything_2() {
istioctl proxy-config log deploy/productpage-v1 --level http:debug,router:debug > /dev/null
istioctl proxy-config log deploy/productpage-v1 --level warning > /dev/null
}

snip_clean_up_1() {
rm productpage-config.json
}
