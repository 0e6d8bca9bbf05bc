#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/setup/install/istioctl/index.md
####################################################################################################

snip_profiles_1() {
istioctl profile list
}

! IFS=$'\n' read -r -d '' snip_profiles_1_out <<\ENDSNIP
Istio configuration profiles:
    ambient
    default
    demo
    empty
    minimal
    openshift
    openshift-ambient
    preview
    remote
    stable
ENDSNIP

snip_install_a_profile_1() {
istioctl install --set profile=default --set meshConfig.accessLogFile=/dev/stdout -y
}

! IFS=$'\n' read -r -d '' snip_install_a_profile_1_out <<\ENDSNIP
✔ Istio core installed
✔ Istiod installed
✔ Ingress gateways installed
✔ Installation complete
ENDSNIP

snip_install_a_profile_2() {
kubectl get deployments -n istio-system
}

! IFS=$'\n' read -r -d '' snip_install_a_profile_2_out <<\ENDSNIP
NAME                   READY   UP-TO-DATE   AVAILABLE   AGE
istio-ingressgateway   1/1     1            1           52s
istiod                 1/1     1            1           61s
ENDSNIP

snip_customize_with_a_file_1() {
cat <<EOF > mesh-install.yaml
apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
spec:
  profile: default
  meshConfig:
    accessLogFile: /dev/stdout
EOF
}

snip_customize_with_a_file_2() {
istioctl install -f mesh-install.yaml -y
}

! IFS=$'\n' read -r -d '' snip_customize_with_a_file_2_out <<\ENDSNIP
✔ Istio core installed
✔ Istiod installed
✔ Ingress gateways installed
✔ Installation complete
ENDSNIP

snip_customize_with_a_file_3() {
kubectl get configmap istio -n istio-system -o jsonpath='{.data.mesh}' | grep accessLogFile
}

! IFS=$'\n' read -r -d '' snip_customize_with_a_file_3_out <<\ENDSNIP
accessLogFile: /dev/stdout
ENDSNIP

snip_clean_up_1() {
rm mesh-install.yaml
}
