#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/setup/getting-started-ambient/index.md
####################################################################################################
source "content/en/boilerplates/snips/gateway-api-crds.sh"
source "content/en/boilerplates/snips/gateway-api-crds-cleanup.sh"

snip_install_the_mesh_1() {
istioctl install --set profile=ambient --skip-confirmation
}

! IFS=$'\n' read -r -d '' snip_install_the_mesh_1_out <<\ENDSNIP
✔ Istio core installed
✔ Istiod installed
✔ CNI installed
✔ Ztunnel installed
✔ Installation complete
ENDSNIP

snip_install_the_mesh_2() {
kubectl rollout status daemonset/ztunnel -n istio-system --timeout=3m
}

! IFS=$'\n' read -r -d '' snip_install_the_mesh_2_out <<\ENDSNIP
daemon set "ztunnel" successfully rolled out
ENDSNIP

snip_install_the_mesh_3() {
kubectl rollout status daemonset/istio-cni-node -n istio-system --timeout=3m
}

! IFS=$'\n' read -r -d '' snip_install_the_mesh_3_out <<\ENDSNIP
daemon set "istio-cni-node" successfully rolled out
ENDSNIP

snip_deploy_the_sample_application_1() {
kubectl apply -f samples/bookinfo/platform/kube/bookinfo.yaml
kubectl apply -f samples/bookinfo/platform/kube/bookinfo-versions.yaml
kubectl apply -f samples/curl/curl.yaml
}

snip_deploy_the_sample_application_2() {
kubectl get pods
}

! IFS=$'\n' read -r -d '' snip_deploy_the_sample_application_2_out <<\ENDSNIP
NAME                              READY   STATUS    RESTARTS   AGE
curl-5b8f6d7c9d-q4xzs             1/1     Running   0          64s
details-v1-558b8b4b76-2llld       1/1     Running   0          65s
productpage-v1-6987489c74-lpkgl   1/1     Running   0          65s
ratings-v1-7dc98c7588-vzftc       1/1     Running   0          65s
reviews-v1-7f99cc4496-gdxfn       1/1     Running   0          65s
reviews-v2-7d79d5bd5d-8zzqd       1/1     Running   0          65s
reviews-v3-7dbcdcbc56-m8dph       1/1     Running   0          65s
ENDSNIP

snip_add_the_application_to_the_mesh_1() {
kubectl label namespace default istio.io/dataplane-mode=ambient
}

! IFS=$'\n' read -r -d '' snip_add_the_application_to_the_mesh_1_out <<\ENDSNIP
namespace/default labeled
ENDSNIP

snip_add_the_application_to_the_mesh_2() {
istioctl ztunnel-config workloads | grep -E "NAMESPACE|productpage"
}

! IFS=$'\n' read -r -d '' snip_add_the_application_to_the_mesh_2_out <<\ENDSNIP
NAMESPACE          POD NAME                                    ADDRESS      NODE                 WAYPOINT PROTOCOL
default            productpage-v1-6987489c74-lpkgl             10.244.1.7   mesh-worker          None     HBONE
ENDSNIP

snip_add_the_application_to_the_mesh_3() {
kubectl exec deploy/curl -- curl -sS productpage:9080/productpage | grep -o "<title>.*</title>"
}

! IFS=$'\n' read -r -d '' snip_add_the_application_to_the_mesh_3_out <<\ENDSNIP
<title>Simple Bookstore App</title>
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
kubectl exec deploy/curl -- curl -sS bookinfo-gateway-istio/productpage | grep -o "<title>.*</title>"
}

! IFS=$'\n' read -r -d '' snip_open_the_application_to_outside_traffic_4_out <<\ENDSNIP
<title>Simple Bookstore App</title>
ENDSNIP

snip_clean_up_1() {
kubectl label namespace default istio.io/dataplane-mode-
kubectl delete -f samples/bookinfo/gateway-api/bookinfo-gateway.yaml
kubectl delete -f samples/curl/curl.yaml
kubectl delete -f samples/bookinfo/platform/kube/bookinfo-versions.yaml
kubectl delete -f samples/bookinfo/platform/kube/bookinfo.yaml
istioctl uninstall -y --purge
kubectl delete namespace istio-system
}
