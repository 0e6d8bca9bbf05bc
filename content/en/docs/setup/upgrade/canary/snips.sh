#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/setup/upgrade/canary/index.md
####################################################################################################

snip_before_you_begin_1() {
kubectl label namespace default istio-injection=enabled --overwrite
kubectl apply -f samples/curl/curl.yaml
kubectl rollout status deployment/curl --timeout=2m
}

snip_check_the_cluster_1() {
istioctl x precheck
}

! IFS=$'\n' read -r -d '' snip_check_the_cluster_1_out <<\ENDSNIP
✔ No issues found when checking the cluster. Istio is safe to install or upgrade!
  To get started, check out https://istio.io/latest/docs/setup/getting-started/.
ENDSNIP

snip_install_the_new_revision_1() {
istioctl install --set revision=canary --set components.ingressGateways[0].enabled=false -y
}

snip_install_the_new_revision_2() {
kubectl get deployments -n istio-system -l app=istiod
}

! IFS=$'\n' read -r -d '' snip_install_the_new_revision_2_out <<\ENDSNIP
NAME            READY   UP-TO-DATE   AVAILABLE   AGE
istiod          1/1     1            1           12m
istiod-canary   1/1     1            1           40s
ENDSNIP

snip_move_a_namespace_1() {
kubectl label namespace default istio-injection- istio.io/rev=canary
kubectl rollout restart deployment/curl
kubectl rollout status deployment/curl --timeout=2m
}

snip_move_a_namespace_2() {
istioctl proxy-status | grep -E "^NAME|^curl"
}

! IFS=$'\n' read -r -d '' snip_move_a_namespace_2_out <<\ENDSNIP
NAME                          CLUSTER        CDS              LDS              EDS              RDS              ECDS        ISTIOD                           VERSION
curl-6c9d8b5f4d-x7ktp.default Kubernetes     SYNCED (2m1s)    SYNCED (2m1s)    SYNCED (2m1s)    SYNCED (2m1s)    IGNORED     istiod-canary-7f96c6b6d6-2vjzs   1.27.0
ENDSNIP

snip_roll_back_1() {
kubectl label namespace default istio.io/rev- istio-injection=enabled
kubectl rollout restart deployment/curl
kubectl rollout status deployment/curl --timeout=2m
}

snip_roll_back_2() {
istioctl uninstall --revision=canary -y
}

snip_clean_up_1() {
kubectl delete -f samples/curl/curl.yaml
kubectl label namespace default istio-injection-
}
