#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/tasks/security/plugin-ca-cert/index.md
####################################################################################################
source "content/en/boilerplates/snips/curl-sample.sh"

snip_create_the_certificates_1() {
mkdir -p mesh-certs && cd mesh-certs
}

snip_create_the_certificates_2() {
openssl req -x509 -sha256 -nodes -days 3650 -newkey rsa:4096 -subj "/O=Example Mesh/CN=Example Root CA" -keyout root-key.pem -out root-cert.pem 2>/dev/null
}

snip_create_the_certificates_3() {
openssl req -newkey rsa:4096 -nodes -subj "/O=Example Mesh/CN=Intermediate CA cluster1" -keyout ca-key.pem -out ca.csr 2>/dev/null
cat <<EOF > ca.ext
basicConstraints=critical,CA:TRUE,pathlen:0
keyUsage=critical,digitalSignature,keyEncipherment,keyCertSign,cRLSign
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid,issuer
EOF
openssl x509 -req -sha256 -days 730 -in ca.csr -CA root-cert.pem -CAkey root-key.pem -CAcreateserial -extfile ca.ext -out ca-cert.pem 2>/dev/null
cat ca-cert.pem root-cert.pem > cert-chain.pem
}

snip_create_the_certificates_4() {
openssl verify -CAfile root-cert.pem ca-cert.pem
}

! IFS=$'\n' read -r -d '' snip_create_the_certificates_4_out <<\ENDSNIP
ca-cert.pem: OK
ENDSNIP

snip_give_the_ca_to_the_mesh_1() {
kubectl create namespace istio-system
kubectl create secret generic cacerts -n istio-system \
    --from-file=ca-cert.pem --from-file=ca-key.pem --from-file=root-cert.pem --from-file=cert-chain.pem
cd ..
}

snip_give_the_ca_to_the_mesh_2() {
istioctl install --set profile=minimal -y
}

snip_check_the_workload_certificates_1() {
kubectl label namespace default istio-injection=enabled --overwrite
}

snip_check_the_workload_certificates_2() {
kubectl get configmap istio-ca-root-cert -o jsonpath='{.data.root-cert\.pem}' | openssl x509 -noout -subject
}

! IFS=$'\n' read -r -d '' snip_check_the_workload_certificates_2_out <<\ENDSNIP
subject=O = Example Mesh, CN = Example Root CA
ENDSNIP

snip_check_the_workload_certificates_3() {
istioctl proxy-config secret deploy/curl -o json | jq -r '.dynamicActiveSecrets[] | select(.name == "default") | .secret.tlsCertificate.certificateChain.inlineBytes' | base64 -d | openssl x509 -noout -issuer
}

! IFS=$'\n' read -r -d '' snip_check_the_workload_certificates_3_out <<\ENDSNIP
issuer=O = Example Mesh, CN = Intermediate CA cluster1
ENDSNIP

snip_clean_up_1() {
kubectl delete -f samples/curl/curl.yaml
kubectl label namespace default istio-injection-
istioctl uninstall --purge -y
kubectl delete namespace istio-system
rm -rf mesh-certs
}
