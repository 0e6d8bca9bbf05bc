#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/setup/getting-started/index.md
####################################################################################################
source "content/en/boilerplates/snips/before-you-begin-bookinfo.sh"

snip_download_the_mesh_1() {
curl -L https://mesh.example.org/downloadMesh | MESH_VERSION=1.27.0 sh -
cd mesh-1.27.0
export PATH=$PWD/bin:$PATH
}

snip_install_the_mesh_1() {
istioctl install --set profile=demo -y
}

! IFS=$'\n' read -r -d '' snip_install_the_mesh_1_out <<\ENDSNIP
✔ Istio core installed
✔ Istiod installed
✔ Ingress gateways installed
✔ Installation complete
ENDSNIP

snip_install_the_mesh_2() {
kubectl label namespace default istio-injection=enabled
}

! IFS=$'\n' read -r -d '' snip_install_the_mesh_2_out <<\ENDSNIP
namespace/default labeled
ENDSNIP

snip_deploy_the_sample_application_1() {
kubectl get pods
}

! IFS=$'\n' read -r -d '' snip_deploy_the_sample_application_1_out <<\ENDSNIP
NAME                              READY   STATUS    RESTARTS   AGE
details-v1-558b8b4b76-2llld       2/2     Running   0          2m41s
productpage-v1-6987489c74-lpkgl   2/2     Running   0          2m40s
ratings-v1-7dc98c7588-vzftc       2/2     Running   0          2m41s
reviews-v1-7f99cc4496-gdxfn       2/2     Running   0          2m41s
reviews-v2-7d79d5bd5d-8zzqd       2/2     Running   0          2m41s
reviews-v3-7dbcdcbc56-m8dph       2/2     Running   0          2m41s
ENDSNIP

snip_open_the_application_to_outside_traffic_1() {
kubectl apply -f samples/bookinfo/networking/bookinfo-gateway.yaml
}

! IFS=$'\n' read -r -d '' snip_open_the_application_to_outside_traffic_1_out <<\ENDSNIP
gateway.networking.istio.io/bookinfo-gateway created
virtualservice.networking.istio.io/bookinfo created
ENDSNIP

snip_open_the_application_to_outside_traffic_2() {
kubectl apply -f samples/bookinfo/gateway-api/bookinfo-gateway.yaml
}

! IFS=$'\n' read -r -d '' snip_open_the_application_to_outside_traffic_2_out <<\ENDSNIP
gateway.gateway.networking.k8s.io/bookinfo-gateway created
httproute.gateway.networking.k8s.io/bookinfo created
ENDSNIP

snip_open_the_application_to_outside_traffic_3() {
istioctl analyze
}

! IFS=$'\n' read -r -d '' snip_open_the_application_to_outside_traffic_3_out <<\ENDSNIP
✔ No validation issues found when analyzing namespace: default.
ENDSNIP

snip_clean_up_1() {
kubectl delete -f samples/bookinfo/platform/kube/bookinfo.yaml
istioctl uninstall -y --purge
kubectl label namespace default istio-injection-
}
