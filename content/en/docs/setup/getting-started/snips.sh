#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/setup/getting-started/index.md
####################################################################################################
source "content/en/boilerplates/snips/gateway-api-crds.sh"
source "content/en/boilerplates/snips/bookinfo-check.sh"
source "content/en/boilerplates/snips/gateway-api-crds-cleanup.sh"

snip_install_the_mesh_1() {
istioctl install --set profile=minimal -y
}

! IFS=$'\n' read -r -d '' snip_install_the_mesh_1_out <<\ENDSNIP
✔ Istio core installed
✔ Istiod installed
✔ Installation complete
ENDSNIP

snip_install_the_mesh_2() {
kubectl label namespace default istio-injection=enabled
}

! IFS=$'\n' read -r -d '' snip_install_the_mesh_2_out <<\ENDSNIP
namespace/default labeled
ENDSNIP

snip_deploy_the_sample_application_1() {
kubectl apply -f samples/bookinfo/platform/kube/bookinfo.yaml
}

snip_deploy_the_sample_application_2() {
kubectl get pods
}

! IFS=$'\n' read -r -d '' snip_deploy_the_sample_application_2_out <<\ENDSNIP
NAME                              READY   STATUS    RESTARTS   AGE
details-v1-558b8b4b76-2llld       2/2     Running   0          2m41s
productpage-v1-6987489c74-lpkgl   2/2     Running   0          2m40s
ratings-v1-7dc98c7588-vzftc       2/2     Running   0          2m41s
reviews-v1-7f99cc4496-gdxfn       2/2     Running   0          2m41s
reviews-v2-7d79d5bd5d-8zzqd       2/2     Running   0          2m41s
reviews-v3-7dbcdcbc56-m8dph       2/2     Running   0          2m41s
ENDSNIP

snip_open_the_application_to_outside_traffic_1() {
kubectl apply -f samples/bookinfo/gateway-api/bookinfo-gateway.yaml
}

! IFS=$'\n' read -r -d '' snip_open_the_application_to_outside_traffic_1_out <<\ENDSNIP
gateway.gateway.networking.k8s.io/bookinfo-gateway created
httproute.gateway.networking.k8s.io/bookinfo created
ENDSNIP

snip_open_the_application_to_outside_traffic_2() {
kubectl annotate gtw bookinfo-gateway networking.istio.io/service-type=ClusterIP
}

! IFS=$'\n' read -r -d '' snip_open_the_application_to_outside_traffic_2_out <<\ENDSNIP
gateway.gateway.networking.k8s.io/bookinfo-gateway annotated
ENDSNIP

snip_open_the_application_to_outside_traffic_3() {
kubectl wait --for=condition=programmed gtw bookinfo-gateway --timeout=2m
}

! IFS=$'\n' read -r -d '' snip_open_the_application_to_outside_traffic_3_out <<\ENDSNIP
gateway.gateway.networking.k8s.io/bookinfo-gateway condition met
ENDSNIP

snip_open_the_application_to_outside_traffic_4() {
kubectl exec deploy/ratings-v1 -c ratings -- curl -sS bookinfo-gateway-istio/productpage | grep -o "<title>.*</title>"
}

! IFS=$'\n' read -r -d '' snip_open_the_application_to_outside_traffic_4_out <<\ENDSNIP
<title>Simple Bookstore App</title>
ENDSNIP

snip_check_the_configuration_1() {
istioctl analyze
}

! IFS=$'\n' read -r -d '' snip_check_the_configuration_1_out <<\ENDSNIP
✔ No validation issues found when analyzing namespace: default.
ENDSNIP

snip_clean_up_1() {
kubectl delete -f samples/bookinfo/gateway-api/bookinfo-gateway.yaml
kubectl delete -f samples/bookinfo/platform/kube/bookinfo.yaml
kubectl label namespace default istio-injection-
istioctl uninstall -y --purge
kubectl delete namespace istio-system
}
