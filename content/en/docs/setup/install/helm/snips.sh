#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/setup/install/helm/index.md
####################################################################################################

snip_before_you_begin_1() {
helm repo add istio https://istio-release.storage.googleapis.com/charts
helm repo update
}

snip_install_for_sidecars_1() {
helm install istio-base istio/base -n istio-system --create-namespace --version 1.27.0 --wait
}

snip_install_for_sidecars_2() {
helm install istiod istio/istiod -n istio-system --version 1.27.0 --wait
}

snip_install_for_sidecars_3() {
helm ls -n istio-system -o yaml | grep -E "^  (name|status):"
}

! IFS=$'\n' read -r -d '' snip_install_for_sidecars_3_out <<\ENDSNIP
  name: istio-base
  status: deployed
  name: istiod
  status: deployed
ENDSNIP

! IFS=$'\n' read -r -d '' snip_install_for_sidecars_4 <<\ENDSNIP
image: "{{ .Values.global.hub }}/pilot:{{ .Values.global.tag }}"
ENDSNIP

snip_add_a_gateway_1() {
helm install istio-ingress istio/gateway -n istio-ingress --create-namespace --version 1.27.0
}

snip_uninstall_1() {
helm delete istio-ingress -n istio-ingress
kubectl delete namespace istio-ingress
helm delete istiod -n istio-system
helm delete istio-base -n istio-system
kubectl delete namespace istio-system
kubectl get crd -oname | grep --color=never 'istio.io' | xargs kubectl delete
}
