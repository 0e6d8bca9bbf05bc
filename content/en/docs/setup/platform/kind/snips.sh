#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/setup/platform/kind/index.md
####################################################################################################

snip_create_a_cluster_1() {
cat <<EOF > kind-mesh.yaml
kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
- role: control-plane
- role: worker
EOF
}

snip_create_a_cluster_2() {
kind create cluster --name mesh --config kind-mesh.yaml
}

snip_check_the_cluster_1() {
kubectl wait --for=condition=Ready nodes --all --timeout=3m
}

! IFS=$'\n' read -r -d '' snip_check_the_cluster_1_out <<\ENDSNIP
node/mesh-control-plane condition met
node/mesh-worker condition met
ENDSNIP

snip_check_the_cluster_2() {
kubectl config current-context
}

! IFS=$'\n' read -r -d '' snip_check_the_cluster_2_out <<\ENDSNIP
kind-mesh
ENDSNIP

snip_delete_the_cluster_1() {
kind delete cluster --name mesh
rm kind-mesh.yaml
}
